// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/gatereport.h"
#include "scoring/scoringprovider.h"

#include <QDate>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace Lectern {

/// Where a run stands, for progress bars and cost meters.
struct ScoringProgress
{
    int done = 0; ///< papers finished in this run (scored, stored as unscored, or dropped by title)
    int total = 0; ///< papers this run sends
    TokenUsage usage; ///< so far
    double cost = 0; ///< USD so far
};

/// What a run did, stage by stage.
struct ScoringSummary
{
    QDate day;
    QString model;
    QString promptHash;
    int listed = 0; ///< papers listed on the day
    int considered = 0; ///< of which have an announce type that is scored
    int authorMatches = 0; ///< by a followed author: kept whatever their score, not sent
    int cached = 0; ///< scored before with this prompt and model: not sent again
    int inProviderBatch = 0; ///< waiting in a provider batch (`lectern batch collect`): not sent
    int belowHIndex = 0; ///< no author reaches scoring/minHIndex: stored unscored, not sent
    QString hIndexLine; ///< the h-index stage's summary line (empty: off)
    int examplesStarred = 0; ///< starred papers' titles in the prompt as examples
    int examplesDismissed = 0;
    bool titleFilter = false; ///< the title pre-filter ran
    QString titleFilterOff; ///< why it did not, when it was asked for
    QString titleFilterHash;
    int titleDroppedCached = 0; ///< dropped by the title pre-filter before (same title prompt and model)
    int titleKept = 0; ///< titles judged in this run and kept (failed-open batches included)
    int titleDropped = 0; ///< titles judged in this run and dropped: stored without marks, not scored
    int titleFailedOpen = 0; ///< kept because their title batch's reply was unusable
    int titleRequests = 0;
    TokenUsage titleUsage; ///< part of usage
    double titleCost = 0; ///< USD, part of cost
    /// The papers this run had to send, after the h-index filter (titles first, when the title pre-filter
    /// ran)
    int toScore = 0;
    int scored = 0; ///< scored in this run
    int retried = 0; ///< missing from a reply and sent once more, in a smaller batch
    int unscored = 0; ///< missing again (or their batch failed twice): stored without scores
    int notSent = 0; ///< left for a later run: budget reached, cancelled or stopped by an error
    int requests = 0; ///< batches sent
    int parallel = 0; ///< batches allowed in flight at the start
    int slowdowns = 0; ///< times the rate limits made the run send fewer batches at once
    int lowestParallel = 0; ///< fewest batches allowed in flight at once
    qint64 heldMs = 0; ///< time new batches waited for a rate limit to reset
    int passedThresholds =
        0; ///< scored papers (not author matches) with both marks at or over the thresholds
    int relevant = 0; ///< papers in the digest: author matches plus those that passed the thresholds
    QStringList ranking; ///< their ids in digest order
    int minRelevance = 0;
    int minNovelty = 0;
    TokenUsage usage;
    double cost = 0; ///< USD, this run
    double dayCost = 0; ///< USD, every run of this day
    bool priceKnown = true;
    bool budgetReached = false;
    double budget = 0;
    bool dryRun = false;
    TokenUsage estimatedUsage; ///< dry run: what sending would take
    double estimatedCost = 0;
    QStringList warnings; ///< unknown ids, out-of-range marks, duplicates, refusals (first ones)
    bool hybrid = false; ///< the hybrid gate ran (scoring/mode hybrid)
    QString gateLine; ///< its decision (GateDecision::describe())
    int gateLocal = 0; ///< papers to send that the gate ruled out: lectern-local's marks, not sent
    int beforeGate = 0; ///< papers to send before the gate
    std::optional<GateReport>
        gateReport; ///< what the LLM found in the gate and the sample (not in a dry run)
    TokenUsage ungatedUsage; ///< dry run, hybrid: what sending every paper (no gate) would take
    double ungatedCost = 0;

    /// One line per stage, as the CLI prints them.
    [[nodiscard]] QStringList stageLines() const;
    /// The lines of the front stages (listed, followed authors, h-index, examples): the same for direct
    /// runs and provider batches.
    [[nodiscard]] static QStringList frontLines(int listed, int considered, int authorMatches,
        const QString &hIndexLine, int examplesStarred, int examplesDismissed);
    /// The title pre-filter's line once it ran: @p label, then what it kept and dropped and what it cost.
    [[nodiscard]] static QString titleFilterLine(const QString &label, int kept, int dropped,
        int droppedBefore, int failedOpen, int requests, const TokenUsage &usage, std::optional<double> cost);
    [[nodiscard]] QString describe() const;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::ScoringProgress)
Q_DECLARE_METATYPE(Lectern::ScoringSummary)
