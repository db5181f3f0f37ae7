// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/pricetable.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QList>
#include <QStringList>

#include <atomic>

namespace Lectern {

class PaperStore;
class PromptTemplate;

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

    /// Judges @p batch by @p reply; @p cost is what the request cost.
    [[nodiscard]] static TitleVerdict judge(const QList<Paper> &batch, const BatchResult &reply,
        const QString &model, const QString &titleHash, double cost);
};

/// The title pre-filter run on the calling thread, one title batch after the other: what provider
/// batches use before submitting (direct scoring sends the same requests and verdicts through
/// TitleFilterStage on its pool).
struct TitleStage
{
    QList<Paper> kept; ///< in the order given
    int dropped = 0; ///< stored as drops
    int failedOpen = 0;
    int notJudged = 0; ///< left out: the budget stopped the stage (not kept, not dropped)
    int requests = 0;
    TokenUsage usage;
    double cost = 0; ///< USD at direct prices
    bool budgetReached = false;
    QStringList warnings;

    /// Sends the titles of @p papers in batches of @p batchSize through @p provider with @p prompt's title
    /// prompt, stores each batch's drops in one transaction as its reply comes, and returns what it kept.
    /// A title batch whose estimated cost would take the spending past @p budgetLeft (when >= 0) is not
    /// sent, and neither are the later ones. An error when a reply is fatal, a write fails, or on cancel.
    [[nodiscard]] static Result<TitleStage> run(PaperStore &store, ScoringProvider &provider,
        const PromptTemplate &prompt, const QList<Paper> &papers, int batchSize, const PriceTable &prices,
        double budgetLeft, const std::atomic_bool *cancel);

    /// The estimate made before a title batch goes out: prompt characters / 3.5 and a dozen completion
    /// tokens per title.
    [[nodiscard]] static TokenUsage estimate(const PromptTemplate &prompt, const QList<Paper> &papers);
};

} // namespace Lectern
