// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scoringjob.h"

#include "config/profile.h"
#include "config/settings.h"
#include "digest/digestbuilder.h"
#include "domain/arxivid.h"
#include "scoring/adaptiveparallelism.h"
#include "scoring/authormatcher.h"
#include "scoring/replyscores.h"
#include "scoring/scoringledger.h"
#include "scoring/scoringselection.h"
#include "scoring/titleprefilter.h"
#include "store/paperstore.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace Lectern {

namespace {

constexpr double kCharsPerToken = 3.5; // conservative for English with TeX: overestimates tokens
constexpr qint64 kDefaultCompletionPerPaper = 150; // reasoning models spend 100-200 (reference days)
constexpr int kMaxWarnings = 50;

struct Task
{
    QList<Paper> papers;
    int attempt = 1;
    double estimate = 0; ///< USD
    qint64 estimatedPromptTokens = 0;
    bool titles = false; ///< a title pre-filter batch
};

struct Outcome
{
    Task task;
    BatchResult result;
};

/// Batches to the workers, results back to the job's thread.
class Exchange
{
public:
    void push(Task task)
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
        m_taskReady.notify_one();
    }
    std::optional<Task> take()
    {
        std::unique_lock lock(m_mutex);
        m_taskReady.wait(lock, [&] { return !m_tasks.empty() || m_closed; });
        if (m_tasks.empty())
            return std::nullopt;
        Task t = std::move(m_tasks.front());
        m_tasks.pop_front();
        return t;
    }
    void deliver(Outcome outcome)
    {
        std::lock_guard lock(m_mutex);
        m_outcomes.push_back(std::move(outcome));
        m_outcomeReady.notify_one();
    }
    std::vector<Outcome> collect(std::chrono::milliseconds wait)
    {
        std::unique_lock lock(m_mutex);
        m_outcomeReady.wait_for(lock, wait, [&] { return !m_outcomes.empty(); });
        std::vector<Outcome> out;
        while (!m_outcomes.empty()) {
            out.push_back(std::move(m_outcomes.front()));
            m_outcomes.pop_front();
        }
        return out;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_taskReady.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_taskReady;
    std::condition_variable m_outcomeReady;
    std::deque<Task> m_tasks;
    std::deque<Outcome> m_outcomes;
    bool m_closed = false;
};

void workerLoop(Exchange &exchange, const ScoringProviderFactory &factory, const PromptTemplate &prompt,
    const std::atomic_bool *cancel)
{
    std::unique_ptr<ScoringProvider> provider;
    QString createError;
    try {
        provider = factory();
    } catch (const std::exception &e) {
        createError = QString::fromLocal8Bit(e.what());
    }
    while (std::optional<Task> task = exchange.take()) {
        BatchResult result;
        if (!provider) {
            result.fatal = true;
            result.error = QStringLiteral("The scoring provider could not be created%1.")
                               .arg(createError.isEmpty() ? QString() : QStringLiteral(": ") + createError);
        } else {
            try {
                result = task->titles
                    ? provider->filterTitles(task->papers, prompt.renderTitleFilter(task->papers), cancel)
                    : provider->scoreBatch(task->papers, prompt.render(task->papers), cancel);
            } catch (const std::exception &e) {
                result = BatchResult {};
                result.fatal = true;
                result.error =
                    QStringLiteral("The scoring provider failed: %1").arg(QString::fromLocal8Bit(e.what()));
            }
        }
        exchange.deliver(Outcome {std::move(*task), std::move(result)});
    }
}

QString money(double usd)
{
    return u'$' + QString::number(usd, 'f', usd != 0 && std::abs(usd) < 0.01 ? 4 : 2);
}

QList<QList<Paper>> chunks(const QList<Paper> &papers, int size)
{
    QList<QList<Paper>> out;
    for (qsizetype i = 0; i < papers.size(); i += size)
        out << papers.mid(i, size);
    return out;
}

} // namespace

Result<ScoringRequest> ScoringRequest::fromProfile(
    const Settings &settings, const Profile &profile, const QDate &day)
{
    ScoringRequest r;
    r.databasePath = profile.databasePath();
    r.day = day;
    auto prompt = PromptTemplate::load(profile.promptsDir());
    if (!prompt)
        return Error {prompt.error()};
    r.prompt = std::move(prompt).value();
    auto prices = PriceTable::loadOrCreate(PriceTable::pathFor(profile));
    if (!prices)
        return Error {prices.error()};
    r.prices = std::move(prices).value();
    r.batchSize = settings.integer(Keys::ScoringBatchSize);
    r.parallel = settings.integer(Keys::ScoringParallel);
    r.minRelevance = settings.integer(Keys::ScoringRelevanceThreshold);
    r.minNovelty = settings.integer(Keys::ScoringNoveltyThreshold);
    r.followedAuthors = settings.stringList(Keys::TopicsFollowedAuthors);
    r.dailyBudget = settings.real(Keys::ScoringDailyBudget);
    r.announceTypes = settings.stringList(Keys::ArxivAnnounceTypes);
    r.titleFilter = settings.flag(Keys::ScoringTitleFilter);
    r.titleBatchSize = settings.integer(Keys::ScoringTitleBatchSize);
    r.exampleCount = settings.flag(Keys::ScoringExamples) ? settings.integer(Keys::ScoringExampleCount) : 0;
    r.hIndex = HIndexFilterSettings::fromSettings(settings);
    return r;
}

QStringList ScoringSummary::stageLines() const
{
    QStringList lines;
    lines << QStringLiteral("Day %1, model %2, prompt %3")
                 .arg(day.toString(Qt::ISODate), model, promptHash.left(12));
    lines
        << QStringLiteral("Listed papers: %1 (%2 of the scored announce types)").arg(listed).arg(considered);
    lines << QStringLiteral("Followed authors: %1 matched (kept whatever their score; not sent)")
                 .arg(authorMatches);
    lines << (hIndexLine.isEmpty() ? QStringLiteral("h-index filter: off") : hIndexLine);
    if (examplesStarred + examplesDismissed > 0)
        lines << QStringLiteral("Examples in the prompt: %1 starred and %2 dismissed papers' titles")
                     .arg(examplesStarred)
                     .arg(examplesDismissed);
    if (!titleFilter) {
        lines << QStringLiteral("Title pre-filter: off%1")
                     .arg(titleFilterOff.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(titleFilterOff));
    } else if (dryRun) {
        lines << QStringLiteral(
            "Title pre-filter (dry run): %1 titles to send, %2 dropped by earlier runs; the "
            "estimate below assumes every title is kept")
                     .arg(toScore)
                     .arg(titleDroppedCached);
    } else {
        const int judged = titleKept + titleDropped + titleDroppedCached;
        lines << QStringLiteral(
            "Title pre-filter: %1 kept of %2 (%3 dropped now, %4 by earlier runs; %5 kept "
            "because a reply was unusable; %6 %7, %8 tokens, %9)")
                     .arg(titleKept)
                     .arg(judged)
                     .arg(titleDropped)
                     .arg(titleDroppedCached)
                     .arg(titleFailedOpen)
                     .arg(titleRequests)
                     .arg(titleRequests == 1 ? QStringLiteral("request") : QStringLiteral("requests"))
                     .arg(titleUsage.promptTokens + titleUsage.completionTokens)
                     .arg(priceKnown ? money(titleCost) : QStringLiteral("unknown cost"));
    }
    if (dryRun) {
        lines << QStringLiteral(
            "Abstract scoring (dry run, nothing sent): %1 papers to send, %2 from the cache")
                     .arg(toScore)
                     .arg(cached);
        lines << QStringLiteral("Estimate: about %1 prompt and %2 completion tokens, about %3")
                     .arg(estimatedUsage.promptTokens)
                     .arg(estimatedUsage.completionTokens)
                     .arg(priceKnown ? money(estimatedCost)
                                     : QStringLiteral("an unknown cost (no price for ") + model + u')');
        return lines;
    }
    lines << QStringLiteral(
        "Abstract scoring: %1 to send, %2 from the cache; %3 scored, %4 retried, %5 unscored, "
        "%6 not sent (%7 %8)")
                 .arg(toScore - titleDropped)
                 .arg(cached)
                 .arg(scored)
                 .arg(retried)
                 .arg(unscored)
                 .arg(notSent)
                 .arg(requests - titleRequests)
                 .arg(requests - titleRequests == 1 ? QStringLiteral("request") : QStringLiteral("requests"));
    if (inProviderBatch > 0)
        lines << QStringLiteral("Provider batch: %1 papers wait in one (`lectern batch collect`); not sent")
                     .arg(inProviderBatch);
    if (slowdowns > 0)
        lines << QStringLiteral("Pace: slowed down %1 times for the provider's rate limits (down to %2 of %3 "
                                "batches in flight; new batches held %4 s in all)")
                     .arg(slowdowns)
                     .arg(lowestParallel)
                     .arg(parallel)
                     .arg(double(heldMs) / 1000.0, 0, 'f', 1);
    else if (requests > 0)
        lines << QStringLiteral("Pace: up to %1 batches in flight; no rate limit reached").arg(parallel);
    if (budgetReached)
        lines << QStringLiteral(
            "Budget: stopped before the day's cost would pass %1; %2 papers wait for a later run")
                     .arg(money(budget))
                     .arg(notSent);
    lines << QStringLiteral("Thresholds (relevance >= %1, novelty >= %2): %3 papers pass")
                 .arg(minRelevance)
                 .arg(minNovelty)
                 .arg(passedThresholds);
    lines << QStringLiteral("Ranking: %1 relevant papers (author matches first, then relevance + novelty)")
                 .arg(relevant);
    lines << QStringLiteral("Tokens: %1 prompt (%2 cached), %3 completion (%4 reasoning)")
                 .arg(usage.promptTokens)
                 .arg(usage.cachedPromptTokens)
                 .arg(usage.completionTokens)
                 .arg(usage.reasoningTokens);
    if (priceKnown) {
        const int paid = scored + unscored + titleDropped;
        lines << QStringLiteral("Cost: %1 this run (%2 per paper sent), %3 for the day")
                     .arg(money(cost), paid > 0 ? money(cost / paid) : money(0), money(dayCost));
    } else {
        lines << QStringLiteral("Cost: unknown, no price for %1 in the price table (prices.json)").arg(model);
    }
    return lines;
}

QString ScoringSummary::describe() const
{
    if (dryRun)
        return QStringLiteral("%1: dry run, %2 papers would be sent (about %3)")
            .arg(day.toString(Qt::ISODate))
            .arg(toScore)
            .arg(priceKnown ? money(estimatedCost) : QStringLiteral("unknown cost"));
    QString s = QStringLiteral("%1: %2 scored, %3 from the cache, %4 unscored, %5 relevant; %6 with %7")
                    .arg(day.toString(Qt::ISODate))
                    .arg(scored)
                    .arg(cached)
                    .arg(unscored)
                    .arg(relevant)
                    .arg(priceKnown ? money(cost) : QStringLiteral("unknown cost"), model);
    if (titleFilter)
        s += QStringLiteral("; title filter: %1 kept of %2")
                 .arg(titleKept)
                 .arg(titleKept + titleDropped + titleDroppedCached);
    if (budgetReached)
        s += QStringLiteral("; daily budget reached, %1 papers not sent").arg(notSent);
    return s;
}

ScoringJob::ScoringJob(ScoringRequest request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
{
    qRegisterMetaType<ScoringProgress>();
}

ScoringJob::~ScoringJob() = default;

Result<QString> ScoringJob::run()
{
    // The outcome carries the summary also when the run stops early: the stages done are reported.
    const auto publish = qScopeGuard([this] { setResult(QVariant::fromValue(m_summary)); });
    const ScoringRequest &rq = m_request;
    ScoringSummary &sum = m_summary;
    sum = ScoringSummary {};
    sum.day = rq.day;
    sum.dryRun = rq.dryRun;
    sum.minRelevance = rq.minRelevance;
    sum.minNovelty = rq.minNovelty;
    sum.budget = rq.dailyBudget;
    if (!rq.day.isValid())
        return Error {QStringLiteral("No day to score.")};
    if (!rq.factory)
        return Error {QStringLiteral("No scoring provider was given.")};
    const int batchSize = std::max(1, rq.batchSize);
    const int parallel = std::clamp(rq.parallel, 1, 64);

    auto opened = PaperStore::open(rq.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();

    // The model's name keys the cache; ask a provider made (and dropped) on this thread.
    bool titleFilterAvailable = false;
    {
        std::unique_ptr<ScoringProvider> probe = rq.factory();
        if (!probe)
            return Error {QStringLiteral("The scoring provider could not be created.")};
        sum.model = probe->model().trimmed();
        titleFilterAvailable = probe->supportsTitleFilter();
    }
    if (sum.model.isEmpty())
        return Error {QStringLiteral("The scoring provider did not name its model.")};
    const QString &model = sum.model;

    // The user's recent stars and dismissals as examples: part of the prompt, so of its hash.
    auto withExamples = ScoringSelection::promptWithExamples(store, rq.prompt, rq.exampleCount, rq.day);
    if (!withExamples)
        return Error {withExamples.error()};
    const PromptTemplate &prompt = withExamples->prompt;
    sum.examplesStarred = withExamples->starred;
    sum.examplesDismissed = withExamples->dismissed;
    sum.promptHash = prompt.hash();
    const QString &hash = sum.promptHash;
    if (!rq.titleFilter)
        sum.titleFilterOff = QStringLiteral("scoring/titleFilter");
    else if (!titleFilterAvailable)
        sum.titleFilterOff = QStringLiteral("%1 has no title pre-filter").arg(model);
    sum.titleFilter = rq.titleFilter && titleFilterAvailable;
    if (sum.titleFilter)
        sum.titleFilterHash = prompt.titleFilterHash();
    const QString &titleHash = sum.titleFilterHash;
    const int titleBatchSize = std::max(1, rq.titleBatchSize);

    const QStringList types =
        rq.announceTypes.isEmpty() ? DigestBuilder::defaultAnnounceTypes() : rq.announceTypes;
    const AuthorMatcher authors(rq.followedAuthors);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Listed papers, followed authors, the score cache and the title pre-filter's earlier drops.
    auto selected =
        ScoringSelection::select(store, rq.day, model, hash, types, authors, rq.rescore, now, titleHash);
    if (!selected)
        return Error {selected.error()};
    sum.listed = selected->listed;
    sum.considered = selected->considered;
    sum.authorMatches = selected->authorMatches;
    sum.cached = selected->cached;
    sum.titleDroppedCached = selected->titleDroppedCached;
    sum.inProviderBatch = selected->inProviderBatch;
    QList<Paper> toScore = selected->toScore;
    // The h-index filter, before the title pre-filter: a paper it drops costs no title request.
    QList<Score> hIndexRows;
    if (rq.hIndex.minHIndex > 0 && !rq.dryRun) {
        auto filtered = AuthorHIndexFilter(rq.hIndex, cancelFlag()).apply(store, toScore, model, hash, now);
        if (!filtered)
            return Error {filtered.error()};
        toScore = filtered->kept;
        hIndexRows = filtered->belowRows;
        sum.belowHIndex = filtered->below;
        sum.hIndexLine = filtered->line();
    } else if (rq.hIndex.minHIndex > 0) {
        sum.hIndexLine =
            QStringLiteral("h-index filter (min %1): not applied in a dry run").arg(rq.hIndex.minHIndex);
    }
    sum.toScore = int(toScore.size());

    const std::optional<ModelPrice> configuredPrice = rq.prices.find(model);
    sum.priceKnown = configuredPrice.has_value();
    if (!sum.priceKnown && !toScore.isEmpty())
        sum.warnings << QStringLiteral(
            "No price for %1 in the price table: its cost counts as 0 and the daily "
            "budget cannot hold it back. Add it to prices.json.")
                            .arg(model);

    // Cost estimates, for the dry run and the budget.
    const qsizetype staticChars = prompt.system().size() + prompt.instructions().size();
    qint64 reportedPrompt = 0;
    qint64 estimatedPromptOfReported = 0;
    qint64 reportedCompletion = 0;
    qint64 papersReported = 0;
    const auto estimateUsage = [&](const QList<Paper> &papers, qint64 *rawPrompt) {
        const qsizetype chars = staticChars + prompt.renderPapers(papers).size();
        const qint64 raw = qint64(std::ceil(double(chars) / kCharsPerToken));
        if (rawPrompt)
            *rawPrompt = raw;
        TokenUsage u;
        const double ratio = reportedPrompt > 0 && estimatedPromptOfReported > 0
            ? double(reportedPrompt) / double(estimatedPromptOfReported)
            : 1.0;
        u.promptTokens = qint64(std::ceil(double(raw) * ratio));
        const qint64 perPaper = reportedCompletion > 0 && papersReported > 0
            ? qint64(std::ceil(double(reportedCompletion) / double(papersReported)))
            : kDefaultCompletionPerPaper;
        u.completionTokens = perPaper * papers.size();
        return u;
    };
    const auto estimateCost = [&](const TokenUsage &u) {
        return configuredPrice ? PriceTable::cost(*configuredPrice, u) : 0.0;
    };
    const auto estimateTitleUsage = [&](const QList<Paper> &papers) {
        return TitleStage::estimate(prompt, papers);
    };

    std::deque<Task> pending;
    for (const QList<Paper> &b : chunks(toScore, sum.titleFilter ? titleBatchSize : batchSize))
        pending.push_back(Task {b, 1, 0, 0, sum.titleFilter});
    int titleTasksLeft = sum.titleFilter ? int(pending.size()) : 0; // not yet handled
    QList<Paper> kept; // kept by titles, waiting to fill an abstract batch

    if (rq.dryRun) {
        for (const Task &t : pending)
            sum.estimatedUsage += t.titles ? estimateTitleUsage(t.papers) : estimateUsage(t.papers, nullptr);
        if (sum.titleFilter) {
            for (const QList<Paper> &b : chunks(toScore, batchSize))
                sum.estimatedUsage += estimateUsage(b, nullptr);
        }
        sum.estimatedCost = estimateCost(sum.estimatedUsage);
        return sum.describe();
    }

    // Author matches, h-index rows and re-stamped cache hits, in one go.
    if (auto written = selected->write(store, model, now, hIndexRows); !written)
        return Error {written.error()};

    auto stored = store.dayRun(rq.day);
    if (!stored)
        return Error {stored.error()};
    const double spentBefore = stored->has_value() ? (*stored)->cost : 0.0;

    // Workers.
    Exchange exchange;
    QList<QThread *> workers;
    const int workerCount = std::min<int>(
        parallel, int(std::max<qsizetype>(pending.size(), (toScore.size() + batchSize - 1) / batchSize)));
    for (int i = 0; i < workerCount; ++i) {
        QThread *t = QThread::create(
            workerLoop, std::ref(exchange), std::cref(rq.factory), std::cref(prompt), cancelFlag());
        t->setObjectName(QStringLiteral("lectern-scoring-%1").arg(i + 1));
        t->start();
        workers << t;
    }

    int inFlight = 0;
    double inFlightEstimate = 0;
    AdaptiveParallelism pace(workerCount);
    sum.parallel = pace.configured();
    QElapsedTimer clock;
    clock.start();
    bool stopping = false;
    QString fatal;
    QString storeError;
    const auto warn = [&](const QString &w) {
        if (sum.warnings.size() < kMaxWarnings)
            sum.warnings << w;
    };
    const auto reportProgress = [&](const QString &message) {
        const int done = sum.scored + sum.unscored + sum.titleDropped;
        report(done, sum.toScore, message);
        Q_EMIT scoringProgress(ScoringProgress {done, sum.toScore, sum.usage, sum.cost});
    };
    const auto costOf = [&](const BatchResult &r) {
        std::optional<ModelPrice> price = r.model.isEmpty() ? std::nullopt : rq.prices.find(r.model);
        if (!price)
            price = configuredPrice;
        return price ? PriceTable::cost(*price, r.usage) : 0.0;
    };
    // Kept papers go on in full abstract batches; the last, partial one once every title is judged.
    const auto queueKept = [&]() {
        while (kept.size() >= batchSize || (titleTasksLeft == 0 && !kept.isEmpty())) {
            pending.push_back(Task {kept.mid(0, batchSize), 1, 0, 0, false});
            kept.remove(0, std::min<qsizetype>(batchSize, kept.size()));
        }
    };

    const auto handleTitles = [&](Outcome &o) {
        const QList<Paper> &batch = o.task.papers;
        BatchResult &r = o.result;
        --titleTasksLeft;
        const double batchCost = costOf(r);
        sum.usage += r.usage;
        sum.cost += batchCost;
        sum.titleUsage += r.usage;
        sum.titleCost += batchCost;
        for (const QString &w : std::as_const(r.warnings))
            warn(w);
        if (r.fatal || isCancelled()) {
            if (r.fatal && fatal.isEmpty())
                fatal = r.error.isEmpty() ? QStringLiteral("The scoring provider stopped the run.") : r.error;
            stopping = true;
            sum.notSent += int(batch.size());
            return;
        }
        // Only ids of the batch count; an unusable reply keeps the whole batch (fail open).
        const TitleVerdict verdict = TitleVerdict::judge(batch, r, model, titleHash, batchCost);
        if (verdict.failedOpen) {
            warn(verdict.warning);
            sum.titleFailedOpen += int(batch.size());
        }
        kept << verdict.kept;
        sum.titleKept += int(verdict.kept.size());
        const QList<Score> &rows = verdict.dropRows;
        if (!rows.isEmpty()) {
            auto written = store.database().inTransaction([&]() -> Result<void> {
                for (const Score &s : std::as_const(rows)) {
                    if (auto w = store.addScore(s); !w)
                        return w;
                }
                return {};
            });
            if (!written) {
                storeError = written.error();
                stopping = true;
                sum.notSent += int(rows.size());
                return;
            }
        }
        sum.titleDropped += int(rows.size());
        queueKept();
        reportProgress(QStringLiteral("Title pre-filter: %1 kept of %2 so far")
                           .arg(sum.titleKept)
                           .arg(sum.titleKept + sum.titleDropped));
    };

    const auto handle = [&](Outcome &o) {
        if (o.task.titles) {
            handleTitles(o);
            return;
        }
        const QList<Paper> &batch = o.task.papers;
        BatchResult &r = o.result;
        sum.usage += r.usage;
        const double batchCost = costOf(r);
        sum.cost += batchCost;
        if (r.usage.promptTokens > 0) {
            reportedPrompt += r.usage.promptTokens;
            estimatedPromptOfReported += o.task.estimatedPromptTokens;
        }
        if (r.usage.completionTokens > 0) {
            reportedCompletion += r.usage.completionTokens;
            papersReported += batch.size();
        }
        if (r.fatal) {
            if (fatal.isEmpty())
                fatal = r.error.isEmpty() ? QStringLiteral("The scoring provider stopped the run.") : r.error;
            stopping = true;
        } else if (!r.error.isEmpty() && !isCancelled()) {
            warn(QStringLiteral("A batch of %1 papers failed: %2").arg(batch.size()).arg(r.error));
        }
        if (r.truncated)
            warn(QStringLiteral(
                "A reply was cut off at the output limit; the papers it lacks are sent again."));
        for (const QString &w : std::as_const(r.warnings))
            warn(w);
        const ReplyScores reply(batch, r, model, hash, batchCost);
        for (const QString &w : reply.warnings())
            warn(w);
        QList<Score> rows = reply.scored();
        const QList<Paper> &missing = reply.missing();
        const int scoredHere = int(rows.size());
        int unscoredHere = 0;
        if (!missing.isEmpty()) {
            if (r.fatal || isCancelled()) {
                sum.notSent += int(missing.size());
            } else if (o.task.attempt == 1) {
                const QList<QList<Paper>> retries = chunks(missing, std::max(1, batchSize / 2));
                for (qsizetype i = retries.size() - 1; i >= 0; --i)
                    pending.push_front(Task {retries.at(i), 2, 0, 0});
                sum.retried += int(missing.size());
            } else {
                const QString why = !r.error.isEmpty()
                    ? QStringLiteral("Not scored: the request failed twice (%1).").arg(r.error.left(200))
                    : (r.truncated
                              ? QStringLiteral("Not scored: the reply was cut off twice before this paper.")
                              : QStringLiteral("Not scored: the model's reply left this paper out twice."));
                for (const Paper &p : missing)
                    rows << reply.unscored(p, why);
                unscoredHere = int(missing.size());
            }
        }
        if (!rows.isEmpty()) {
            auto written = store.database().inTransaction([&]() -> Result<void> {
                for (const Score &s : std::as_const(rows)) {
                    if (auto w = store.addScore(s); !w)
                        return w;
                }
                return {};
            });
            if (!written) {
                storeError = written.error();
                stopping = true;
                sum.notSent += int(rows.size());
                return;
            }
        }
        sum.scored += scoredHere;
        sum.unscored += unscoredHere;
        reportProgress(QStringLiteral("%1 of %2 papers scored (%3 tokens, %4)")
                           .arg(sum.scored)
                           .arg(sum.toScore)
                           .arg(sum.usage.promptTokens + sum.usage.completionTokens)
                           .arg(money(sum.cost)));
    };

    if (!pending.empty())
        reportProgress(
            QStringLiteral("Scoring %1 papers of %2 with %3 (%4 from the cache, %5 by followed authors)")
                .arg(sum.toScore)
                .arg(rq.day.toString(Qt::ISODate), model)
                .arg(sum.cached)
                .arg(sum.authorMatches));
    while (true) {
        if (isCancelled())
            stopping = true;
        while (!stopping && !pending.empty() && pace.mayStart(inFlight, clock.elapsed())) {
            Task &t = pending.front();
            const TokenUsage u =
                t.titles ? estimateTitleUsage(t.papers) : estimateUsage(t.papers, &t.estimatedPromptTokens);
            t.estimate = estimateCost(u);
            if (rq.dailyBudget > 0 &&
                spentBefore + sum.cost + inFlightEstimate + t.estimate > rq.dailyBudget) {
                sum.budgetReached = true;
                stopping = true;
                break;
            }
            inFlightEstimate += t.estimate;
            ++inFlight;
            ++sum.requests;
            sum.titleRequests += t.titles;
            exchange.push(std::move(t));
            pending.pop_front();
        }
        // While held for a rate limit nothing may be in flight: the loop then only waits (and sees a
        // cancel within the collect timeout).
        if (inFlight == 0 && (stopping || pending.empty()))
            break;
        for (Outcome &o : exchange.collect(std::chrono::milliseconds(50))) {
            --inFlight;
            inFlightEstimate -= o.task.estimate;
            if (o.result.rateLimit.known() || o.result.error.isEmpty()) {
                qint64 next = 0;
                if (!pending.empty()) {
                    const Task &t = pending.front();
                    const TokenUsage u =
                        t.titles ? estimateTitleUsage(t.papers) : estimateUsage(t.papers, nullptr);
                    next = u.promptTokens + u.completionTokens;
                }
                pace.onReply(o.result.rateLimit, inFlight, next, clock.elapsed());
            }
            handle(o);
        }
    }
    exchange.close();
    sum.slowdowns = pace.slowdowns();
    sum.lowestParallel = pace.lowest();
    sum.heldMs = pace.heldMs();
    for (QThread *t : std::as_const(workers)) {
        t->wait();
        delete t;
    }
    for (const Task &t : pending)
        sum.notSent += int(t.papers.size());
    sum.notSent += int(kept.size());

    if (!storeError.isEmpty())
        return Error {QStringLiteral("Storing scores failed: %1").arg(storeError)};

    // Thresholds and ranking, exactly as the digest will do them.
    auto digest = DigestBuilder::fromStore(store, rq.day, authors, rq.minRelevance, rq.minNovelty, types);
    if (!digest)
        return Error {digest.error()};
    sum.relevant = digest->relevantCount();
    for (const DigestEntry &e : std::as_const(digest->entries)) {
        sum.ranking << e.paper.arxivId;
        sum.passedThresholds += !e.authorMatch;
    }

    // The day's record: what was spent, with which model and prompt, and what came out.
    auto run =
        ScoringLedger::addRun(store, rq.day, model, sum.usage, sum.cost, prompt.storedText(), sum.relevant);
    if (!run)
        return Error {run.error()};
    sum.dayCost = run->cost;

    if (!fatal.isEmpty())
        return Error {QStringLiteral("%1 (%2 papers scored and kept; %3 not sent)")
                          .arg(fatal)
                          .arg(sum.scored)
                          .arg(sum.notSent)};
    if (isCancelled())
        return Error {
            QStringLiteral("Cancelled: %1 papers scored and kept, %2 not sent; run again to finish.")
                .arg(sum.scored)
                .arg(sum.notSent)};
    return sum.describe();
}

} // namespace Lectern
