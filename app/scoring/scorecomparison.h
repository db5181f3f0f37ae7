// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lectern {

class AuthorMatcher;
class PaperStore;

/// One scoring run of a day as the score history shows it: the scores one model gave with one prompt.
/// Scores are keyed by (paper version, model, prompt hash), so a (model, prompt hash) pair is what tells
/// two runs apart; re-running the same prompt and model refreshes the same run.
struct ScoringRunInfo
{
    QString model;
    QString promptHash;
    int papers = 0; ///< papers of the day with a score from this run (marks or not)
    int scored = 0; ///< of which with both marks
    QDateTime latest; ///< newest scoredAt of these scores
    bool operator==(const ScoringRunInfo &) const = default;
};

/// One paper of the day seen by both runs.
struct PaperComparison
{
    Paper paper;
    std::optional<Score> before; ///< the "from" run's score of this paper, if any
    std::optional<Score> after; ///< the "to" run's
    QStringList matchedAuthors; ///< followed authors on the paper: in the digest whatever the scores
    bool relevantBefore = false; ///< in the digest with the "from" run's scores
    bool relevantAfter = false;

    [[nodiscard]] bool authorMatch() const { return !matchedAuthors.isEmpty(); }
    /// Both runs gave both marks.
    [[nodiscard]] bool comparable() const;
    [[nodiscard]] int relevanceDelta() const; ///< after - before; 0 unless comparable()
    [[nodiscard]] int noveltyDelta() const;
    /// |relevance delta| + |novelty delta|: what the changes are sorted by.
    [[nodiscard]] int changeSize() const;
};

/// What moved between two runs of a day: the papers entering and leaving the digest's relevant set, and
/// the score changes per paper. The relevant set is the digest's (DigestBuilder::select): papers of the
/// considered announce types that are by a followed author, or whose run score has both marks at or over
/// the thresholds. So an author match is relevant in both runs and never enters or leaves.
struct ScoreComparison
{
    QDate day;
    ScoringRunInfo from;
    ScoringRunInfo to;
    int minRelevance = 0;
    int minNovelty = 0;

    QList<PaperComparison> papers; ///< every considered paper of the day, by arXiv id
    QList<PaperComparison> entered; ///< relevant after, not before; biggest change first
    QList<PaperComparison> left; ///< relevant before, not after; biggest change first
    QList<PaperComparison> changed; ///< comparable with a different mark; biggest change first

    int considered = 0; ///< papers.size()
    int comparable = 0; ///< both runs gave both marks
    int unchanged = 0; ///< comparable with the same marks
    int raised = 0; ///< comparable, relevance + novelty went up
    int lowered = 0; ///< went down
    int sameTotal = 0; ///< changed marks with the same sum
    int onlyBefore = 0; ///< marks from the "from" run only (not or unscored in the "to" run)
    int onlyAfter = 0; ///< marks from the "to" run only
    int relevantBefore = 0;
    int relevantAfter = 0;
    double meanAbsRelevanceChange = 0; ///< over the comparable papers
    double meanAbsNoveltyChange = 0;

    /// The distinct (model, prompt hash) pairs that scored papers listed on @p day (of @p announceTypes,
    /// empty: all), oldest run first by latest score time.
    [[nodiscard]] static Result<QList<ScoringRunInfo>> runsForDay(
        PaperStore &store, const QDate &day, const QStringList &announceTypes = {});

    /// Compares the scores of run @p from with those of run @p to on @p day's papers.
    [[nodiscard]] static Result<ScoreComparison> compare(PaperStore &store, const QDate &day,
        const ScoringRunInfo &from, const ScoringRunInfo &to, const AuthorMatcher &authors, int minRelevance,
        int minNovelty, const QStringList &announceTypes = {});

    /// A plain-text report: the two runs, summary counts, entering, leaving, then the biggest changes
    /// (at most @p maxChanges of them; 0: all).
    [[nodiscard]] QString report(int maxChanges = 20) const;
    /// "gpt-5-mini, prompt 0123456789ab, 412 papers (400 scored), latest 2026-11-23 10:00"
    [[nodiscard]] static QString describeRun(const ScoringRunInfo &run);
};

} // namespace Lectern
