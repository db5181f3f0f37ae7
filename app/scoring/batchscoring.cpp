// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/batchscoring.h"

#include "scoring/pipeline/batchdispatcher.h"
#include "scoring/pipeline/costestimator.h"
#include "scoring/pipeline/hybridgatestage.h"
#include "scoring/pipeline/ledgerstage.h"
#include "scoring/pipeline/promptexamples.h"
#include "scoring/pipeline/providerbatchplan.h"
#include "scoring/pipeline/providerbatchresults.h"
#include "scoring/pipeline/runaccount.h"
#include "scoring/pipeline/scoringpipeline.h"
#include "scoring/pipeline/titlefilterstage.h"
#include "store/database.h"
#include "store/gatereportstore.h"
#include "store/paperstore.h"

#include <QCoreApplication>

namespace Lectern {

namespace {

// What `lectern score --batch` and `lectern batch` print: report lines in the user's language.
QString say(const char *english, int n = -1)
{
    return QCoreApplication::translate("Lectern::BatchScoring", english, nullptr, n);
}

} // namespace

QStringList BatchSubmission::lines() const
{
    QStringList out;
    out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", "Day %1, model %2 (%3 batch), prompt %4"))
               .arg(day.toString(Qt::ISODate), model, provider, promptHash.left(12));
    out << ScoringSummary::frontLines(
        listed, considered, authorMatches, hIndexLine, examplesStarred, examplesDismissed);
    if (!gateLine.isEmpty())
        out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring",
                       "Hybrid gate: %1; of %2 papers to send, %3 go into the batch for %4 and %5 keep "
                       "the built-in scorer's marks (lectern-local)"))
                   .arg(gateLine)
                   .arg(beforeGate)
                   .arg(beforeGate - gateLocal)
                   .arg(model)
                   .arg(gateLocal);
    if (!titleFilterAsked)
        out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", "Title pre-filter: off (scoring/titleFilter)"));
    else if (!titleFilter)
        out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring",
                       "Title pre-filter: off (%1); %2 dropped by earlier runs left out"))
                   .arg(titleFilterOff)
                   .arg(titleDroppedCached);
    else
        out << ScoringSummary::titleFilterLine(say(QT_TRANSLATE_NOOP("Lectern::BatchScoring",
                                                   "Title pre-filter (direct requests, before the batch)")),
            titleKept, titleDropped, titleDroppedCached, titleFailedOpen, titleRequests, titleUsage,
            priceKnown ? std::optional(titleCost) : std::nullopt);
    if (batchId.isEmpty()) {
        out << say(QT_TRANSLATE_NOOP(
                       "Lectern::BatchScoring", "Batch: nothing submitted; %1 to send, %2 from the cache"))
                   .arg(toScore)
                   .arg(cached);
    } else {
        out << say(QT_TRANSLATE_N_NOOP("Lectern::BatchScoring",
                       "Batch %1 submitted: %2 papers in %n request(s), %3 from the cache"),
            requests)
                   .arg(batchId)
                   .arg(sent)
                   .arg(cached);
        out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring",
                       "Estimate: about %1 prompt and %2 completion tokens, about %3 at batch prices"))
                   .arg(estimatedUsage.promptTokens)
                   .arg(estimatedUsage.completionTokens)
                   .arg(priceKnown ? PriceTable::money(estimatedCost)
                                   : say(QT_TRANSLATE_NOOP(
                                             "Lectern::BatchScoring", "an unknown cost (no price for %1)"))
                                         .arg(model));
        out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring",
            "Results come within 24 hours: run `lectern batch collect` (or `lectern score --batch` again) to "
            "store them."));
    }
    if (budgetReached)
        out << say(QT_TRANSLATE_NOOP(
                       "Lectern::BatchScoring", "Budget: %1 papers held back; the day's cost would pass %2"))
                   .arg(notSent)
                   .arg(PriceTable::money(budget));
    return out;
}

QStringList BatchCollection::lines() const
{
    QStringList out;
    QString progress;
    if (status.total > 0)
        progress = say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", ", %1 of %2 requests done"))
                       .arg(status.succeeded + status.failedRequests)
                       .arg(status.total);
    // The state is the provider's word (in_progress, ended), kept as the provider says it.
    out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", "Batch %1 (%2, %3, day %4, %5 papers): %6%7"))
               .arg(batch.batchId, batch.provider, batch.model, batch.day.toString(Qt::ISODate))
               .arg(batch.paperCount())
               .arg(status.state.isEmpty() ? say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", "unknown"))
                                           : status.state,
                   progress);
    if (!collected) {
        out << (status.ended
                ? say(QT_TRANSLATE_NOOP(
                      "Lectern::BatchScoring", "Ended: `lectern batch collect` stores its results."))
                : say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", "Not ended yet; collect it later.")));
        return out;
    }
    out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", "Collected: %1 scored, %2 unscored%3"))
               .arg(scored)
               .arg(unscored)
               .arg(status.failed ? say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", " (the batch failed: %1)"))
                                        .arg(status.error)
                                  : QString());
    out << say(QT_TRANSLATE_NOOP(
                   "Lectern::BatchScoring", "Tokens: %1 prompt (%2 cached), %3 completion (%4 reasoning)"))
               .arg(usage.promptTokens)
               .arg(usage.cachedPromptTokens)
               .arg(usage.completionTokens)
               .arg(usage.reasoningTokens);
    if (priceKnown)
        out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring",
                       "Cost: %1 at batch prices (half the direct price), %2 for the day"))
                   .arg(PriceTable::money(cost), PriceTable::money(dayCost));
    else
        out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring",
                       "Cost: unknown, no price for %1 in the price table (prices.json)"))
                   .arg(batch.model);
    out << say(QT_TRANSLATE_NOOP("Lectern::BatchScoring", "Ranking: %1 relevant papers")).arg(relevant);
    if (gateReport)
        out << gateReport->localizedLine(); // the digest keeps line(), English
    return out;
}

BatchScoring::BatchScoring(ScoringRequest request, const std::atomic_bool *cancel)
    : m_request(std::move(request))
    , m_cancel(cancel)
{ }

Result<BatchSubmission> BatchScoring::submit(LlmBatchApi &api, const QString &provider, const QString &model)
{
    const ScoringRequest &rq = m_request;
    BatchSubmission sub;
    sub.day = rq.day;
    sub.provider = provider;
    sub.model = model;
    sub.budget = rq.dailyBudget;
    if (!rq.day.isValid())
        return Error {QCoreApplication::translate("Lectern::BatchScoring", "No day to score.")};
    auto opened = PaperStore::open(rq.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    store.setClock(*rq.clock);

    // The prompt direct scoring would send, examples included, so both share one score cache.
    auto withExamples = PromptExamples::apply(store, rq.prompt, rq.exampleCount, rq.day);
    if (!withExamples)
        return Error {withExamples.error()};
    const PromptTemplate &prompt = withExamples->prompt;
    withExamples->countInto(sub);
    if (auto checked = checkTitleFilter(model, sub); !checked)
        return Error {checked.error()};
    const QString titleHash = rq.titleFilter ? prompt.titleFilterHash() : QString();

    const QDateTime now = rq.clock->nowUtc();
    auto prepared = ScoringPipeline(store, rq, m_cancel).prepare(model, sub.promptHash, titleHash, true, now);
    if (!prepared)
        return Error {prepared.error()};
    prepared->countInto(sub);
    if (prepared->gate) {
        sub.gateLine = prepared->gate->describe();
        sub.beforeGate = int(prepared->beforeGate.size());
        sub.gateLocal = prepared->gateLocal;
    }
    QList<Paper> toScore = prepared->toScore;
    if (auto written = prepared->write(store, model, now); !written)
        return Error {written.error()};

    const std::optional<ModelPrice> price = rq.prices.find(model);
    sub.priceKnown = price.has_value();
    auto dayRun = store.dayRun(rq.day);
    if (!dayRun)
        return Error {dayRun.error()};
    double spent = dayRun->has_value() ? (*dayRun)->cost : 0.0;
    if (sub.titleFilter && !toScore.isEmpty()) {
        auto kept = filterTitles(store, prompt, toScore, model, spent, sub);
        if (!kept)
            return Error {kept.error()};
        toScore = std::move(kept).value();
    }
    sub.toScore = int(toScore.size());

    const ProviderBatchPlan plan =
        ProviderBatchPlan::pack(toScore, rq.batchSize, prompt, price, rq.dailyBudget, spent);
    sub.sent = plan.sent;
    sub.notSent += plan.notSent;
    sub.budgetReached = sub.budgetReached || plan.budgetReached;
    sub.estimatedUsage = plan.estimatedUsage;
    sub.estimatedCost = plan.estimatedCost;
    sub.requests = int(plan.requests.size());
    if (!plan.requests.isEmpty()) {
        auto id = api.submit(plan.requests, m_cancel);
        if (!id)
            return Error {id.error()};
        sub.batchId = *id;
        if (auto saved = recordSubmission(store, plan, prompt, sub); !saved)
            return Error {saved.error()};
    }
    if (prepared->gate) {
        // Kept with the day, so that collecting the batch (maybe in another process) counts the report.
        auto report = saveGate(store, *prepared->gate, model);
        if (!report)
            return Error {report.error()};
        sub.gateReport = *report;
    }
    return sub;
}

Result<void> BatchScoring::checkTitleFilter(const QString &model, BatchSubmission &sub) const
{
    const ScoringRequest &rq = m_request;
    sub.titleFilterAsked = rq.titleFilter;
    if (!rq.titleFilter)
        return {};
    if (!rq.factory)
        return Error {QCoreApplication::translate(
            "Lectern::BatchScoring", "The title pre-filter (scoring/titleFilter) needs a scoring provider.")};
    // Ask a provider made (and dropped) on this thread, as direct scoring does.
    const std::unique_ptr<ScoringProvider> probe = rq.factory();
    if (!probe)
        return Error {QCoreApplication::translate(
            "Lectern::BatchScoring", "The scoring provider could not be created.")};
    if (probe->model().trimmed() != model)
        return Error {QCoreApplication::translate(
            "Lectern::BatchScoring", "The title pre-filter's provider uses %1, the batch %2.")
                          .arg(probe->model().trimmed(), model)};
    sub.titleFilter = probe->supportsTitleFilter();
    if (!sub.titleFilter)
        sub.titleFilterOff =
            QCoreApplication::translate("Lectern::ScoringJob", "%1 has no title pre-filter").arg(model);
    return {};
}

Result<QList<Paper>> BatchScoring::filterTitles(PaperStore &store, const PromptTemplate &prompt,
    const QList<Paper> &papers, const QString &model, double &spent, BatchSubmission &sub)
{
    const ScoringRequest &rq = m_request;
    // The direct run's title stage on one thread: one title batch after the other, at direct prices.
    ScoringSummary sum;
    const std::optional<ModelPrice> price = rq.prices.find(model);
    RunAccount account(sum, rq.prices, price);
    const CostEstimator estimator(prompt, price);
    const QList<QList<Paper>> batches = batchesOf(papers, std::max(1, rq.titleBatchSize));
    BatchDispatcher dispatcher(rq.factory, prompt, 1, m_cancel);
    for (const QList<Paper> &b : batches)
        dispatcher.append(BatchTask {b, 1, true});
    TitleFilterStage titles(store, dispatcher, account, *rq.clock, model, prompt.titleFilterHash(),
        int(batches.size()), rq.batchSize, TitleFilterStage::KeptTo::Caller, m_cancel,
        [](const QString &) {});
    const double budgetLeft = std::max(0.0, rq.dailyBudget - spent);
    BatchDispatcher::Handlers handlers;
    handlers.admit = [&](BatchTask &t) {
        t.estimate = estimator.cost(estimator.titles(t.papers));
        if (rq.dailyBudget > 0 && sum.titleCost + t.estimate > budgetLeft) {
            sum.budgetReached = true;
            return false;
        }
        ++sum.titleRequests;
        return true;
    };
    handlers.tokens = [&](const BatchTask &t) {
        const TokenUsage u = estimator.titles(t.papers);
        return u.promptTokens + u.completionTokens;
    };
    handlers.handle = [&](BatchReply &reply) { titles.onReply(reply); };
    dispatcher.run(handlers);

    if (!account.fatal().isEmpty())
        return Error {QCoreApplication::translate("Lectern::BatchScoring", "The title pre-filter stopped: %1")
                          .arg(account.fatal())};
    if (m_cancel && *m_cancel)
        return Error {QCoreApplication::translate(
            "Lectern::BatchScoring", "Cancelled during the title pre-filter; nothing was submitted.")};
    if (!account.storeError().isEmpty())
        return Error {QCoreApplication::translate(
            "Lectern::BatchScoring", "Storing the title pre-filter's drops failed: %1")
                          .arg(account.storeError())};
    sub.titleKept = sum.titleKept;
    sub.titleDropped = sum.titleDropped;
    sub.titleFailedOpen = sum.titleFailedOpen;
    sub.titleRequests = sum.titleRequests;
    sub.titleUsage = sum.titleUsage;
    sub.titleCost = sum.titleCost;
    sub.warnings << sum.warnings;
    if (sum.budgetReached) {
        sub.budgetReached = true;
        for (const BatchTask &t : dispatcher.pending())
            sub.notSent += int(t.papers.size());
    }
    // Its cost is the day's at once: it was spent whatever becomes of the batch.
    if (sum.titleRequests > 0) {
        auto ledger = LedgerStage(rq.followedAuthors, rq.minRelevance, rq.minNovelty, rq.announceTypes)
                          .record(store, rq.day, model, sum.titleUsage, sum.titleCost, prompt.storedText());
        if (!ledger)
            return Error {ledger.error()};
        spent = ledger->dayCost;
    }
    return titles.kept();
}

Result<GateReport> BatchScoring::saveGate(PaperStore &store, const GateDecision &gate, const QString &model)
{
    const ScoringRequest &rq = m_request;
    GateReportStore reports(store.database(), *rq.clock);
    if (auto saved = reports.saveMembers(rq.day, gate.members()); !saved)
        return Error {saved.error()};
    auto report = HybridGateStage::report(store, rq.day, gate, model, rq.minRelevance, rq.minNovelty);
    if (!report)
        return Error {report.error()};
    if (auto saved = reports.save(*report); !saved)
        return Error {saved.error()};
    return report;
}

Result<void> BatchScoring::recordSubmission(PaperStore &store, const ProviderBatchPlan &plan,
    const PromptTemplate &prompt, const BatchSubmission &sub)
{
    ProviderBatch record;
    record.batchId = sub.batchId;
    record.provider = sub.provider;
    record.model = sub.model;
    record.day = m_request.day;
    record.promptHash = sub.promptHash;
    record.promptText = prompt.storedText();
    record.submittedAt = m_request.clock->nowUtc();
    record.requests = plan.papers;
    if (auto saved = ProviderBatchStore(store.database(), *m_request.clock).add(record); !saved)
        return Error {QCoreApplication::translate("Lectern::BatchScoring",
            "The provider accepted batch %1 but recording it failed (%2); cancel it "
            "with `lectern batch cancel %1` or it is paid for and lost.")
                          .arg(sub.batchId, saved.error())};
    return {};
}

namespace {

/// The papers of each request of @p batch, at the version that was sent.
Result<QHash<QString, QList<Paper>>> sentPapers(PaperStore &store, const ProviderBatch &batch)
{
    QHash<QString, QList<Paper>> papers;
    for (const auto &[customId, refs] : batch.requests) {
        QList<Paper> &list = papers[customId];
        for (const BatchPaperRef &ref : refs) {
            auto stored = store.paper(ref.arxivId);
            if (!stored)
                return Error {stored.error()};
            Paper p = stored->value_or(Paper {});
            p.arxivId = ref.arxivId;
            p.version = ref.version;
            list << p;
        }
    }
    return papers;
}

} // namespace

Result<BatchCollection> BatchScoring::poll(LlmBatchApi &api, const ProviderBatch &batch, bool collect)
{
    BatchCollection out;
    out.batch = batch;
    auto opened = PaperStore::open(m_request.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    store.setClock(*m_request.clock);

    auto status = api.status(batch.batchId, m_cancel);
    if (!status)
        return Error {QCoreApplication::translate("Lectern::BatchScoring", "Asking about batch %1 failed: %2")
                          .arg(batch.batchId, status.error())};
    out.status = *status;
    if (auto saved = ProviderBatchStore(store.database(), *m_request.clock)
                         .setProviderState(batch.rowId, status->state);
        !saved)
        return Error {saved.error()};
    if (!status->ended || !collect)
        return out;

    auto papers = sentPapers(store, batch);
    if (!papers)
        return Error {papers.error()};
    QHash<QString, BatchResult> results;
    if (auto fetched = api.results(batch.batchId, *papers, m_cancel)) {
        results = std::move(fetched).value();
    } else if (!status->failed) {
        // Still there to fetch later: the batch keeps waiting.
        return Error {QCoreApplication::translate(
            "Lectern::BatchScoring", "Fetching the results of batch %1 failed: %2")
                          .arg(batch.batchId, fetched.error())};
    }
    out.priceKnown = m_request.prices.find(batch.model).has_value();
    const ProviderBatchResults read = ProviderBatchResults::read(
        batch, *papers, results, *status, m_request.prices, m_request.clock->nowUtc());
    out.usage = read.usage;
    out.cost = read.cost;
    out.warnings = read.warnings;
    out.scored = read.scored;
    out.unscored = read.unscored;
    if (auto stored = storeCollection(store, read.rows, out); !stored)
        return Error {
            QCoreApplication::translate("Lectern::BatchScoring", "Storing the results of batch %1 failed: %2")
                .arg(batch.batchId, stored.error())};
    out.collected = true;
    out.batch.state = status->failed ? QStringLiteral("failed") : QStringLiteral("collected");
    return out;
}

Result<void> BatchScoring::countGate(PaperStore &store, BatchCollection &out) const
{
    const ScoringRequest &rq = m_request;
    const ProviderBatch &batch = out.batch;
    GateReportStore reports(store.database(), *rq.clock);
    auto members = reports.loadMembers(batch.day);
    if (!members)
        return Error {members.error()};
    auto submitted = reports.load(batch.day);
    if (!submitted)
        return Error {submitted.error()};
    // Only the gate this batch's model was gated for: a later direct run with another model replaced it.
    if (!members->has_value() || !submitted->has_value() || (*submitted)->model != batch.model)
        return {};
    auto report = HybridGateStage::report(
        store, batch.day, **members, (*submitted)->estimates(), batch.model, rq.minRelevance, rq.minNovelty);
    if (!report)
        return Error {report.error()};
    if (auto saved = reports.save(*report); !saved)
        return saved;
    out.gateReport = *report;
    return {};
}

Result<void> BatchScoring::storeCollection(
    PaperStore &store, const QList<Score> &rows, BatchCollection &out) const
{
    const ScoringRequest &rq = m_request;
    const ProviderBatch &batch = out.batch;
    const LedgerStage ledger(rq.followedAuthors, rq.minRelevance, rq.minNovelty, rq.announceTypes);
    // Scores, the day's record and the batch's end in one transaction: collected once, or not at all.
    return store.database().inTransaction([&]() -> Result<void> {
        for (const Score &s : rows) {
            if (auto w = store.addScore(s); !w)
                return w;
        }
        auto entry = ledger.record(store, batch.day, batch.model, out.usage, out.cost, batch.promptText);
        if (!entry)
            return Error {entry.error()};
        out.relevant = entry->relevant;
        out.dayCost = entry->dayCost;
        if (auto counted = countGate(store, out); !counted)
            return counted;
        return ProviderBatchStore(store.database(), *rq.clock)
            .finish(batch.rowId, out.status.failed ? QStringLiteral("failed") : QStringLiteral("collected"),
                QStringLiteral("%1 scored, %2 unscored").arg(out.scored).arg(out.unscored));
    });
}

} // namespace Lectern
