// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/providerbatchresults.h"

#include "scoring/replyscores.h"
#include "scoring/scorecomments.h"

#include <QCoreApplication>

namespace Lectern {

namespace {

/// Why the papers of a request without a valid verdict are stored unscored.
QString unscoredWhy(bool hasResult, const BatchResult &r, const LlmBatchStatus &status)
{
    if (!hasResult)
        return status.failed
            ? ScoreComments::stored(ScoreComments::Form::ProviderBatchFailed, {status.error.left(200)})
            : ScoreComments::stored(ScoreComments::Form::ProviderBatchNoResult);
    if (!r.error.isEmpty())
        return ScoreComments::stored(ScoreComments::Form::BatchRequestFailed, {r.error.left(200)});
    return ScoreComments::stored(ScoreComments::Form::LeftOut);
}

} // namespace

ProviderBatchResults ProviderBatchResults::read(const ProviderBatch &batch,
    const QHash<QString, QList<Paper>> &papers, const QHash<QString, BatchResult> &results,
    const LlmBatchStatus &status, const PriceTable &prices, const QDateTime &now)
{
    ProviderBatchResults out;
    const std::optional<ModelPrice> configured = prices.find(batch.model);
    for (const auto &[customId, refs] : batch.requests) {
        const QList<Paper> &list = papers.value(customId);
        const auto found = results.constFind(customId);
        const bool hasResult = found != results.constEnd();
        const BatchResult r = hasResult ? *found : BatchResult {};
        out.usage += r.usage;
        const double cost = prices.replyCost(r, configured, true);
        out.cost += cost;
        out.warnings << r.warnings;
        if (!r.error.isEmpty())
            out.warnings << QCoreApplication::translate(
                "Lectern::ProviderBatchResults", "Request %1 of batch %2 failed: %3")
                                .arg(customId, batch.batchId, r.error);
        const ReplyScores reply(list, r, batch.model, batch.promptHash, cost, now);
        out.warnings << reply.warnings();
        out.rows << reply.scored();
        out.scored += int(reply.scored().size());
        const QString why = unscoredWhy(hasResult, r, status);
        for (const Paper &p : reply.missing())
            out.rows << reply.unscored(p, why);
        // A finished batch cannot ask again: the next run sends unscored papers again.
        for (const Paper &p : reply.conflicting())
            out.rows << reply.unscored(p, ScoreComments::stored(ScoreComments::Form::TwoVerdicts));
        out.unscored += int(reply.missing().size() + reply.conflicting().size());
    }
    return out;
}

} // namespace Lectern
