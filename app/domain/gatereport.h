// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lectern {

/// Which papers of a day the hybrid gate ranked, sent to the LLM as its top share, and sent as the random
/// sample of the rest (stored in gate_members, schema 11): what a report is counted over, also in another
/// process than the one that decided (a provider batch is collected hours later).
struct GateMembers
{
    QStringList ranked; ///< best first
    QSet<QString> gate;
    QSet<QString> sample;

    bool operator==(const GateMembers &) const = default;
};

/// What the hybrid gate's model said of its gate when it chose it, before the LLM said anything: kept with
/// the report, and carried over when a provider batch's report is counted again later.
struct GateEstimates
{
    std::optional<double> heldOutRecall; ///< share of the held-out positive labels the gate's share holds
    std::optional<double> expectedRelevant; ///< the selections the calibrated probabilities expect of the day
    std::optional<double> expectedRecall; ///< the share of them in the gate
};

/// What the hybrid mode's gate did on a day and how well it did, as the digest and `lectern score`
/// report it (stored in gate_reports, schema 10).
struct GateReport
{
    QDate day;
    QString model; ///< the LLM behind the gate
    int ranked = 0; ///< papers the built-in scorer ranked (the day without followed authors' papers)
    int gate = 0; ///< of which the gate sent to the LLM
    int sample = 0; ///< and the random sample of the rest
    int llmSeen = 0; ///< the day's papers whose latest verdict is the LLM's
    int gateRelevant = 0; ///< the LLM's selections in the gate
    int sampleRelevant = 0; ///< and in the sample
    int sampleJudged = 0; ///< sample papers the LLM gave marks
    std::optional<double> recall; ///< the gate's recall estimated from the sample
    std::optional<double> heldOutRecall; ///< the calibration's estimate on held-out labels
    /// From the built-in model's calibrated probabilities when it decided the gate (migration 0021): the
    /// selections it expected of the day (their sum) and the share of them it put in the gate — its own
    /// estimate of the gate's recall, before the LLM said anything. Empty without probabilities.
    std::optional<double> expectedRelevant;
    std::optional<double> expectedRecall;

    [[nodiscard]] GateEstimates estimates() const
    {
        return {heldOutRecall, expectedRelevant, expectedRecall};
    }
    [[nodiscard]] int outside() const { return ranked - gate; }
    /// The share of the day the gate took (the share the model's confidence chose, within the limits).
    [[nodiscard]] double gateShare() const { return ranked > 0 ? double(gate) / ranked : 0.0; }
    /// A small sample finds little: the gate's recall if the rate of selected papers outside it is as high
    /// as the sample allows (the Wilson score interval's one-sided 95 % upper bound). Empty with no sample.
    [[nodiscard]] std::optional<double> recallLowerBound() const;
    /// "Hybrid scoring: the LLM (gpt-5) saw 57 of 480 papers (gate 42, random sample 15); the gate
    /// took 8.8 % of the day; … Estimated recall
    /// of the gate: 0.91 (at least 0.62 …; 2 of 15 sampled papers selected, 20 in the gate). Recall expected
    /// by the built-in model: 0.95 (of the 28.2 selections its calibrated probabilities expect in the day)."
    /// English always: the digest's text (the reference format, also exported).
    [[nodiscard]] QString line() const;
    /// The same in the user's language, for reports (`lectern score`, the scoring job's summary).
    [[nodiscard]] QString localizedLine() const;

private:
    [[nodiscard]] QString text(bool translated) const;
};

} // namespace Lectern
