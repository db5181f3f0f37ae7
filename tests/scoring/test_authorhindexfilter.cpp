// SPDX-License-Identifier: GPL-3.0-or-later
// The h-index stage against a loopback stand-in for Semantic Scholar's paper-batch endpoint, on a real
// database file; and the stage inside a ScoringJob.
#include "scoring/authorhindexfilter.h"
#include "scoring/prompttemplate.h"
#include "scoring/scoringjob.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/manualclock.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTest>
#include <QUrlQuery>

using namespace Lectern;
using Server = Test::LoopbackHttpServer;

namespace {

const QDate kDay(2026, 11, 23);

/// Three papers: one by a well-cited author, one by two authors under 10, one Semantic Scholar lacks.
QList<Paper> threePapers()
{
    Paper a = Test::makePaper(QStringLiteral("2611.30001"));
    a.authors = {QStringLiteral("Ana Cited"), QStringLiteral("Ben Student")};
    Paper b = Test::makePaper(QStringLiteral("2611.30002"));
    b.authors = {QStringLiteral("Cai Newcomer"), QStringLiteral("Dée Junior")};
    Paper c = Test::makePaper(QStringLiteral("2611.30003"));
    c.authors = {QStringLiteral("Eve Unknown")};
    return {a, b, c};
}

QJsonObject author(const QString &name, std::optional<int> h)
{
    QJsonObject o {
        {QStringLiteral("authorId"), QString::number(qHash(name) % 100000)}, {QStringLiteral("name"), name}};
    o.insert(QStringLiteral("hIndex"), h ? QJsonValue(*h) : QJsonValue(QJsonValue::Null));
    return o;
}

/// Answers like POST /paper/batch: one entry per id, null for papers it does not know.
Server::Response s2Reply(const Server::Request &req)
{
    const QJsonArray ids = QJsonDocument::fromJson(req.body).object().value(QStringLiteral("ids")).toArray();
    QJsonArray out;
    for (const QJsonValue &id : ids) {
        const QString s = id.toString();
        if (s == u"ARXIV:2611.30001")
            out.append(QJsonObject {{QStringLiteral("paperId"), QStringLiteral("p1")},
                {QStringLiteral("authors"),
                    QJsonArray {
                        author(QStringLiteral("Ana Cited"), 25), author(QStringLiteral("Ben Student"), 1)}}});
        else if (s == u"ARXIV:2611.30002")
            out.append(QJsonObject {{QStringLiteral("paperId"), QStringLiteral("p2")},
                {QStringLiteral("authors"),
                    QJsonArray {author(QStringLiteral("Cai Newcomer"), 4),
                        author(QStringLiteral("Dee Junior"), 2)}}});
        else
            out.append(QJsonValue::Null);
    }
    Server::Response r;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = QJsonDocument(out).toJson(QJsonDocument::Compact);
    return r;
}

HIndexFilterSettings settingsFor(const Server &server, int minHIndex)
{
    HIndexFilterSettings s;
    s.minHIndex = minHIndex;
    s.baseUrl = server.url(QStringLiteral("/graph/v1"));
    s.http.initialBackoffMs = 50;
    s.http.timeoutMs = 5000;
    return s;
}

std::unique_ptr<PaperStore> seededStore(const QString &path, const QList<Paper> &papers)
{
    auto store = PaperStore::open(path);
    if (!store || !store.value()->upsertPapers(papers))
        qFatal("cannot seed the store");
    return std::move(store).value();
}

/// Scores every paper it is given 9/9, and remembers which. With @p titles, it also has a title
/// pre-filter that keeps every paper but those in @p dropTitles, and remembers the titles' ids.
class RecordingProvider final : public ScoringProvider
{
public:
    explicit RecordingProvider(
        QStringList *sent, QMutex *mutex, QStringList *titles = nullptr, QStringList dropTitles = {})
        : m_sent(sent)
        , m_mutex(mutex)
        , m_titles(titles)
        , m_dropTitles(std::move(dropTitles))
    { }
    QString model() const override { return QStringLiteral("fake-model"); }
    bool supportsTitleFilter() const override { return m_titles != nullptr; }
    BatchResult filterTitles(
        const QList<Paper> &papers, const RenderedPrompt &, const std::atomic_bool *) override
    {
        BatchResult r;
        r.model = model();
        QMutexLocker lock(m_mutex);
        for (const Paper &p : papers) {
            *m_titles << p.arxivId;
            if (!m_dropTitles.contains(p.arxivId))
                r.items << ScoredItem {p.arxivId, std::nullopt, std::nullopt, QString()};
        }
        return r;
    }
    BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &, const std::atomic_bool *) override
    {
        BatchResult r;
        QMutexLocker lock(m_mutex);
        for (const Paper &p : papers) {
            *m_sent << p.arxivId;
            r.items << ScoredItem {p.arxivId, 9, 9, QStringLiteral("fine")};
        }
        return r;
    }

private:
    QStringList *m_sent;
    QMutex *m_mutex;
    QStringList *m_titles;
    QStringList m_dropTitles;
};

} // namespace

class TestAuthorHIndexFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filtersAndCaches()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/graph/v1/paper/batch", s2Reply);
        Test::TempProfileDir dir;
        const QList<Paper> papers = threePapers();
        auto store = seededStore(dir.databasePath(), papers);

        const auto first = AuthorHIndexFilter(settingsFor(server, 10))
                               .apply(*store, papers, QStringLiteral("m"), QStringLiteral("h"));
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(first->checked, 3);
        QCOMPARE(first->below, 1);
        QCOMPARE(first->unknown, 1);
        QCOMPARE(first->requests, 1);
        QVERIFY(!first->failedOpen);
        QCOMPARE(first->kept.size(), 2);
        QCOMPARE(first->kept.at(0).arxivId, QStringLiteral("2611.30001"));
        QCOMPARE(first->kept.at(1).arxivId, QStringLiteral("2611.30003")); // unknown: kept
        QCOMPARE(first->belowRows.size(), 1);
        const Score &below = first->belowRows.first();
        QCOMPARE(below.arxivId, QStringLiteral("2611.30002"));
        QCOMPARE(below.comment, QStringLiteral("Below h-index threshold"));
        QVERIFY(!below.isScored());
        QCOMPARE(below.model, QStringLiteral("m"));
        QVERIFY2(first->line().contains(
                     QStringLiteral("h-index filter (min 10): 3 checked, 1 below the threshold "
                                    "(not sent), 1 unknown to Semantic Scholar (kept); 1 request")),
            qPrintable(first->line()));

        // One POST with the arXiv ids, asking only for the authors' names and h-indices; no key, no header.
        QCOMPARE(server.requests().size(), 1);
        const Server::Request &req = server.requests().first();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.path(), QByteArray("/graph/v1/paper/batch"));
        const QUrlQuery query(QString::fromLatin1(req.target.mid(req.target.indexOf('?') + 1)));
        QCOMPARE(query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded),
            QStringLiteral("authors.name,authors.hIndex"));
        QCOMPARE(QJsonDocument::fromJson(req.body).object().value(QStringLiteral("ids")).toArray(),
            (QJsonArray {QStringLiteral("ARXIV:2611.30001"), QStringLiteral("ARXIV:2611.30002"),
                QStringLiteral("ARXIV:2611.30003")}));
        QVERIFY(!req.headers.contains("x-api-key"));

        // The authors are cached (accents aside: "Dée" is "Dee"): papers A and B cost no request now.
        server.clearLog();
        const auto second = AuthorHIndexFilter(settingsFor(server, 10))
                                .apply(*store, papers.mid(0, 2), QStringLiteral("m"), QStringLiteral("h"));
        QVERIFY(second.ok());
        QCOMPARE(server.requests().size(), 0);
        QCOMPARE(second->requests, 0);
        QCOMPARE(second->below, 1);
        QCOMPARE(second->kept.size(), 1);
        QCOMPARE(second->cachedAuthors, 4);
        // A lower threshold keeps B, from the cache as well.
        const auto lower = AuthorHIndexFilter(settingsFor(server, 4))
                               .apply(*store, papers.mid(0, 2), QStringLiteral("m"), QStringLiteral("h"));
        QCOMPARE(lower->kept.size(), 2);
        QCOMPARE(server.requests().size(), 0);
        // Entries older than the cache period are asked for again.
        HIndexFilterSettings shortCache = settingsFor(server, 10);
        shortCache.cacheDays = 0;
        QVERIFY(AuthorHIndexFilter(shortCache)
                    .apply(*store, papers.mid(0, 2), QStringLiteral("m"), QStringLiteral("h"),
                        QDateTime::currentDateTimeUtc().addSecs(60))
                    .ok());
        QCOMPARE(server.requests().size(), 1);

        // Off: nothing asked, everything kept.
        server.clearLog();
        const auto off = AuthorHIndexFilter(settingsFor(server, 0))
                             .apply(*store, papers, QStringLiteral("m"), QStringLiteral("h"));
        QCOMPARE(off->kept.size(), 3);
        QCOMPARE(off->line(), QStringLiteral("h-index filter: off"));
        QCOMPARE(server.requests().size(), 0);
    }

    void keyGoesInTheHeaderOnly()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/graph/v1/paper/batch", s2Reply);
        Test::TempProfileDir dir;
        const QList<Paper> papers = threePapers();
        auto store = seededStore(dir.databasePath(), papers);
        HIndexFilterSettings s = settingsFor(server, 10);
        s.apiKey = QStringLiteral("s2-secret-key-42");
        QVERIFY(AuthorHIndexFilter(s).apply(*store, papers, QStringLiteral("m"), QStringLiteral("h")).ok());
        QCOMPARE(server.requests().size(), 1);
        const Server::Request &req = server.requests().first();
        QCOMPARE(req.headers.value("x-api-key"), QByteArray("s2-secret-key-42"));
        QVERIFY(!req.target.contains("s2-secret"));
        QVERIFY(!req.body.contains("s2-secret"));
        QFile db(dir.databasePath());
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains("s2-secret"));
    }

    void waitsOutA429()
    {
        Server server;
        QVERIFY(server.listen());
        int calls = 0;
        server.route("/graph/v1/paper/batch", [&calls](const Server::Request &req) {
            if (++calls > 1)
                return s2Reply(req);
            Server::Response limited;
            limited.status = 429;
            limited.headers = {{"Retry-After", "1"}};
            limited.body = R"({"message": "Too Many Requests"})";
            return limited;
        });
        Test::TempProfileDir dir;
        const QList<Paper> papers = threePapers();
        auto store = seededStore(dir.databasePath(), papers);
        Test::ManualClock time;
        server.useClock(time);
        HIndexFilterSettings settings = settingsFor(server, 10);
        settings.http.clock = &time;
        settings.http.sleeper = &time;
        const auto r =
            AuthorHIndexFilter(settings).apply(*store, papers, QStringLiteral("m"), QStringLiteral("h"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY2(!r->failedOpen, qPrintable(r->failure));
        QCOMPARE(r->below, 1);
        const QList<Server::Request> sent = server.requestsTo("/graph/v1/paper/batch");
        QCOMPARE(sent.size(), 2);
        // The Retry-After, and nothing more: it also covers Semantic Scholar's one-second gate.
        QCOMPARE(time.sleeps(), QList<int> {1000});
        QCOMPARE(sent.at(1).receivedMs - sent.at(0).receivedMs, 1000);
    }

    void failsOpenWhenUnreachable()
    {
        // A port that was just free: nothing listens there.
        const quint16 port = Test::closedLoopbackPort();
        QVERIFY(port != 0);
        HIndexFilterSettings s;
        s.minHIndex = 10;
        s.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/graph/v1").arg(port));
        s.http.initialBackoffMs = 20;
        s.http.maxAttempts = 2;
        s.http.timeoutMs = 3000;
        Test::TempProfileDir dir;
        const QList<Paper> papers = threePapers();
        auto store = seededStore(dir.databasePath(), papers);
        const auto r = AuthorHIndexFilter(s).apply(*store, papers, QStringLiteral("m"), QStringLiteral("h"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY(r->failedOpen);
        QCOMPARE(r->kept.size(), 3);
        QVERIFY(r->belowRows.isEmpty());
        QVERIFY2(r->line().contains(QStringLiteral("Semantic Scholar could not be asked, all 3 papers kept")),
            qPrintable(r->line()));
    }

    void largeDaysAreSplitAndSpaced()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/graph/v1/paper/batch", s2Reply);
        Test::TempProfileDir dir;
        auto store = seededStore(dir.databasePath(), {});
        QList<Paper> papers;
        for (int i = 0; i < 501; ++i) {
            Paper p = Test::makePaper(QStringLiteral("2611.%1").arg(50000 + i));
            p.authors = {QStringLiteral("Author %1").arg(i)};
            papers << p;
        }
        Test::ManualClock time;
        server.useClock(time);
        HIndexFilterSettings settings = settingsFor(server, 10);
        settings.http.clock = &time;
        settings.http.sleeper = &time;
        const auto r =
            AuthorHIndexFilter(settings).apply(*store, papers, QStringLiteral("m"), QStringLiteral("h"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->requests, 2);
        QCOMPARE(r->unknown, 501);
        QCOMPARE(r->kept.size(), 501);
        const QList<Server::Request> sent = server.requests();
        QCOMPARE(sent.size(), 2);
        const auto ids = [](const Server::Request &req) {
            return QJsonDocument::fromJson(req.body).object().value(QStringLiteral("ids")).toArray().size();
        };
        QCOMPARE(ids(sent.at(0)), 500);
        QCOMPARE(ids(sent.at(1)), 1);
        // Semantic Scholar's gate: one request a second.
        QCOMPARE(sent.at(1).receivedMs - sent.at(0).receivedMs, 1000);
    }

    void stageInsideTheScoringJob()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/graph/v1/paper/batch", s2Reply);
        Test::TempProfileDir dir;
        const QList<Paper> papers = threePapers();
        seededStore(dir.databasePath(), papers).reset();
        QStringList sent;
        QMutex mutex;
        ScoringRequest rq;
        rq.databasePath = dir.databasePath();
        rq.day = kDay;
        rq.factory = [&]() -> std::unique_ptr<ScoringProvider> {
            return std::make_unique<RecordingProvider>(&sent, &mutex);
        };
        rq.prompt = PromptTemplate::fromTexts(PromptTemplate::defaultText(QStringLiteral("system.md")),
            PromptTemplate::defaultText(QStringLiteral("instructions.md")),
            QString::fromUtf8(Test::fixture(QStringLiteral("scoring/topics.md"))));
        rq.parallel = 1;
        rq.hIndex = settingsFor(server, 10);
        const auto run = [&]() {
            ScoringJob job(rq);
            const JobOutcome outcome = job.execute();
            return std::pair {outcome.ok(), outcome.resultAs<ScoringSummary>()};
        };
        const auto [ok, summary] = run();
        QVERIFY(ok);
        QCOMPARE(summary.belowHIndex, 1);
        QCOMPARE(summary.toScore, 2);
        QCOMPARE(summary.scored, 2);
        QVERIFY(summary.stageLines().contains(summary.hIndexLine));
        QVERIFY(summary.hIndexLine.startsWith(QStringLiteral("h-index filter (min 10): 3 checked, 1 below")));
        sent.sort();
        QCOMPARE(sent, (QStringList {QStringLiteral("2611.30001"), QStringLiteral("2611.30003")}));
        {
            auto store = PaperStore::open(dir.databasePath());
            const auto rec = store.value()->record(QStringLiteral("2611.30002"));
            QVERIFY(rec.ok() && rec->has_value() && (*rec)->score);
            QCOMPARE((*rec)->score->comment, QStringLiteral("Below h-index threshold"));
            QVERIFY(!(*rec)->score->isScored());
        }

        // Again: the two scored come from the cache, the third is filtered from the h-index cache.
        server.clearLog();
        sent.clear();
        const auto [ok2, again] = run();
        QVERIFY(ok2);
        QVERIFY(sent.isEmpty());
        QCOMPARE(again.belowHIndex, 1);
        QCOMPARE(again.cached, 2);
        QCOMPARE(server.requests().size(), 0);

        // A dry run leaves Semantic Scholar alone.
        rq.dryRun = true;
        rq.rescore = true;
        const auto [ok3, dry] = run();
        QVERIFY(ok3);
        QCOMPARE(server.requests().size(), 0);
        QCOMPARE(dry.stageLines().at(3), QStringLiteral("h-index filter (min 10): not applied in a dry run"));
    }

    /// Both optional stages in one run: the h-index filter first, so a paper it drops sends no title; the
    /// title pre-filter on the rest; and a second run that finds every verdict in the caches.
    void hIndexFilterThenTitlePreFilter()
    {
        Server server;
        QVERIFY(server.listen());
        server.route("/graph/v1/paper/batch", s2Reply);
        Test::TempProfileDir dir;
        seededStore(dir.databasePath(), threePapers()).reset();
        QStringList sent;
        QStringList titles;
        QMutex mutex;
        ScoringRequest rq;
        rq.databasePath = dir.databasePath();
        rq.day = kDay;
        rq.factory = [&]() -> std::unique_ptr<ScoringProvider> {
            return std::make_unique<RecordingProvider>(
                &sent, &mutex, &titles, QStringList {QStringLiteral("2611.30003")});
        };
        rq.prompt = PromptTemplate::fromTexts(PromptTemplate::defaultText(QStringLiteral("system.md")),
            PromptTemplate::defaultText(QStringLiteral("instructions.md")),
            QString::fromUtf8(Test::fixture(QStringLiteral("scoring/topics.md"))));
        rq.parallel = 2;
        rq.titleFilter = true;
        rq.hIndex = settingsFor(server, 10);
        const auto run = [&]() {
            ScoringJob job(rq);
            const JobOutcome outcome = job.execute();
            return std::pair {outcome.ok(), outcome.resultAs<ScoringSummary>()};
        };
        const auto [ok, summary] = run();
        QVERIFY(ok);
        // 2611.30002 is below the threshold: its title is not sent. 2611.30003 (unknown to Semantic
        // Scholar, kept) is dropped by its title; 2611.30001 is scored.
        QCOMPARE(summary.belowHIndex, 1);
        QVERIFY(summary.titleFilter);
        QCOMPARE(summary.toScore, 2);
        titles.sort();
        QCOMPARE(titles, (QStringList {QStringLiteral("2611.30001"), QStringLiteral("2611.30003")}));
        QCOMPARE(summary.titleKept, 1);
        QCOMPARE(summary.titleDropped, 1);
        QCOMPARE(sent, QStringList {QStringLiteral("2611.30001")});
        QCOMPARE(summary.scored, 1);
        QCOMPARE(summary.unscored, 0);
        const QStringList lines = summary.stageLines();
        const auto at = [&](const QString &start) {
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (lines.at(i).startsWith(start))
                    return i;
            }
            return qsizetype(-1);
        };
        QVERIFY(at(QStringLiteral("h-index filter (min 10): 3 checked, 1 below")) >= 0);
        QVERIFY(at(QStringLiteral("Title pre-filter: 1 kept of 2 (1 dropped now, 0 by earlier runs")) >
            at(QStringLiteral("h-index filter")));
        {
            auto store = PaperStore::open(dir.databasePath());
            const auto below = store.value()->record(QStringLiteral("2611.30002"));
            QCOMPARE((*below)->score->comment, QStringLiteral("Below h-index threshold"));
            const auto dropped = store.value()->record(QStringLiteral("2611.30003"));
            QCOMPARE((*dropped)->score->comment, QString(ScoringJob::TitleDropComment));
        }

        // Again: nothing goes to Semantic Scholar (the title drop is recognised before the h-index
        // stage, the other authors are cached) nor to the model.
        server.clearLog();
        sent.clear();
        titles.clear();
        const auto [ok2, again] = run();
        QVERIFY(ok2);
        QCOMPARE(server.requests().size(), 0);
        QVERIFY(titles.isEmpty());
        QVERIFY(sent.isEmpty());
        QCOMPARE(again.cached, 1);
        QCOMPARE(again.titleDroppedCached, 1);
        QCOMPARE(again.belowHIndex, 1);
        QCOMPARE(again.toScore, 0);
        QCOMPARE(again.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestAuthorHIndexFilter)
#include "test_authorhindexfilter.moc"
