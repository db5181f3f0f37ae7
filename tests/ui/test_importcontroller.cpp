// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Import… in the real main window, offscreen, against the arXiv API stand-in: the file chosen in the
// dialog, the import in the background with progress and Cancel in the status bar, the summary, the store
// after, and the library's papers marked in the table and the detail pane.
#include "config/profile.h"
#include "config/settings.h"
#include "dayswitch.h"
#include "detailswait.h"
#include "jobs/job.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "ui/detailpane.h"
#include "ui/importcontroller.h"
#include "ui/mainwindow.h"
#include "ui/readerview.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/profilebuilder.h>
#include <testkit/windowparts.h>

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

void prepare(const Test::TempProfileDir &dir, const QUrl &apiBase)
{
    const QString error = Test::ProfileBuilder(dir.path())
                              .withPapers(Test::numberedPapers(4, kDay))
                              .withSetting(Keys::ArxivApiBase, apiBase)
                              .withSetting(Keys::ArxivMinIntervalMs, 0)
                              .build();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

/// Chooses @p path in the window's File ▸ Import… dialog.
void chooseInDialog(MainWindow &w, const QString &path)
{
    QAction *action = w.findChild<QAction *>(QStringLiteral("actionImport"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = w.findChild<QFileDialog *>(QStringLiteral("importFileDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFile);
    dialog->selectFile(path);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *open = buttons->button(QDialogButtonBox::Open);
    QVERIFY(open);
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
}

int rowOf(const PaperTableModel *model, const QString &arxivId)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ArxivIdRole).toString() == arxivId)
            return row;
    }
    return -1;
}

} // namespace

class TestImportController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Seen by eye: with neither ~/Zotero nor ~/Documents, the dialog proposed "Documents" as the file name.
    void dialogStartsInAFolderThatExists()
    {
        Test::TempProfileDir dir;
        prepare(dir, QUrl(QStringLiteral("http://127.0.0.1:9/")));
        const QString home = dir.path() + QStringLiteral("/home");
        QVERIFY(QDir().mkpath(home));
        const QByteArray oldHome = qgetenv("HOME");
        const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
        qputenv("HOME", home.toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/.config")).toLocal8Bit());
        const auto restore = qScopeGuard([&] {
            qputenv("HOME", oldHome);
            oldConfig.isNull() ? qunsetenv("XDG_CONFIG_HOME") : qputenv("XDG_CONFIG_HOME", oldConfig);
        });
        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(Test::waitForDay(w));
        QAction *action = w.findChild<QAction *>(QStringLiteral("actionImport"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = w.findChild<QFileDialog *>(QStringLiteral("importFileDialog"));
        QVERIFY(dialog);
        QCOMPARE(QFileInfo(dialog->directory().absolutePath()).canonicalFilePath(),
            QFileInfo(home).canonicalFilePath());
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        QCOMPARE(name->text(), QString());
        dialog->reject();
    }

    void importFromTheFileMenuShowsASummaryAndMarksTheLibrary()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        Paper elsewhere = Test::makePaper(QStringLiteral("2611.10002"), 2);
        elsewhere.title = QStringLiteral("Draft trees for speculative decoding");
        arxiv.serveApi({elsewhere});
        Test::TempProfileDir dir;
        prepare(dir, arxiv.apiBase());
        // One paper of the shown day (stored: no look-up), one looked up, one arXiv does not know, a book.
        const QString bib = dir.path() + QStringLiteral("/library.bib");
        QVERIFY(writeFile(bib,
            "@article{a, eprint = {2611.00002}}\n@misc{b, url = {https://arxiv.org/abs/2611.10002}}\n"
            "@misc{c, note = {arXiv:2611.19999}}\n"
            "@book{d, title = {Physics of Folded Proteins}, author = {Linus Pauling}, year = 2019}\n"));

        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(Test::showDayAndWait(w, kDay));
        ImportController *importer = Test::importer(w);
        QVERIFY(importer);
        QSignalSpy finished(importer->runner(), &JobRunner::finished);
        chooseInDialog(w, bib);
        QVERIFY(!QTest::currentTestFailed());
        // Started in the background, with progress and Cancel in the status bar.
        QVERIFY(importer->isRunning());
        QVERIFY(importer->progressBar()->isVisible());
        QVERIFY(importer->cancelButton()->isVisible());
        QVERIFY(finished.wait(30000));
        QVERIFY(Test::waitForDay(w));
        QVERIFY(finished.first().first().value<JobOutcome>().ok());
        QVERIFY(!importer->cancelButton()->isVisible());
        QVERIFY(!importer->progressBar()->isVisible());

        QMessageBox *summary = importer->summaryBox();
        QVERIFY(summary);
        QCOMPARE(summary->objectName(), QStringLiteral("importSummary"));
        QVERIFY(summary->isVisible());
        QVERIFY2(summary->text().contains(QStringLiteral(
                     "Imported library.bib: 2 arXiv papers added, 1 kept as text, 1 not found.")),
            qPrintable(summary->text()));
        QVERIFY2(summary->detailedText().contains(QStringLiteral("Not found: 2611.19999")),
            qPrintable(summary->detailedText()));
        QCOMPARE(arxiv.apiRequests(), 2);

        // The store: both arXiv papers tagged, the book kept as text.
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM library_items")).toInt(),
            3);
        QCOMPARE(Test::scalar(dir.databasePath(),
                     QStringLiteral("SELECT title FROM library_items WHERE arxiv_id IS NULL"))
                     .toString(),
            QStringLiteral("Physics of Folded Proteins"));
        QCOMPARE(Test::scalar(dir.databasePath(),
                     QStringLiteral("SELECT count(*) FROM paper_tags WHERE tag = 'imported' AND arxiv_id IN "
                                    "('2611.00002', '2611.10002')"))
                     .toInt(),
            2);
        QCOMPARE(Test::scalar(dir.databasePath(),
                     QStringLiteral("SELECT title FROM papers WHERE arxiv_id = '2611.10002'"))
                     .toString(),
            QStringLiteral("Draft trees for speculative decoding"));

        // The window reloaded the day: the library's paper is marked as such, the others are not.
        const PaperTableModel *model = Test::paperModel(w);
        const int row = rowOf(model, QStringLiteral("2611.00002"));
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, StarColumn).data().toString(), QStringLiteral("◆"));
        QCOMPARE(model->index(row, StarColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("In your library (imported)"));
        const int other = rowOf(model, QStringLiteral("2611.00003"));
        QVERIFY(other >= 0);
        QVERIFY(model->index(other, StarColumn).data().toString().isEmpty());
        QVERIFY(Test::reader(w)->selectPaper(QStringLiteral("2611.00002")));
        QVERIFY(Test::waitForDetails(Test::reader(w)));
        QVERIFY2(Test::detailPane(w)->toPlainText().contains(
                     QStringLiteral("In your library (imported from library.bib)")),
            qPrintable(Test::detailPane(w)->toPlainText()));
        QVERIFY(Test::reader(w)->selectPaper(QStringLiteral("2611.00003")));
        QVERIFY(Test::waitForDetails(Test::reader(w)));
        QVERIFY(!Test::detailPane(w)->toPlainText().contains(QStringLiteral("In your library")));
    }

    void cancelInTheStatusBarKeepsWhatWasImported()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        server.route("/api/query", [](const Test::LoopbackHttpServer::Request &) {
            Test::LoopbackHttpServer::Response slow;
            slow.delayMs = 3600 * 1000; // an hour: only Cancel ends this import
            return slow;
        });
        Test::TempProfileDir dir;
        prepare(dir, arxiv.apiBase());
        // A paper of the day (stored: imported at once), then one that waits on arXiv.
        const QString list = dir.path() + QStringLiteral("/ids.txt");
        QVERIFY(writeFile(list, "2611.00001\n2611.20000\n"));

        MainWindow w(Profile::inDirectory(dir.path()));
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(Test::showDayAndWait(w, kDay));
        ImportController *importer = Test::importer(w);
        QSignalSpy finished(importer->runner(), &JobRunner::finished);
        chooseInDialog(w, list);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_VERIFY_WITH_TIMEOUT(arxiv.apiRequests() == 1, 10000); // the second look-up is in flight
        QVERIFY(importer->cancelButton()->isVisible());
        QTest::mouseClick(importer->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY(Test::waitForDay(w));
        QVERIFY(finished.first().first().value<JobOutcome>().cancelled());
        QVERIFY2(importer->summaryBox()->text().contains(QStringLiteral("cancelled after 1 of 2 references")),
            qPrintable(importer->summaryBox()->text()));
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT arxiv_id FROM library_items")).toString(),
            QStringLiteral("2611.00001"));
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM library_items")).toInt(),
            1);
        const int row = rowOf(Test::paperModel(w), QStringLiteral("2611.00001"));
        QVERIFY(row >= 0);
        QCOMPARE(Test::paperModel(w)->index(row, StarColumn).data().toString(), QStringLiteral("◆"));
    }
};

QTEST_MAIN(TestImportController)
#include "test_importcontroller.moc"
