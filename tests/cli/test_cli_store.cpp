// SPDX-License-Identifier: GPL-3.0-or-later
// The real `lectern` binary on the store its profile's settings name: an SQLite file, or (as
// test_cli_store.postgres) a database on a throwaway PostgreSQL server. Fetch, score and export go through
// the stand-ins on loopback; what they leave is read back from that store.
#include "config/profile.h"
#include "config/settings.h"
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/openaistandin.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

/// arXiv's two feeds of kDay and an OpenAI-compatible LLM, on one loopback server.
struct StandIns
{
    Test::LoopbackHttpServer server;
    Test::ArxivStandIn arxiv {server};
    Test::OpenAiStandIn llm;

    bool start()
    {
        if (!server.listen())
            return false;
        arxiv.serveDefaultFeeds(kDay);
        llm.install(server);
        return true;
    }
};

QStringList dateArgs(const QString &command)
{
    return {command, QStringLiteral("--date"), kDay.toString(Qt::ISODate)};
}

} // namespace

class TestCliStore : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("PostgresOnly", "aServerThatIsDownIsNamedAndNothingIsWritten twoClientsRunningOneDayPayOnce")
private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    void fetchScoreAndExportUseTheConfiguredStore()
    {
        StandIns standIns;
        QVERIFY(standIns.start());
        auto &[server, arxiv, llm] = standIns;

        Test::TempProfileDir dir;
        Test::ProfileBuilder builder(dir.path());
        m_backend.configure(builder, dir)
            .withSetting(Keys::ArxivRssBase, arxiv.rssBase())
            .withSetting(Keys::ArxivMinIntervalMs, 0)
            .withSetting(Keys::ScoringProvider, QStringLiteral("local"))
            .withSetting(Keys::LocalBase, server.url(QStringLiteral("/v1")))
            .withSetting(Keys::LocalModel, QStringLiteral("tiny-local"))
            .withPrompt(QStringLiteral("topics.md"), Test::fixture(QStringLiteral("scoring/topics.md")));
        const QString built = builder.build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
        const QString store = m_backend.storeFor(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};

        const Test::LecternRun fetched = Test::runLectern(profile + dateArgs(QStringLiteral("fetch")));
        QVERIFY2(fetched.code == 0, qPrintable(fetched.out + fetched.err));
        QVERIFY2(fetched.out.contains(QStringLiteral("New papers: 5")), qPrintable(fetched.out));
        QCOMPARE(Test::scalar(store, QStringLiteral("SELECT count(*) FROM papers")).toInt(), 5);
        QCOMPARE(Test::scalar(store, QStringLiteral("SELECT total_scanned FROM day_runs")).toInt(), 6);

        const Test::LecternRun scored = Test::runLectern(profile + dateArgs(QStringLiteral("score")));
        QVERIFY2(scored.code == 0, qPrintable(scored.out + scored.err));
        const int sent = int(llm.scoredIds().size());
        QVERIFY2(sent > 0, qPrintable(scored.out));
        QCOMPARE(
            Test::scalar(store,
                QStringLiteral("SELECT count(*) FROM scores WHERE model LIKE '%tiny-local%' AND relevance "
                               "IS NOT NULL"))
                .toInt(),
            sent);
        // `lectern score` records its prompt as the member's own, not as the lab's (schema 20).
        QCOMPARE(Test::scalar(store,
                     QStringLiteral("SELECT count(*) FROM member_prompts m JOIN scores s ON s.prompt_hash = "
                                    "m.prompt_hash WHERE s.model LIKE '%tiny-local%' AND m.lab = FALSE"))
                     .toInt(),
            sent);
        QCOMPARE(Test::scalar(store, QStringLiteral("SELECT count(*) FROM member_prompts WHERE lab = TRUE"))
                     .toInt(),
            0);

        const QString digest = dir.path() + QStringLiteral("/digest.md");
        const Test::LecternRun exported = Test::runLectern(profile + dateArgs(QStringLiteral("export")) +
            QStringList {QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"), digest});
        QVERIFY2(exported.code == 0, qPrintable(exported.out + exported.err));
        QFile file(digest);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const int relevant =
            Test::scalar(store, QStringLiteral("SELECT total_relevant FROM day_runs")).toInt();
        QVERIFY2(text.contains(QStringLiteral("Total relevant papers: %1").arg(relevant)),
            qPrintable(text.left(2000)));
        QVERIFY2(text.contains(QStringLiteral("Total scanned papers: 6")), qPrintable(text.left(2000)));

        // On PostgreSQL the profile's SQLite file is never made: everything went to the server.
        QCOMPARE(QFile::exists(dir.databasePath()), !m_backend.isPostgres());
    }

    // --store: one run on another store than the settings name (the lab's timer, a script).
    void storeOptionOverridesTheSettings()
    {
        StandIns standIns;
        QVERIFY(standIns.start());
        auto &[server, arxiv, llm] = standIns;
        Test::TempProfileDir dir;
        Test::TempProfileDir elsewhere;
        const QString built = Test::ProfileBuilder(dir.path())
                                  .withSetting(Keys::ArxivRssBase, arxiv.rssBase())
                                  .withSetting(Keys::ArxivMinIntervalMs, 0)
                                  .build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
        const QString store = m_backend.storeFor(elsewhere);
        const Test::LecternRun r = Test::runLectern(
            QStringList {QStringLiteral("--profile"), dir.path(), QStringLiteral("--store"), store} +
            dateArgs(QStringLiteral("fetch")));
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(Test::scalar(store, QStringLiteral("SELECT count(*) FROM papers")).toInt(), 5);
        QVERIFY(!QFile::exists(dir.databasePath())); // the profile's own file was not touched

        // A password on the command line is refused, and not repeated.
        const Test::LecternRun secret =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("--store"),
                QStringLiteral("postgresql://alice:hunter2@127.0.0.1/lab"), QStringLiteral("fetch")});
        QCOMPARE(secret.code, 2);
        QVERIFY2(secret.err.contains(QStringLiteral("~/.pgpass")), qPrintable(secret.err));
        QVERIFY(!secret.err.contains(QStringLiteral("hunter2")) &&
            !secret.out.contains(QStringLiteral("hunter2")));
        QCOMPARE(server.requests().size(), 2); // the refused run asked nothing
    }

    void aServerThatIsDownIsNamedAndNothingIsWritten()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has no server to be down");
        const int port = Test::closedLoopbackPort();
        QVERIFY(port > 0);
        Test::TempProfileDir dir;
        const QString built = Test::ProfileBuilder(dir.path())
                                  .withSetting(Keys::StoreBackend, QStringLiteral("postgres"))
                                  .withSetting(Keys::StoreHost, QStringLiteral("127.0.0.1"))
                                  .withSetting(Keys::StorePort, port)
                                  .withSetting(Keys::StoreDatabase, QStringLiteral("lab"))
                                  .withSetting(Keys::StoreUser, QStringLiteral("alice"))
                                  .build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        for (const QString &command :
            {QStringLiteral("fetch"), QStringLiteral("score"), QStringLiteral("export")}) {
            QStringList args = profile + dateArgs(command);
            if (command == u"export")
                args << QStringLiteral("-o") << dir.path() + QStringLiteral("/digest.md");
            const Test::LecternRun r = Test::runLectern(args);
            QVERIFY2(r.code == 1, qPrintable(command + u": " + r.err));
            QVERIFY2(r.err.contains(QStringLiteral("127.0.0.1")) && r.err.contains(QString::number(port)),
                qPrintable(command + u": " + r.err));
        }
        QVERIFY(!QFile::exists(dir.databasePath()));
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/digest.md")));
    }

    // Issue 14.2: two members' clients (or a member and the lab's timer) run the same morning at once. The
    // first fetches and scores under the day's locks; the second waits, then finds the feeds unchanged and
    // the scores in the cache: the LLM stand-in sees each paper once.
    void twoClientsRunningOneDayPayOnce()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file belongs to one profile, there is no second client");
        StandIns standIns;
        QVERIFY(standIns.start());
        auto &[server, arxiv, llm] = standIns;

        Test::TempProfileDir first;
        Test::TempProfileDir second;
        const StoreLocation shared = StoreLocation::parse(m_backend.storeFor(first));
        for (const Test::TempProfileDir *dir : {&first, &second}) {
            const QString built = Test::ProfileBuilder(dir->path())
                                      .withSetting(Keys::StoreBackend, QStringLiteral("postgres"))
                                      .withSetting(Keys::StoreHost, shared.host())
                                      .withSetting(Keys::StorePort, shared.port())
                                      .withSetting(Keys::StoreDatabase, shared.database())
                                      .withSetting(Keys::StoreUser, shared.user())
                                      .withSetting(Keys::ArxivRssBase, arxiv.rssBase())
                                      .withSetting(Keys::ArxivMinIntervalMs, 0)
                                      .withSetting(Keys::ScoringProvider, QStringLiteral("local"))
                                      .withSetting(Keys::LocalBase, server.url(QStringLiteral("/v1")))
                                      .withSetting(Keys::LocalModel, QStringLiteral("tiny-local"))
                                      .withSetting(Keys::ScoringBatchSize, 1)
                                      .withSetting(Keys::ScoringParallel, 1)
                                      .withPrompt(QStringLiteral("topics.md"),
                                          Test::fixture(QStringLiteral("scoring/topics.md")))
                                      .build();
            QVERIFY2(built.isEmpty(), qPrintable(built));
        }

        // The first client is held at its first request, inside the fetch lock, while the second starts.
        server.hold();
        const auto a = Test::startLectern(
            QStringList {QStringLiteral("--profile"), first.path()} + dateArgs(QStringLiteral("run")));
        QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), 60000);
        const auto b = Test::startLectern(
            QStringList {QStringLiteral("--profile"), second.path()} + dateArgs(QStringLiteral("run")));
        QByteArray bOut;
        QTRY_VERIFY_WITH_TIMEOUT(
            (bOut += b->readAllStandardOutput()).contains("Waiting for another client fetching 2026-11-23"),
            60000);
        server.release();
        QTRY_VERIFY_WITH_TIMEOUT(
            a->state() == QProcess::NotRunning && b->state() == QProcess::NotRunning, 120000);
        const QByteArray aOut = a->readAllStandardOutput();
        bOut += b->readAllStandardOutput();
        QVERIFY2(a->exitCode() == 0, QByteArray(aOut + a->readAllStandardError()).constData());
        QVERIFY2(b->exitCode() == 0, QByteArray(bOut + b->readAllStandardError()).constData());

        const QStringList sent = llm.scoredIds();
        QSet<QString> once(sent.cbegin(), sent.cend());
        QCOMPARE(once.size(), sent.size());
        const int scored = Test::scalar(m_backend.storeFor(first),
            QStringLiteral(
                "SELECT count(*) FROM scores WHERE model LIKE '%tiny-local%' AND relevance IS NOT NULL"))
                               .toInt();
        QVERIFY(scored > 0);
        QCOMPARE(sent.size(), scored);
        // Whichever scored second found everything in the cache.
        const QByteArray cached = QStringLiteral("0 to send, %1 from the cache").arg(scored).toUtf8();
        QVERIFY2(
            aOut.contains(cached) != bOut.contains(cached), QByteArray(aOut + "\n---\n" + bOut).constData());
        // `lectern run` is the lab's morning job: the prompt it scored with is the lab's (schema 20).
        QCOMPARE(
            Test::scalar(m_backend.storeFor(first),
                QStringLiteral("SELECT count(DISTINCT s.prompt_hash) FROM scores s JOIN member_prompts m ON "
                               "m.prompt_hash = s.prompt_hash AND m.lab WHERE s.model LIKE '%tiny-local%'"))
                .toInt(),
            1);
    }

private:
    Test::StoreBackend m_backend;
};

LECTERN_STORE_TEST_GUILESS_MAIN(TestCliStore)
#include "test_cli_store.moc"
