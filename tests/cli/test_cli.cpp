// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `lectern` binary headless, as a user or a cron job would.
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTest>

using namespace Lectern;

namespace {

using Run = Test::LecternRun;

// The developer's environment, minus the display: commands must not need one.
Run lectern(const QStringList &args, QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
{
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    return Test::runLectern(args, env);
}

Run lecternServed(const QStringList &args)
{
    return Test::runLectern(args);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpAndVersion()
    {
        const Run help = lectern({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("config set KEY VALUE")));
        QVERIFY(help.out.contains(QStringLiteral("--profile DIR")));
        const Run version = lectern({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY2(version.out.startsWith(QStringLiteral("lectern " LECTERN_VERSION)), qPrintable(version.out));
    }

    void configRoundTrip()
    {
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        Run r = lectern(profile +
            QStringList {
                QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("arxiv/categories")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("cs.LG, cs.AI"));

        r = lectern(profile +
            QStringList {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("arxiv/categories"),
                QStringLiteral("cs.CL,math.OC")});
        QCOMPARE(r.code, 0);
        r = lectern(profile +
            QStringList {
                QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("arxiv/categories")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("cs.CL, math.OC"));
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/lectern.ini")));

        // LECTERN_PROFILE is the same as --profile.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LECTERN_PROFILE"), dir.path());
        r = lectern(
            {QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("arxiv/categories")}, env);
        QCOMPARE(r.out.trimmed(), QStringLiteral("cs.CL, math.OC"));

        r = lectern(profile + QStringList {QStringLiteral("config"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY(
            r.out.contains(QStringLiteral("arxiv/categories = cs.CL, math.OC    (default: cs.LG, cs.AI)")));
        QVERIFY(r.out.contains(QStringLiteral("openai/baseUrl = https://api.openai.com/v1")));

        r = lectern(profile +
            QStringList {
                QStringLiteral("config"), QStringLiteral("reset"), QStringLiteral("arxiv/categories")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("arxiv/categories = cs.LG, cs.AI"));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")} << "unknown command";
        QTest::newRow("unknown option") << QStringList {QStringLiteral("--frobnicate")} << "Unknown option";
        QTest::newRow("config alone")
            << QStringList {QStringLiteral("config")} << "config needs a subcommand";
        QTest::newRow("unknown key") << QStringList {QStringLiteral("config"), QStringLiteral("get"),
                                            QStringLiteral("x/y")}
                                     << "unknown setting";
        QTest::newRow("set missing value") << QStringList {QStringLiteral("config"), QStringLiteral("set"),
                                                  QStringLiteral("scoring/batchSize")}
                                           << "usage: lectern config set";
        QTest::newRow("bad value") << QStringList {QStringLiteral("config"), QStringLiteral("set"),
                                          QStringLiteral("scoring/batchSize"), QStringLiteral("0")}
                                   << "expected 1 to 200";
        QTest::newRow("db wrong") << QStringList {QStringLiteral("db"), QStringLiteral("drop")}
                                  << "usage: lectern db stats";
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        Test::TempProfileDir dir;
        const Run r = lectern(QStringList {QStringLiteral("--profile"), dir.path()} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        // A refused value is never written.
        const Run get = lectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("config"),
            QStringLiteral("get"), QStringLiteral("scoring/batchSize")});
        QCOMPARE(get.out.trimmed(), QStringLiteral("20"));
    }

    void dbStats()
    {
        Test::TempProfileDir dir;
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            QVERIFY(store.value()
                        ->upsertPapers({Test::makePaper(QStringLiteral("2611.00001")),
                            Test::makePaper(QStringLiteral("2611.00002"))})
                        .ok());
        }
        const Run r =
            lectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("db"), QStringLiteral("stats")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("papers:          2")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("2026-11-23 to 2026-11-23")));
    }

    void fetchFromLoopbackServer()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveDefaultFeeds(QDate(2026, 11, 23));
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("arxiv/rssBase"), arxiv.rssBase().toString()})
                     .code,
            0);
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("100")})
                     .code,
            0);
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("arxiv/contact"), QStringLiteral("me@example.org")})
                     .code,
            0);
        const Run r = lecternServed(profile +
            QStringList {QStringLiteral("fetch"), QStringLiteral("--date"), QStringLiteral("2026-11-23")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("[1/2] cs.LG: 5 items, 3 kept")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Total arXiv papers: 9")));
        QVERIFY(r.out.contains(QStringLiteral("Total scanned papers: 6")));
        QVERIFY(r.out.contains(QStringLiteral("New papers: 5")));
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().first().headers.value("user-agent").contains("mailto:me@example.org"));

        // Only one category, and it fails: non-zero exit with the reason.
        Test::LoopbackHttpServer::Response gone;
        gone.status = 404;
        server.enqueue("/rss/math.OC", gone);
        const Run bad = lecternServed(profile +
            QStringList {QStringLiteral("fetch"), QStringLiteral("--categories"), QStringLiteral("math.OC")});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("HTTP 404")), qPrintable(bad.err));

        const Run badDate = lectern(profile +
            QStringList {QStringLiteral("fetch"), QStringLiteral("--date"), QStringLiteral("yesterday-ish")});
        QCOMPARE(badDate.code, 2);
        const Run misplaced = lectern(profile +
            QStringList {QStringLiteral("db"), QStringLiteral("stats"), QStringLiteral("--date"),
                QStringLiteral("today")});
        QCOMPARE(misplaced.code, 2);

        const Run stats = lectern(profile + QStringList {QStringLiteral("db"), QStringLiteral("stats")});
        QVERIFY(stats.out.contains(QStringLiteral("papers:          5")));
    }

    void addAndBackfill()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.serve("/api/query", Test::fixture(QStringLiteral("api/paper-2611.10002v3.xml")));
        Test::ArxivStandIn arxiv(server);
        arxiv.serveOai(QStringLiteral("page2.xml"));
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        for (const auto &[key, value] :
            {std::pair {QStringLiteral("arxiv/apiBase"), server.url(QStringLiteral("/api/query")).toString()},
                std::pair {QStringLiteral("arxiv/oaiBase"), arxiv.oaiBase().toString()},
                std::pair {QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("0")}})
            QCOMPARE(
                lectern(profile + QStringList {QStringLiteral("config"), QStringLiteral("set"), key, value})
                    .code,
                0);

        Run r = lecternServed(profile +
            QStringList {QStringLiteral("add"), QStringLiteral("https://arxiv.org/abs/2611.10002v3")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("2611.10002v3 added")), qPrintable(r.out));
        QVERIFY(server.requests().first().target.contains("id_list=2611.10002v3"));
        QCOMPARE(lectern(profile + QStringList {QStringLiteral("add"), QStringLiteral("not-an-id")}).code, 2);

        r = lecternServed(profile +
            QStringList {QStringLiteral("backfill"), QStringLiteral("--from"), QStringLiteral("2026-11-16"),
                QStringLiteral("--to"), QStringLiteral("2026-11-18"), QStringLiteral("--categories"),
                QStringLiteral("cs.LG")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 records on 1 day(s)")), qPrintable(r.out));
        QCOMPARE(lectern(profile +
                     QStringList {
                         QStringLiteral("backfill"), QStringLiteral("--from"), QStringLiteral("2026-11-18")})
                     .code,
            2);

        const Run stats = lectern(profile + QStringList {QStringLiteral("db"), QStringLiteral("stats")});
        QVERIFY2(stats.out.contains(QStringLiteral("papers:          2")), qPrintable(stats.out));
    }

    void killedFetchLeavesAConsistentDatabase()
    {
        // The second feed answers slowly; the fetch is killed (SIGKILL) while it waits. The first feed's
        // transaction is complete in the file, nothing is half-written, and the next fetch carries on.
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveFeed(QStringLiteral("cs.LG"), QDate(2026, 11, 23));
        int aiCalls = 0;
        server.route("/rss/cs.AI", [&aiCalls](const Test::LoopbackHttpServer::Request &) {
            Test::LoopbackHttpServer::Response r;
            r.body = Test::fixture(QStringLiteral("rss/cs.AI-2026-11-23.xml"));
            r.delayMs = aiCalls++ == 0 ? 20000 : 0; // the first answer never arrives before the kill
            return r;
        });
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("arxiv/rssBase"), arxiv.rssBase().toString()})
                     .code,
            0);
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("0")})
                     .code,
            0);
        const std::unique_ptr<QProcess> p =
            Test::startLectern(profile + QStringList {QStringLiteral("fetch")});
        QVERIFY(QTest::qWaitFor([&] { return server.requestsTo("/rss/cs.AI").size() == 1; }, 20000));
        p->kill();
        QVERIFY(p->waitForFinished(10000));
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY2(store.ok(), qPrintable(store.error()));
            QSqlQuery q(store.value()->database().sql());
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            q.finish();
            QCOMPARE(store.value()->recordsForDay(QDate(2026, 11, 23))->size(), 3); // cs.LG's feed, whole
            QVERIFY(!store.value()->dayRun(QDate(2026, 11, 23))->has_value()); // the day was not summed up
        }
        const Run again = lecternServed(profile +
            QStringList {QStringLiteral("fetch"), QStringLiteral("--date"), QStringLiteral("2026-11-23")});
        QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
        QVERIFY(again.out.contains(QStringLiteral("Total arXiv papers: 9")));
    }

    void dbStatsOnUnreadableDatabaseFails()
    {
        Test::TempProfileDir dir;
        QFile f(dir.databasePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, '\x7f'));
        f.close();
        const Run r =
            lectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("db"), QStringLiteral("stats")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(dir.databasePath()), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
