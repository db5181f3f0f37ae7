// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Lectern {

class AuthorMatcher;
class PaperStore;

/// The first stages of scoring a day, shared by direct scoring (ScoringJob) and provider batches
/// (BatchScoring): the day's listed papers of the scored announce types, the followed-authors stage and
/// the score cache. A paper whose version already has marks from this prompt hash and model is not sent
/// again; it becomes the paper's latest score again if another one was newer.
struct ScoringSelection
{
    int listed = 0; ///< papers listed on the day
    int considered = 0; ///< of which have an announce type that is scored
    int authorMatches = 0;
    int cached = 0;
    /// Sent in a provider batch of this model and prompt that waits for collection: not sent again, so the
    /// batch's results are not paid for twice.
    int inProviderBatch = 0;
    QList<Paper> toScore; ///< the papers to send, in listing order
    QList<Score> authorRows; ///< "Author match" rows (no marks) still to store
    QList<Paper> restamp; ///< cached scores to bring back as the latest

    [[nodiscard]] static Result<ScoringSelection> select(PaperStore &store, const QDate &day,
        const QString &model, const QString &promptHash, const QStringList &announceTypes,
        const AuthorMatcher &authors, bool rescore, const QDateTime &now);

    /// Stores @p extraRows (rows of later stages, e.g. the h-index filter), the author rows and brings
    /// back the cached scores, in one transaction.
    Result<void> write(PaperStore &store, const QString &model, const QString &promptHash,
        const QDateTime &now, const QList<Score> &extraRows = {}) const;
};

} // namespace Lectern
