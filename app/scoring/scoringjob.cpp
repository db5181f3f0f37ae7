// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scoringjob.h"

#include "scoring/pipeline/abstractbatchstage.h"
#include "scoring/pipeline/batchdispatcher.h"
#include "scoring/pipeline/costestimator.h"
#include "scoring/pipeline/hybridgatestage.h"
#include "scoring/pipeline/ledgerstage.h"
#include "scoring/pipeline/promptexamples.h"
#include "scoring/pipeline/runaccount.h"
#include "scoring/pipeline/scoringpipeline.h"
#include "scoring/pipeline/titlefilterstage.h"
#include "store/daylock.h"
#include "store/gatereportstore.h"
#include "store/paperstore.h"

#include <QScopeGuard>

#include <optional>

namespace Lectern {

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
        return Error {tr("No day to score.")};
    if (!rq.factory)
        return Error {tr("No scoring provider was given.")};

    auto opened = PaperStore::open(rq.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    store.setClock(*rq.clock);
    auto held = lockDay(store);
    if (!held)
        return Error {held.error()};

    auto titleFilterAvailable = probeProvider();
    if (!titleFilterAvailable)
        return Error {titleFilterAvailable.error()};
    auto withExamples = PromptExamples::apply(store, rq.prompt, rq.exampleCount, rq.day);
    if (!withExamples)
        return Error {withExamples.error()};
    const PromptTemplate &prompt = withExamples->prompt;
    withExamples->countInto(sum);
    describeTitleFilter(prompt, *titleFilterAvailable);

    const QDateTime now = rq.clock->nowUtc();
    auto prepared = ScoringPipeline(store, rq, cancelFlag())
                        .prepare(sum.model, sum.promptHash, sum.titleFilterHash, !rq.dryRun, now);
    if (!prepared)
        return Error {prepared.error()};
    countPrepared(*prepared);

    const std::optional<ModelPrice> configuredPrice = rq.prices.find(sum.model);
    sum.priceKnown = configuredPrice.has_value();
    if (!sum.priceKnown && sum.toScore > 0)
        sum.warnings << QStringLiteral(
            "No price for %1 in the price table: its cost counts as 0 and the daily "
            "budget cannot hold it back. Add it to prices.json.")
                            .arg(sum.model);
    CostEstimator estimator(prompt, configuredPrice);
    if (rq.dryRun) {
        estimateDryRun(estimator, *prepared);
        return sum.describe();
    }

    // Author matches, h-index rows and re-stamped cache hits, in one go.
    if (auto written = prepared->write(store, sum.model, now); !written)
        return Error {written.error()};
    if (auto sent = send(store, prompt, prepared->toScore, estimator, configuredPrice); !sent)
        return Error {sent.error()};
    if (auto recorded = recordDay(store, prompt, *prepared); !recorded)
        return Error {recorded.error()};

    if (!m_fatal.isEmpty())
        return Error {
            tr("%1 (%2 papers scored and kept; %3 not sent)").arg(m_fatal).arg(sum.scored).arg(sum.notSent)};
    if (isCancelled())
        return Error {tr("Cancelled: %1 papers scored and kept, %2 not sent; run again to finish.")
                          .arg(sum.scored)
                          .arg(sum.notSent)};
    return sum.describe();
}

Result<std::optional<DayLock>> ScoringJob::lockDay(PaperStore &store)
{
    // Another client of a shared store scoring this day: wait for it, then score only what it left (the
    // cache holds the rest). A dry run sends nothing and waits for no one.
    const ScoringRequest &rq = m_request;
    if (rq.dryRun)
        return std::optional<DayLock>();
    auto lock = DayLock::acquire(
        store.database(), DayLock::Kind::Score, rq.day, Sleeper::system(), cancelFlag(), [this, &rq] {
            report(-1, -1, tr("Waiting for another client scoring %1…").arg(rq.day.toString(Qt::ISODate)));
        });
    if (!lock)
        return Error {lock.error()};
    return std::optional<DayLock>(std::move(lock).value());
}

Result<bool> ScoringJob::probeProvider()
{
    // The model's name keys the cache; ask a provider made (and dropped) on this thread.
    bool titleFilterAvailable = false;
    {
        std::unique_ptr<ScoringProvider> probe = m_request.factory();
        if (!probe)
            return Error {tr("The scoring provider could not be created.")};
        m_summary.model = probe->model().trimmed();
        titleFilterAvailable = probe->supportsTitleFilter();
    }
    if (m_summary.model.isEmpty())
        return Error {tr("The scoring provider did not name its model.")};
    // The built-in scorer as the provider has no LLM to gate for.
    if (m_request.mode == ScoringMode::Hybrid && m_summary.model == BuiltinScorer::ModelName)
        m_request.mode = ScoringMode::Builtin;
    return titleFilterAvailable;
}

void ScoringJob::describeTitleFilter(const PromptTemplate &prompt, bool available)
{
    ScoringSummary &sum = m_summary;
    if (!m_request.titleFilter)
        sum.titleFilterOff = QStringLiteral("scoring/titleFilter");
    else if (!available)
        sum.titleFilterOff = tr("%1 has no title pre-filter").arg(sum.model);
    sum.titleFilter = m_request.titleFilter && available;
    if (sum.titleFilter)
        sum.titleFilterHash = prompt.titleFilterHash();
}

void ScoringJob::countPrepared(const PreparedDay &prepared)
{
    ScoringSummary &sum = m_summary;
    prepared.countInto(sum);
    sum.toScore = int(prepared.toScore.size());
    if (prepared.gate) {
        sum.hybrid = true;
        sum.gateLine = prepared.gate->describe();
        sum.gateLocal = prepared.gateLocal;
        sum.beforeGate = int(prepared.beforeGate.size());
    }
}

void ScoringJob::estimateDryRun(const CostEstimator &estimator, const PreparedDay &prepared)
{
    ScoringSummary &sum = m_summary;
    const int batchSize = std::max(1, m_request.batchSize);
    const int titleBatchSize = sum.titleFilter ? std::max(1, m_request.titleBatchSize) : 0;
    sum.estimatedUsage = estimator.dryRun(prepared.toScore, batchSize, titleBatchSize);
    sum.estimatedCost = estimator.cost(sum.estimatedUsage);
    if (sum.hybrid) {
        sum.ungatedUsage = estimator.dryRun(prepared.beforeGate, batchSize, titleBatchSize);
        sum.ungatedCost = estimator.cost(sum.ungatedUsage);
    }
}

Result<void> ScoringJob::recordDay(
    PaperStore &store, const PromptTemplate &prompt, const PreparedDay &prepared)
{
    const ScoringRequest &rq = m_request;
    ScoringSummary &sum = m_summary;
    // Thresholds, ranking and the day's record: what was spent, with which model and prompt.
    auto ledger = LedgerStage(rq.followedAuthors, rq.minRelevance, rq.minNovelty, rq.announceTypes)
                      .record(store, rq.day, sum.model, sum.usage, sum.cost, prompt.storedText());
    if (!ledger)
        return Error {ledger.error()};
    sum.relevant = ledger->relevant;
    sum.passedThresholds = ledger->passedThresholds;
    sum.ranking = ledger->ranking;
    sum.dayCost = ledger->dayCost;

    // The hybrid gate's report: what the LLM found in the gate and in the sample, kept with the day.
    if (prepared.gate) {
        auto report =
            HybridGateStage::report(store, rq.day, *prepared.gate, sum.model, rq.minRelevance, rq.minNovelty);
        if (!report)
            return Error {report.error()};
        GateReportStore reports(store.database(), *rq.clock);
        if (auto saved = reports.saveMembers(rq.day, prepared.gate->members()); !saved)
            return Error {saved.error()};
        if (auto saved = reports.save(*report); !saved)
            return Error {saved.error()};
        sum.gateReport = *report;
    }
    return {};
}

Result<void> ScoringJob::send(PaperStore &store, const PromptTemplate &prompt, const QList<Paper> &toScore,
    CostEstimator &estimator, const std::optional<ModelPrice> &configuredPrice)
{
    const ScoringRequest &rq = m_request;
    ScoringSummary &sum = m_summary;
    const int batchSize = std::max(1, rq.batchSize);
    auto stored = store.dayRun(rq.day);
    if (!stored)
        return Error {stored.error()};
    const double spentBefore = stored->has_value() ? (*stored)->cost : 0.0;

    const QList<QList<Paper>> first =
        batchesOf(toScore, sum.titleFilter ? std::max(1, rq.titleBatchSize) : batchSize);
    const int threads = std::min<int>(std::clamp(rq.parallel, 1, 64),
        int(std::max<qsizetype>(first.size(), (toScore.size() + batchSize - 1) / batchSize)));
    BatchDispatcher dispatcher(rq.factory, prompt, threads, cancelFlag());
    for (const QList<Paper> &b : first)
        dispatcher.append(BatchTask {b, 1, sum.titleFilter});
    sum.parallel = dispatcher.pace().configured();

    const auto progress = [&](const QString &message) {
        const int done = sum.scored + sum.unscored + sum.titleDropped;
        report(done, sum.toScore, message);
        Q_EMIT scoringProgress(ScoringProgress {done, sum.toScore, sum.usage, sum.cost});
    };
    RunAccount account(sum, rq.prices, configuredPrice);
    TitleFilterStage titles(store, dispatcher, account, *rq.clock, sum.model, sum.titleFilterHash,
        sum.titleFilter ? int(first.size()) : 0, batchSize, TitleFilterStage::KeptTo::AbstractBatches,
        cancelFlag(), progress);
    AbstractBatchStage abstracts(store, dispatcher, account, estimator, *rq.clock, sum.model, sum.promptHash,
        batchSize, cancelFlag(), progress);
    const auto usageOf = [&](const BatchTask &t, qint64 *rawPrompt) {
        return t.titles ? estimator.titles(t.papers) : estimator.abstracts(t.papers, rawPrompt);
    };
    BatchDispatcher::Handlers handlers;
    // The daily budget: a batch goes out only when the day's cost so far, the estimates of the batches in
    // flight and its own stay within it.
    handlers.admit = [&](BatchTask &t) {
        t.estimate = estimator.cost(usageOf(t, &t.estimatedPromptTokens));
        if (rq.dailyBudget > 0 &&
            spentBefore + sum.cost + dispatcher.inFlightEstimate() + t.estimate > rq.dailyBudget) {
            sum.budgetReached = true;
            return false;
        }
        ++sum.requests;
        sum.titleRequests += t.titles;
        return true;
    };
    handlers.tokens = [&](const BatchTask &t) {
        const TokenUsage u = usageOf(t, nullptr);
        return u.promptTokens + u.completionTokens;
    };
    handlers.handle = [&](BatchReply &reply) {
        if (reply.task.titles)
            titles.onReply(reply);
        else
            abstracts.onReply(reply);
    };

    if (!first.isEmpty())
        progress(tr("Scoring %1 papers of %2 with %3 (%4 from the cache, %5 by followed authors)")
                     .arg(sum.toScore)
                     .arg(rq.day.toString(Qt::ISODate), sum.model)
                     .arg(sum.cached)
                     .arg(sum.authorMatches));
    dispatcher.run(handlers);
    sum.slowdowns = dispatcher.pace().slowdowns();
    sum.lowestParallel = dispatcher.pace().lowest();
    sum.heldMs = dispatcher.pace().heldMs();
    for (const BatchTask &t : dispatcher.pending())
        sum.notSent += int(t.papers.size());
    sum.notSent += int(titles.waiting());
    m_fatal = account.fatal();
    if (!account.storeError().isEmpty())
        return Error {tr("Storing scores failed: %1").arg(account.storeError())};
    return {};
}

} // namespace Lectern
