// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/hybridgate.h"
#include "scoring/pipeline/scoringrequest.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>

#include <atomic>
#include <utility>

namespace Lectern {

class PaperStore;

/// What the front stages decided about a day: what is left to send and the rows to store for the rest.
struct PreparedDay
{
    int listed = 0;
    int considered = 0;
    int authorMatches = 0;
    int cached = 0;
    int titleDroppedCached = 0;
    int inProviderBatch = 0;
    int belowHIndex = 0;
    QString hIndexLine; ///< the h-index stage's summary line (empty: off)
    QList<Paper> toScore; ///< in listing order
    QList<Score> rows; ///< author-match rows, then the h-index stage's rows (no marks)
    QList<std::pair<Paper, QString>> restamp; ///< cached verdicts (paper, prompt hash) to make the latest
    /// Hybrid mode: the gate's decision, and the papers that were to send before it (for the dry run's
    /// comparison with sending them all); rows then also holds the built-in's marks of the papers it ruled
    /// out.
    std::optional<GateDecision> gate;
    QList<Paper> beforeGate;
    int gateLocal = 0; ///< papers to send that the gate ruled out: scored by lectern-local
    QStringList warnings; ///< what the run's summary should say besides its counts

    /// Copies the counts into a run's summary (ScoringSummary, BatchSubmission: the same field names).
    template<typename Summary> void countInto(Summary &summary) const
    {
        summary.listed = listed;
        summary.considered = considered;
        summary.authorMatches = authorMatches;
        summary.cached = cached;
        summary.titleDroppedCached = titleDroppedCached;
        summary.belowHIndex = belowHIndex;
        summary.hIndexLine = hIndexLine;
        if constexpr (requires { summary.inProviderBatch; })
            summary.inProviderBatch = inProviderBatch;
        if constexpr (requires { summary.warnings; })
            summary.warnings << warnings;
    }

    /// Stores rows and brings back the cached verdicts, in one transaction.
    [[nodiscard]] Result<void> write(PaperStore &store, const QString &model, const QDateTime &now) const;
};

/// The front of every scoring run of a day, shared by direct scoring, the dry run and provider batches:
/// select (DaySelectionStage) → followed authors (FollowedAuthorsStage) → cache (ScoreCache,
/// ScoreCacheStage) → h-index (AuthorHIndexFilter, off while scoring/minHIndex is 0) → the hybrid gate
/// (HybridGateStage, in hybrid mode only). A paper one stage decides goes no further: a cached paper costs no
/// Semantic Scholar lookup, an author match no request, a paper the gate rules out no request.
/// The later stages (title filter, abstract batches, ledger) differ by path and follow in the caller.
class ScoringPipeline final
{
public:
    ScoringPipeline(PaperStore &store, const ScoringRequest &request, const std::atomic_bool *cancel);

    /// Runs the front stages for @p model and @p promptHash (the prompt's, examples included). @p titleHash:
    /// the title prompt's hash when earlier title drops count (empty: they do not). @p hIndex: whether the
    /// h-index stage may send requests (not in a dry run: its line then says so).
    [[nodiscard]] Result<PreparedDay> prepare(const QString &model, const QString &promptHash,
        const QString &titleHash, bool hIndex, const QDateTime &now);

private:
    PaperStore &m_store;
    const ScoringRequest &m_request;
    const std::atomic_bool *m_cancel;
};

} // namespace Lectern
