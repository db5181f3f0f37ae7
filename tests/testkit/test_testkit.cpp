// SPDX-License-Identifier: GPL-3.0-or-later
// The test kit's own pieces against the real clients: a stand-in that drifts from what the client reads
// would let the tests that use it pass for the wrong reason.
#include "arxiv/fetchjob.h"
#include "scoring/semanticscholarclient.h"

#include <testkit/arxivstandin.h>
#include <testkit/backendtestmain.h>
#include <testkit/csvreader.h>
#include <testkit/fixtures.h>
#include <testkit/manualclock.h>
#include <testkit/profilebuilder.h>
#include <testkit/semanticscholarstandin.h>

#include <QSignalSpy>
#include <QTest>

using namespace Lectern;

namespace {

// Store tests as the backend filter sees them: the fixtures and data functions never count.
class TwoBackendSample : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("PostgresOnly", "twoClients serverDown")
    Q_CLASSINFO("SqliteOnly", "fileIsFull")
private Q_SLOTS:
    void initTestCase() { }
    void both() { }
    void twoClients() { }
    void serverDown() { }
    void fileIsFull() { }
    void both_data() { }
    void cleanup() { }

public Q_SLOTS:
    void notATest() { }
};

class MisnamedSample : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("PostgresOnly", "both renamedLongAgo")
private Q_SLOTS:
    void both() { }
};

} // namespace

class TestTestKit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A store test runs each function only against the backend it applies to, so that nothing is
    // reported as a skip inside a passing test; a list naming a function that does not exist is an error.
    void storeTestsRunWhatAppliesToTheirBackend()
    {
        TwoBackendSample sample;
        auto onSqlite = Test::functionsForBackend(sample, false);
        QVERIFY2(onSqlite.ok(), qPrintable(onSqlite.error()));
        QCOMPARE(*onSqlite, (QStringList {QStringLiteral("both"), QStringLiteral("fileIsFull")}));
        auto onPostgres = Test::functionsForBackend(sample, true);
        QVERIFY2(onPostgres.ok(), qPrintable(onPostgres.error()));
        QCOMPARE(*onPostgres,
            (QStringList {
                QStringLiteral("both"), QStringLiteral("twoClients"), QStringLiteral("serverDown")}));
        MisnamedSample misnamed;
        auto refused = Test::functionsForBackend(misnamed, false);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("renamedLongAgo")), qPrintable(refused.error()));
    }

    void manualClockMovesOnlyWhenAsked()
    {
        const QDateTime start(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::UTC);
        Test::ManualClock time(start);
        QCOMPARE(time.nowUtc(), start);
        QVERIFY(time.sleep(1500, nullptr));
        time.advance(500);
        QCOMPARE(time.nowUtc(), start.addMSecs(2000));
        QCOMPARE(time.sleeps(), QList<int> {1500});
        std::atomic_bool cancel {true};
        QVERIFY(!time.sleep(10, &cancel));
        // Two clocks are two timelines: gate state on one never holds back the other.
        Test::ManualClock other(start);
        QVERIFY(other.timeline() != time.timeline());
        QVERIFY(other.timeline() != Clock::system().timeline());
    }

    void semanticScholarStandInSpeaksToTheClient()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::SemanticScholarStandIn s2(server);
        s2.papers.insert(QStringLiteral("2611.00001"),
            {{QStringLiteral("Ana Cited"), 25}, {QStringLiteral("Ben Student"), std::nullopt}});
        s2.lookup = [](const QString &id) -> std::optional<QList<Test::SemanticScholarStandIn::Author>> {
            if (id == u"2611.00002")
                return QList<Test::SemanticScholarStandIn::Author> {{QStringLiteral("Cai Newcomer"), 4}};
            return std::nullopt;
        };
        s2.refuseFirst(1, 2);
        Test::ManualClock time;
        HttpOptions options;
        options.clock = &time;
        options.sleeper = &time;
        HttpClient http(options);
        SemanticScholarClient client(http, s2.baseUrl(), QString());
        const auto r = client.paperAuthors(
            {QStringLiteral("2611.00001"), QStringLiteral("2611.00002"), QStringLiteral("2611.00003")});
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(0)->size(), 2);
        QCOMPARE(r->at(0)->at(0).name, QStringLiteral("Ana Cited"));
        QCOMPARE(r->at(0)->at(0).hIndex, std::optional<int>(25));
        QCOMPARE(r->at(0)->at(1).hIndex, std::nullopt);
        QCOMPARE(r->at(1)->at(0).hIndex, std::optional<int>(4));
        QVERIFY(!r->at(2).has_value());
        // Refused once with Retry-After: 2, then answered; the same ids both times.
        QCOMPARE(time.sleeps(), QList<int> {2000});
        const QStringList ids {
            QStringLiteral("2611.00001"), QStringLiteral("2611.00002"), QStringLiteral("2611.00003")};
        QCOMPARE(s2.requestedIds(), (QList<QStringList> {ids, ids}));
    }

    void arxivStandInServesTheFixtureDay()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveFeed(QStringLiteral("cs.LG"), QDate(2026, 11, 23));
        Test::TempProfileDir dir;
        Test::ManualClock time;
        FetchRequest rq;
        rq.databasePath = dir.databasePath();
        rq.categories = {QStringLiteral("cs.LG")};
        rq.keepTypes = {QStringLiteral("new"), QStringLiteral("cross")};
        rq.rssBase = arxiv.rssBase();
        rq.expectedDate = QDate(2026, 11, 23);
        rq.http.clock = &time;
        rq.http.sleeper = &time;
        FetchJob job(rq);
        QSignalSpy done(&job, &Job::finished);
        job.execute();
        const auto outcome = done.first().at(0).value<JobOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.resultAs<FetchSummary>().totalArxiv, 5);
        QCOMPARE(arxiv.feedRequests(QStringLiteral("cs.LG")), 1);
        QCOMPARE(Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM papers")).toInt(), 3);
    }

    // The CSV reader the export tests trust: it must refuse what RFC 4180 does not allow, or a writer that
    // forgot to quote would pass.
    void csvReaderIsStrict_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("quoted and bare") << QStringLiteral("\"a, \"\"b\"\"\r\nc\",1,\r\n") << true;
        QTest::newRow("bare LF ends a record") << QStringLiteral("a,b\nc\r\n") << false;
        QTest::newRow("bare CR in a field") << QStringLiteral("a\rb\r\n") << false;
        QTest::newRow("quote in a bare field") << QStringLiteral("a\"b\r\n") << false;
        QTest::newRow("text after the quote") << QStringLiteral("\"a\"b\r\n") << false;
        QTest::newRow("unclosed quote") << QStringLiteral("\"a\r\n") << false;
        QTest::newRow("no final CR LF") << QStringLiteral("a,b") << false;
    }
    void csvReaderIsStrict()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QString error;
        const QList<Test::CsvRecord> records = Test::readCsv(text, &error);
        QCOMPARE(error.isEmpty(), ok);
        if (ok) {
            QCOMPARE(records.size(), 1);
            QCOMPARE(records[0].fields,
                (QStringList {QStringLiteral("a, \"b\"\r\nc"), QStringLiteral("1"), QString()}));
            QCOMPARE(records[0].quoted, (QList<bool> {true, false, false}));
        }
    }
};

QTEST_GUILESS_MAIN(TestTestKit)
#include "test_testkit.moc"
