// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/gatereport.h"

#include <QCoreApplication>

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

namespace {

// The same sentences in English (the digest: the reference format) or the user's language (reports).
QString say(bool translated, const char *english)
{
    return translated ? QCoreApplication::translate("Lectern::GateReport", english)
                      : QString::fromUtf8(english);
}

} // namespace

QString GateReport::line() const
{
    return text(false);
}

QString GateReport::localizedLine() const
{
    return text(true);
}

QString GateReport::text(bool translated) const
{
    QString s = say(translated,
        QT_TRANSLATE_NOOP("Lectern::GateReport",
            "Hybrid scoring: the LLM (%1) saw %2 of %3 papers (gate %4, random sample %5); "
            "the gate took %6 % of the day; the others keep the built-in scorer's marks (scored by "
            "lectern-local). "))
                    .arg(model)
                    .arg(llmSeen)
                    .arg(ranked)
                    .arg(gate)
                    .arg(sample)
                    .arg(QString::number(100.0 * gateShare(), 'f', 1));
    const std::optional<double> bound = recallLowerBound();
    s += say(translated,
        QT_TRANSLATE_NOOP("Lectern::GateReport",
            "Estimated recall of the gate: %1 (%2%3 of %4 sampled papers selected, %5 in the gate)."))
             .arg(recall ? QString::number(*recall, 'f', 2)
                         : say(translated, QT_TRANSLATE_NOOP("Lectern::GateReport", "unknown")),
                 bound ? say(translated,
                             QT_TRANSLATE_NOOP("Lectern::GateReport", "at least %1 with 95 % confidence; "))
                             .arg(QString::number(*bound, 'f', 2))
                       : QString())
             .arg(sampleRelevant)
             .arg(sampleJudged)
             .arg(gateRelevant);
    // The model's own figure beside the sample's: it is what chose the gate, and the sample checks it.
    if (expectedRecall && expectedRelevant)
        s += say(translated,
            QT_TRANSLATE_NOOP("Lectern::GateReport",
                " Recall expected by the built-in model: %1 (of the %2 selections its calibrated "
                "probabilities expect in the day)."))
                 .arg(QString::number(*expectedRecall, 'f', 2), QString::number(*expectedRelevant, 'f', 1));
    return s;
}

} // namespace Lectern
