// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/score.h"
#include "jobs/job.h"
#include "scoring/pipeline/scoringrequest.h"
#include "scoring/pipeline/scoringsummary.h"
#include "store/daylock.h"

#include <optional>

namespace Lectern {

class CostEstimator;
struct PreparedDay;
class PromptTemplate;
class PaperStore;

/// Scores one announcement day: the staged pipeline of a direct run (and of the dry run).
///
/// Stages: select the day's listed papers of the scored announce types (DaySelectionStage) → followed
/// authors (FollowedAuthorsStage: "Author match" rows, not sent) → the score cache and earlier title drops
/// (ScoreCacheStage: decided papers go no further) → the h-index filter (AuthorHIndexFilter, off by
/// default; not applied in a dry run) → the title pre-filter (TitleFilterStage, optional) → abstract
/// batches (AbstractBatchStage) → thresholds, ranking and the day's DayRun (LedgerStage). The first four
/// are ScoringPipeline::prepare(), shared with provider batches (BatchScoring).
///
/// Title and abstract batches go out through a BatchDispatcher: a QThreadPool limited to `parallel`
/// threads, each with its own provider from the factory, the number in flight set by the rate limits
/// (AdaptiveParallelism). The database is written only on the job's thread, each reply's rows in one
/// transaction as soon as it returns, so a killed run resumes where it stopped.
///
/// Budget: before each batch goes out its cost is estimated (CostEstimator) and the batch is held back
/// when the day's cost so far, the estimates of the batches in flight and its own would pass the budget.
/// A dry run counts and estimates only: it sends and stores nothing.
class ScoringJob final : public Job
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView TitleDropComment = Score::TitleDropComment;

    explicit ScoringJob(ScoringRequest request, QObject *parent = nullptr);
    ~ScoringJob() override;

Q_SIGNALS:
    void scoringProgress(const Lectern::ScoringProgress &progress);

protected:
    Result<QString> run() override;

private:
    /// Asks a provider made on this thread for its model's name; returns whether it has a title
    /// pre-filter. A hybrid run with the built-in scorer as its provider becomes a builtin run.
    Result<bool> probeProvider();
    /// The day's lock on a shared store (DayLock; nothing on SQLite and for a dry run), held while it lives.
    Result<std::optional<DayLock>> lockDay(PaperStore &store);
    void describeTitleFilter(const PromptTemplate &prompt, bool available);
    void countPrepared(const PreparedDay &prepared);
    /// A dry run's token and cost estimates (and, in hybrid mode, those of sending the whole day).
    void estimateDryRun(const CostEstimator &estimator, const PreparedDay &prepared);
    /// The ledger (thresholds, ranking, the day's record) and the hybrid gate's report.
    Result<void> recordDay(PaperStore &store, const PromptTemplate &prompt, const PreparedDay &prepared);
    /// The title and abstract batches of a run that sends, on the dispatcher's pool.
    Result<void> send(PaperStore &store, const PromptTemplate &prompt, const QList<Paper> &toScore,
        CostEstimator &estimator, const std::optional<ModelPrice> &configuredPrice);

    ScoringRequest m_request;
    ScoringSummary m_summary;
    QString m_fatal; ///< why the provider stopped the run
};

} // namespace Lectern
