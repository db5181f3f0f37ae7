// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15 (accessible): every control of every dialog has a name a screen reader can say (its own, or
// its buddy label's), and every dialog works from the keyboard: Tab reaches its buttons and comes round,
// Esc closes it, and where the issue asks for it (the prompt editor) Esc asks before dropping edits.
#include "config/profile.h"
#include "config/settings.h"
#include "export/digestexporter.h"
#include "store/paperstore.h"
#include "ui/comparerunsdialog.h"
#include "ui/exportdialog.h"
#include "ui/firstrunwizard.h"
#include "ui/pricetableeditor.h"
#include "ui/prompteditordialog.h"
#include "ui/providerbatchesdialog.h"
#include "ui/settingsdialog.h"

#include <testkit/fixtures.h>
#include <testkit/syntheticday.h>

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QWizard>

#include <functional>
#include <memory>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

const QDate kDay(2026, 3, 17);

QString describe(const QWidget *w)
{
    return u"%1 \"%2\" in %3"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
        w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className()) + u' ' +
                w->parentWidget()->objectName()
                          : QString());
}

/// The dialog's controls a keyboard can reach (on every page and tab, shown or not) that have no
/// accessible name. The inner editor of a spin box or combo box speaks for its owner and is left out.
QStringList unnamedControls(QWidget *dialog)
{
    QStringList out;
    for (QWidget *c : dialog->findChildren<QWidget *>()) {
        if (c->focusPolicy() == Qt::NoFocus || c->window() != dialog)
            continue;
        if (c->parentWidget() &&
            (c->parentWidget()->focusProxy() == c || c->focusProxy() == c->parentWidget()))
            continue;
        // A label's name is its text: one that says nothing yet (a result to come) has nothing to name.
        if (auto *label = qobject_cast<QLabel *>(c); label && label->text().isEmpty())
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(c);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            out << describe(c);
    }
    return out;
}

/// Tabs from the first control round the dialog; the widgets focused, in order.
QList<QWidget *> tabWalk(QWidget *dialog)
{
    QList<QWidget *> visited;
    QWidget *start = QApplication::focusWidget();
    for (int i = 0; i < 200; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || focus->window() != dialog)
            break;
        if (i > 0 && focus == start)
            break;
        visited << focus;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return visited;
}

/// Runs @p drive on the next modal dialog once it shows (polled from the event loop its exec() runs).
void whenModalShows(const std::function<void(QWidget *)> &drive)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, drive] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible() || !qobject_cast<QMessageBox *>(modal))
            return;
        poll->stop();
        poll->deleteLater();
        drive(modal);
    });
    poll->start();
}

QList<PromptFile> promptFiles()
{
    const QString text = u"## Instructions\n\nScore each paper.\n\n{{topics}}\n\n{{papers}}\n"_s;
    return {{u"instructions.md"_s, text, text}};
}

} // namespace

class TestDialogAccessibility : public QObject
{
    Q_OBJECT

    Test::TempProfileDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<PaperStore> m_store;

    /// Shows @p dialog, checks its names, walks it with Tab (which must reach @p buttons and come back to
    /// where it started) and closes it with Esc.
    void check(QDialog *dialog, const QList<QAbstractButton *> &buttons)
    {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        const QStringList unnamed = unnamedControls(dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == dialog);
        QWidget *start = QApplication::focusWidget();
        const QList<QWidget *> walk = tabWalk(dialog);
        QStringList names;
        for (QWidget *w : walk)
            names << describe(w);
        QVERIFY2(QApplication::focusWidget() == start, qPrintable(names.join(u'\n')));
        int reachable = 0;
        for (QAbstractButton *b : buttons) {
            QVERIFY(b);
            if (!b->isEnabled() || !b->isVisible())
                continue; // a disabled button is skipped by Tab, as it should be
            ++reachable;
            QVERIFY2(walk.contains(b), qPrintable(b->text() + u"\n"_s + names.join(u'\n')));
        }
        QVERIFY(reachable > 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Profile profile = Profile::inDirectory(m_dir.path());
        QVERIFY(profile.ensureExists().ok());
        m_settings = std::make_unique<Settings>(profile.settingsPath());
        auto store = PaperStore::open(profile.databasePath());
        QVERIFY(store.ok());
        m_store = std::move(store).value();
        Test::storeDay(*m_store, Test::syntheticDay(kDay));
    }

    void settingsDialog()
    {
        SettingsDialog dialog(*m_settings);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(box);
        check(&dialog, box->buttons());
    }

    void priceTableEditor()
    {
        // The price table lives in Settings; checked on its own too, as the widget it is.
        SettingsDialog dialog(*m_settings);
        PriceTableEditor *prices = dialog.priceEditor();
        QVERIFY(prices);
        const QStringList unnamed = unnamedControls(&dialog);
        QStringList inPrices;
        for (QWidget *c : prices->findChildren<QWidget *>()) {
            for (const QString &u : unnamed) {
                if (u == describe(c))
                    inPrices << u;
            }
        }
        QVERIFY2(inPrices.isEmpty(), qPrintable(inPrices.join(u'\n')));
        QVERIFY(!prices->findChildren<QPushButton *>().isEmpty());
    }

    void exportDialog()
    {
        ExportDialog::Context context;
        context.day = kDay;
        context.tags = *m_store->allTags();
        context.shownFrom = kDay;
        context.shownTo = kDay;
        context.pageSize = u"A4"_s;
        context.options = DigestExporter::options(*m_settings);
        context.directory = m_dir.path();
        ExportDialog dialog(context);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QList<QAbstractButton *> buttons {dialog.exportButton()};
        if (box)
            buttons << box->button(QDialogButtonBox::Cancel);
        check(&dialog, buttons);
    }

    void promptEditor()
    {
        PromptEditorDialog dialog(promptFiles(), 30, 1.25, 20);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(box);
        check(&dialog, box->buttons());
        // With an edit, Esc asks; cancelling the question keeps the dialog and the edit.
        PromptEditorDialog edited(promptFiles(), 30, 1.25, 20);
        edited.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edited));
        edited.editor()->setFocus();
        QTest::keyClick(edited.editor(), Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(edited.editor(), u"Be strict."_s);
        bool asked = false;
        whenModalShows([&asked](QWidget *question) {
            asked = true;
            QTest::keyClick(question, Qt::Key_Escape);
        });
        QTest::keyClick(edited.editor(), Qt::Key_Escape);
        QTRY_VERIFY(asked);
        QVERIFY(edited.isVisible());
        QVERIFY(edited.editor()->toPlainText().endsWith(u"Be strict."_s));
    }

    void firstRunWizard()
    {
        const Profile profile = Profile::inDirectory(m_dir.path());
        FirstRunWizard wizard(*m_settings, profile.promptsDir());
        check(&wizard, {wizard.button(QWizard::NextButton), wizard.button(QWizard::CancelButton)});
    }

    void compareRunsDialog()
    {
        CompareRunsDialog dialog(m_store.get());
        dialog.setDay(kDay);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(box);
        check(&dialog, box->buttons());
    }

    void providerBatchesDialog()
    {
        ProviderBatchesDialog dialog(Profile::inDirectory(m_dir.path()).databasePath());
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(box);
        check(&dialog, box->buttons());
    }
};

QTEST_MAIN(TestDialogAccessibility)
#include "test_dialogaccessibility.moc"
