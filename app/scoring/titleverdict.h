// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/scoringprovider.h"

#include <QDateTime>
#include <QList>

namespace Lectern {

/// What one title batch's reply decides. Only ids of the batch count; a reply that is unusable (error
/// set: no list of ids, cut off, failed) keeps the whole batch (fail open).
struct TitleVerdict
{
    QList<Paper> kept;
    /// One row per dropped paper: no marks, Score::TitleDropComment, the model and the title
    /// prompt's hash (the verdict's cache), with the batch's tokens and cost shared out.
    QList<Score> dropRows;
    bool failedOpen = false;
    QString warning; ///< why the batch was kept whole, when it was

    /// Judges @p batch by @p reply; @p cost is what the request cost, @p now when its reply came.
    [[nodiscard]] static TitleVerdict judge(const QList<Paper> &batch, const BatchResult &reply,
        const QString &model, const QString &titleHash, double cost, const QDateTime &now);
};

} // namespace Lectern
