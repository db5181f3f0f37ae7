// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace Lectern {

/// How well a ranking of a day's papers finds the ones a judge (an LLM's digest, the user) selected.
struct RankingEvaluation
{
    int papers = 0;
    int relevant = 0; ///< k
    double recallAtK = 0; ///< share of the relevant papers among the k best ranked
    double recallAt2K = 0;
    double shareFor95 = 0; ///< share of the day to keep, from the top, to hold 95 % of the relevant papers
    double recallAtShare30 = 0; ///< share of the relevant papers in the top 30 % of the day

    /// @p scores: higher is better; ties keep the given order. @p isRelevant: the judge's verdicts.
    [[nodiscard]] static RankingEvaluation of(
        const std::vector<double> &scores, const std::vector<bool> &isRelevant);
    /// Recall among the @p n best ranked.
    [[nodiscard]] static double recallAt(
        const std::vector<double> &scores, const std::vector<bool> &isRelevant, int n);

    /// "k 35 of 492: recall@k 0.51, recall@2k 0.74, top 30 % 0.97, 95 % at 24 % of the day".
    [[nodiscard]] QString describe() const;
};

} // namespace Lectern
