// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/rankingevaluation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Lectern {

namespace {

/// Whether each rank's paper is relevant, best first.
std::vector<bool> relevanceByRank(const std::vector<double> &scores, const std::vector<bool> &isRelevant)
{
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    std::vector<bool> out;
    out.reserve(order.size());
    for (const size_t i : order)
        out.push_back(i < isRelevant.size() && isRelevant[i]);
    return out;
}

} // namespace

double RankingEvaluation::recallAt(
    const std::vector<double> &scores, const std::vector<bool> &isRelevant, int n)
{
    const std::vector<bool> ranked = relevanceByRank(scores, isRelevant);
    const auto total = std::count(ranked.begin(), ranked.end(), true);
    if (total == 0)
        return 0;
    const auto end = ranked.begin() + std::clamp<qsizetype>(n, 0, qsizetype(ranked.size()));
    return double(std::count(ranked.begin(), end, true)) / double(total);
}

RankingEvaluation RankingEvaluation::of(
    const std::vector<double> &scores, const std::vector<bool> &isRelevant)
{
    RankingEvaluation e;
    const std::vector<bool> ranked = relevanceByRank(scores, isRelevant);
    e.papers = int(ranked.size());
    e.relevant = int(std::count(ranked.begin(), ranked.end(), true));
    if (e.relevant == 0)
        return e;
    e.recallAtK = recallAt(scores, isRelevant, e.relevant);
    e.recallAt2K = recallAt(scores, isRelevant, 2 * e.relevant);
    e.recallAtShare30 = recallAt(scores, isRelevant, int(std::floor(0.3 * e.papers)));
    const int needed = int(std::ceil(0.95 * e.relevant));
    int found = 0;
    for (size_t i = 0; i < ranked.size(); ++i) {
        found += ranked[i];
        if (found >= needed) {
            e.shareFor95 = double(i + 1) / double(e.papers);
            break;
        }
    }
    return e;
}

QString RankingEvaluation::describe() const
{
    return QStringLiteral("k %1 of %2: recall@k %3, recall@2k %4, top 30 % %5, 95 % at %6 % of the day")
        .arg(relevant)
        .arg(papers)
        .arg(recallAtK, 0, 'f', 2)
        .arg(recallAt2K, 0, 'f', 2)
        .arg(recallAtShare30, 0, 'f', 2)
        .arg(100 * shareFor95, 0, 'f', 0);
}

} // namespace Lectern
