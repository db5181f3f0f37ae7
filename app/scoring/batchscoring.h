// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/gatereport.h"
#include "scoring/llmbatchapi.h"
#include "scoring/scoringjob.h"
#include "store/providerbatchstore.h"

#include <QDate>
#include <QStringList>

#include <atomic>

namespace Lectern {

class PaperStore;
struct GateDecision;
struct ProviderBatchPlan;

/// What submitting a day as a provider batch did.
struct BatchSubmission
{
    QDate day;
    QString provider;
    QString model;
    QString promptHash;
    int listed = 0;
    int considered = 0;
    int authorMatches = 0;
    int cached = 0;
    int toScore = 0; ///< papers that needed scoring
    int sent = 0; ///< of which went into the batch
    int notSent = 0; ///< held back by the daily budget
    int requests = 0;
    QString batchId; ///< empty when nothing was sent
    TokenUsage estimatedUsage;
    double estimatedCost = 0; ///< USD at batch prices
    bool priceKnown = true;
    bool budgetReached = false;
    double budget = 0;
    int belowHIndex = 0; ///< not sent: every author's h-index under scoring/minHIndex
    QString hIndexLine; ///< the h-index stage's summary line
    int examplesStarred = 0; ///< starred papers' titles in the prompt as examples
    int examplesDismissed = 0;
    bool titleFilterAsked = false; ///< scoring/titleFilter is on
    bool titleFilter = false; ///< the title pre-filter ran before submitting
    QString titleFilterOff; ///< why it did not, when it was asked for
    int titleDroppedCached = 0; ///< dropped by the title pre-filter in earlier runs: not sent
    int titleKept = 0; ///< titles judged now and kept (failed-open batches included)
    int titleDropped = 0; ///< titles judged now and dropped: stored without marks, not sent
    int titleFailedOpen = 0;
    int titleRequests = 0; ///< direct title requests (not part of the provider batch)
    TokenUsage titleUsage;
    double titleCost = 0; ///< USD at direct prices, added to the day's cost
    /// Hybrid mode: the gate's decision (GateDecision::describe()), the papers to send before it and of
    /// those the ones it ruled out (stored with lectern-local's marks); the gate's report as far as the
    /// LLM's verdicts are known at submission (cached ones), counted again at collection.
    QString gateLine;
    int beforeGate = 0;
    int gateLocal = 0;
    std::optional<GateReport> gateReport;
    QStringList warnings;

    [[nodiscard]] QStringList lines() const;
};

/// What looking at a waiting provider batch did: its state and, once it ended, what was collected.
struct BatchCollection
{
    ProviderBatch batch;
    LlmBatchStatus status;
    bool collected = false; ///< the results are stored and the batch no longer waits
    int scored = 0;
    int unscored = 0; ///< stored without marks: absent from the results, failed, or left out by the model
    TokenUsage usage;
    double cost = 0; ///< USD at batch prices
    double dayCost = 0;
    bool priceKnown = true;
    int relevant = 0;
    std::optional<GateReport> gateReport; ///< hybrid mode: the day's gate report with this batch's verdicts
    QStringList warnings;

    [[nodiscard]] QStringList lines() const;
};

/// Scores a day through a provider's batch interface (OpenAI Batch API, Anthropic Message Batches): half
/// the price, answered within 24 hours.
///
/// submit() runs the same front stages as ScoringJob (ScoringPipeline: select, followed authors, score
/// cache, the h-index filter) with the same prompt (examples included) and packs the papers to send into the
/// same batches (scoring/batchSize, the same rendered prompt), one provider request each, submitted as one
/// provider batch. The batch and the paper versions of each request are recorded in the database
/// (ProviderBatchStore) as soon as the provider accepts it, so nothing is lost when the process ends; the
/// daily budget holds back requests whose estimated cost (at batch prices) would pass it.
///
/// Title pre-filter: with scoring/titleFilter on, the titles of the papers to send first go to the
/// request's provider as direct requests, one title batch after the other (TitleFilterStage on a
/// BatchDispatcher of one thread: the same requests and verdicts as ScoringJob's); its drops are stored as
/// in direct scoring, its cost goes to the day's DayRun (and counts toward the budget), and only the
/// papers it keeps go into the provider batch. Papers it dropped in earlier runs (same title prompt and
/// model) are left out without a request.
///
/// poll() asks the provider about a waiting batch; when it has ended, the results are validated like
/// direct replies (ProviderBatchResults), stored with their cost at batch prices, added to the day's DayRun
/// (ScoringLedger), and the batch is marked collected, all in one transaction. Papers without a valid
/// verdict are stored without marks (the next run sends them again); none are dropped.
class BatchScoring final
{
public:
    /// @p request gives prompt, prices, batch size, thresholds, followed authors, announce types and
    /// budget; its factory is used for the title pre-filter only (needed when titleFilter is on).
    BatchScoring(ScoringRequest request, const std::atomic_bool *cancel = nullptr);

    /// Submits the day's papers that need scoring; nothing is sent (and batchId stays empty) when none do.
    [[nodiscard]] Result<BatchSubmission> submit(
        LlmBatchApi &api, const QString &provider, const QString &model);
    /// Asks the provider about @p batch and, when it has ended and @p collect is set, collects it.
    [[nodiscard]] Result<BatchCollection> poll(
        LlmBatchApi &api, const ProviderBatch &batch, bool collect = true);

private:
    /// Whether the title pre-filter runs (scoring/titleFilter and a provider of @p model that has one).
    [[nodiscard]] Result<void> checkTitleFilter(const QString &model, BatchSubmission &sub) const;
    /// The title pre-filter through TitleFilterStage, one title batch after the other; returns the papers
    /// it keeps. Its cost goes to the day at once and into @p spent.
    [[nodiscard]] Result<QList<Paper>> filterTitles(PaperStore &store, const PromptTemplate &prompt,
        const QList<Paper> &papers, const QString &model, double &spent, BatchSubmission &sub);
    /// Records the accepted batch and the paper versions of each request.
    /// Stores the gate's members and its report as the submission knows it.
    [[nodiscard]] Result<GateReport> saveGate(
        PaperStore &store, const GateDecision &gate, const QString &model);
    /// At collection: the day's gate report counted again with the batch's verdicts (inside its transaction).
    [[nodiscard]] Result<void> countGate(PaperStore &store, BatchCollection &out) const;
    [[nodiscard]] Result<void> recordSubmission(PaperStore &store, const ProviderBatchPlan &plan,
        const PromptTemplate &prompt, const BatchSubmission &sub);
    /// Stores @p rows, the day's ledger and the batch's end in one transaction.
    [[nodiscard]] Result<void> storeCollection(
        PaperStore &store, const QList<Score> &rows, BatchCollection &out) const;

    ScoringRequest m_request;
    const std::atomic_bool *m_cancel;
};

} // namespace Lectern
