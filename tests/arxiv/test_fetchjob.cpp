// SPDX-License-Identifier: GPL-3.0-or-later
// The daily fetch against a stand-in arXiv RSS server on 127.0.0.1, storing into a real SQLite file.
#include "arxiv/daystatusnote.h"
#include "arxiv/fetchjob.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/manualclock.h>

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace Lectern;
using Server = Test::LoopbackHttpServer;

namespace {

const QDate kDay(2026, 11, 23);

// Serves a feed with an ETag and answers 304 to a matching If-None-Match, as a CDN would.
Server::Handler feed(const QString &fixture)
{
    const QByteArray body = Test::fixture(fixture);
    const QByteArray etag = '"' + QByteArray::number(qHash(body)) + '"';
    return [body, etag](const Server::Request &req) {
        Server::Response r;
        if (req.headers.value("if-none-match") == etag) {
            r.status = 304;
            return r;
        }
        r.body = body;
        r.headers = {{"Content-Type", "application/rss+xml"}, {"ETag", etag}};
        return r;
    };
}

Server::Response body(
    int status, const QByteArray &content, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    Server::Response r;
    r.status = status;
    r.body = content;
    r.headers = std::move(headers);
    return r;
}

FetchRequest request(const Server &server, const QString &db,
    QStringList categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")})
{
    FetchRequest r;
    r.databasePath = db;
    r.categories = std::move(categories);
    r.keepTypes = {QStringLiteral("new"), QStringLiteral("cross")};
    r.rssBase = server.url(QStringLiteral("/rss"));
    r.expectedDate = kDay;
    r.http.arxivIntervalMs = 300;
    r.http.initialBackoffMs = 20;
    r.http.timeoutMs = 5000;
    return r;
}

FetchSummary runJob(const FetchRequest &req, bool *ok = nullptr, QString *message = nullptr)
{
    FetchJob job(req);
    QSignalSpy done(&job, &Job::finished);
    const JobOutcome outcome = job.execute();
    if (done.size() != 1) // finished() once, carrying what execute() returned
        return {};
    if (ok)
        *ok = outcome.ok();
    if (message)
        *message = outcome.message;
    return outcome.resultAs<FetchSummary>();
}

std::unique_ptr<PaperStore> open(const QString &path)
{
    auto s = PaperStore::open(path);
    if (!s)
        qFatal("%s", qPrintable(s.error()));
    return std::move(s).value();
}

} // namespace

class TestFetchJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fetchesAndCountsLikeTheReference()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/rss/cs.LG", feed(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.route("/rss/cs.AI", feed(QStringLiteral("rss/cs.AI-2026-11-23.xml")));
        Test::TempProfileDir dir;
        bool ok = false;
        QString message;
        Test::ManualClock time;
        server.useClock(time);
        FetchRequest rq = request(server, dir.databasePath());
        rq.http.clock = &time;
        rq.http.sleeper = &time;
        const FetchSummary s = runJob(rq, &ok, &message);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(s.day, kDay);
        QCOMPARE(s.totalArxiv, 9); // 5 + 4 items, the overlap counted twice
        QCOMPARE(s.totalScanned, 6); // new + cross per feed: 3 + 3
        QCOMPARE(s.newPapers, 5); // stored once each
        QVERIFY(s.complete);
        QVERIFY2(message.contains(QStringLiteral("9 arXiv papers, 6 scanned, 5 new")), qPrintable(message));

        // Politeness: one request per feed, the interval apart (on the job's clock).
        const auto &reqs = server.requests();
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(reqs.at(1).receivedMs - reqs.at(0).receivedMs, 300);

        auto store = open(dir.databasePath());
        const auto rows = store->recordsForDay(kDay);
        QCOMPARE(rows->size(), 5);
        QStringList ids;
        for (const PaperRecord &r : *rows)
            ids << r.paper.arxivId;
        QCOMPARE(ids,
            (QStringList {QStringLiteral("2611.10001"), QStringLiteral("2611.10002"),
                QStringLiteral("2611.20001"), QStringLiteral("2611.30001"), QStringLiteral("2611.30002")}));
        // Listed new in cs.LG and cross in cs.AI: new wins; all categories kept.
        QCOMPARE(rows->at(0).paper.announceType, QStringLiteral("new"));
        QCOMPARE(rows->at(0).paper.categories.size(), 3);
        QCOMPARE(rows->at(2).paper.announceType, QStringLiteral("cross"));
        // Replacements of unknown papers are not stored.
        QVERIFY(!*store->contains(QStringLiteral("2601.00007")));
        const auto run = store->dayRun(kDay);
        QVERIFY(run->has_value());
        QCOMPARE((*run)->totalArxiv, 9);
        QCOMPARE((*run)->totalScanned, 6);
        QVERIFY((*run)->complete);
        QCOMPARE((*run)->source, QStringLiteral("rss"));
        QCOMPARE((*run)->categories, (QStringList {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")}));
    }

    void secondFetchIsConditionalAndAddsNothing()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/rss/cs.LG", feed(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.route("/rss/cs.AI", feed(QStringLiteral("rss/cs.AI-2026-11-23.xml")));
        Test::TempProfileDir dir;
        runJob(request(server, dir.databasePath()));
        server.clearLog();
        bool ok = false;
        const FetchSummary s = runJob(request(server, dir.databasePath()), &ok);
        QVERIFY(ok);
        QCOMPARE(server.requests().size(), 2);
        for (const auto &r : server.requests())
            QVERIFY(!r.headers.value("if-none-match").isEmpty());
        QCOMPARE(s.feedsNotModified, 2);
        QCOMPARE(s.newPapers, 0);
        QCOMPARE(s.totalArxiv, 9);
        QCOMPARE(s.totalScanned, 6);
        auto store = open(dir.databasePath());
        QCOMPARE(store->recordsForDay(kDay)->size(), 5);
        QCOMPARE((*store->dayRun(kDay))->totalArxiv, 9);
    }

    void sameFeedWithoutCachingChangesNothing()
    {
        Server server;
        QVERIFY(server.listen());
        const QByteArray lg = Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml"));
        server.enqueue("/rss/cs.LG", body(200, lg));
        Test::TempProfileDir dir;
        runJob(request(server, dir.databasePath(), {QStringLiteral("cs.LG")}));
        const FetchSummary s = runJob(request(server, dir.databasePath(), {QStringLiteral("cs.LG")}));
        QCOMPARE(s.newPapers, 0);
        QCOMPARE(s.updatedPapers, 0);
        QCOMPARE(s.totalArxiv, 5);
        QVERIFY(s.complete);
    }

    void replacementUpdatesAKnownPaperAndKeepsTheStar()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/rss/cs.LG", feed(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        Test::TempProfileDir dir;
        {
            auto store = open(dir.databasePath());
            Paper old = Test::makePaper(QStringLiteral("2601.00007"), 2, QDate(2026, 1, 5));
            QVERIFY(store->upsertPaper(old).ok());
            PaperState st;
            st.arxivId = old.arxivId;
            st.starred = true;
            st.note = QStringLiteral("bread!");
            QVERIFY(store->saveState(st).ok());
        }
        const FetchSummary s = runJob(request(server, dir.databasePath(), {QStringLiteral("cs.LG")}));
        QCOMPARE(s.updatedPapers, 1);
        auto store = open(dir.databasePath());
        const auto p = store->paper(QStringLiteral("2601.00007"));
        QCOMPARE((*p)->version, 3);
        QCOMPARE((*p)->title, QStringLiteral("Gradient Descent for Sourdough Starters"));
        QVERIFY(store->state(QStringLiteral("2601.00007"))->starred);
        QCOMPARE(store->state(QStringLiteral("2601.00007"))->note, QStringLiteral("bread!"));
        // A replacement is not one of today's scanned papers.
        QCOMPARE(store->recordsForDay(kDay)->size(), 3);
    }

    void emptyChannelsAreNoAnnouncement()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/rss/cs.LG", feed(QStringLiteral("rss/empty-weekend.xml")));
        server.route("/rss/cs.AI", feed(QStringLiteral("rss/empty-weekend.xml")));
        Test::TempProfileDir dir;
        bool ok = false;
        QString message;
        const FetchSummary s = runJob(request(server, dir.databasePath()), &ok, &message);
        QVERIFY(ok);
        QVERIFY(s.noAnnouncement);
        QVERIFY2(message.contains(QStringLiteral("No announcement today")), qPrintable(message));
        auto store = open(dir.databasePath());
        QVERIFY(store->days()->isEmpty());
    }

    void failedCategoryMarksTheDayPartial()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/rss/cs.LG", feed(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.enqueue("/rss/cs.XX", body(400, Test::fixture(QStringLiteral("rss/error-bad-category.xml"))));
        server.enqueue("/rss/cs.AI", body(200, Test::fixture(QStringLiteral("rss/malformed-truncated.xml"))));
        Test::TempProfileDir dir;
        bool ok = false;
        QString message;
        const FetchSummary s =
            runJob(request(server, dir.databasePath(),
                       {QStringLiteral("cs.LG"), QStringLiteral("cs.XX"), QStringLiteral("cs.AI")}),
                &ok, &message);
        QVERIFY(ok); // what could be fetched is stored
        QVERIFY(!s.complete);
        QCOMPARE(s.feedsFailed, 2);
        QCOMPARE(server.requestsTo("/rss/cs.XX").size(), 1); // 400 is not retried
        const QString problems = s.problems.join(u'\n');
        QVERIFY2(problems.contains(QStringLiteral("Bad subject class 'XX'")), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("Malformed feed")), qPrintable(problems));
        auto store = open(dir.databasePath());
        QCOMPARE(store->recordsForDay(kDay)->size(), 3);
        const auto days = store->daySummaries();
        QCOMPARE(days->size(), 1);
        QVERIFY(!days->first().complete);
        // Stored as codes, put into words when shown.
        const QString note = (*store->dayRun(kDay))->statusNote;
        QVERIFY2(note.startsWith(u'[') && note.contains(QStringLiteral("\"code\":\"feedFailed\"")),
            qPrintable(note));
        QVERIFY2(DayStatusNote::display(note).contains(QStringLiteral("cs.XX failed")), qPrintable(note));
    }

    void everyFeedFailingIsAnError()
    {
        Server server;
        QVERIFY(server.listen());
        server.enqueue("/rss/cs.LG", body(404, "gone"));
        Test::TempProfileDir dir;
        bool ok = true;
        QString message;
        runJob(request(server, dir.databasePath(), {QStringLiteral("cs.LG")}), &ok, &message);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("HTTP 404")), qPrintable(message));
        QVERIFY(message.contains(server.url(QStringLiteral("/rss/cs.LG")).toDisplayString()));
    }

    // Issue 15.9: with arXiv down (nothing listening) each feed was retried with arXiv's polite backoff
    // (30 s, 87 s…), so a first fetch took minutes to fail. Now the first refused feed ends the fetch
    // after one quick retry; the other feeds, on the same host, are not tried.
    void aRefusedConnectionEndsTheFetchAtOnce()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        Test::TempProfileDir dir;
        Test::ManualClock time;
        FetchRequest rq;
        rq.databasePath = dir.databasePath();
        rq.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI"), QStringLiteral("stat.ML")};
        rq.keepTypes = {QStringLiteral("new")};
        rq.rssBase = QUrl(QStringLiteral("http://127.0.0.1:%1/rss").arg(port));
        rq.expectedDate = kDay;
        rq.http.arxivIntervalMs = 0;
        rq.http.initialBackoffMs = 30000; // the setting's default: what a refused feed waited before
        rq.http.clock = &time;
        rq.http.sleeper = &time;
        bool ok = true;
        QString message;
        const FetchSummary s = runJob(rq, &ok, &message);
        QVERIFY(!ok);
        QVERIFY2(message.startsWith(QStringLiteral("arXiv could not be reached")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1/rss/cs.LG").arg(port)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("after 2 attempts")), qPrintable(message));
        QCOMPARE(time.sleeps(), QList<int> {rq.http.unreachableRetryMs}); // one quick retry, nothing else
        QCOMPARE(s.feedsFailed, 3);
        QVERIFY(s.problems.contains(QStringLiteral("cs.AI not tried")));
        QVERIFY(s.problems.contains(QStringLiteral("stat.ML not tried")));
        QCOMPARE(open(dir.databasePath())->daySummaries()->size(), 0);
    }

    void rateLimitedThenServed()
    {
        Server server;
        QVERIFY(server.listen());
        server.enqueue("/rss/cs.LG", body(429, "Rate exceeded.", {{"Retry-After", "1"}}));
        server.enqueue("/rss/cs.LG", body(200, Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml"))));
        Test::TempProfileDir dir;
        bool ok = false;
        Test::ManualClock time;
        server.useClock(time);
        FetchRequest rq = request(server, dir.databasePath(), {QStringLiteral("cs.LG")});
        rq.http.clock = &time;
        rq.http.sleeper = &time;
        const FetchSummary s = runJob(rq, &ok);
        QVERIFY(ok);
        QCOMPARE(s.totalArxiv, 5);
        const auto reqs = server.requestsTo("/rss/cs.LG");
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(time.sleeps(), QList<int> {1000});
        QCOMPARE(reqs.at(1).receivedMs - reqs.at(0).receivedMs, 1000);
    }

    void staleFeedIsNotAQuietDay()
    {
        Server server;
        QVERIFY(server.listen());
        const QByteArray friday = Test::fixture(QStringLiteral("rss/cs.LG-2026-11-20.xml"));
        QByteArray serving = friday;
        server.route("/rss/cs.LG", [&serving](const Server::Request &) { return body(200, serving); });
        Test::TempProfileDir dir;
        FetchRequest req = request(server, dir.databasePath(), {QStringLiteral("cs.LG")});
        req.expectedDate = QDate(2026, 11, 20);
        QVERIFY(runJob(req).complete);

        // Monday: the cache still serves Friday's feed.
        req.expectedDate = kDay;
        FetchSummary s = runJob(req);
        QVERIFY(!s.complete);
        QVERIFY2(s.problems.join(u' ').contains(QStringLiteral("dated 2026-11-20, not 2026-11-23")),
            qPrintable(s.problems.join(u' ')));

        // Monday's date, but Friday's items.
        serving.replace("Fri, 20 Nov 2026", "Mon, 23 Nov 2026");
        s = runJob(req);
        QVERIFY(!s.complete);
        QVERIFY2(s.problems.join(u' ').contains(QStringLiteral("repeats the items of 2026-11-20")),
            qPrintable(s.problems.join(u' ')));
        auto store = open(dir.databasePath());
        QVERIFY(!(*store->dayRun(kDay))->complete);
    }

    void cancellationStopsFurtherRequests()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/rss/cs.LG", feed(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.route("/rss/cs.AI", feed(QStringLiteral("rss/cs.AI-2026-11-23.xml")));
        Test::TempProfileDir dir;
        FetchRequest req = request(server, dir.databasePath());
        req.http.arxivIntervalMs = 2000;
        FetchJob job(req);
        QSignalSpy done(&job, &Job::finished);
        // Cancel as soon as the first feed is stored: the second request, 2 s later, never goes out.
        connect(&job, &Job::progress, &job, [&job](const JobProgress &p) {
            if (p.done == 1)
                job.cancel();
        });
        job.execute();
        QCOMPARE(done.size(), 1);
        QVERIFY(!done.first().at(0).value<JobOutcome>().ok());
        QVERIFY2(done.first().at(0).value<JobOutcome>().message.contains(QStringLiteral("Cancelled")),
            qPrintable(done.first().at(0).value<JobOutcome>().message));
        QCOMPARE(server.requests().size(), 1);
        // The first feed's transaction is in the store, whole.
        auto store = open(dir.databasePath());
        QCOMPARE(store->recordsForDay(kDay)->size(), 3);
    }

    void aFeedAtArxivsCapIsFlagged()
    {
        // 2000 items is arXiv's cap: the day may be missing papers, which the summary must say.
        QByteArray xml =
            "<?xml version='1.0' encoding='UTF-8'?><rss xmlns:arxiv=\"http://arxiv.org/schemas/atom\" "
            "version=\"2.0\"><channel><title>cs.LG updates on arXiv.org</title>"
            "<pubDate>Mon, 23 Nov 2026 00:00:00 -0500</pubDate>";
        for (int i = 0; i < 2000; ++i)
            xml += "<item><title>T" + QByteArray::number(i) + "</title><description>arXiv:2611." +
                QByteArray::number(20000 + i) +
                "v1 Announce Type: new \nAbstract: A.</description>"
                "<category>cs.LG</category></item>";
        xml += "</channel></rss>";
        Server server;
        QVERIFY(server.listen());
        server.serve("/rss/cs.LG", xml);
        Test::TempProfileDir dir;
        const FetchSummary s = runJob(request(server, dir.databasePath(), {QStringLiteral("cs.LG")}));
        QCOMPARE(s.totalArxiv, 2000);
        QCOMPARE(s.warnings.size(), 1);
        QVERIFY2(s.warnings.first().contains(QStringLiteral("arXiv's cap")), qPrintable(s.warnings.first()));
    }

    void progressIsReported()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/rss/cs.LG", feed(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.route("/rss/cs.AI", feed(QStringLiteral("rss/cs.AI-2026-11-23.xml")));
        Test::TempProfileDir dir;
        FetchJob job(request(server, dir.databasePath()));
        QSignalSpy progress(&job, &Job::progress);
        job.execute();
        QList<int> done;
        for (const auto &args : progress)
            done << args.at(0).value<JobProgress>().done;
        QCOMPARE(done, (QList<int> {0, 1, 1, 2}));
        QCOMPARE(progress.last().at(0).value<JobProgress>().total, 2);
        QVERIFY(
            progress.last().at(0).value<JobProgress>().message.contains(QStringLiteral("4 items, 3 kept")));
    }
};

QTEST_GUILESS_MAIN(TestFetchJob)
#include "test_fetchjob.moc"
