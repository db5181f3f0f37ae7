// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digestbuilder.h"
#include "scoring/authormatcher.h"
#include "scoring/builtinscorer.h"
#include "scoring/scoringjob.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/labelledpapers.h>
#include <testkit/manualclock.h>

#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <mutex>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

/// A provider written for these tests: it records every call and answers as the test says.
struct FakeState
{
    using Reply = std::function<BatchResult(
        const QList<Paper> &, const RenderedPrompt &, int call, const std::atomic_bool *cancel)>;
    std::mutex mutex;
    QString model = QStringLiteral("fake-model");
    Reply reply;
    int calls = 0; ///< under mutex; read with callCount()
    QList<QStringList> batches;
    std::atomic_int created {0};
    std::atomic_int running {0};
    std::atomic_int maxRunning {0};
    std::atomic_int promptProblems {0};
    QSet<Qt::HANDLE> threads;

    int callCount()
    {
        std::lock_guard lock(mutex);
        return calls;
    }
    QStringList sentIds()
    {
        std::lock_guard lock(mutex);
        QStringList out;
        for (const QStringList &b : std::as_const(batches))
            out << b;
        return out;
    }
};

class FakeProvider final : public ScoringProvider
{
public:
    explicit FakeProvider(std::shared_ptr<FakeState> state)
        : m_state(std::move(state))
    { }
    QString model() const override { return m_state->model; }
    BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override
    {
        int call = 0;
        {
            std::lock_guard lock(m_state->mutex);
            call = ++m_state->calls;
            QStringList ids;
            for (const Paper &p : papers)
                ids << p.arxivId;
            m_state->batches << ids;
            m_state->threads.insert(QThread::currentThreadId());
        }
        for (const Paper &p : papers) {
            if (!prompt.papers.contains(QStringLiteral("<paper id=\"%1\">").arg(p.arxivId)) ||
                prompt.hash.isEmpty() || prompt.instructions.contains(p.abstract))
                ++m_state->promptProblems;
        }
        const int now = ++m_state->running;
        int seen = m_state->maxRunning;
        while (now > seen && !m_state->maxRunning.compare_exchange_weak(seen, now)) { }
        BatchResult r =
            m_state->reply ? m_state->reply(papers, prompt, call, cancel) : goodReply(papers, prompt);
        --m_state->running;
        return r;
    }

    /// Marks derived from the id, usage proportional to the prompt.
    static BatchResult goodReply(const QList<Paper> &papers, const RenderedPrompt &prompt)
    {
        BatchResult r;
        r.model = QStringLiteral("fake-model-2026-01-01");
        for (const Paper &p : papers)
            r.items << ScoredItem {p.arxivId, relevanceOf(p), noveltyOf(p),
                QStringLiteral("Fake verdict for %1").arg(p.arxivId)};
        r.usage.promptTokens = (prompt.system.size() + prompt.instructions.size() + prompt.papers.size()) / 4;
        r.usage.completionTokens = 150 * papers.size();
        return r;
    }
    static int relevanceOf(const Paper &p) { return 1 + int(p.arxivId.right(2).toInt() % 10); }
    static int noveltyOf(const Paper &p) { return 10 - int(p.arxivId.right(1).toInt() % 10); }

private:
    std::shared_ptr<FakeState> m_state;
};

ScoringProviderFactory fakeFactory(const std::shared_ptr<FakeState> &state)
{
    return [state]() -> std::unique_ptr<ScoringProvider> {
        ++state->created;
        return std::make_unique<FakeProvider>(state);
    };
}

PromptTemplate testPrompt(const QString &extraTopics = {})
{
    return PromptTemplate::fromTexts(PromptTemplate::defaultText(QStringLiteral("system.md")),
        PromptTemplate::defaultText(QStringLiteral("instructions.md")),
        QString::fromUtf8(Test::fixture(QStringLiteral("scoring/topics.md"))) + extraTopics);
}

/// The day's 20 labelled papers (on, off and survey) listed on kDay; the rest listed a week earlier.
QList<Paper> seed(const QString &databasePath)
{
    QList<Paper> day;
    QList<Paper> earlier;
    for (const Test::LabelledPaper &l : Test::labelledPapers()) {
        if (l.label == u"on" || l.label == u"off" || l.label == u"survey") {
            day << l.paper;
        } else {
            Paper p = l.paper;
            p.announced = kDay.addDays(-7);
            earlier << p;
        }
    }
    day[9].authors = {QStringLiteral("Zoë Müller"), QStringLiteral("Ada Example")}; // 2611.10010, off topic
    auto store = PaperStore::open(databasePath);
    if (!store || !store.value()->upsertPapers(earlier + day))
        qFatal("cannot seed the store");
    return day;
}

struct Outcome
{
    bool ok = false;
    QString message;
    ScoringSummary summary;
    QList<ScoringProgress> progress;
};

Outcome runJob(ScoringRequest request)
{
    ScoringJob job(std::move(request));
    Outcome out;
    QObject::connect(
        &job, &ScoringJob::scoringProgress, &job, [&](const ScoringProgress &p) { out.progress << p; });
    const JobOutcome outcome = job.execute();
    out.ok = outcome.ok();
    out.message = outcome.message;
    out.summary = outcome.resultAs<ScoringSummary>();
    return out;
}

ScoringRequest request(const QString &databasePath, ScoringProviderFactory factory)
{
    ScoringRequest r;
    r.databasePath = databasePath;
    r.day = kDay;
    r.factory = std::move(factory);
    r.prompt = testPrompt();
    r.batchSize = 5;
    r.parallel = 1;
    r.minRelevance = 6;
    r.minNovelty = 1;
    return r;
}

std::unique_ptr<PaperStore> openStore(const QString &path)
{
    auto store = PaperStore::open(path);
    if (!store)
        qFatal("cannot open the store");
    return std::move(store).value();
}

/// Scores of @p model and @p hash for each paper of the day.
QHash<QString, Score> storedScores(const QString &path, const QString &model, const QString &hash)
{
    auto store = openStore(path);
    QHash<QString, Score> out;
    auto records = store->recordsForDay(kDay);
    for (const PaperRecord &r : records.value()) {
        const QList<Score> history = store->scoreHistory(r.paper.arxivId).value();
        for (const Score &s : history) {
            if (s.model == model && s.promptHash == hash)
                out.insert(s.arxivId, s);
        }
    }
    return out;
}

qint64 scoreRows(const QString &path)
{
    auto store = openStore(path);
    return store->stats()->scores;
}

} // namespace

class TestScoringJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinScorerEndToEnd()
    {
        Test::TempProfileDir dir;
        const QList<Paper> day = seed(dir.databasePath());
        // A star and a read paper from last week give the scorer a library.
        {
            auto store = openStore(dir.databasePath());
            PaperState s;
            s.arxivId = QStringLiteral("2611.20001");
            s.starred = true;
            QVERIFY(store->saveState(s).ok());
        }
        const PromptTemplate prompt = testPrompt();
        ScoringRequest rq =
            request(dir.databasePath(), BuiltinScorer::factory(prompt.topics(), dir.databasePath()));
        rq.followedAuthors = {QStringLiteral("Zoe Muller")};
        rq.parallel = 3;
        const Outcome first = runJob(rq);
        QVERIFY2(first.ok, qPrintable(first.message));
        const ScoringSummary &s = first.summary;
        QCOMPARE(s.model, QStringLiteral("lectern-local"));
        QCOMPARE(s.promptHash, prompt.hash());
        QCOMPARE(s.listed, 20);
        QCOMPARE(s.considered, 20);
        QCOMPARE(s.authorMatches, 1);
        QCOMPARE(s.toScore, 19);
        QCOMPARE(s.scored, 19);
        QCOMPARE(s.unscored, 0);
        QCOMPARE(s.cached, 0);
        QCOMPARE(s.requests, 4);
        QCOMPARE(s.cost, 0.0);
        QVERIFY(s.priceKnown);
        QCOMPARE(first.progress.last().done, 19);
        QCOMPARE(first.progress.last().total, 19);

        const QHash<QString, Score> scores =
            storedScores(dir.databasePath(), QStringLiteral("lectern-local"), prompt.hash());
        QCOMPARE(scores.size(), 20);
        const Score author = scores.value(QStringLiteral("2611.10010"));
        QCOMPARE(author.comment, QStringLiteral("Author match"));
        QVERIFY(!author.relevance && !author.novelty);
        for (const Paper &p : day) {
            if (p.arxivId == u"2611.10010")
                continue;
            const Score sc = scores.value(p.arxivId);
            QVERIFY2(sc.isScored(), qPrintable(p.arxivId));
            QVERIFY(sc.comment.startsWith(QStringLiteral("Built-in scorer (no LLM)")));
            QCOMPARE(sc.version, p.version);
        }

        // Thresholds and ranking agree with the digest: the author match first, then the on-topic papers.
        auto store = openStore(dir.databasePath());
        const auto digest = DigestBuilder::fromStore(*store, kDay, AuthorMatcher(rq.followedAuthors), 6, 1);
        QVERIFY(digest.ok());
        QCOMPARE(s.relevant, digest->relevantCount());
        QCOMPARE(s.passedThresholds, s.relevant - 1);
        // The eight on-topic papers pass: relevance is how fully a paper meets a topic (6 is about a keyword in
        // the title), not a place in the collection, so the papers off the topics stay below.
        QVERIFY2(s.passedThresholds >= 8, qPrintable(QString::number(s.passedThresholds)));
        QCOMPARE(s.ranking.first(), QStringLiteral("2611.10010"));
        QVERIFY(digest->entries.first().authorMatch);
        QCOMPARE(digest->entries.size(), s.ranking.size());
        for (qsizetype i = 1; i < digest->entries.size(); ++i) {
            const QString id = digest->entries.at(i).paper.arxivId;
            QCOMPARE(id, s.ranking.at(i));
            const bool onTopic = id.mid(5).toInt() >= 10001 && id.mid(5).toInt() <= 10008;
            QVERIFY2(onTopic == (i <= 8), qPrintable(id));
        }
        const auto run = store->dayRun(kDay);
        QVERIFY(run.ok() && run->has_value());
        QCOMPARE((*run)->model, QStringLiteral("lectern-local"));
        QCOMPARE((*run)->promptText, prompt.storedText());
        QCOMPARE((*run)->totalRelevant, s.relevant);
        QCOMPARE((*run)->cost, 0.0);

        // A second run sends nothing: every paper is in the cache.
        const qint64 rows = scoreRows(dir.databasePath());
        const Outcome second = runJob(rq);
        QVERIFY(second.ok);
        QCOMPARE(second.summary.cached, 19);
        QCOMPARE(second.summary.toScore, 0);
        QCOMPARE(second.summary.requests, 0);
        QCOMPARE(second.summary.relevant, s.relevant);
        QCOMPARE(scoreRows(dir.databasePath()), rows);
    }

    void repliesAreNotTrusted()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int call,
                           const std::atomic_bool *) {
            BatchResult r = FakeProvider::goodReply(papers, prompt);
            if (call != 1)
                return r;
            // The first batch (2611.10001..10010): every kind of bad answer.
            r.items.clear();
            for (const Paper &p : papers) {
                const QString &id = p.arxivId;
                if (id == u"2611.10001") {
                    r.items << ScoredItem {id, 11, 5, QStringLiteral("too relevant")};
                } else if (id == u"2611.10002") {
                    r.items << ScoredItem {id, 5, 0, QStringLiteral("no novelty")};
                } else if (id == u"2611.10003") {
                    r.items << ScoredItem {id, 9, 8, QStringLiteral("first")}
                            << ScoredItem {id, 2, 2, QStringLiteral("second")};
                } else if (id == u"2611.10004") {
                    // missing
                } else if (id == u"2611.10005") {
                    r.items << ScoredItem {id + QStringLiteral("v1"), 7, 7, QStringLiteral("versioned id")};
                } else if (id == u"2611.10006") {
                    r.items << ScoredItem {id, 6, std::nullopt, QStringLiteral("half a verdict")};
                } else {
                    r.items << ScoredItem {id, 3, 3, QStringLiteral("ok")};
                }
            }
            r.items << ScoredItem {QStringLiteral("2611.99999"), 10, 10, QStringLiteral("not in the batch")};
            r.warnings << QStringLiteral("provider warning passed on");
            return r;
        };
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));
        rq.batchSize = 10;
        const Outcome out = runJob(rq);
        QVERIFY2(out.ok, qPrintable(out.message));
        QCOMPARE(state->promptProblems.load(), 0);
        // Batch 1, at once its retry of 2611.10001, 10002, 10004 and 10006 (a batch of at most 5), then
        // 2611.10003, given two different verdicts, asked again on its own (issue 12.7), then batch 2.
        QCOMPARE(state->callCount(), 4);
        QCOMPARE(state->batches.at(1),
            (QStringList {QStringLiteral("2611.10001"), QStringLiteral("2611.10002"),
                QStringLiteral("2611.10004"), QStringLiteral("2611.10006")}));
        QCOMPARE(state->batches.at(2), QStringList {QStringLiteral("2611.10003")});
        QCOMPARE(out.summary.retried, 5);
        QCOMPARE(out.summary.scored, 20);
        QCOMPARE(out.summary.unscored, 0);

        const QHash<QString, Score> scores =
            storedScores(dir.databasePath(), QStringLiteral("fake-model"), rq.prompt.hash());
        QCOMPARE(scores.size(), 20);
        // Neither of the two verdicts: the one given when asked alone.
        QCOMPARE(scores.value(QStringLiteral("2611.10003")).comment,
            QStringLiteral("Fake verdict for 2611.10003"));
        QCOMPARE(scores.value(QStringLiteral("2611.10005")).relevance, 7); // "v1" accepted
        QCOMPARE(scores.value(QStringLiteral("2611.10001")).comment,
            QStringLiteral("Fake verdict for 2611.10001")); // from the retry
        QVERIFY(!scores.contains(QStringLiteral("2611.99999")));
        const QString warnings = out.summary.warnings.join(u'\n');
        QVERIFY2(warnings.contains(QStringLiteral("\"2611.99999\", which was not in the batch")),
            qPrintable(warnings));
        QVERIFY(warnings.contains(
            QStringLiteral("2611.10001 that are not whole numbers from 1 to 10 (relevance 11")));
        QVERIFY(warnings.contains(QStringLiteral("2611.10003 got two different verdicts in one reply")));
        QVERIFY(warnings.contains(QStringLiteral("provider warning passed on")));
    }

    void missingTwiceIsStoredUnscored()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int,
                           const std::atomic_bool *) {
            BatchResult r = FakeProvider::goodReply(papers, prompt);
            r.items.removeIf(
                [](const ScoredItem &i) { return i.arxivId == u"2611.10004" || i.arxivId == u"2611.10017"; });
            r.truncated = papers.size() > 3;
            return r;
        };
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));
        rq.batchSize = 8;
        const Outcome out = runJob(rq);
        QVERIFY2(out.ok, qPrintable(out.message));
        // Batches of 8, 8 and 4; each missing paper retried once (alone) right after its batch.
        QCOMPARE(state->callCount(), 5);
        QCOMPARE(state->batches.at(1), QStringList {QStringLiteral("2611.10004")});
        QCOMPARE(state->batches.at(4), QStringList {QStringLiteral("2611.10017")});
        QCOMPARE(out.summary.scored, 18);
        QCOMPARE(out.summary.retried, 2);
        QCOMPARE(out.summary.unscored, 2);
        const QHash<QString, Score> scores =
            storedScores(dir.databasePath(), QStringLiteral("fake-model"), rq.prompt.hash());
        QCOMPARE(scores.size(), 20); // never dropped
        const Score missing = scores.value(QStringLiteral("2611.10004"));
        QVERIFY(!missing.relevance && !missing.novelty); // never invented
        QCOMPARE(missing.comment, QStringLiteral("Not scored: the model's reply left this paper out twice."));
        QVERIFY(out.summary.warnings.join(u' ').contains(QStringLiteral("cut off")));

        // The next run sends the unscored papers again, and only them.
        state->reply = {};
        const Outcome again = runJob(rq);
        QVERIFY(again.ok);
        QCOMPARE(again.summary.cached, 18);
        QCOMPARE(again.summary.toScore, 2);
        QCOMPARE(state->callCount(), 6);
        QVERIFY(storedScores(dir.databasePath(), QStringLiteral("fake-model"), rq.prompt.hash())
                    .value(QStringLiteral("2611.10004"))
                    .isScored());
    }

    void failedBatchIsRetriedThenUnscored()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int,
                           const std::atomic_bool *) {
            if (papers.first().arxivId == u"2611.10006") {
                BatchResult r;
                r.error = QStringLiteral("HTTP 500 from the server");
                return r;
            }
            return FakeProvider::goodReply(papers, prompt);
        };
        const Outcome out = runJob(request(dir.databasePath(), fakeFactory(state)));
        QVERIFY2(out.ok, qPrintable(out.message));
        // Batch 2 (10006..10010) failed; its papers went again in batches of 2: [10006, 10007] failed again,
        // [10008, 10009] and [10010] were answered.
        QCOMPARE(state->callCount(), 4 + 3);
        QCOMPARE(
            state->batches.at(2), (QStringList {QStringLiteral("2611.10006"), QStringLiteral("2611.10007")}));
        QCOMPARE(out.summary.retried, 5);
        QCOMPARE(out.summary.unscored, 2);
        QCOMPARE(out.summary.scored, 18);
        QVERIFY(out.summary.warnings.join(u' ').contains(QStringLiteral("HTTP 500")));
        const Score failed =
            storedScores(dir.databasePath(), QStringLiteral("fake-model"), out.summary.promptHash)
                .value(QStringLiteral("2611.10007"));
        QVERIFY(!failed.relevance && !failed.novelty);
        QCOMPARE(failed.comment,
            QStringLiteral("Not scored: the request failed twice (HTTP 500 from the server)."));
    }

    void fatalErrorStopsTheRun()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int call,
                           const std::atomic_bool *) {
            if (call == 2) {
                BatchResult r;
                r.fatal = true;
                r.error = QStringLiteral("OpenAI refused the key (HTTP 401): check OPENAI_API_KEY.");
                return r;
            }
            return FakeProvider::goodReply(papers, prompt);
        };
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));
        rq.prices.set(ModelPrice {QStringLiteral("fake-model"), 1.0, 0.1, 1.0, 2.0});
        const Outcome out = runJob(rq);
        QVERIFY(!out.ok);
        QVERIFY2(out.message.startsWith(
                     QStringLiteral("OpenAI refused the key (HTTP 401): check OPENAI_API_KEY.")),
            qPrintable(out.message));
        QVERIFY(out.message.contains(QStringLiteral("5 papers scored and kept; 15 not sent")));
        QCOMPARE(state->callCount(), 2);
        QCOMPARE(out.summary.scored, 5);
        QCOMPARE(out.summary.notSent, 15);
        QCOMPARE(storedScores(dir.databasePath(), QStringLiteral("fake-model"), rq.prompt.hash()).size(), 5);
        // What was spent is on the day's record.
        auto store = openStore(dir.databasePath());
        const auto run = store->dayRun(kDay);
        QVERIFY(run.ok() && run->has_value());
        QVERIFY((*run)->promptTokens > 0);
        QCOMPARE((*run)->cost, out.summary.cost);
        QVERIFY(out.summary.cost > 0);

        // A provider that cannot be made fails the run with a message.
        const Outcome none =
            runJob(request(dir.databasePath(), [] { return std::unique_ptr<ScoringProvider>(); }));
        QVERIFY(!none.ok);
        QVERIFY(none.message.contains(QStringLiteral("could not be created")));
    }

    void resumesWithoutResendingScoredBatches()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto first = std::make_shared<FakeState>();
        first->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int call,
                           const std::atomic_bool *) {
            if (call == 3) {
                BatchResult r;
                r.fatal = true;
                r.error = QStringLiteral("insufficient_quota");
                return r;
            }
            return FakeProvider::goodReply(papers, prompt);
        };
        QVERIFY(!runJob(request(dir.databasePath(), fakeFactory(first))).ok);
        const QStringList firstSent = first->sentIds();

        auto second = std::make_shared<FakeState>();
        const Outcome out = runJob(request(dir.databasePath(), fakeFactory(second)));
        QVERIFY2(out.ok, qPrintable(out.message));
        QCOMPARE(out.summary.cached, 10);
        QCOMPARE(second->callCount(), 2);
        for (const QString &id : second->sentIds())
            QVERIFY2(
                !firstSent.mid(0, 10).contains(id), qPrintable(id)); // nothing scored before is sent again
        QCOMPARE(
            storedScores(dir.databasePath(), QStringLiteral("fake-model"), out.summary.promptHash).size(),
            20);
    }

    void cacheFollowsPromptAndModel()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        Test::ManualClock clock;
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));
        rq.clock = &clock;
        QVERIFY(runJob(rq).ok);
        QCOMPARE(state->callCount(), 4);
        const qint64 rows = scoreRows(dir.databasePath());
        {
            // Scores carry the run's clock, not the wall clock.
            auto scored = openStore(dir.databasePath())->record(QStringLiteral("2611.10001"));
            QVERIFY(scored && scored->has_value() && (*scored)->score);
            QCOMPARE((*scored)->score->scoredAt, clock.nowUtc());
        }

        // Same prompt and model: nothing is sent.
        const Outcome cached = runJob(rq);
        QVERIFY(cached.ok);
        QCOMPARE(state->callCount(), 4);
        QCOMPARE(cached.summary.cached, 20);
        QCOMPARE(cached.summary.cost, 0.0);

        // An edited prompt scores again and keeps both results.
        ScoringRequest edited = rq;
        edited.prompt = testPrompt(QStringLiteral("\n## Graphs\nRelevant: graph colouring\n"));
        QVERIFY(edited.prompt.hash() != rq.prompt.hash());
        clock.advance(1000);
        QVERIFY(runJob(edited).ok);
        QCOMPARE(state->callCount(), 8);
        QCOMPARE(scoreRows(dir.databasePath()), 2 * rows);
        auto store = openStore(dir.databasePath());
        QCOMPARE(store->scoreHistory(QStringLiteral("2611.10001"))->size(), 2);

        // Back to the first prompt: cached again, and its scores are the latest once more.
        clock.advance(1000); // a later run: its re-stamped verdicts are the latest
        const Outcome back = runJob(rq);
        QCOMPARE(back.summary.cached, 20);
        QCOMPARE(state->callCount(), 8);
        const auto record = store->record(QStringLiteral("2611.10001"));
        QCOMPARE((*record)->score->promptHash, rq.prompt.hash());

        // Another model has its own cache; --rescore ignores it.
        auto other = std::make_shared<FakeState>();
        other->model = QStringLiteral("other-model");
        QVERIFY(runJob(request(dir.databasePath(), fakeFactory(other))).ok);
        QCOMPARE(other->callCount(), 4);
        ScoringRequest again = request(dir.databasePath(), fakeFactory(other));
        again.rescore = true;
        QCOMPARE(runJob(again).summary.toScore, 20);
        QCOMPARE(other->callCount(), 8);
        const auto dayRun = store->dayRun(kDay);
        QCOMPARE((*dayRun)->model, QStringLiteral("fake-model + other-model")); // both spent on this day
    }

    void costFromUsageAndBudget()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->model = QStringLiteral("gpt-5-mini");
        state->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int,
                           const std::atomic_bool *) {
            BatchResult r = FakeProvider::goodReply(papers, prompt);
            r.model = QStringLiteral("gpt-5-mini-2025-08-07");
            r.usage.promptTokens = 10000;
            r.usage.cachedPromptTokens = 4000;
            r.usage.completionTokens = 3000;
            r.usage.reasoningTokens = 2000;
            return r;
        };
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));
        const Outcome out = runJob(rq);
        QVERIFY2(out.ok, qPrintable(out.message));
        // Per batch: 6000 uncached x $0.25/M + 4000 cached x $0.025/M + 3000 output x $2/M = $0.0076.
        QCOMPARE(out.summary.usage.promptTokens, 40000);
        QCOMPARE(out.summary.usage.reasoningTokens, 8000);
        QVERIFY(qAbs(out.summary.cost - 4 * 0.0076) < 1e-12);
        const QHash<QString, Score> scores =
            storedScores(dir.databasePath(), QStringLiteral("gpt-5-mini"), rq.prompt.hash());
        double perPaper = 0;
        for (const Score &s : scores) {
            perPaper += s.cost;
            QCOMPARE(s.promptTokens, 2000);
            QCOMPARE(s.completionTokens, 600);
        }
        QVERIFY(qAbs(perPaper - out.summary.cost) < 1e-12);
        QVERIFY(out.summary.stageLines().join(u'\n').contains(
            QStringLiteral("Cost: $0.03 this run ($0.0015 per paper sent), $0.03 for the day")));
    }

    void budgetStopsBeforeItIsPassed()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->model = QStringLiteral("gpt-5");
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));

        // The dry run estimates and sends nothing.
        ScoringRequest dry = rq;
        dry.dryRun = true;
        const Outcome estimate = runJob(dry);
        QVERIFY2(estimate.ok, qPrintable(estimate.message));
        QCOMPARE(state->callCount(), 0);
        QCOMPARE(scoreRows(dir.databasePath()), 0);
        QCOMPARE(estimate.summary.toScore, 20);
        QCOMPARE(estimate.summary.estimatedUsage.completionTokens, 20 * 150);
        QVERIFY(estimate.summary.estimatedUsage.promptTokens > 4 * rq.prompt.instructions().size() / 4);
        QVERIFY(estimate.summary.estimatedCost > 0);

        // A budget of 60 % of the estimate lets two of the four batches go.
        rq.dailyBudget = 0.6 * estimate.summary.estimatedCost;
        const Outcome out = runJob(rq);
        QVERIFY2(out.ok, qPrintable(out.message));
        QVERIFY(out.summary.budgetReached);
        QCOMPARE(state->callCount(), 2);
        QCOMPARE(out.summary.scored, 10);
        QCOMPARE(out.summary.notSent, 10);
        QVERIFY(out.summary.cost <= rq.dailyBudget);
        QVERIFY(out.summary.stageLines().join(u'\n').contains(QStringLiteral("Budget: stopped before")));

        // The day's spending counts: running again with the same budget sends nothing more.
        const Outcome again = runJob(rq);
        QVERIFY(again.summary.budgetReached);
        QCOMPARE(state->callCount(), 2);
        QCOMPARE(again.summary.cached, 10);
        auto store = openStore(dir.databasePath());
        QVERIFY((*store->dayRun(kDay))->cost <= rq.dailyBudget);
    }

    void batchesRunInParallel()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int,
                           const std::atomic_bool *) {
            QThread::msleep(150);
            return FakeProvider::goodReply(papers, prompt);
        };
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));
        rq.batchSize = 2;
        rq.parallel = 4;
        const Outcome out = runJob(rq);
        QVERIFY2(out.ok, qPrintable(out.message));
        QCOMPARE(state->callCount(), 10);
        // Four requests in flight at once, counted by the provider itself: parallel, whatever the clock says.
        QCOMPARE(state->maxRunning.load(), 4);
        QCOMPARE(state->created.load(), 1 + 4); // the probe for the model name, then one per worker
        QCOMPARE(state->threads.size(), 4);
        QVERIFY(!state->threads.contains(QThread::currentThreadId()));
        // Progress: monotonic, ends at the total, tokens accumulate.
        int done = 0;
        for (const ScoringProgress &p : out.progress) {
            QVERIFY(p.done >= done);
            done = p.done;
        }
        QCOMPARE(done, 20);
        QCOMPARE(out.progress.last().usage.promptTokens, out.summary.usage.promptTokens);
        QCOMPARE(out.summary.usage.completionTokens, 20 * 150);
    }

    void slowProviderIsCancelled()
    {
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto state = std::make_shared<FakeState>();
        state->reply = [](const QList<Paper> &papers, const RenderedPrompt &prompt, int call,
                           const std::atomic_bool *cancel) {
            if (call > 1) {
                // A slow server: answers only when cancelled (or after about an hour of 5 ms naps).
                for (int nap = 0; nap < 720000; ++nap) {
                    if (cancel && *cancel) {
                        BatchResult r;
                        r.error = QStringLiteral("Cancelled.");
                        return r;
                    }
                    QThread::msleep(5);
                }
            }
            return FakeProvider::goodReply(papers, prompt);
        };
        ScoringRequest rq = request(dir.databasePath(), fakeFactory(state));
        rq.parallel = 2;
        JobRunner runner;
        bool finished = false;
        bool ok = true;
        QString message;
        connect(&runner, &JobRunner::finished, this, [&](const JobOutcome &outcome) {
            finished = true;
            ok = outcome.ok();
            message = outcome.message;
        });
        QVERIFY(runner.start(new ScoringJob(rq)));
        QTRY_VERIFY_WITH_TIMEOUT(state->callCount() >= 3, 5000);
        runner.cancel();
        // Only the cancel can end the hour-long requests in time.
        QVERIFY(runner.wait(5000));
        QVERIFY(finished);
        QVERIFY(!ok);
        QVERIFY2(message.startsWith(QStringLiteral("Cancelled: 5 papers scored and kept, 15 not sent")),
            qPrintable(message));
        QCOMPARE(storedScores(dir.databasePath(), QStringLiteral("fake-model"), rq.prompt.hash()).size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestScoringJob)
#include "test_scoringjob.moc"
