// SPDX-License-Identifier: GPL-3.0-or-later
// Compare Runs: the dialog on a synthetic day scored twice (two prompt hashes), and the main window's
// wiring (menu action, following the shown day, double-click selects the paper).
#include "config/profile.h"
#include "dayswitch.h"
#include "models/roles.h"
#include "models/scorecomparisonmodel.h"
#include "store/paperstore.h"
#include "ui/comparerunsdialog.h"
#include "ui/detailpane.h"
#include "ui/mainwindow.h"

#include <testkit/fixtures.h>
#include <testkit/syntheticday.h>
#include <testkit/windowparts.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace Lectern;
using Status = ScoreComparisonModel::Status;

namespace {

const QDate kDay(2026, 11, 23);
const QDate kOneRunDay(2026, 11, 20);
const QDate kUnscoredDay(2026, 11, 19);

QString idOf(int n)
{
    return QStringLiteral("2611.23%1").arg(n, 3, 10, QChar(u'0'));
}

/// The synthetic day as run "h1" scored it (gpt-5, 07:00), scored again with prompt "h2" at 09:00:
///  1 3/4 -> 2/2 (an author match when followed: relevant in both runs), 2 10/7 same, 3 9/8 -> 5/5 leaves,
///  4 9/8 same, 5 8/9 -> 9/9 changed, 6 8/7 -> 8/6 leaves on novelty, 7 unscored -> 9/9 enters,
///  8 7/9 -> 8/9 enters.
void storeTwoRuns(PaperStore &store)
{
    const Test::SyntheticDay day = Test::syntheticDay(kDay);
    Test::storeDay(store, day);
    const QList<std::pair<int, int>> second {{2, 2}, {10, 7}, {5, 5}, {9, 8}, {9, 9}, {8, 6}, {9, 9}, {8, 9}};
    for (qsizetype i = 0; i < day.records.size(); ++i) {
        Score s = Test::makeScore(
            day.records.at(i).paper, second.at(i).first, second.at(i).second, QStringLiteral("h2"));
        s.model = QStringLiteral("gpt-5");
        s.scoredAt = QDateTime(kDay, QTime(9, 0), QTimeZone::UTC);
        QVERIFY(store.addScore(s).ok());
    }
    // A day scored once, and a day never scored.
    Test::storeDay(store, Test::syntheticDay(kOneRunDay));
    Paper lone = Test::makePaper(QStringLiteral("2611.19001"), 1, kUnscoredDay);
    QVERIFY(store.upsertPaper(lone).ok());
}

std::unique_ptr<PaperStore> openStore(const QString &path)
{
    auto store = PaperStore::open(path);
    if (!store)
        qFatal("store: %s", qPrintable(store.error()));
    return std::move(store).value();
}

CompareRunsOptions digestRules()
{
    CompareRunsOptions o;
    o.followedAuthors = Test::syntheticFollowedAuthors();
    o.minRelevance = 8;
    o.minNovelty = 7;
    o.announceTypes = {QStringLiteral("new"), QStringLiteral("cross")};
    return o;
}

QStringList shownIds(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(ArxivIdRole).toString();
    out.sort();
    return out;
}

QString statusOf(QTableView *table, const QString &id)
{
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(ArxivIdRole).toString() == id)
            return table->model()->index(r, ScoreComparisonModel::StatusColumn).data().toString();
    }
    return QStringLiteral("(not shown)");
}

void doubleClickRowOf(QTableView *table, const QString &id)
{
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        const QModelIndex index = table->model()->index(r, ScoreComparisonModel::TitleColumn);
        if (index.data(ArxivIdRole).toString() != id)
            continue;
        table->scrollTo(index);
        const QPoint at = table->visualRect(index).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        return;
    }
    QFAIL(qPrintable(QStringLiteral("%1 is not in the comparison table").arg(id)));
}

} // namespace

class TestCompareRunsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void comparesTheLastTwoRuns()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir.databasePath());
        storeTwoRuns(*store);
        CompareRunsDialog dialog(store.get());
        QAbstractItemModelTester tester(
            dialog.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.setOptions(digestRules());
        dialog.setDay(kDay);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.isModal());
        QVERIFY(dialog.messageLabel()->isHidden());
        QVERIFY(dialog.table()->isVisible());

        // Oldest first; the last two are compared, old against new.
        QCOMPARE(dialog.fromCombo()->count(), 2);
        QCOMPARE(dialog.toCombo()->count(), 2);
        QCOMPARE(dialog.fromCombo()->currentIndex(), 0);
        QCOMPARE(dialog.toCombo()->currentIndex(), 1);
        QVERIFY2(dialog.fromCombo()->currentText().contains(QStringLiteral("gpt-5 · prompt h1")),
            qPrintable(dialog.fromCombo()->currentText()));
        QVERIFY2(dialog.toCombo()->currentText().contains(QStringLiteral("prompt h2")),
            qPrintable(dialog.toCombo()->currentText()));
        QVERIFY(dialog.toCombo()->currentText().contains(QStringLiteral("8 papers")));

        const QString summary = dialog.summaryLabel()->text();
        QVERIFY2(summary.startsWith(QStringLiteral("2 entered, 2 left, 2 changed")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("relevant papers 6 → 6")), qPrintable(summary));
        QVERIFY2(summary.contains(
                     QStringLiteral("7 of 8 papers marked by both runs: 5 with new marks, 2 the same")),
            qPrintable(summary));

        // "Only papers that moved" is on: the six rows the summary counts.
        QTableView *table = dialog.table();
        QVERIFY(dialog.onlyMovedBox()->isChecked());
        QCOMPARE(
            shownIds(*table->model()), (QStringList {idOf(1), idOf(3), idOf(5), idOf(6), idOf(7), idOf(8)}));
        QCOMPARE(statusOf(table, idOf(7)), QStringLiteral("entered"));
        QCOMPARE(statusOf(table, idOf(8)), QStringLiteral("entered"));
        QCOMPARE(statusOf(table, idOf(3)), QStringLiteral("left"));
        QCOMPARE(statusOf(table, idOf(6)), QStringLiteral("left"));
        QCOMPARE(statusOf(table, idOf(1)), QStringLiteral("changed")); // followed author: stays relevant
        QCOMPARE(statusOf(table, idOf(5)), QStringLiteral("changed"));
        const int row3 = dialog.model()->rowOf(idOf(3));
        QCOMPARE(dialog.model()->index(row3, ScoreComparisonModel::OldRelevanceColumn).data().toString(),
            QStringLiteral("9"));
        QCOMPARE(dialog.model()->index(row3, ScoreComparisonModel::NewRelevanceColumn).data().toString(),
            QStringLiteral("5"));
        QCOMPARE(dialog.model()->index(row3, ScoreComparisonModel::ChangeColumn).data().toString(),
            QStringLiteral("−4 / −3"));

        // Unticking shows every paper of the day.
        QTest::mouseClick(
            dialog.onlyMovedBox(), Qt::LeftButton, {}, QPoint(8, dialog.onlyMovedBox()->height() / 2));
        QVERIFY(!dialog.onlyMovedBox()->isChecked());
        QCOMPARE(table->model()->rowCount(), 8);
        QCOMPARE(statusOf(table, idOf(2)), QStringLiteral("same"));
        QCOMPARE(statusOf(table, idOf(4)), QStringLiteral("same"));
        dialog.onlyMovedBox()->setChecked(true);
        QCOMPARE(table->model()->rowCount(), 6);

        // The other way round, what entered has left.
        dialog.fromCombo()->setCurrentIndex(1);
        dialog.toCombo()->setCurrentIndex(0);
        QVERIFY2(dialog.summaryLabel()->text().startsWith(QStringLiteral("2 entered, 2 left, 2 changed")),
            qPrintable(dialog.summaryLabel()->text()));
        QCOMPARE(statusOf(table, idOf(7)), QStringLiteral("left"));
        QCOMPARE(statusOf(table, idOf(3)), QStringLiteral("entered"));

        // One run on both sides compares nothing.
        dialog.toCombo()->setCurrentIndex(1);
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("pick two different runs")));
    }

    void theChosenRunsSurviveARescore()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir.databasePath());
        storeTwoRuns(*store);
        CompareRunsDialog dialog(store.get());
        dialog.setOptions(digestRules());
        dialog.setDay(kDay);
        dialog.fromCombo()->setCurrentIndex(1);
        dialog.toCombo()->setCurrentIndex(0);
        // Another model scores one paper: a third run, but the user's choice stays.
        Score s = Test::makeScore(Test::makePaper(idOf(2), 1, kDay), 1, 1, QStringLiteral("h3"));
        s.scoredAt = QDateTime(kDay, QTime(10, 0), QTimeZone::UTC);
        QVERIFY(store->addScore(s).ok());
        dialog.setDay(kDay);
        QCOMPARE(dialog.runs().size(), 3);
        QVERIFY(dialog.fromCombo()->currentText().contains(QStringLiteral("prompt h2")));
        QVERIFY(dialog.toCombo()->currentText().contains(QStringLiteral("prompt h1")));
        // Back to the default pair, and another run: the new last two are compared.
        dialog.fromCombo()->setCurrentIndex(1);
        dialog.toCombo()->setCurrentIndex(2);
        Score again = Test::makeScore(Test::makePaper(idOf(3), 1, kDay), 2, 2, QStringLiteral("h4"));
        again.scoredAt = QDateTime(kDay, QTime(11, 0), QTimeZone::UTC);
        QVERIFY(store->addScore(again).ok());
        dialog.setDay(kDay);
        QCOMPARE(dialog.runs().size(), 4);
        QCOMPARE(dialog.fromCombo()->currentIndex(), 2);
        QCOMPARE(dialog.toCombo()->currentIndex(), 3);
        QVERIFY(dialog.toCombo()->currentText().contains(QStringLiteral("prompt h4")));
        QVERIFY2(dialog.summaryLabel()->text().startsWith(QStringLiteral("0 entered, 0 left, 0 changed")),
            qPrintable(dialog.summaryLabel()->text()));
        // Another day starts from its last two runs again.
        dialog.fromCombo()->setCurrentIndex(0);
        dialog.setDay(kOneRunDay);
        dialog.setDay(kDay);
        QVERIFY(dialog.fromCombo()->currentText().contains(QStringLiteral("test-model · prompt h3")));
        QVERIFY(dialog.toCombo()->currentText().contains(QStringLiteral("test-model · prompt h4")));
    }

    void saysSoWhenThereIsNothingToCompare()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir.databasePath());
        storeTwoRuns(*store);
        CompareRunsDialog dialog(store.get());
        dialog.setOptions(digestRules());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        dialog.setDay(kOneRunDay);
        QVERIFY(dialog.messageLabel()->isVisible());
        QVERIFY(!dialog.table()->isVisible());
        QVERIFY2(
            dialog.messageLabel()->text().contains(QStringLiteral("2026-11-20 has only one scoring run")),
            qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("a comparison needs two")));
        QCOMPARE(dialog.model()->rowCount(), 0);

        dialog.setDay(kUnscoredDay);
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("2026-11-19 has not been scored yet")),
            qPrintable(dialog.messageLabel()->text()));

        dialog.setDay(kDay);
        QVERIFY(dialog.messageLabel()->isHidden());
        QVERIFY(dialog.table()->isVisible());
        QCOMPARE(dialog.table()->model()->rowCount(), 6);

        CompareRunsDialog noStore(nullptr);
        noStore.setDay(kDay);
        QVERIFY(noStore.messageLabel()->text().contains(QStringLiteral("No database")));
    }

    void doubleClickEmitsThePaperId()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir.databasePath());
        storeTwoRuns(*store);
        CompareRunsDialog dialog(store.get());
        dialog.setOptions(digestRules());
        dialog.setDay(kDay);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy spy(&dialog, &CompareRunsDialog::paperActivated);
        doubleClickRowOf(dialog.table(), idOf(6));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), idOf(6));
    }

    void mainWindowOpensTheDialogAndSelectsThePaper()
    {
        Test::TempProfileDir dir;
        {
            auto store = openStore(dir.databasePath());
            storeTwoRuns(*store);
        }
        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(Test::days(w)->day(), kDay);
        QVERIFY(!w.findChild<CompareRunsDialog *>()); // made when first opened

        auto *action = w.findChild<QAction *>(QStringLiteral("actionCompareRuns"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(!action->toolTip().isEmpty());
        action->trigger();
        CompareRunsDialog *dialog = Test::compareRunsDialog(w);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(!dialog->isModal());
        QCOMPARE(dialog->day(), kDay);
        // The settings' rules: thresholds 8/7, no followed author, so paper 1 is relevant in neither run.
        QVERIFY2(dialog->summaryLabel()->text().startsWith(QStringLiteral("2 entered, 2 left, 2 changed")),
            qPrintable(dialog->summaryLabel()->text()));
        QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("relevant papers 5 → 5")));

        // Double-click a paper that is not the selected one: the reader selects and shows it.
        const QString first = Test::detailPane(w)->currentArxivId();
        const QString target = first == idOf(8) ? idOf(7) : idOf(8);
        doubleClickRowOf(dialog->table(), target);
        QCOMPARE(Test::detailPane(w)->currentArxivId(), target);
        const QModelIndex current = Test::paperView(w)->currentIndex();
        QCOMPARE(current.siblingAtColumn(0).data(ArxivIdRole).toString(), target);

        // The dialog follows the shown day.
        QVERIFY(Test::showDayAndWait(w, kOneRunDay));
        QVERIFY(dialog->messageLabel()->isVisible());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("only one scoring run")));
        QVERIFY(Test::showDayAndWait(w, kDay));
        QVERIFY(dialog->messageLabel()->isHidden());
        QCOMPARE(dialog->table()->model()->rowCount(), 6);

        // A paper the reader's filters hide is not selected, and the status bar says why.
        auto *starred = w.findChild<QCheckBox *>(QStringLiteral("starredOnly"));
        starred->setChecked(true);
        doubleClickRowOf(dialog->table(), idOf(8));
        QVERIFY(Test::detailPane(w)->currentArxivId() != idOf(8));
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("hidden by the filters")),
            qPrintable(w.statusBar()->currentMessage()));

        // The action again reuses the one dialog.
        action->trigger();
        QCOMPARE(Test::compareRunsDialog(w), dialog);
    }

    // Issue 15: Compare Runs by keys alone, also without a window manager (test_comparerunsdialog.xvfb runs
    // this under Xvfb): Alt+V and C open it from the View menu, j walks its papers, Alt+M toggles its filter,
    // Esc closes it, and the next j moves the main window's papers again, without a click.
    void compareRunsByKeysAlone()
    {
        Test::TempProfileDir dir;
        {
            auto store = openStore(dir.databasePath());
            storeTwoRuns(*store);
        }
        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(Test::waitForDay(w));
        w.show();
        w.activateWindow(); // what a window manager does; the window asks for it at its first show too
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *papers = w.findChild<QTableView *>(QStringLiteral("paperTable"));
        QVERIFY(papers);
        QTRY_COMPARE(QApplication::focusWidget(), papers);

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::AltModifier);
        QTRY_VERIFY(QApplication::activePopupWidget());
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_C); // the only C of the View menu
        CompareRunsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<CompareRunsDialog *>()) && dialog->isVisible());
        QTRY_COMPARE(QApplication::activeWindow(), dialog);
        QTRY_COMPARE(QApplication::focusWidget(), dialog->table());
        QCOMPARE(dialog->table()->model()->rowCount(), 6);

        const int first = std::max(dialog->table()->currentIndex().row(), 0); // the table's own on focus
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QCOMPARE(dialog->table()->currentIndex().row(), first + 1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QCOMPARE(dialog->table()->currentIndex().row(), first + 2);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_K);
        QCOMPARE(dialog->table()->currentIndex().row(), first + 1);

        QVERIFY(dialog->onlyMovedBox()->isChecked());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_M, Qt::AltModifier);
        QTRY_VERIFY(!dialog->onlyMovedBox()->isChecked());
        QCOMPARE(dialog->table()->model()->rowCount(), 8);

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
        QTRY_COMPARE(QApplication::activeWindow(), &w);
        QTRY_COMPARE(QApplication::focusWidget(), papers);
        const int row = papers->currentIndex().row();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QCOMPARE(papers->currentIndex().row(), row + 1);
    }
};

QTEST_MAIN(TestCompareRunsDialog)
#include "test_comparerunsdialog.moc"
