// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "scoring/authorhindexfilter.h"
#include "scoring/pricetable.h"
#include "scoring/prompttemplate.h"
#include "scoring/scoringprovider.h"
#include "scoring/scoringselection.h"

#include <QDate>
#include <QStringList>

namespace Lectern {

class Profile;
class Settings;

struct ScoringRequest
{
    QString databasePath;
    QDate day;
    ScoringProviderFactory factory; ///< one provider per worker thread, made on that thread
    PromptTemplate prompt;
    PriceTable prices = PriceTable::defaults();
    int batchSize = 20;
    int parallel = 4; ///< batches in flight at once
    int minRelevance = 8;
    int minNovelty = 7;
    QStringList followedAuthors;
    /// Most USD to spend on this announcement day, what earlier runs of the day cost included; 0: no limit.
    double dailyBudget = 0;
    /// Listed papers of these announce types are scored, and the digest's relevant count uses them;
    /// empty: DigestBuilder::defaultAnnounceTypes().
    QStringList announceTypes;
    /// Title pre-filter: before abstract scoring, titles go to the model in batches of titleBatchSize and
    /// only the papers it keeps are scored. Needs a provider that supports it (LLM providers).
    bool titleFilter = false;
    int titleBatchSize = 100;
    /// Titles of this many recently starred and as many dismissed papers (of other days) go into the
    /// prompt as examples; 0: none.
    int exampleCount = 0;
    bool rescore = false; ///< ignore the score cache: send every paper again
    bool dryRun = false; ///< count and estimate only; send and store nothing
    HIndexFilterSettings hIndex; ///< the optional h-index stage (off while minHIndex is 0)

    /// The request the profile's settings describe: batch size, parallelism, thresholds, followed
    /// authors, budget, announce types, h-index filter, title pre-filter, examples, the profile's prompt
    /// copies and price table. The provider factory is left to the caller.
    [[nodiscard]] static Result<ScoringRequest> fromProfile(
        const Settings &settings, const Profile &profile, const QDate &day);
};

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

    /// One line per stage, as the CLI prints them.
    [[nodiscard]] QStringList stageLines() const;
    [[nodiscard]] QString describe() const;
};

/// Scores one announcement day.
///
/// Stages: the day's listed papers (of the scored announce types); followed authors (matched papers get a
/// Score with the comment "Author match" and no marks, unless this prompt and model scored them already;
/// the digest recognises them with the same AuthorMatcher); the score cache and earlier title pre-filter
/// drops (ScoringSelection: papers they decide go no further); the h-index filter (AuthorHIndexFilter,
/// off by default; not applied in a dry run); the title pre-filter (optional); abstract scoring in
/// batches; thresholds and ranking as the digest does them (DigestBuilder::select). A paper the h-index
/// filter drops is not sent to the title pre-filter; a paper dropped by either stage gets no abstract
/// request.
///
/// Title pre-filter: the titles of the papers to score go to the provider's filterTitles() in batches of
/// titleBatchSize, with the title prompt (PromptTemplate::renderTitleFilter). Papers it drops get a Score
/// with no marks, the comment TitleDropComment, the model and the title prompt's hash: that row is the
/// verdict's cache, so a later run with the same title prompt and model neither sends the title again nor
/// counts the paper as unscored. Only ids of the batch count; a batch whose reply is unusable (no list of
/// ids, cut off, failed) keeps all its papers. Its tokens and cost count toward the day's cost and budget
/// like the abstract batches'. Kept papers go on to abstract scoring in batches of batchSize as they come.
///
/// Score cache: a paper whose version already has a score with marks from this prompt hash and model is
/// not sent again; it becomes the paper's latest score again if another one was newer. So a re-run costs
/// nothing and a killed run resumes where it stopped: each batch's scores are committed in one
/// transaction as soon as the batch returns. Papers stored without marks are sent again by the next run.
///
/// Batches go to `parallel` worker threads, each with its own provider from the factory; the database
/// is written only on the job's thread. Replies are not trusted: items with ids outside the batch are
/// dropped, marks must be whole numbers 1 to 10, a repeated id keeps its first valid verdict. Papers
/// missing from a reply (or from a failed batch) are sent once more in batches of half the size; then
/// they are stored without marks, never dropped and never given made-up ones. A fatal BatchResult stops
/// the run with its message; the batches already scored are kept.
///
/// Budget: before each batch goes out, its cost is estimated (prompt characters / 3.5 as tokens, scaled
/// by what replies so far reported; 150 completion tokens per paper until replies show the real figure,
/// all at the uncached price) and the batch is held back when the day's cost so far, the estimates of
/// the batches in flight and its own would pass the budget.
///
/// Pace: the rate-limit headers and 429s of each reply adjust how many batches are in flight
/// (AdaptiveParallelism): fewer when the limits are close, none until the reset when they are reached,
/// and back up to `parallel` step by step.
///
/// At the end the day's DayRun gets the tokens and cost (added to earlier runs'), the model, the prompt
/// text (StoredPrompt form, with the papers placeholder) and the relevant count.
class ScoringJob final : public Job
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView TitleDropComment = ScoringSelection::TitleDropComment;

    explicit ScoringJob(ScoringRequest request, QObject *parent = nullptr);
    ~ScoringJob() override;

Q_SIGNALS:
    void scoringProgress(const Lectern::ScoringProgress &progress);

protected:
    Result<QString> run() override;

private:
    ScoringRequest m_request;
    ScoringSummary m_summary;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::ScoringProgress)
Q_DECLARE_METATYPE(Lectern::ScoringSummary)
