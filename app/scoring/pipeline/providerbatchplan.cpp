// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/providerbatchplan.h"

#include "scoring/pipeline/costestimator.h"
#include "scoring/prompttemplate.h"

namespace Lectern {

ProviderBatchPlan ProviderBatchPlan::pack(const QList<Paper> &papers, int batchSize,
    const PromptTemplate &prompt, const std::optional<ModelPrice> &price, double budget, double spent)
{
    ProviderBatchPlan plan;
    const CostEstimator estimator(prompt, price);
    for (const QList<Paper> &batch : batchesOf(papers, batchSize)) {
        const TokenUsage u = estimator.abstracts(batch);
        const double estimate = estimator.cost(u, true);
        if (budget > 0 && spent + plan.estimatedCost + estimate > budget) {
            plan.budgetReached = true;
            plan.notSent = int(papers.size()) - plan.sent;
            break;
        }
        plan.estimatedUsage += u;
        plan.estimatedCost += estimate;
        const QString customId = QStringLiteral("lectern-%1").arg(plan.requests.size() + 1);
        plan.requests << LlmBatchRequest {customId, batch, prompt.render(batch)};
        QList<BatchPaperRef> &refs = plan.papers[customId];
        for (const Paper &p : batch)
            refs << BatchPaperRef {p.arxivId, p.version};
        plan.sent += int(batch.size());
    }
    return plan;
}

} // namespace Lectern
