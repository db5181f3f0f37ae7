// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "scoring/llmbatchapi.h"
#include "scoring/pricetable.h"
#include "store/providerbatchstore.h"

#include <QList>

#include <map>
#include <optional>

namespace Lectern {

class PromptTemplate;

/// The requests of one provider batch: the batches direct scoring would send (the same batch size and
/// rendered prompt), one request each, named lectern-1, lectern-2, …, packed while the day's cost so far
/// and the estimates at batch prices stay within the daily budget.
struct ProviderBatchPlan
{
    QList<LlmBatchRequest> requests;
    std::map<QString, QList<BatchPaperRef>> papers; ///< custom id -> the paper versions it carries
    int sent = 0; ///< papers in the requests
    int notSent = 0; ///< papers held back by the budget
    bool budgetReached = false;
    TokenUsage estimatedUsage;
    double estimatedCost = 0; ///< USD at batch prices

    /// Packs @p papers in batches of @p batchSize. @p budget: the day's most in USD (0: no limit); @p spent:
    /// what the day has cost so far. Without @p price every estimate is 0.
    [[nodiscard]] static ProviderBatchPlan pack(const QList<Paper> &papers, int batchSize,
        const PromptTemplate &prompt, const std::optional<ModelPrice> &price, double budget, double spent);
};

} // namespace Lectern
