// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/gatereport.h"

#include <cmath>

namespace Lectern {

std::optional<double> GateReport::recallLowerBound() const
{
    if (sampleJudged <= 0)
        return std::nullopt;
    constexpr double z = 1.6449; // one-sided 95 %
    const double n = sampleJudged;
    const double p = sampleRelevant / n;
    const double upper =
        (p + z * z / (2 * n) + z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n);
    const double missed = upper * outside();
    return gateRelevant + missed > 0 ? gateRelevant / (gateRelevant + missed) : 0.0;
}

QString GateReport::line() const
{
    QString s = QStringLiteral(
        "Hybrid scoring: the LLM (%1) saw %2 of %3 papers (gate %4, random sample %5); "
        "the gate took %6 % of the day; the others keep the built-in scorer's marks (scored by "
        "lectern-local). ")
                    .arg(model)
                    .arg(llmSeen)
                    .arg(ranked)
                    .arg(gate)
                    .arg(sample)
                    .arg(QString::number(100.0 * gateShare(), 'f', 1));
    const std::optional<double> bound = recallLowerBound();
    s += QStringLiteral(
        "Estimated recall of the gate: %1 (%2%3 of %4 sampled papers selected, %5 in the gate).")
             .arg(recall ? QString::number(*recall, 'f', 2) : QStringLiteral("unknown"),
                 bound ? QStringLiteral("at least %1 with 95 % confidence; ")
                             .arg(QString::number(*bound, 'f', 2))
                       : QString())
             .arg(sampleRelevant)
             .arg(sampleJudged)
             .arg(gateRelevant);
    // The model's own figure beside the sample's: it is what chose the gate, and the sample checks it.
    if (expectedRecall && expectedRelevant)
        s += QStringLiteral(" Recall expected by the built-in model: %1 (of the %2 selections its calibrated "
                            "probabilities expect in the day).")
                 .arg(QString::number(*expectedRecall, 'f', 2), QString::number(*expectedRelevant, 'f', 1));
    return s;
}

} // namespace Lectern
