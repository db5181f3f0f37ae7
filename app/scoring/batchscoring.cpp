// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/batchscoring.h"

#include "scoring/pipeline/costestimator.h"
#include "scoring/pipeline/ledgerstage.h"
#include "scoring/pipeline/promptexamples.h"
#include "scoring/pipeline/scoringpipeline.h"
#include "scoring/replyscores.h"
#include "scoring/titleprefilter.h"
#include "store/paperstore.h"

namespace Lectern {

QStringList BatchSubmission::lines() const
{
    QStringList out;
    out << QStringLiteral("Day %1, model %2 (%3 batch), prompt %4")
               .arg(day.toString(Qt::ISODate), model, provider, promptHash.left(12));
    out << ScoringSummary::frontLines(
        listed, considered, authorMatches, hIndexLine, examplesStarred, examplesDismissed);
    if (!titleFilterAsked)
        out << QStringLiteral("Title pre-filter: off (scoring/titleFilter)");
    else if (!titleFilter)
        out << QStringLiteral("Title pre-filter: off (%1); %2 dropped by earlier runs left out")
                   .arg(titleFilterOff)
                   .arg(titleDroppedCached);
    else
        out << ScoringSummary::titleFilterLine(
            QStringLiteral("Title pre-filter (direct requests, before the batch)"), titleKept, titleDropped,
            titleDroppedCached, titleFailedOpen, titleRequests, titleUsage,
            priceKnown ? std::optional(titleCost) : std::nullopt);
    if (batchId.isEmpty()) {
        out << QStringLiteral("Batch: nothing submitted; %1 to send, %2 from the cache")
                   .arg(toScore)
                   .arg(cached);
    } else {
        out << QStringLiteral("Batch %1 submitted: %2 papers in %3 %4, %5 from the cache")
                   .arg(batchId)
                   .arg(sent)
                   .arg(requests)
                   .arg(requests == 1 ? QStringLiteral("request") : QStringLiteral("requests"))
                   .arg(cached);
        out << QStringLiteral("Estimate: about %1 prompt and %2 completion tokens, about %3 at batch prices")
                   .arg(estimatedUsage.promptTokens)
                   .arg(estimatedUsage.completionTokens)
                   .arg(priceKnown ? PriceTable::money(estimatedCost)
                                   : QStringLiteral("an unknown cost (no price for ") + model + u')');
        out << QStringLiteral("Results come within 24 hours: run `lectern batch collect` (or `lectern score "
                              "--batch` again) to store them.");
    }
    if (budgetReached)
        out << QStringLiteral("Budget: %1 papers held back; the day's cost would pass %2")
                   .arg(notSent)
                   .arg(PriceTable::money(budget));
    return out;
}

QStringList BatchCollection::lines() const
{
    QStringList out;
    QString progress;
    if (status.total > 0)
        progress = QStringLiteral(", %1 of %2 requests done")
                       .arg(status.succeeded + status.failedRequests)
                       .arg(status.total);
    out << QStringLiteral("Batch %1 (%2, %3, day %4, %5 papers): %6%7")
               .arg(batch.batchId, batch.provider, batch.model, batch.day.toString(Qt::ISODate))
               .arg(batch.paperCount())
               .arg(status.state.isEmpty() ? QStringLiteral("unknown") : status.state, progress);
    if (!collected) {
        out << (status.ended ? QStringLiteral("Ended: `lectern batch collect` stores its results.")
                             : QStringLiteral("Not ended yet; collect it later."));
        return out;
    }
    out << QStringLiteral("Collected: %1 scored, %2 unscored%3")
               .arg(scored)
               .arg(unscored)
               .arg(status.failed ? QStringLiteral(" (the batch failed: %1)").arg(status.error) : QString());
    out << QStringLiteral("Tokens: %1 prompt (%2 cached), %3 completion (%4 reasoning)")
               .arg(usage.promptTokens)
               .arg(usage.cachedPromptTokens)
               .arg(usage.completionTokens)
               .arg(usage.reasoningTokens);
    if (priceKnown)
        out << QStringLiteral("Cost: %1 at batch prices (half the direct price), %2 for the day")
                   .arg(PriceTable::money(cost), PriceTable::money(dayCost));
    else
        out << QStringLiteral("Cost: unknown, no price for %1 in the price table (prices.json)")
                   .arg(batch.model);
    out << QStringLiteral("Ranking: %1 relevant papers").arg(relevant);
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
        return Error {QStringLiteral("No day to score.")};
    auto opened = PaperStore::open(rq.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();

    // The prompt direct scoring would send, examples included, so both share one score cache.
    auto withExamples = PromptExamples::apply(store, rq.prompt, rq.exampleCount, rq.day);
    if (!withExamples)
        return Error {withExamples.error()};
    const PromptTemplate &prompt = withExamples->prompt;
    sub.examplesStarred = withExamples->starred;
    sub.examplesDismissed = withExamples->dismissed;
    sub.promptHash = prompt.hash();
    // The title pre-filter runs before submitting, with the provider direct scoring would use.
    sub.titleFilterAsked = rq.titleFilter;
    std::unique_ptr<ScoringProvider> titleProvider;
    if (rq.titleFilter) {
        if (!rq.factory)
            return Error {
                QStringLiteral("The title pre-filter (scoring/titleFilter) needs a scoring provider.")};
        titleProvider = rq.factory();
        if (!titleProvider)
            return Error {QStringLiteral("The scoring provider could not be created.")};
        if (titleProvider->model().trimmed() != model)
            return Error {QStringLiteral("The title pre-filter's provider uses %1, the batch %2.")
                              .arg(titleProvider->model().trimmed(), model)};
        sub.titleFilter = titleProvider->supportsTitleFilter();
        if (!sub.titleFilter)
            sub.titleFilterOff = QStringLiteral("%1 has no title pre-filter").arg(model);
    }
    const QString titleHash = rq.titleFilter ? prompt.titleFilterHash() : QString();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto prepared = ScoringPipeline(store, rq, m_cancel).prepare(model, sub.promptHash, titleHash, true, now);
    if (!prepared)
        return Error {prepared.error()};
    prepared->countInto(sub);
    QList<Paper> toScore = prepared->toScore;
    if (auto written = prepared->write(store, model, now); !written)
        return Error {written.error()};

    const std::optional<ModelPrice> price = rq.prices.find(model);
    sub.priceKnown = price.has_value();
    auto dayRun = store.dayRun(rq.day);
    if (!dayRun)
        return Error {dayRun.error()};
    double spentBefore = dayRun->has_value() ? (*dayRun)->cost : 0.0;

    // Title pre-filter: direct requests; its drops are stored as they come and its cost is the day's.
    if (sub.titleFilter && !toScore.isEmpty()) {
        const double budgetLeft = rq.dailyBudget > 0 ? std::max(0.0, rq.dailyBudget - spentBefore) : -1.0;
        auto titles = TitleStage::run(
            store, *titleProvider, prompt, toScore, rq.titleBatchSize, rq.prices, budgetLeft, m_cancel);
        if (!titles)
            return Error {titles.error()};
        sub.titleKept = int(titles->kept.size());
        sub.titleDropped = titles->dropped;
        sub.titleFailedOpen = titles->failedOpen;
        sub.titleRequests = titles->requests;
        sub.titleUsage = titles->usage;
        sub.titleCost = titles->cost;
        sub.warnings << titles->warnings;
        if (titles->budgetReached) {
            sub.budgetReached = true;
            sub.notSent += titles->notJudged;
        }
        if (titles->requests > 0) {
            auto ledger = LedgerStage(rq.followedAuthors, rq.minRelevance, rq.minNovelty, rq.announceTypes)
                              .record(store, rq.day, model, titles->usage, titles->cost, prompt.storedText());
            if (!ledger)
                return Error {ledger.error()};
            spentBefore = ledger->dayCost;
        }
        toScore = titles->kept;
    }
    sub.toScore = int(toScore.size());

    // The same batches direct scoring would send, each one provider request, while the budget allows.
    const CostEstimator estimator(prompt, price);
    QList<LlmBatchRequest> requests;
    ProviderBatch record;
    for (const QList<Paper> &papers : batchesOf(toScore, rq.batchSize)) {
        const TokenUsage u = estimator.abstracts(papers);
        const double estimate = estimator.cost(u, true);
        if (rq.dailyBudget > 0 && spentBefore + sub.estimatedCost + estimate > rq.dailyBudget) {
            sub.budgetReached = true;
            sub.notSent += sub.toScore - sub.sent;
            break;
        }
        sub.estimatedUsage += u;
        sub.estimatedCost += estimate;
        const QString customId = QStringLiteral("lectern-%1").arg(requests.size() + 1);
        requests << LlmBatchRequest {customId, papers, prompt.render(papers)};
        QList<BatchPaperRef> &refs = record.requests[customId];
        for (const Paper &p : papers)
            refs << BatchPaperRef {p.arxivId, p.version};
        sub.sent += int(papers.size());
    }
    sub.requests = int(requests.size());
    if (requests.isEmpty())
        return sub;

    auto id = api.submit(requests, m_cancel);
    if (!id)
        return Error {id.error()};
    sub.batchId = *id;
    record.batchId = *id;
    record.provider = provider;
    record.model = model;
    record.day = rq.day;
    record.promptHash = sub.promptHash;
    record.promptText = prompt.storedText();
    record.submittedAt = QDateTime::currentDateTimeUtc();
    if (auto saved = ProviderBatchStore(store.database()).add(record); !saved)
        return Error {QStringLiteral("The provider accepted batch %1 but recording it failed (%2); cancel it "
                                     "with `lectern batch cancel %1` or it is paid for and lost.")
                          .arg(*id, saved.error())};
    return sub;
}

Result<BatchCollection> BatchScoring::poll(LlmBatchApi &api, const ProviderBatch &batch, bool collect)
{
    const ScoringRequest &rq = m_request;
    BatchCollection out;
    out.batch = batch;
    auto opened = PaperStore::open(rq.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    ProviderBatchStore batches(store.database());

    auto status = api.status(batch.batchId, m_cancel);
    if (!status)
        return Error {QStringLiteral("Asking about batch %1 failed: %2").arg(batch.batchId, status.error())};
    out.status = *status;
    if (auto saved = batches.setProviderState(batch.rowId, status->state); !saved)
        return Error {saved.error()};
    if (!status->ended || !collect)
        return out;

    // The papers of each request at the version that was sent.
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
    QHash<QString, BatchResult> results;
    if (auto fetched = api.results(batch.batchId, papers, m_cancel)) {
        results = std::move(fetched).value();
    } else if (!status->failed) {
        // Still there to fetch later: the batch keeps waiting.
        return Error {QStringLiteral("Fetching the results of batch %1 failed: %2")
                          .arg(batch.batchId, fetched.error())};
    }

    const std::optional<ModelPrice> configured = rq.prices.find(batch.model);
    out.priceKnown = configured.has_value();
    QList<Score> rows;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[customId, refs] : batch.requests) {
        const QList<Paper> &list = papers.value(customId);
        const auto found = results.constFind(customId);
        const BatchResult r = found != results.constEnd() ? *found : BatchResult {};
        out.usage += r.usage;
        const double cost = rq.prices.replyCost(r, configured, true);
        out.cost += cost;
        for (const QString &w : r.warnings)
            out.warnings << w;
        if (!r.error.isEmpty())
            out.warnings
                << QStringLiteral("Request %1 of batch %2 failed: %3").arg(customId, batch.batchId, r.error);
        const ReplyScores reply(list, r, batch.model, batch.promptHash, cost, now);
        out.warnings << reply.warnings();
        rows << reply.scored();
        out.scored += int(reply.scored().size());
        QString why;
        if (found == results.constEnd())
            why = status->failed
                ? QStringLiteral("Not scored: the provider batch failed (%1).").arg(status->error.left(200))
                : QStringLiteral("Not scored: the provider batch returned no result for this request.");
        else if (!r.error.isEmpty())
            why = QStringLiteral("Not scored: the batch request failed (%1).").arg(r.error.left(200));
        else
            why = QStringLiteral("Not scored: the model's reply left this paper out.");
        for (const Paper &p : reply.missing())
            rows << reply.unscored(p, why);
        out.unscored += int(reply.missing().size());
    }

    const LedgerStage ledger(rq.followedAuthors, rq.minRelevance, rq.minNovelty, rq.announceTypes);
    auto written = store.database().inTransaction([&]() -> Result<void> {
        for (const Score &s : std::as_const(rows)) {
            if (auto w = store.addScore(s); !w)
                return w;
        }
        auto entry = ledger.record(store, batch.day, batch.model, out.usage, out.cost, batch.promptText);
        if (!entry)
            return Error {entry.error()};
        out.relevant = entry->relevant;
        out.dayCost = entry->dayCost;
        return batches.finish(batch.rowId,
            status->failed ? QStringLiteral("failed") : QStringLiteral("collected"),
            QStringLiteral("%1 scored, %2 unscored").arg(out.scored).arg(out.unscored));
    });
    if (!written)
        return Error {
            QStringLiteral("Storing the results of batch %1 failed: %2").arg(batch.batchId, written.error())};
    out.collected = true;
    out.batch.state = status->failed ? QStringLiteral("failed") : QStringLiteral("collected");
    return out;
}

} // namespace Lectern
