// SPDX-License-Identifier: GPL-3.0-or-later
// Provider batches in the real main window, offscreen, against the loopback OpenAI Files and Batches
// stand-in: submit the shown day, check, collect (the table shows the scores), cancel; off for the built-in
// scorer and local servers.
#include "config/profile.h"
#include "config/settings.h"
#include "dayswitch.h"
#include "jobs/job.h"
#include "models/roles.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"
#include "ui/jobcontroller.h"
#include "ui/mainwindow.h"
#include "ui/providerbatchcontroller.h"
#include "ui/providerbatchesdialog.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/openaibatchstandin.h>
#include <testkit/profilebuilder.h>
#include <testkit/windowparts.h>

#include <QAction>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);
const QDate kEarlier(2026, 11, 20);

/// Four papers on kDay and one on kEarlier, none scored.
void populate(const QString &dbPath)
{
    const QString error = Test::ProfileBuilder(QFileInfo(dbPath).path())
                              .withPapers(Test::numberedPapers(4, kDay)
                                  << Test::makePaper(QStringLiteral("2611.00099"), 1, kEarlier))
                              .build();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

using Test::scalar;

void configure(const Profile &profile, const QString &provider, const QUrl &base = {})
{
    Settings settings(profile.settingsPath());
    QVERIFY(settings.setValue(Keys::ScoringProvider, provider).ok());
    if (base.isValid()) {
        QVERIFY(settings.setValue(Keys::OpenAiBase, base).ok());
        QVERIFY(settings.setValue(Keys::OpenAiModel, QStringLiteral("gpt-5-mini")).ok());
    }
}

bool runJob(
    MainWindow &w, QSignalSpy &finished, const std::function<void()> &start, QString *message = nullptr)
{
    finished.clear();
    start();
    if (!finished.wait(20000) || !Test::waitForDay(w))
        return false;
    if (message)
        *message = finished.first().at(0).value<JobOutcome>().message;
    return finished.first().at(0).value<JobOutcome>().ok() && !w.jobs()->runner()->isRunning();
}

} // namespace

class TestProviderBatches : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The key comes from the environment here (ApiKeySource), and only travels in a header.
        qputenv("OPENAI_API_KEY", "sk-standin-window-key-0123456789");
    }

    void submitCheckCollectFromTheWindow()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiBatchStandIn openai(server);
        Test::TempProfileDir dir;
        populate(dir.databasePath());
        const Profile profile = Profile::inDirectory(dir.path());
        configure(profile, QStringLiteral("openai"), server.url(QStringLiteral("/v1")));
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(Test::showDayAndWait(w, kDay));
        QCOMPARE(Test::days(w)->day(), kDay);
        QAction *submit = w.findChild<QAction *>(QStringLiteral("actionScoreBatch"));
        QVERIFY(submit);
        QVERIFY(submit->isEnabled());
        QSignalSpy finished(w.jobs()->runner(), &JobRunner::finished);

        // Submit: the day's 4 papers in one batch, recorded as waiting; no scores yet.
        QString message;
        QVERIFY2(runJob(
                     w, finished, [&] { submit->trigger(); }, &message),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("batch batch_standin1 submitted, 4 papers")),
            qPrintable(message));
        QCOMPARE(openai.uploads.size(), 1);
        QCOMPARE(
            scalar(dir.databasePath(),
                QStringLiteral("SELECT count(*) FROM provider_batches WHERE batch_id = 'batch_standin1' AND "
                               "state = 'submitted' AND day = '2026-11-23' AND model = 'gpt-5-mini'"))
                .toInt(),
            1);
        QCOMPARE(scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM scores")).toInt(), 0);
        QVERIFY(!server.requestsTo("/v1/files").isEmpty());

        // A second submit of the same day is refused: the papers wait in a batch already.
        QVERIFY(!runJob(
            w, finished, [&] { submit->trigger(); }, &message));
        QVERIFY2(message.contains(QStringLiteral("waiting already")), qPrintable(message));
        QCOMPARE(openai.uploads.size(), 1);

        // The list: one waiting batch with its day and model.
        w.findChild<QAction *>(QStringLiteral("actionProviderBatches"))->trigger();
        ProviderBatchesDialog *dialog = Test::providerBatches(w)->dialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        QTableWidget *table = dialog->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("batch_standin1"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2026-11-23"));
        QVERIFY(table->item(0, 2)->text().startsWith(QStringLiteral("gpt-5-mini (openai, 4 papers)")));
        QCOMPARE(dialog->selectedBatch(), QStringLiteral("batch_standin1"));

        // Check now while it runs: the provider's state shows, nothing is stored.
        openai.states[0] = QStringLiteral("in_progress");
        auto *check = dialog->findChild<QPushButton *>(QStringLiteral("checkBatchButton"));
        auto *collect = dialog->findChild<QPushButton *>(QStringLiteral("collectBatchButton"));
        QVERIFY(check->isEnabled());
        QVERIFY2(runJob(
                     w, finished, [&] { QTest::mouseClick(check, Qt::LeftButton); }, &message),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("in_progress, not ended yet")), qPrintable(message));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("in_progress"));
        QVERIFY(dialog->findChild<QPlainTextEdit *>(QStringLiteral("providerBatchLines"))
                    ->toPlainText()
                    .contains(QStringLiteral("Not ended yet")));
        QCOMPARE(scalar(dir.databasePath(), QStringLiteral("SELECT count(*) FROM scores")).toInt(), 0);
        QVERIFY(!Test::paperView(w)->model()->index(0, 0).data(ScoredRole).toBool());

        // Completed: Collect stores the verdicts, the batch leaves the list, the table shows the scores.
        openai.states[0] = QStringLiteral("completed");
        QVERIFY2(runJob(
                     w, finished, [&] { QTest::mouseClick(collect, Qt::LeftButton); }, &message),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Batch batch_standin1 collected: 4 scored, 0 unscored")),
            qPrintable(message));
        QCOMPARE(scalar(dir.databasePath(),
                     QStringLiteral("SELECT count(*) FROM scores WHERE relevance IS NOT NULL AND comment = "
                                    "'batch verdict' AND model = 'gpt-5-mini'"))
                     .toInt(),
            4);
        QCOMPARE(scalar(dir.databasePath(),
                     QStringLiteral("SELECT state FROM provider_batches WHERE batch_id = 'batch_standin1'"))
                     .toString(),
            QStringLiteral("collected"));
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(Test::days(w)->day(), kDay);
        QAbstractItemModel *model = Test::paperView(w)->model();
        QCOMPARE(model->rowCount(), 4);
        for (int r = 0; r < model->rowCount(); ++r) {
            QVERIFY(model->index(r, 0).data(ScoredRole).toBool());
            QVERIFY(model->index(r, 0).data(RelevanceRole).toInt() >= 1);
        }
        // The key went in the Authorization header only, never into the database.
        QVERIFY(!scalar(
            dir.databasePath(), QStringLiteral("SELECT group_concat(prompt_text) FROM provider_batches"))
                     .toString()
                     .contains(QStringLiteral("sk-standin-window-key")));
    }

    void cancelFromTheList()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiBatchStandIn openai(server);
        Test::TempProfileDir dir;
        populate(dir.databasePath());
        const Profile profile = Profile::inDirectory(dir.path());
        configure(profile, QStringLiteral("openai"), server.url(QStringLiteral("/v1")));
        MainWindow w(profile);
        QVERIFY(Test::waitForDay(w));
        w.show();
        QVERIFY(Test::showDayAndWait(w, kEarlier));
        QSignalSpy finished(w.jobs()->runner(), &JobRunner::finished);
        QString message;
        QVERIFY2(
            runJob(
                w, finished, [&] { w.findChild<QAction *>(QStringLiteral("actionScoreBatch"))->trigger(); },
                &message),
            qPrintable(message));
        QCOMPARE(openai.uploads.size(), 1);
        QCOMPARE(openai.uploads.first().size(), 1); // the one paper of 2026-11-20

        Test::providerBatches(w)->showBatches();
        ProviderBatchesDialog *dialog = Test::providerBatches(w)->dialog();
        QCOMPARE(dialog->table()->rowCount(), 1);
        auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelBatchButton"));
        QVERIFY2(runJob(
                     w, finished, [&] { QTest::mouseClick(cancel, Qt::LeftButton); }, &message),
            qPrintable(message));
        QCOMPARE(openai.cancels, 1);
        QCOMPARE(openai.states.first(), QStringLiteral("cancelled"));
        QVERIFY2(message.contains(QStringLiteral("cancel batch batch_standin1")), qPrintable(message));

        // Collecting the cancelled batch marks it failed and its paper unscored: an error to act on.
        auto *collect = dialog->findChild<QPushButton *>(QStringLiteral("collectBatchButton"));
        QVERIFY(!runJob(
            w, finished, [&] { QTest::mouseClick(collect, Qt::LeftButton); }, &message));
        QVERIFY2(message.contains(QStringLiteral("failed")), qPrintable(message));
        QCOMPARE(scalar(dir.databasePath(),
                     QStringLiteral("SELECT state FROM provider_batches WHERE batch_id = 'batch_standin1'"))
                     .toString(),
            QStringLiteral("failed"));
        QCOMPARE(dialog->table()->rowCount(), 0);
    }

    void offWithoutABatchApi()
    {
        Test::TempProfileDir dir;
        populate(dir.databasePath());
        const Profile profile = Profile::inDirectory(dir.path());
        configure(profile, QStringLiteral("builtin"));
        {
            MainWindow w(profile);
            QVERIFY(Test::waitForDay(w));
            QAction *submit = w.findChild<QAction *>(QStringLiteral("actionScoreBatch"));
            QVERIFY(!submit->isEnabled());
            QVERIFY2(
                submit->toolTip().contains(QStringLiteral("built-in scorer")), qPrintable(submit->toolTip()));
            QVERIFY(!w.findChild<QAction *>(QStringLiteral("actionProviderBatches"))->isEnabled());
        }
        configure(profile, QStringLiteral("local"));
        {
            MainWindow w(profile);
            QVERIFY(Test::waitForDay(w));
            QAction *submit = w.findChild<QAction *>(QStringLiteral("actionScoreBatch"));
            QVERIFY(!submit->isEnabled());
            QVERIFY2(submit->toolTip().contains(QStringLiteral("local server has no batch API")),
                qPrintable(submit->toolTip()));
        }
    }
};

QTEST_MAIN(TestProviderBatches)
#include "test_providerbatches.moc"
