// SPDX-License-Identifier: GPL-3.0-or-later
// ScoringJob with the real OpenAiProvider against a loopback Chat Completions stand-in: the pace it keeps
// under rate limits, and the title pre-filter.
#include "scoring/adaptiveparallelism.h"
#include "scoring/llmproviders.h"
#include "scoring/pricetable.h"
#include "scoring/scoringjob.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/openaistandin.h>
#include <testkit/scoringrun.h>

#include <QEventLoop>
#include <QTest>
#include <QTimer>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

QList<Paper> seed(const QString &databasePath, int n)
{
    QList<Paper> papers;
    for (int i = 1; i <= n; ++i)
        papers << Test::makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QChar(u'0')), 1, kDay);
    auto store = PaperStore::open(databasePath);
    if (!store || !store.value()->upsertPapers(papers))
        qFatal("cannot seed the store");
    return papers;
}

ScoringRequest request(const QString &databasePath, const QUrl &base)
{
    ScoringRequest rq;
    rq.databasePath = databasePath;
    rq.day = kDay;
    rq.prompt = PromptTemplate::defaults();
    rq.batchSize = 2;
    rq.parallel = 4;
    HttpOptions http;
    http.timeoutMs = 20000;
    http.initialBackoffMs = 30;
    http.maxAttempts = 3;
    rq.factory = Test::openAiFactory(base, QStringLiteral("gpt-5-mini"), http);
    return rq;
}

using Outcome = Test::ScoringRun;

Outcome runJob(const ScoringRequest &rq, int timeoutMs = 60000)
{
    return Test::runScoringJob(rq, timeoutMs);
}

QHash<QString, Score> latestScores(const QString &databasePath)
{
    auto store = PaperStore::open(databasePath);
    QHash<QString, Score> out;
    const QList<PaperRecord> records = store.value()->recordsForDay(kDay).value();
    for (const PaperRecord &r : records) {
        if (r.score)
            out.insert(r.paper.arxivId, *r.score);
    }
    return out;
}

} // namespace

class TestScoringJobLlm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paceHalvesRecoversAndHolds()
    {
        AdaptiveParallelism pace(4);
        RateLimitInfo healthy;
        healthy.remainingRequests = 100;
        QVERIFY(pace.mayStart(3, 0));
        QVERIFY(!pace.mayStart(4, 0));

        RateLimitInfo low;
        low.remainingRequests = 2;
        low.resetRequestsMs = 5000;
        pace.onReply(low, 1, 0, 1000); // 2 left, 1 in flight: fewer batches, no hold
        QCOMPARE(pace.allowed(), 2);
        QVERIFY(pace.mayStart(1, 1000));

        RateLimitInfo empty;
        empty.remainingRequests = 0;
        empty.resetRequestsMs = 120000;
        pace.onReply(empty, 0, 0, 2000); // none left: held until the reset, at most MaxHoldMs
        QCOMPARE(pace.allowed(), 1);
        QCOMPARE(pace.holdUntilMs(), 2000 + AdaptiveParallelism::MaxHoldMs);
        QVERIFY(!pace.mayStart(0, 2000 + AdaptiveParallelism::MaxHoldMs - 1));
        QVERIFY(pace.mayStart(0, 2000 + AdaptiveParallelism::MaxHoldMs));
        pace.onReply(empty, 0, 0, 2000); // the same reset again adds no held time
        QCOMPARE(pace.heldMs(), AdaptiveParallelism::MaxHoldMs);
        QCOMPARE(pace.allowed(), 1);

        const qint64 later = 100000;
        for (int i = 0; i < AdaptiveParallelism::RecoverAfter - 1; ++i)
            pace.onReply(healthy, 0, 0, later);
        QCOMPARE(pace.allowed(), 1);
        pace.onReply(healthy, 0, 0, later);
        QCOMPARE(pace.allowed(), 2);
        for (int i = 0; i < 10 * AdaptiveParallelism::RecoverAfter; ++i)
            pace.onReply(healthy, 0, 0, later);
        QCOMPARE(pace.allowed(), 4); // never above the configured number

        RateLimitInfo tokens;
        tokens.remainingTokens = 5000;
        tokens.resetTokensMs = 3000;
        pace.onReply(tokens, 2, 8000, later); // not enough for the next batch: halve and hold
        QCOMPARE(pace.allowed(), 2);
        QCOMPARE(pace.holdUntilMs(), later + 3000);

        RateLimitInfo refused;
        refused.rateLimitedAttempts = 1;
        refused.retryAfterMs = 7000;
        pace.onReply(refused, 0, 0, later + 100);
        QCOMPARE(pace.allowed(), 1);
        QCOMPARE(pace.holdUntilMs(), later + 7100);
        QCOMPARE(pace.lowest(), 1);
        QCOMPARE(pace.slowdowns(), 5);
    }

    void rateLimitHeadersSlowTheRunDown()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath(), 20);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        standIn.delayMs = 300;
        // The first reply says no request is left for a second; every later one that one is left.
        standIn.shape = [](int n, Test::LoopbackHttpServer::Response &r) {
            r.headers.append({QByteArrayLiteral("x-ratelimit-limit-requests"), QByteArrayLiteral("4")});
            r.headers.append({QByteArrayLiteral("x-ratelimit-remaining-requests"),
                n == 0 ? QByteArrayLiteral("0") : QByteArrayLiteral("1")});
            r.headers.append({QByteArrayLiteral("x-ratelimit-reset-requests"), QByteArrayLiteral("1s")});
        };
        standIn.install(server);

        const Outcome out = runJob(request(dir.databasePath(), server.url(QStringLiteral("/v1"))));
        QVERIFY2(out.finished && out.ok, qPrintable(out.message));
        QCOMPARE(out.summary.scored, 20);
        QCOMPARE(out.summary.unscored, 0);
        QCOMPARE(latestScores(dir.databasePath()).size(), 20);
        QCOMPARE(standIn.served.size(), 10);
        QVERIFY(standIn.maxConcurrent() >= 2); // it did start in parallel

        // After the first reply (no request left), nothing new arrives for about the reset time, and
        // never more than two at once.
        const qint64 firstAnswer = standIn.served.first().answeredMs;
        qint64 nextArrival = -1;
        for (const auto &s : std::as_const(standIn.served)) {
            if (s.receivedMs > firstAnswer && (nextArrival < 0 || s.receivedMs < nextArrival))
                nextArrival = s.receivedMs;
        }
        QVERIFY2(nextArrival >= firstAnswer + 800,
            qPrintable(QStringLiteral("%1 then %2").arg(firstAnswer).arg(nextArrival)));
        QVERIFY2(standIn.maxConcurrent(firstAnswer) <= 2,
            qPrintable(QString::number(standIn.maxConcurrent(firstAnswer))));
        QVERIFY(out.summary.slowdowns >= 1);
        QCOMPARE(out.summary.parallel, 4);
        QCOMPARE(out.summary.lowestParallel, 1);
        QVERIFY(out.summary.heldMs >= 900);
        QVERIFY(out.summary.stageLines().join(u'\n').contains(QStringLiteral("Pace: slowed down")));
    }

    void refusalsWithRetryAfterSlowTheRunDown()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath(), 40);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        standIn.delayMs = 300;
        // The first two requests are refused with "come back in a second".
        standIn.shape = [](int n, Test::LoopbackHttpServer::Response &r) {
            if (n < 2) {
                r.status = 429;
                r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
            }
        };
        standIn.install(server);

        const Outcome out = runJob(request(dir.databasePath(), server.url(QStringLiteral("/v1"))));
        QVERIFY2(out.finished && out.ok, qPrintable(out.message));
        QCOMPARE(out.summary.scored, 40);
        QCOMPARE(latestScores(dir.databasePath()).size(), 40);
        QCOMPARE(standIn.served.size(), 22); // two refused, sent again by the provider

        // Once the job has the retried batches back (they report the 429s), it allows fewer batches and
        // holds new ones for the Retry-After time.
        QSet<QString> refusedFirst;
        for (const auto &s : std::as_const(standIn.served)) {
            if (s.status == 429)
                refusedFirst.insert(s.ids.join(u','));
        }
        QCOMPARE(refusedFirst.size(), 2);
        qint64 retriedBack = 0;
        for (const auto &s : std::as_const(standIn.served)) {
            if (s.status == 200 && refusedFirst.contains(s.ids.join(u',')))
                retriedBack = std::max(retriedBack, s.answeredMs);
        }
        QVERIFY(retriedBack > 0);
        qint64 nextArrival = -1;
        for (const auto &s : std::as_const(standIn.served)) {
            if (s.receivedMs > retriedBack && (nextArrival < 0 || s.receivedMs < nextArrival))
                nextArrival = s.receivedMs;
        }
        QVERIFY(nextArrival > 0); // batches were left for after the refusals
        // New batches were held for the Retry-After second: the job's own record, from the header's value,
        // not a wall-clock gap between requests (which a loaded machine stretches or squeezes).
        QVERIFY2(out.summary.heldMs >= 1000, qPrintable(QString::number(out.summary.heldMs)));
        QVERIFY2(standIn.maxConcurrent(retriedBack) <= 2,
            qPrintable(QString::number(standIn.maxConcurrent(retriedBack))));
        QVERIFY(out.summary.slowdowns >= 2);
        QVERIFY(out.summary.lowestParallel <= 2);
    }

    void holdIsCancellable()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath(), 20);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        // Every reply: no request left for a minute.
        standIn.shape = [](int, Test::LoopbackHttpServer::Response &r) {
            r.headers.append({QByteArrayLiteral("x-ratelimit-remaining-requests"), QByteArrayLiteral("0")});
            r.headers.append({QByteArrayLiteral("x-ratelimit-reset-requests"), QByteArrayLiteral("1m0s")});
        };
        standIn.install(server);
        JobRunner runner;
        bool finished = false;
        bool ok = true;
        QString message;
        connect(&runner, &JobRunner::finished, this, [&](const JobOutcome &outcome) {
            finished = true;
            ok = outcome.ok();
            message = outcome.message;
        });
        auto *job = new ScoringJob(request(dir.databasePath(), server.url(QStringLiteral("/v1"))));
        int done = 0;
        connect(job, &ScoringJob::scoringProgress, this, [&](const ScoringProgress &p) { done = p.done; });
        QVERIFY(runner.start(job));
        // The four replies are stored (8 papers): the job now holds for the minute the limits asked for.
        QTRY_COMPARE_WITH_TIMEOUT(done, 8, 10000);
        QCOMPARE(standIn.served.size(), 4);
        runner.cancel();
        // Ending well within the minute's hold shows the cancel broke it.
        QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
        QVERIFY(!ok);
        QVERIFY2(message.startsWith(QStringLiteral("Cancelled: 8 papers scored and kept, 12 not sent")),
            qPrintable(message));
        QCOMPARE(latestScores(dir.databasePath()).size(), 8);
    }

    void titleFilterDropsBeforeAbstractScoring()
    {
        Test::TempProfileDir dir;
        const QList<Paper> papers = seed(dir.databasePath(), 30);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        // Keeps 9 of 30: ids ending in 0, 1 or 2.
        standIn.titleVerdict = [](const QStringList &ids) {
            QStringList keep;
            for (const QString &id : ids) {
                if (id.right(1).toInt() <= 2)
                    keep << id;
            }
            return keep;
        };
        standIn.install(server);
        ScoringRequest rq = request(dir.databasePath(), server.url(QStringLiteral("/v1")));
        rq.titleFilter = true;
        rq.titleBatchSize = 20;
        rq.batchSize = 5;

        // A dry run sends nothing and counts both stages.
        ScoringRequest dry = rq;
        dry.dryRun = true;
        const Outcome estimate = runJob(dry);
        QVERIFY2(estimate.finished && estimate.ok, qPrintable(estimate.message));
        QCOMPARE(standIn.served.size(), 0);
        QVERIFY(estimate.summary.estimatedUsage.promptTokens > 0);
        QVERIFY(estimate.summary.stageLines().join(u'\n').contains(
            QStringLiteral("Title pre-filter (dry run): 30 titles to send")));

        const Outcome out = runJob(rq);
        QVERIFY2(out.finished && out.ok, qPrintable(out.message));
        const ScoringSummary &s = out.summary;
        QVERIFY(s.titleFilter);
        QCOMPARE(s.titleRequests, 2);
        QCOMPARE(s.titleKept, 9);
        QCOMPARE(s.titleDropped, 21);
        QCOMPARE(s.titleFailedOpen, 0);
        QCOMPARE(s.scored, 9);
        QCOMPARE(s.unscored, 0);
        QCOMPARE(s.notSent, 0);
        QCOMPARE(s.requests, 4); // 2 title batches, then 9 kept papers in batches of 5
        QVERIFY(s.stageLines().join(u'\n').contains(
            QStringLiteral("Title pre-filter: 9 kept of 30 (21 dropped now")));

        // Titles went first, without abstracts; only kept papers reached abstract scoring.
        const auto titles = standIn.titleRequests();
        QCOMPARE(titles.size(), 2);
        QStringList titled;
        for (const auto &t : titles) {
            titled << t.ids;
            QVERIFY(t.userText.contains(
                QStringLiteral("Synthetic study %1 of sparse widget routing").arg(t.ids.first())));
            QVERIFY(!t.userText.contains(QStringLiteral("routes widgets")));
            QVERIFY(t.userText.contains(QStringLiteral("### Topic 1")));
        }
        QCOMPARE(titled.size(), 30);
        QStringList abstracts;
        for (const auto &a : standIn.scoring())
            abstracts << a.ids;
        abstracts.sort();
        QCOMPARE(abstracts,
            QStringList({QStringLiteral("2611.00001"), QStringLiteral("2611.00002"),
                QStringLiteral("2611.00010"), QStringLiteral("2611.00011"), QStringLiteral("2611.00012"),
                QStringLiteral("2611.00020"), QStringLiteral("2611.00021"), QStringLiteral("2611.00022"),
                QStringLiteral("2611.00030")}));

        // Dropped papers: stored without marks, with the title prompt's hash; nothing lost.
        const QHash<QString, Score> latest = latestScores(dir.databasePath());
        QCOMPARE(latest.size(), 30);
        int dropped = 0;
        for (const Paper &p : papers) {
            const Score &sc = latest.value(p.arxivId);
            if (abstracts.contains(p.arxivId)) {
                QVERIFY(sc.isScored());
                QCOMPARE(sc.promptHash, rq.prompt.hash());
            } else {
                ++dropped;
                QVERIFY(!sc.isScored());
                QCOMPARE(sc.comment, QString(ScoringJob::TitleDropComment));
                QCOMPARE(sc.promptHash, rq.prompt.titleFilterHash());
                QCOMPARE(sc.model, QStringLiteral("gpt-5-mini"));
            }
        }
        QCOMPARE(dropped, 21);

        // Tokens and cost of both stages count toward the day (the stand-in reports 1000 + 100 per request).
        QCOMPARE(s.usage.promptTokens, 4000);
        QCOMPARE(s.usage.completionTokens, 400);
        QCOMPARE(s.titleUsage.promptTokens, 2000);
        QCOMPARE(s.titleUsage.completionTokens, 200);
        const PriceTable prices = PriceTable::defaults();
        TokenUsage titleUsage;
        titleUsage.promptTokens = 2000;
        titleUsage.completionTokens = 200;
        QVERIFY(s.titleCost > 0);
        QCOMPARE(s.titleCost, *prices.cost(QStringLiteral("gpt-5-mini"), titleUsage));
        QCOMPARE(s.cost, 2 * s.titleCost);
        {
            auto store = PaperStore::open(dir.databasePath());
            const DayRun run = (*store.value()->dayRun(kDay)).value();
            QCOMPARE(run.cost, s.cost);
            QCOMPARE(run.promptTokens, 4000);
        }

        // A re-run sends nothing: abstract scores and title verdicts both come from the cache.
        standIn.served.clear();
        const Outcome again = runJob(rq);
        QVERIFY2(again.finished && again.ok, qPrintable(again.message));
        QCOMPARE(standIn.served.size(), 0);
        QCOMPARE(again.summary.cached, 9);
        QCOMPARE(again.summary.titleDroppedCached, 21);
        QCOMPARE(again.summary.toScore, 0);
        QCOMPARE(again.summary.unscored, 0);
        QCOMPARE(again.summary.cost, 0.0);
        QVERIFY(again.summary.stageLines().join(u'\n').contains(QStringLiteral("21 by earlier runs")));

        // Another title prompt is another verdict: the dropped titles are judged again (and kept now).
        standIn.titleVerdict = [](const QStringList &ids) { return ids; };
        ScoringRequest edited = rq;
        edited.prompt = PromptTemplate::fromTexts(rq.prompt.systemText(), rq.prompt.instructionsTemplate(),
            rq.prompt.topicsText(), QStringLiteral("Keep what fits.\n\n{{topics}}\n\n{{titles}}"));
        const Outcome third = runJob(edited);
        QVERIFY2(third.finished && third.ok, qPrintable(third.message));
        QCOMPARE(third.summary.titleDroppedCached, 0);
        QCOMPARE(third.summary.titleKept, 21);
        QCOMPARE(third.summary.scored, 21);
        QCOMPARE(third.summary.cached, 9);
        for (const Score &sc : latestScores(dir.databasePath()))
            QVERIFY(sc.isScored());
    }

    void titleFilterFailsOpen()
    {
        for (const QString &garbage : {QStringLiteral("These all look interesting to me!"),
                 QStringLiteral("{\"keep\":[\"2612.00001\",\"not an id\"]}")}) {
            Test::TempProfileDir dir;
            seed(dir.databasePath(), 12);
            Test::LoopbackHttpServer server;
            QVERIFY(server.listen());
            Test::OpenAiStandIn standIn;
            standIn.garbageTitleReply = garbage;
            standIn.install(server);
            ScoringRequest rq = request(dir.databasePath(), server.url(QStringLiteral("/v1")));
            rq.titleFilter = true;
            rq.titleBatchSize = 100;
            rq.batchSize = 4;

            const Outcome out = runJob(rq);
            QVERIFY2(out.finished && out.ok, qPrintable(out.message));
            QCOMPARE(out.summary.titleRequests, 1);
            QCOMPARE(out.summary.titleFailedOpen, 12);
            QCOMPARE(out.summary.titleKept, 12);
            QCOMPARE(out.summary.titleDropped, 0);
            QCOMPARE(out.summary.scored, 12);
            QCOMPARE(standIn.scoring().size(), 3);
            QCOMPARE(out.summary.titleUsage.promptTokens, 1000); // an unusable reply is still paid for
            QVERIFY(out.summary.warnings.join(u'\n').contains(QStringLiteral("unusable")));
            for (const Score &sc : latestScores(dir.databasePath()))
                QVERIFY(sc.isScored());
        }
    }

    void titleFilterIsHeldByTheBudget()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath(), 12);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        standIn.install(server);
        ScoringRequest rq = request(dir.databasePath(), server.url(QStringLiteral("/v1")));
        rq.titleFilter = true;
        rq.dailyBudget = 0.00001; // less than one title batch is estimated to cost
        const Outcome out = runJob(rq);
        QVERIFY(out.finished);
        QVERIFY(out.summary.budgetReached);
        QCOMPARE(standIn.served.size(), 0);
        QCOMPARE(out.summary.titleRequests, 0);
        QCOMPARE(out.summary.notSent, 12);
        QCOMPARE(latestScores(dir.databasePath()).size(), 0);
    }

    void titleFilterIsOffForProvidersWithoutIt()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath(), 4);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        standIn.install(server);
        ScoringRequest rq = request(dir.databasePath(), server.url(QStringLiteral("/v1")));
        const QUrl base = server.url(QStringLiteral("/v1"));
        // A provider without a title pre-filter (the built-in scorer, or this wrapper that hides the OpenAI
        // provider's): the stage is skipped and says why.
        rq.factory = [base]() -> std::unique_ptr<ScoringProvider> {
            class NoTitles final : public ScoringProvider
            {
            public:
                explicit NoTitles(std::unique_ptr<ScoringProvider> inner)
                    : m_inner(std::move(inner))
                { }
                QString model() const override { return m_inner->model(); }
                BatchResult scoreBatch(const QList<Paper> &papers, const RenderedPrompt &prompt,
                    const std::atomic_bool *cancel) override
                {
                    return m_inner->scoreBatch(papers, prompt, cancel);
                }

            private:
                std::unique_ptr<ScoringProvider> m_inner;
            };
            auto p = makeLlmProvider(QStringLiteral("local"), base, QStringLiteral("gpt-5-mini"), QString(),
                true, QString(), HttpOptions {});
            return p ? std::make_unique<NoTitles>(std::move(p).value()) : nullptr;
        };
        rq.titleFilter = true;
        const Outcome out = runJob(rq);
        QVERIFY2(out.finished && out.ok, qPrintable(out.message));
        QVERIFY(!out.summary.titleFilter);
        QCOMPARE(standIn.titleRequests().size(), 0);
        QCOMPARE(out.summary.scored, 4);
        QVERIFY(out.summary.stageLines().join(u'\n').contains(
            QStringLiteral("Title pre-filter: off (gpt-5-mini has no title pre-filter)")));
    }

    void examplesReachThePrompt()
    {
        Test::TempProfileDir dir;
        const QList<Paper> papers = seed(dir.databasePath(), 4);
        {
            // Older papers the user starred and dismissed (not listed on the day).
            auto store = PaperStore::open(dir.databasePath());
            QList<Paper> older;
            for (int i = 1; i <= 3; ++i) {
                Paper p = Test::makePaper(
                    QStringLiteral("2610.%1").arg(i, 5, 10, QChar(u'0')), 1, kDay.addDays(-30));
                p.title = QStringLiteral("Older paper number %1").arg(i);
                older << p;
            }
            QVERIFY(store.value()->upsertPapers(older));
            PaperState starred;
            starred.arxivId = older.at(0).arxivId;
            starred.starred = true;
            QVERIFY(store.value()->saveState(starred));
            starred.arxivId = older.at(1).arxivId;
            QVERIFY(store.value()->saveState(starred));
            PaperState dismissed;
            dismissed.arxivId = older.at(2).arxivId;
            dismissed.dismissed = true;
            QVERIFY(store.value()->saveState(dismissed));
            // A paper of the day itself, starred: not an example for its own day.
            starred.arxivId = papers.at(0).arxivId;
            QVERIFY(store.value()->saveState(starred));
        }
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        standIn.install(server);
        ScoringRequest rq = request(dir.databasePath(), server.url(QStringLiteral("/v1")));
        rq.batchSize = 4;

        const Outcome plain = runJob(rq);
        QVERIFY2(plain.finished && plain.ok, qPrintable(plain.message));
        QCOMPARE(standIn.served.size(), 1);
        QVERIFY(!standIn.served.first().userText.contains(QStringLiteral("Older paper number")));
        QCOMPARE(plain.summary.examplesStarred, 0);

        standIn.served.clear();
        rq.exampleCount = 5;
        const Outcome with = runJob(rq);
        QVERIFY2(with.finished && with.ok, qPrintable(with.message));
        // A different prompt: nothing from the cache, every paper sent again with the examples.
        QCOMPARE(with.summary.cached, 0);
        QCOMPARE(with.summary.scored, 4);
        QVERIFY(with.summary.promptHash != plain.summary.promptHash);
        QCOMPARE(with.summary.examplesStarred, 2);
        QCOMPARE(with.summary.examplesDismissed, 1);
        QCOMPARE(standIn.served.size(), 1);
        const QString user = standIn.served.first().userText;
        QVERIFY(user.contains(QStringLiteral("Starred:\n<example>Older paper number 2</example>\n"
                                             "<example>Older paper number 1</example>")) ||
            user.contains(QStringLiteral("Starred:\n<example>Older paper number 1</example>\n"
                                         "<example>Older paper number 2</example>")));
        QVERIFY(user.contains(QStringLiteral("Dismissed:\n<example>Older paper number 3</example>")));
        QVERIFY(!user.contains(QStringLiteral("<example>Synthetic study")));
        QVERIFY(user.indexOf(QStringLiteral("Dismissed:")) < user.indexOf(QStringLiteral("<paper id=")));
        QVERIFY(with.summary.stageLines().join(u'\n').contains(
            QStringLiteral("Examples in the prompt: 2 starred and 1 dismissed")));
    }
};

QTEST_GUILESS_MAIN(TestScoringJobLlm)
#include "test_scoringjobllm.moc"
