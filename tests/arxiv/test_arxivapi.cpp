// SPDX-License-Identifier: GPL-3.0-or-later
// arXiv API look-ups and OAI-PMH back-fill against a loopback server with synthetic answers.
#include "arxiv/arxivapiclient.h"
#include "arxiv/arxivapiparser.h"
#include "arxiv/backfilljob.h"
#include "arxiv/daystatusnote.h"
#include "arxiv/oaipmhparser.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/manualclock.h>

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace Lectern;
using Server = Test::LoopbackHttpServer;

namespace {

Server::Response answer(
    int status, const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    Server::Response r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

HttpOptions fast()
{
    HttpOptions o;
    o.arxivIntervalMs = 200;
    o.initialBackoffMs = 20;
    return o;
}

} // namespace

class TestArxivApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesAnEntry()
    {
        const auto page = ArxivApiParser::parse(Test::fixture(QStringLiteral("api/paper-2611.10002v3.xml")));
        QVERIFY2(page.ok(), qPrintable(page.error()));
        QCOMPARE(page->totalResults, 1);
        QCOMPARE(page->papers.size(), 1);
        const Paper &p = page->papers.first();
        QCOMPARE(p.arxivId, QStringLiteral("2611.10002"));
        QCOMPARE(p.version, 3);
        QCOMPARE(p.title, QStringLiteral("$\\mu$P Scaling and the Heat Equation: Revised Bounds"));
        QCOMPARE(p.categories,
            (QStringList {QStringLiteral("cs.LG"), QStringLiteral("math.AP")})); // primary first
        QCOMPARE(p.primaryCategory, QStringLiteral("cs.LG"));
        QCOMPARE(
            p.authors, (QStringList {QStringLiteral("李雷"), QStringLiteral("Hanna Müller-Lüdenscheidt")}));
        QCOMPARE(p.comments, QStringLiteral("12 pages, 2 figures"));
        QCOMPARE(p.doi, QStringLiteral("10.5555/fake.2026.002"));
        QVERIFY(p.abstract.startsWith(QStringLiteral("We bound the error of $\\mu$P transfer.")));
    }

    void parsesOldStyleIds()
    {
        const auto page = ArxivApiParser::parse(Test::fixture(QStringLiteral("api/old-style-solv-int.xml")));
        QVERIFY2(page.ok(), qPrintable(page.error()));
        QCOMPARE(page->papers.first().arxivId, QStringLiteral("solv-int/9901001"));
        QCOMPARE(page->papers.first().version, 2);
        QCOMPARE(page->papers.first().primaryCategory, QStringLiteral("solv-int"));
    }

    void errorAndEmptyAnswers()
    {
        const auto err = ArxivApiParser::parse(Test::fixture(QStringLiteral("api/error-bad-id.xml")));
        QVERIFY(err.ok());
        QCOMPARE(err->errorMessage, QStringLiteral("incorrect id format for 9999.zzzz"));
        QVERIFY(err->papers.isEmpty());
        const auto none = ArxivApiParser::parse(Test::fixture(QStringLiteral("api/zero-results.xml")));
        QVERIFY(none.ok());
        QCOMPARE(none->totalResults, 0);
        QVERIFY(!ArxivApiParser::parse("<rss/>").ok());
        QVERIFY(!ArxivApiParser::parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>").ok());
    }

    void lookUpThroughTheClient()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/api/query", [](const Server::Request &req) {
            const QUrlQuery q(QUrl(QString::fromLatin1(req.target)).query());
            const QString id = q.queryItemValue(QStringLiteral("id_list"));
            if (id == u"2611.10002")
                return answer(200, Test::fixture(QStringLiteral("api/paper-2611.10002v3.xml")));
            if (id == u"solv-int/9901001v2")
                return answer(200, Test::fixture(QStringLiteral("api/old-style-solv-int.xml")));
            if (id == u"2611.99999")
                return answer(200, Test::fixture(QStringLiteral("api/zero-results.xml")));
            return answer(400, Test::fixture(QStringLiteral("api/error-bad-id.xml")));
        });
        Test::ManualClock time;
        server.useClock(time);
        HttpOptions options = fast();
        options.clock = &time;
        options.sleeper = &time;
        HttpClient http(options);
        ArxivApiClient api(http, server.url(QStringLiteral("/api/query")));

        auto p = api.fetchPaper(*ArxivId::parse(QStringLiteral("https://arxiv.org/pdf/2611.10002")));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->version, 3);
        auto old = api.fetchPaper(*ArxivId::parse(QStringLiteral("http://arxiv.org/abs/solv-int/9901001v2")));
        QVERIFY2(old.ok(), qPrintable(old.error()));
        QCOMPARE(old->arxivId, QStringLiteral("solv-int/9901001"));

        auto missing = api.fetchPaper(*ArxivId::parse(QStringLiteral("2611.99999")));
        QVERIFY(!missing.ok());
        QVERIFY2(
            missing.error().contains(QStringLiteral("no paper 2611.99999")), qPrintable(missing.error()));
        auto bad = api.fetchPaper(ArxivId {QStringLiteral("9999.zzzz"), 0});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QStringLiteral("incorrect id format")), qPrintable(bad.error()));
        QCOMPARE(server.requests().size(), 4); // the 400 is not retried
        for (int i = 1; i < 4; ++i) // the arXiv gate's interval, on the client's clock
            QCOMPARE(server.requests().at(i).receivedMs - server.requests().at(i - 1).receivedMs, 200);
    }

    void oaiPages()
    {
        const auto page1 = OaiPmhParser::parse(Test::fixture(QStringLiteral("oai/page1.xml")));
        QVERIFY2(page1.ok(), qPrintable(page1.error()));
        QCOMPARE(page1->records.size(), 3);
        QCOMPARE(page1->resumptionToken, QStringLiteral("synthetic|token&page=2"));
        const OaiRecord &r = page1->records.first();
        QCOMPARE(r.paper.arxivId, QStringLiteral("2611.08001"));
        QCOMPARE(r.paper.title, QStringLiteral("Rivers of Gradients"));
        QCOMPARE(r.paper.authors,
            (QStringList {QStringLiteral("Jos\\'e D\\'iaz"), QStringLiteral("M. Otterly Jr")}));
        QCOMPARE(r.paper.primaryCategory, QStringLiteral("cs.LG"));
        QCOMPARE(r.datestamp, QDate(2026, 11, 17));
        QCOMPARE(r.created, QDate(2026, 11, 14));
        QVERIFY(!r.updated.isValid());
        QCOMPARE(page1->records.at(1).updated, QDate(2026, 11, 16));
        QVERIFY(page1->records.at(2).deleted);
        const auto page2 = OaiPmhParser::parse(Test::fixture(QStringLiteral("oai/page2.xml")));
        QVERIFY(page2->resumptionToken.isEmpty());
        const auto none = OaiPmhParser::parse(Test::fixture(QStringLiteral("oai/no-records.xml")));
        QCOMPARE(none->errorCode, QStringLiteral("noRecordsMatch"));
    }

    // Issue 12.3: a mirror's id goes through the same validator as the feeds'; one that is not an arXiv id
    // (here one that would break out of a BibTeX field or split a RIS record) fails the page.
    void oaiIdsAreValidated_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QString>("stored");
        QTest::newRow("plain") << QByteArray("2611.08500") << QStringLiteral("2611.08500");
        QTest::newRow("versioned") << QByteArray(" 2611.08500v2 ") << QStringLiteral("2611.08500");
        QTest::newRow("bibtex breakout") << QByteArray("2611.08500}, note={x") << QString();
        QTest::newRow("ris record split") << QByteArray("2611.08500&#13;&#10;ER  - ") << QString();
        QTest::newRow("markdown link") << QByteArray("2611.08500)[x](https://example.org") << QString();
    }
    void oaiIdsAreValidated()
    {
        QFETCH(QByteArray, id);
        QFETCH(QString, stored);
        QByteArray xml = Test::fixture(QStringLiteral("oai/page2.xml"));
        const QByteArray element = "<id>" + id + "</id>";
        xml.replace("<id>2611.08500</id>", element);
        const auto page = OaiPmhParser::parse(xml);
        if (stored.isEmpty()) {
            QVERIFY(!page.ok());
            QVERIFY2(page.error().contains(QStringLiteral("invalid arXiv id")), qPrintable(page.error()));
        } else {
            QVERIFY2(page.ok(), qPrintable(page.error()));
            QCOMPARE(page->records.first().paper.arxivId, stored);
        }
    }

    void oaiSets()
    {
        QCOMPARE(BackfillJob::setFor(QStringLiteral("cs.LG")), QStringLiteral("cs:cs:LG"));
        QCOMPARE(BackfillJob::setFor(QStringLiteral("stat.ML")), QStringLiteral("stat:stat:ML"));
        QCOMPARE(BackfillJob::setFor(QStringLiteral("hep-th")), QStringLiteral("physics:hep-th"));
        QCOMPARE(BackfillJob::setFor(QStringLiteral("astro-ph.CO")), QStringLiteral("physics:astro-ph:CO"));
    }

    void backfillPagesAndWaitsOutFlowControl()
    {
        Server server;
        QVERIFY(server.listen());
        int continuations = 0;
        server.route("/oai", [&continuations](const Server::Request &req) {
            const QUrlQuery q(QUrl(QString::fromLatin1(req.target)).query());
            if (q.hasQueryItem(QStringLiteral("resumptionToken"))) {
                // Continuations carry only verb and token; the first one meets flow control.
                if (q.hasQueryItem(QStringLiteral("set")) || q.hasQueryItem(QStringLiteral("metadataPrefix")))
                    return answer(400, "badArgument");
                if (q.queryItemValue(QStringLiteral("resumptionToken"), QUrl::FullyDecoded) !=
                    u"synthetic|token&page=2")
                    return answer(400, "badResumptionToken");
                if (continuations++ == 0)
                    return answer(503, "Retry later", {{"Retry-After", "1"}});
                return answer(200, Test::fixture(QStringLiteral("oai/page2.xml")));
            }
            if (q.queryItemValue(QStringLiteral("set")) == u"cs:cs:AI")
                return answer(200, Test::fixture(QStringLiteral("oai/no-records.xml")));
            return answer(200, Test::fixture(QStringLiteral("oai/page1.xml")));
        });
        Test::TempProfileDir dir;
        BackfillRequest rq;
        rq.databasePath = dir.databasePath();
        rq.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")};
        rq.keepTypes = {QStringLiteral("new"), QStringLiteral("cross")};
        rq.oaiBase = server.url(QStringLiteral("/oai"));
        rq.from = QDate(2026, 11, 16);
        rq.until = QDate(2026, 11, 18);
        rq.http = fast();
        Test::ManualClock time;
        server.useClock(time);
        rq.http.clock = &time;
        rq.http.sleeper = &time;
        BackfillJob job(rq);
        QSignalSpy done(&job, &Job::finished);
        job.execute();
        const auto outcome = done.first().at(0).value<JobOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        const auto s = outcome.resultAs<BackfillSummary>();
        QCOMPARE(s.pages, 2);
        QCOMPARE(s.records, 3);
        QCOMPARE(s.stored, 2);
        QCOMPARE(s.days, (QList<QDate> {QDate(2026, 11, 17), QDate(2026, 11, 18)}));
        QCOMPARE(server.requests().size(), 4); // page 1, 503, page 2, cs.AI (empty)
        QCOMPARE(server.requests().at(2).receivedMs - server.requests().at(1).receivedMs, 1000);

        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        QCOMPARE(store.value()->recordsForDay(QDate(2026, 11, 17))->size(), 1);
        QCOMPARE(store.value()->recordsForDay(QDate(2026, 11, 18))->size(), 1);
        const auto run = store.value()->dayRun(QDate(2026, 11, 17));
        QCOMPARE((*run)->source, QStringLiteral("oai"));
        QCOMPARE((*run)->totalArxiv, 2);
        QCOMPARE((*run)->totalScanned, 1);
        QVERIFY(DayStatusNote::display((*run)->statusNote).contains(QStringLiteral("approximates")));
    }

    /// Months of back-fill leave the search index in many small segments (one per stored batch): a large
    /// back-fill merges them into one, a small one leaves them.
    void largeBackfillOptimizesTheSearchIndex()
    {
        // Pages of 100 records, as arXiv's OAI-PMH answers, each stored as it comes.
        constexpr int PerPage = 100;
        const auto page = [](int first, int papers) -> QByteArray {
            QByteArray xml =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH "
                "xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-11-23T10:00:00Z"
                "</responseDate><ListRecords>";
            const int last = std::min(papers, first + PerPage);
            for (int i = first; i < last; ++i) {
                const QByteArray id = "2611." + QByteArray::number(10000 + i);
                xml += "<record><header><identifier>oai:arXiv.org:" + id +
                    "</identifier><datestamp>2026-11-17</datestamp><setSpec>cs:cs:LG</setSpec></header>"
                    "<metadata><arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>" +
                    id + "</id><created>2026-11-14</created><authors><author><keyname>Writer" +
                    QByteArray::number(i) +
                    "</keyname><forenames>A.</forenames></author></authors><title>Otter " +
                    QByteArray::number(i) + " routes packets in lake " + QByteArray::number(i % 97) +
                    "</title><categories>cs.LG</categories><abstract>Lake " + QByteArray::number(i % 89) +
                    " otters and their packets, study " + QByteArray::number(i) +
                    ".</abstract></arXiv></metadata></record>";
            }
            if (last < papers)
                xml += "<resumptionToken cursor=\"" + QByteArray::number(first) + "\">from-" +
                    QByteArray::number(last) + "</resumptionToken>";
            return xml + "</ListRecords></OAI-PMH>";
        };
        const auto segmentsAfter = [&](int papers) -> int {
            Server server;
            if (!server.listen())
                return -1;
            server.route("/oai", [&page, papers](const Server::Request &req) {
                const QUrlQuery q(QUrl(QString::fromLatin1(req.target)).query());
                const QString token = q.queryItemValue(QStringLiteral("resumptionToken"));
                return answer(200, page(token.isEmpty() ? 0 : token.mid(5).toInt(), papers));
            });
            Test::TempProfileDir dir;
            BackfillRequest rq;
            rq.databasePath = dir.databasePath();
            rq.categories = {QStringLiteral("cs.LG")};
            rq.keepTypes = {QStringLiteral("new"), QStringLiteral("cross")};
            rq.oaiBase = server.url(QStringLiteral("/oai"));
            rq.from = QDate(2026, 11, 16);
            rq.until = QDate(2026, 11, 18);
            rq.http = fast();
            BackfillJob job(rq);
            const JobOutcome outcome = job.execute();
            if (!outcome.ok() || outcome.resultAs<BackfillSummary>().newPapers != papers) {
                qWarning("back-fill of %d papers: %s", papers, qPrintable(outcome.message));
                return -1;
            }
            auto store = PaperStore::open(dir.databasePath());
            if (!store)
                return -1;
            QSqlQuery q(store.value()->database().sql());
            if (!q.exec(QStringLiteral("SELECT count(DISTINCT segid) FROM papers_fts_idx")) || !q.next())
                return -1;
            return q.value(0).toInt();
        };
        // Over the threshold (1000 new papers): one segment. Under it: the batches' segments stay.
        QCOMPARE(segmentsAfter(1200), 1);
        QVERIFY(segmentsAfter(900) > 1);
    }

    void backfillRefusesBadRanges()
    {
        Test::TempProfileDir dir;
        BackfillRequest rq;
        rq.databasePath = dir.databasePath();
        rq.categories = {QStringLiteral("cs.LG")};
        rq.from = QDate(2026, 11, 18);
        rq.until = QDate(2026, 11, 16);
        BackfillJob job(rq);
        QSignalSpy done(&job, &Job::finished);
        job.execute();
        QVERIFY(!done.first().at(0).value<JobOutcome>().ok());
        QVERIFY(done.first().at(0).value<JobOutcome>().message.contains(QStringLiteral("from <= until")));

        // Today is the clock's: 2026-11-23 (09:00 UTC, the same date in every time zone's local time).
        Test::ManualClock time;
        rq.http.clock = &time;
        rq.from = QDate(2026, 11, 20);
        rq.until = QDate(2026, 11, 24);
        BackfillJob future(rq);
        QSignalSpy refused(&future, &Job::finished);
        future.execute();
        QVERIFY(!refused.first().at(0).value<JobOutcome>().ok());
        QVERIFY2(
            refused.first().at(0).value<JobOutcome>().message.contains(QStringLiteral("into the future")),
            qPrintable(refused.first().at(0).value<JobOutcome>().message));
    }
};

QTEST_GUILESS_MAIN(TestArxivApi)
#include "test_arxivapi.moc"
