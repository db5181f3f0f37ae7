// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/prompttemplate.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <utility>

namespace Lectern {

class AuthorMatcher;
class PaperStore;

/// The first stages of scoring a day, shared by direct scoring (ScoringJob) and provider batches
/// (BatchScoring): the day's listed papers of the scored announce types, the followed-authors stage and
/// the caches. A paper whose version already has marks from this prompt hash and model is not sent
/// again; it becomes the paper's latest score again if another one was newer. With a title prompt hash,
/// a paper whose version the title pre-filter dropped before (a row without marks, TitleDropComment,
/// that hash and model) is not sent again either, and its drop becomes the latest again. Both are
/// recognised before the h-index filter and the title pre-filter run, so a decided paper costs neither a
/// Semantic Scholar lookup nor a title request.
struct ScoringSelection
{
    /// The comment of the rows the title pre-filter stores for the papers it drops.
    static constexpr QLatin1StringView TitleDropComment = Score::TitleDropComment;

    int listed = 0; ///< papers listed on the day
    int considered = 0; ///< of which have an announce type that is scored
    int authorMatches = 0;
    int cached = 0;
    int titleDroppedCached = 0; ///< dropped by the title pre-filter before (same title prompt and model)
    /// Sent in a provider batch of this model and prompt that waits for collection: not sent again, so the
    /// batch's results are not paid for twice.
    int inProviderBatch = 0;
    QList<Paper> toScore; ///< the papers to send, in listing order
    QList<Score> authorRows; ///< "Author match" rows (no marks) still to store
    /// Cached scores to bring back as the latest: the paper and the prompt hash of the row (the scoring
    /// prompt's, or the title prompt's for an earlier title drop).
    QList<std::pair<Paper, QString>> restamp;

    /// @p titleHash: the title prompt's hash when the title pre-filter is on (empty: earlier title drops
    /// are not recognised). @p rescore ignores both caches.
    [[nodiscard]] static Result<ScoringSelection> select(PaperStore &store, const QDate &day,
        const QString &model, const QString &promptHash, const QStringList &announceTypes,
        const AuthorMatcher &authors, bool rescore, const QDateTime &now, const QString &titleHash = {});

    /// Titles of the @p count papers most recently starred, and of as many dismissed (and not starred),
    /// from other days than @p day (a paper of the day itself would be told its own verdict): the
    /// prompt's examples (PromptTemplate::setExamples), the same for direct scoring and provider batches.
    [[nodiscard]] static Result<std::pair<QStringList, QStringList>> recentExamples(
        PaperStore &store, int count, const QDate &day);
    /// @p prompt with recentExamples() set when @p count > 0 (they are part of its hash); also says how
    /// many starred and dismissed titles went in.
    struct PromptWithExamples
    {
        PromptTemplate prompt;
        int starred = 0;
        int dismissed = 0;
    };
    [[nodiscard]] static Result<PromptWithExamples> promptWithExamples(
        PaperStore &store, const PromptTemplate &prompt, int count, const QDate &day);

    /// Stores @p extraRows (rows of later stages, e.g. the h-index filter), the author rows and brings
    /// back the cached scores, in one transaction.
    Result<void> write(PaperStore &store, const QString &model, const QDateTime &now,
        const QList<Score> &extraRows = {}) const;
};

} // namespace Lectern
