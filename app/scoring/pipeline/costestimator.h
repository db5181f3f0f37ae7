// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "scoring/pricetable.h"
#include "scoring/prompttemplate.h"

#include <QList>

#include <optional>

namespace Lectern {

/// Estimates what a batch will take before it goes out, for the dry run, the daily budget and the pace:
/// prompt characters / 3.5 as tokens (conservative for English with TeX), 150 completion tokens per paper
/// (reasoning models spend 100-200 on the reference days), all at the uncached price. Direct scoring then
/// scales both by what the replies so far reported (learn()).
class CostEstimator final
{
public:
    static constexpr double CharsPerToken = 3.5;
    static constexpr qint64 DefaultCompletionPerPaper = 150;

    /// @p price: the configured model's; without one every cost is 0.
    CostEstimator(const PromptTemplate &prompt, std::optional<ModelPrice> price);

    /// An abstract batch of @p papers; @p rawPrompt receives the unscaled prompt estimate.
    [[nodiscard]] TokenUsage abstracts(const QList<Paper> &papers, qint64 *rawPrompt = nullptr) const;
    /// A title pre-filter batch: prompt characters / 3.5 and a dozen completion tokens per title.
    [[nodiscard]] TokenUsage titles(const QList<Paper> &papers) const;
    /// USD for @p usage at the configured price (@p batchApi: at batch prices).
    [[nodiscard]] double cost(const TokenUsage &usage, bool batchApi = false) const;

    /// Takes an abstract batch's reported usage into account: @p rawPrompt is what abstracts() estimated
    /// for its @p papers papers.
    void learn(const TokenUsage &reported, qint64 rawPrompt, qsizetype papers);

    /// The dry run: what sending @p papers would take, title batches first when @p titleBatchSize > 0 (the
    /// estimate assumes every title is kept).
    [[nodiscard]] TokenUsage dryRun(const QList<Paper> &papers, int batchSize, int titleBatchSize) const;

private:
    const PromptTemplate &m_prompt;
    std::optional<ModelPrice> m_price;
    qsizetype m_staticChars = 0;
    qint64 m_reportedPrompt = 0;
    qint64 m_estimatedPromptOfReported = 0;
    qint64 m_reportedCompletion = 0;
    qint64 m_papersReported = 0;
};

/// @p papers in consecutive batches of @p size (at least 1).
[[nodiscard]] QList<QList<Paper>> batchesOf(const QList<Paper> &papers, int size);

} // namespace Lectern
