// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/llmbatchapi.h"
#include "scoring/pricetable.h"
#include "store/providerbatchstore.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace Lectern {

/// What the results of an ended provider batch come to. Each request's reply is validated like a direct
/// one (ReplyScores); every paper without a valid verdict gets a row without marks saying why (the batch
/// failed, it returned nothing for the request, the request failed, or the model left the paper out), so
/// none is dropped. Tokens and cost are counted at batch prices.
struct ProviderBatchResults
{
    QList<Score> rows; ///< scored and unscored, request by request
    int scored = 0;
    int unscored = 0;
    TokenUsage usage;
    double cost = 0; ///< USD at batch prices
    QStringList warnings;

    /// @p papers: each request's papers at the version sent; @p results: the provider's, by custom id
    /// (empty when the batch failed as a whole); @p now stamps the rows.
    [[nodiscard]] static ProviderBatchResults read(const ProviderBatch &batch,
        const QHash<QString, QList<Paper>> &papers, const QHash<QString, BatchResult> &results,
        const LlmBatchStatus &status, const PriceTable &prices, const QDateTime &now);
};

} // namespace Lectern
