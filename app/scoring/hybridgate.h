// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/gatereport.h"
#include "domain/paper.h"
#include "scoring/builtinscorer.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>
#include <vector>

namespace Lectern {

class Settings;

/// How much of a day the hybrid mode's gate sends to the LLM (scoring/hybridRecall, hybridMaxShare,
/// hybridSample).
struct HybridGateSettings
{
    double recallTarget = 0.95; ///< of the papers the LLM would select, the share the gate should hold
    double minShare = 0.05; ///< the gate takes at least this share of the day, whatever the estimate
    double maxShare = 0.30; ///< and at most this one (the cost's ceiling)
    double sampleShare = 0.04; ///< of the papers outside the gate, sent as a random sample
    int minSample = 5; ///< the sample holds at least this many papers (or all the rest)

    [[nodiscard]] static HybridGateSettings fromSettings(const Settings &settings);
};

/// One paper of the day in the built-in scorer's ranking, with the marks it keeps when the LLM does not
/// see it.
struct GateEntry
{
    Paper paper;
    double rankScore = 0;
    int relevance = 1;
    int novelty = 1;
    QString comment;
    std::optional<double> probability; ///< the calibrated probability that the LLM selects it, when known
};

/// What the gate decided for a day.
struct GateDecision
{
    QList<GateEntry> ranked; ///< the day's papers, best first (ties by id)
    QSet<QString> gate; ///< the first gateSize() of ranked
    QSet<QString> sample; ///< the day's random sample of the others
    double neededShare = 1; ///< share of the day the held-out labels need for the target (before the limits)
    std::optional<double> heldOutRecall; ///< share of the held-out positives the gate's share holds
    int heldOutPositives = 0; ///< positive labels the calibration measured (0: none, the ceiling is used)
    /// From the model's calibrated probabilities, when it has them: the selections it expects of the day
    /// (their sum), the share of them the gate holds, and the probability of the last paper in the gate.
    std::optional<double> expectedRelevant;
    std::optional<double> expectedRecall;
    std::optional<double> probabilityBound;
    bool byProbability = false; ///< the share was chosen from the probabilities (else held-out labels)

    /// What the decision expects of its gate, as the report keeps it.
    [[nodiscard]] GateEstimates estimates() const
    {
        return {heldOutRecall, expectedRelevant, expectedRecall};
    }
    [[nodiscard]] int gateSize() const { return int(gate.size()); }
    [[nodiscard]] int outside() const { return int(ranked.size() - gate.size()); }
    [[nodiscard]] bool toLlm(const QString &id) const { return gate.contains(id) || sample.contains(id); }
    /// The ids of ranked, gate and sample, as stored with the day.
    [[nodiscard]] GateMembers members() const;
    /// "gate: top 42 of 480 (8.8 %), chosen by the model's calibrated probabilities: ...; held-out labels:
    /// ...; random sample of the rest: 18"
    [[nodiscard]] QString describe() const;
};

/// The hybrid mode's gate: which papers of a day the LLM must see, because the built-in scorer cannot
/// rule them out.
///
/// The built-in model ranks the day. How far down the LLM must read is the model's own calibrated
/// confidence. With labels the model gives every paper the probability p that the LLM selects it (Platt
/// scaling, BuiltinModel); their sum over the day is the number of selections it expects, and the sum over
/// the papers left out the number it expects the gate to miss. The gate is the shortest top of the ranking
/// that leaves out at most (1 - recallTarget) of the expected selections: the papers whose p exceeds the
/// bound this sets. A day with few likely papers sends few, a day with many sends many, and the share is
/// the day's own, not a fixed one. It stays within [minShare, maxShare] (the cost's ceiling).
///
/// Whether the probabilities deserve that trust is measured too: the positive labels the model learned
/// from (stars, imports and earlier LLM selections, other days than this one) are split in two folds by a
/// hash of their id; a model built without one fold's labels ranks this day and each held-out positive of
/// that fold, and the share of the day ranked above a positive is the share the gate must take to hold it.
/// The report says how many of them the chosen share holds (heldOutRecall). A model without probabilities
/// (too few labels to calibrate on) takes the share that holds recallTarget of the held-out positives
/// instead (their empirical quantile); with fewer than MinCalibrationPositives labels there is nothing to
/// measure and the gate takes maxShare. Nothing is tuned to a day: the share follows the labels the user
/// has.
///
/// The sample: of the papers outside the gate, sampleShare (at least minSample) chosen by a key that
/// depends on the day and the paper's id only (SHA-1 of both), so a day's sample is the same on every
/// run and machine, and a paper stays in it while it stays outside the gate. What the LLM finds relevant
/// there, scaled to the rest, estimates what the gate missed (recallEstimate()).
class HybridGate final
{
public:
    static constexpr int MinCalibrationPositives = 5;

    explicit HybridGate(HybridGateSettings settings);

    /// Decides the gate for @p day (the papers of @p date the LLM could be asked about) with @p model,
    /// built from @p inputs (whose labels the calibration holds out fold by fold).
    [[nodiscard]] GateDecision decide(const BuiltinModel &model, const BuiltinModel::Inputs &inputs,
        const QList<Paper> &day, const QDate &date) const;

    /// How many of @p outside papers the sample takes.
    [[nodiscard]] int sampleSize(int outside) const;
    /// The @p count ids of @p outside with the smallest per-day keys.
    [[nodiscard]] static QStringList sampleOf(const QStringList &outside, const QDate &date, int count);
    /// The smallest share that holds @p target of the positives whose needed shares are @p shares.
    [[nodiscard]] static double shareForRecall(QList<double> shares, double target);
    /// The fewest papers from the top of a ranking whose probabilities are @p probabilities (best first)
    /// that leave out at most (1 - @p target) of their sum; 0 when the sum is 0.
    [[nodiscard]] static int sizeForExpectedRecall(const std::vector<double> &probabilities, double target);
    /// The gate's recall estimated from the sample: relevant papers in the gate over those plus the
    /// sample's relevant share of the papers outside it. Empty when the sample judged nothing or nothing
    /// relevant was found anywhere.
    [[nodiscard]] static std::optional<double> recallEstimate(
        int gateRelevant, int sampleRelevant, int sampleJudged, int outside);

private:
    HybridGateSettings m_settings;
};

} // namespace Lectern
