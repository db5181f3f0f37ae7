// SPDX-License-Identifier: GPL-3.0-or-later
// Opens the real main window offscreen on a populated temporary profile.
#include "config/profile.h"
#include "config/settings.h"
#include "domain/dayrun.h"
#include "jobs/job.h"
#include "models/paperfilterproxy.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "store/paperstore.h"
#include "support/fixtures.h"
#include "support/loopbackhttpserver.h"
#include "ui/detailpane.h"
#include "ui/emptystatewidget.h"
#include "ui/mainwindow.h"
#include "ui/scorechartview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Lectern;

namespace {

void populate(const QString &dbPath)
{
    auto store = PaperStore::open(dbPath);
    QVERIFY(store.ok());
    const QDate today(2026, 11, 23);
    const QDate before(2026, 11, 20);
    QList<Paper> papers;
    const QList<std::pair<int, int>> scores {{9, 8}, {3, 4}, {7, 9}, {5, 5}};
    for (int i = 0; i < 4; ++i) {
        Paper p = Test::makePaper(QStringLiteral("2611.0000%1").arg(i + 1), 1, today);
        p.title = QStringLiteral("Paper %1 about %2")
                      .arg(QChar(u'A' + i))
                      .arg(i == 2 ? QStringLiteral("kelp forests") : QStringLiteral("graphs"));
        papers << p;
    }
    papers << Test::makePaper(QStringLiteral("2611.00099"), 1, before);
    QVERIFY(store.value()->upsertPapers(papers).ok());
    for (int i = 0; i < 4; ++i)
        QVERIFY(store.value()
                    ->addScore(Test::makeScore(papers.at(i), scores.at(i).first, scores.at(i).second))
                    .ok());
}

QStringList column(QTableView *view, int col)
{
    QStringList out;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        out << view->model()->index(r, col).data().toString();
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsLatestDayAndSorts()
    {
        Test::TempProfileDir dir;
        populate(dir.databasePath());
        MainWindow w(Profile::inDirectory(dir.path()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAbstractItemModelTester tester(
            w.paperProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(w.storeError().isEmpty());
        QCOMPARE(w.currentDay(), QDate(2026, 11, 23));
        QTableView *table = w.paperView();
        QCOMPARE(table->model()->rowCount(), 4);
        // Default order: total descending.
        QCOMPARE(column(table, TotalColumn),
            (QStringList {
                QStringLiteral("17"), QStringLiteral("16"), QStringLiteral("10"), QStringLiteral("7")}));
        // Clicking the Relevance header sorts by relevance.
        const int x = table->horizontalHeader()->sectionViewportPosition(RelevanceColumn) + 5;
        QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        const QStringList rel = column(table, RelevanceColumn);
        QVERIFY2(rel ==
                    (QStringList {QStringLiteral("3"), QStringLiteral("5"), QStringLiteral("7"),
                        QStringLiteral("9")}) ||
                rel ==
                    (QStringList {
                        QStringLiteral("9"), QStringLiteral("7"), QStringLiteral("5"), QStringLiteral("3")}),
            qPrintable(rel.join(u',')));
        const QStringList before = rel;
        QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QStringList reversed = before;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(column(table, RelevanceColumn), reversed);

        // The first row is selected and shown in the detail pane.
        table->selectRow(0);
        const QString id = table->model()->index(0, 0).data(ArxivIdRole).toString();
        QCOMPARE(w.detailPane()->currentArxivId(), id);
        QVERIFY(w.detailPane()->toPlainText().contains(id));

        // Day navigation.
        auto *dayList = w.findChild<QListView *>(QStringLiteral("dayList"));
        QCOMPARE(dayList->model()->rowCount(), 2);
        w.showPreviousDay();
        QCOMPARE(w.currentDay(), QDate(2026, 11, 20));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, RelevanceColumn).data().toString(), QStringLiteral("–"));
        w.showNextDay();
        QCOMPARE(w.currentDay(), QDate(2026, 11, 23));

        // Full-text search filters the table.
        auto *search = w.findChild<QLineEdit *>(QStringLiteral("searchField"));
        search->setText(QStringLiteral("kelp"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(ArxivIdRole).toString(), QStringLiteral("2611.00003"));
        search->clear();
        QCOMPARE(table->model()->rowCount(), 4);
    }

    void chartShowsTheDayAndSelectsOnClick()
    {
        Test::TempProfileDir dir;
        populate(dir.databasePath());
        MainWindow w(Profile::inDirectory(dir.path()));
        w.show();
        ScoreChartView *chart = w.scoreChart();
        QCOMPARE(chart->series()->count() + chart->starredSeries()->count(), 4); // the 4 scored papers
        QCOMPARE(chart->paperAt(QPointF(7.05, 8.95)), QStringLiteral("2611.00003"));
        QVERIFY(chart->paperAt(QPointF(1, 1)).isEmpty());
        Q_EMIT chart->series()->clicked(QPointF(7, 9));
        QCOMPARE(w.paperView()->currentIndex().siblingAtColumn(0).data(ArxivIdRole).toString(),
            QStringLiteral("2611.00003"));
        w.showPreviousDay(); // a day without scores: an empty chart
        QCOMPARE(chart->series()->count(), 0);
    }

    void scoreTheShownDayWithTheBuiltinScorer()
    {
        Test::TempProfileDir dir;
        populate(dir.databasePath());
        MainWindow w(Profile::inDirectory(dir.path()));
        w.show();
        w.showPreviousDay(); // 2611.00099, not scored yet
        QCOMPARE(w.currentDay(), QDate(2026, 11, 20));
        QSignalSpy finished(w.jobRunner(), &JobRunner::finished);
        w.scoreDay();
        QVERIFY(w.jobRunner()->isRunning());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(w.currentDay(), QDate(2026, 11, 20)); // stays on the scored day
        QCOMPARE(w.paperView()->model()->index(0, 0).data(ScoredRole).toBool(), true);
        auto store = PaperStore::open(dir.databasePath());
        const auto history = store.value()->scoreHistory(QStringLiteral("2611.00099"));
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().model, QStringLiteral("lectern-local"));
        QVERIFY(history->first().comment.startsWith(QStringLiteral("Built-in scorer")));
        // The profile got editable copies of the prompts on the way.
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/prompts/topics.md")));
    }

    void emptyProfileShowsCallToAction()
    {
        Test::TempProfileDir dir;
        MainWindow w(Profile::inDirectory(dir.path()));
        w.show();
        auto *stack = w.findChild<QStackedWidget *>();
        QVERIFY(stack);
        auto *empty = w.findChild<EmptyStateWidget *>(QStringLiteral("emptyState"));
        QCOMPARE(stack->currentWidget(), empty);
        auto *button = w.findChild<QPushButton *>(QStringLiteral("fetchTodayButton"));
        QVERIFY(button->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Fetch today's papers"));
        QCOMPARE(w.paperView()->model()->rowCount(), 0);
    }

    void fetchFromTheEmptyStateThenShowTheDay()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.serve("/rss/cs.LG", Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.serve("/rss/cs.AI", Test::fixture(QStringLiteral("rss/cs.AI-2026-11-23.xml")));
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::ArxivRssBase, server.url(QStringLiteral("/rss"))).ok());
            QVERIFY(settings.setValue(Keys::ArxivMinIntervalMs, 100).ok());
        }
        MainWindow w(profile);
        w.show();
        QSignalSpy finished(w.jobRunner(), &JobRunner::finished);
        auto *button = w.findChild<QPushButton *>(QStringLiteral("fetchTodayButton"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(w.jobRunner()->isRunning());
        QVERIFY(!button->isEnabled()); // no second fetch while one runs
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(w.currentDay(), QDate(2026, 11, 23));
        QCOMPARE(w.paperView()->model()->rowCount(), 5);
        QVERIFY(w.lastJobMessage().contains(QStringLiteral("5 new")));
        QVERIFY(!w.findChild<QToolButton *>(QStringLiteral("cancelJob"))->isVisible());
    }

    void autoRunAtStartFetchesWhenTodayIsMissing()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.serve("/rss/cs.LG", Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::ArxivRssBase, server.url(QStringLiteral("/rss"))).ok());
            QVERIFY(settings.setText(Keys::ArxivCategories, QStringLiteral("cs.LG")).ok());
            QVERIFY(settings.setValue(Keys::UiAutoRunAtStart, true).ok());
        }
        MainWindow w(profile);
        QVERIFY(w.autoRunScheduled());
        QSignalSpy finished(w.jobRunner(), &JobRunner::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(w.paperView()->model()->rowCount(), 3);

        // Off (the default): nothing is fetched at start-up.
        Test::TempProfileDir other;
        MainWindow quiet(Profile::inDirectory(other.path()));
        QVERIFY(!quiet.autoRunScheduled());
        QVERIFY(!quiet.jobRunner()->isRunning());
    }

    void cancelledFetchLeavesAConsistentStore()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.serve("/rss/cs.LG", Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.serve("/rss/cs.AI", Test::fixture(QStringLiteral("rss/cs.AI-2026-11-23.xml")));
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::ArxivRssBase, server.url(QStringLiteral("/rss"))).ok());
            QVERIFY(settings.setValue(Keys::ArxivMinIntervalMs, 5000).ok());
        }
        MainWindow w(profile);
        w.show();
        QSignalSpy finished(w.jobRunner(), &JobRunner::finished);
        w.fetchToday();
        // The first feed arrives; the second waits on the politeness gap. Cancel from the UI.
        QVERIFY(QTest::qWaitFor([&] { return server.requests().size() == 1; }, 10000));
        QTest::qWait(200);
        auto *cancel = w.findChild<QToolButton *>(QStringLiteral("cancelJob"));
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().at(0).toBool());
        QCOMPARE(server.requests().size(), 1);
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        // Whole feeds only: cs.LG's three kept papers, nothing half-written.
        QCOMPARE(store.value()->recordsForDay(QDate(2026, 11, 23))->size(), 3);
    }

    void partialDayOffersABackfill()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.serve("/oai", Test::fixture(QStringLiteral("oai/page2.xml"))); // one cs.LG paper on 2026-11-18
        Test::TempProfileDir dir;
        const Profile profile = Profile::inDirectory(dir.path());
        const QDate day(2026, 11, 18);
        {
            Settings settings(profile.settingsPath());
            QVERIFY(settings.setValue(Keys::ArxivOaiBase, server.url(QStringLiteral("/oai"))).ok());
            QVERIFY(settings.setValue(Keys::ArxivMinIntervalMs, 0).ok());
            QVERIFY(settings.setText(Keys::ArxivCategories, QStringLiteral("cs.LG")).ok());
            auto store = PaperStore::open(profile.databasePath());
            QVERIFY(store.value()->upsertPaper(Test::makePaper(QStringLiteral("2611.07777"), 1, day)).ok());
            DayRun run;
            run.date = day;
            run.source = QStringLiteral("rss");
            run.complete = false;
            run.statusNote = QStringLiteral("cs.AI failed (HTTP 503)");
            QVERIFY(store.value()->saveDayRun(run).ok());
        }
        MainWindow w(profile);
        w.show();
        auto *bar = w.findChild<QWidget *>(QStringLiteral("dayStatusBar"));
        QVERIFY(bar->isVisible());
        auto *backfill = w.findChild<QPushButton *>(QStringLiteral("backfillButton"));
        QSignalSpy finished(w.jobRunner(), &JobRunner::finished);
        QTest::mouseClick(backfill, Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().first().target.contains("from=2026-11-18"));
        QCOMPARE(w.currentDay(), day);
        QCOMPARE(w.paperView()->model()->rowCount(), 2); // the feed's paper and the back-filled one
        QVERIFY(!bar->isVisible());
    }

    void unreadableDatabaseIsExplained()
    {
        Test::TempProfileDir dir;
        QFile f(dir.databasePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'z'));
        f.close();
        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(!w.storeError().isEmpty());
        auto *button = w.findChild<QPushButton *>(QStringLiteral("fetchTodayButton"));
        QVERIFY(!button->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
