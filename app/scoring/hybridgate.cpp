// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/hybridgate.h"

#include "config/settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Lectern {

namespace {

/// A number that depends only on @p text: SHA-1, not qHash (seeded per process).
quint64 stableKey(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1);
    return qFromBigEndian<quint64>(digest.constData());
}

QList<GateEntry> rank(const BuiltinModel &model, const QList<Paper> &day)
{
    QList<GateEntry> ranked;
    ranked.reserve(day.size());
    for (const Paper &p : day) {
        const BuiltinModel::Assessment a = model.assess(p);
        ranked << GateEntry {p, a.rankScore, a.relevance, a.novelty, a.comment, a.probability};
    }
    std::sort(ranked.begin(), ranked.end(), [](const GateEntry &a, const GateEntry &b) {
        return a.rankScore != b.rankScore ? a.rankScore > b.rankScore : a.paper.arxivId < b.paper.arxivId;
    });
    return ranked;
}

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', 1) + QStringLiteral(" %");
}

} // namespace

HybridGateSettings HybridGateSettings::fromSettings(const Settings &settings)
{
    HybridGateSettings s;
    s.recallTarget = settings.real(Keys::ScoringHybridRecall);
    s.maxShare = settings.integer(Keys::ScoringHybridMaxShare) / 100.0;
    s.minShare = std::min(s.minShare, s.maxShare);
    s.sampleShare = settings.integer(Keys::ScoringHybridSample) / 100.0;
    if (s.sampleShare <= 0)
        s.minSample = 0;
    return s;
}

GateMembers GateDecision::members() const
{
    GateMembers m;
    m.ranked.reserve(ranked.size());
    for (const GateEntry &e : ranked)
        m.ranked << e.paper.arxivId;
    m.gate = gate;
    m.sample = sample;
    return m;
}

QString GateDecision::describe() const
{
    // A report line (`lectern score`, the scoring job), never part of the digest: the user's language.
    const auto say = [](const char *english) {
        return QCoreApplication::translate("Lectern::GateDecision", english);
    };
    const int n = int(ranked.size());
    QString line = say(QT_TRANSLATE_NOOP("Lectern::GateDecision", "gate: top %1 of %2 (%3)"))
                       .arg(gateSize())
                       .arg(n)
                       .arg(percent(n > 0 ? double(gateSize()) / n : 0.0));
    if (expectedRelevant)
        line += say(QT_TRANSLATE_NOOP("Lectern::GateDecision",
                        "%1: the model expects %2 selections in the day, the gate holds %3 of them "
                        "(papers from p = %4 up)"))
                    .arg(byProbability ? say(QT_TRANSLATE_NOOP("Lectern::GateDecision",
                                             ", chosen by the model's calibrated probabilities"))
                                       : say(QT_TRANSLATE_NOOP("Lectern::GateDecision",
                                             "; by the model's calibrated probabilities")))
                    .arg(QString::number(*expectedRelevant, 'f', 1))
                    .arg(expectedRecall ? QString::number(*expectedRecall, 'f', 2) : QStringLiteral("-"))
                    .arg(probabilityBound ? QString::number(*probabilityBound, 'f', 3) : QStringLiteral("-"));
    if (heldOutPositives > 0)
        line += say(QT_TRANSLATE_NOOP("Lectern::GateDecision",
                        "; held-out labels: %1 positives, the target needs %2, the gate holds %3 of them"))
                    .arg(heldOutPositives)
                    .arg(percent(neededShare))
                    .arg(heldOutRecall ? QString::number(*heldOutRecall, 'f', 2) : QStringLiteral("-"));
    else if (!byProbability)
        line += say(QT_TRANSLATE_NOOP(
                        "Lectern::GateDecision", "; fewer than %1 labels to calibrate on, so the ceiling"))
                    .arg(HybridGate::MinCalibrationPositives);
    return line +
        say(QT_TRANSLATE_NOOP("Lectern::GateDecision", "; random sample of the rest: %1")).arg(sample.size());
}

HybridGate::HybridGate(HybridGateSettings settings)
    : m_settings(settings)
{ }

int HybridGate::sampleSize(int outside) const
{
    if (outside <= 0 || m_settings.sampleShare <= 0)
        return 0;
    const int share = int(std::ceil(m_settings.sampleShare * outside));
    return std::min(outside, std::max(m_settings.minSample, share));
}

QStringList HybridGate::sampleOf(const QStringList &outside, const QDate &date, int count)
{
    const QString day = date.toString(Qt::ISODate) + u'|';
    QList<std::pair<quint64, QString>> keyed;
    keyed.reserve(outside.size());
    for (const QString &id : outside)
        keyed.emplace_back(stableKey(day + id), id);
    std::sort(keyed.begin(), keyed.end());
    QStringList out;
    for (qsizetype i = 0; i < keyed.size() && i < count; ++i)
        out << keyed.at(i).second;
    return out;
}

double HybridGate::shareForRecall(QList<double> shares, double target)
{
    if (shares.isEmpty())
        return 1.0;
    std::sort(shares.begin(), shares.end());
    const qsizetype n = shares.size();
    const qsizetype index = std::clamp<qsizetype>(qsizetype(std::ceil(target * double(n))) - 1, 0, n - 1);
    return shares.at(index);
}

int HybridGate::sizeForExpectedRecall(const std::vector<double> &probabilities, double target)
{
    const double total = std::accumulate(probabilities.begin(), probabilities.end(), 0.0);
    if (total <= 0)
        return 0;
    // Walked from the bottom: the papers that can stay out while what they would miss is within the bound.
    const double allowed = (1.0 - target) * total;
    double missed = 0;
    int out = 0;
    for (auto it = probabilities.rbegin(); it != probabilities.rend(); ++it) {
        if (missed + *it > allowed + 1e-12)
            break;
        missed += *it;
        ++out;
    }
    return int(probabilities.size()) - out;
}

std::optional<double> HybridGate::recallEstimate(
    int gateRelevant, int sampleRelevant, int sampleJudged, int outside)
{
    if (sampleJudged <= 0)
        return std::nullopt;
    const double missed = double(sampleRelevant) / sampleJudged * outside;
    if (gateRelevant + missed <= 0)
        return std::nullopt;
    return gateRelevant / (gateRelevant + missed);
}

GateDecision HybridGate::decide(const BuiltinModel &model, const BuiltinModel::Inputs &inputs,
    const QList<Paper> &day, const QDate &date) const
{
    GateDecision d;
    d.ranked = rank(model, day);
    const int n = int(d.ranked.size());
    if (n == 0)
        return d;

    // Calibration: each fold's positives, ranked by a model that never saw their labels.
    QSet<QString> today;
    for (const Paper &p : day)
        today.insert(p.arxivId);
    const auto foldOf = [](const QString &id) { return int(stableKey(id) & 1U); };
    QList<Paper> positives;
    for (const QList<Paper> *list : {&inputs.starred, &inputs.llmRelevant}) {
        for (const Paper &p : *list) {
            if (!today.contains(p.arxivId))
                positives << p;
        }
    }
    QList<double> needed;
    if (positives.size() >= MinCalibrationPositives) {
        for (int fold = 0; fold < 2; ++fold) {
            QSet<QString> heldOut;
            for (const QList<Paper> *list :
                {&inputs.starred, &inputs.dismissed, &inputs.read, &inputs.llmRelevant, &inputs.llmOther}) {
                for (const Paper &p : *list) {
                    if (foldOf(p.arxivId) == fold)
                        heldOut.insert(p.arxivId);
                }
            }
            BuiltinModel::Inputs without = inputs;
            without.forgetLabels(heldOut);
            const std::shared_ptr<const BuiltinModel> partial = BuiltinModel::build(without);
            if (!partial->canScore())
                continue;
            std::vector<double> scores;
            scores.reserve(size_t(n));
            for (const GateEntry &e : std::as_const(d.ranked))
                scores.push_back(partial->assess(e.paper).rankScore);
            std::sort(scores.begin(), scores.end(), std::greater<>());
            for (const Paper &p : std::as_const(positives)) {
                if (foldOf(p.arxivId) != fold)
                    continue;
                const double s = partial->assess(p).rankScore;
                // Papers of the day ranked above it, and itself: the share the gate must take to hold it.
                const auto above = std::upper_bound(scores.begin(), scores.end(), s, std::greater<>());
                needed << std::min(1.0, double(std::distance(scores.begin(), above) + 1) / n);
            }
        }
    }
    double share = m_settings.maxShare;
    if (needed.size() >= MinCalibrationPositives) {
        d.heldOutPositives = int(needed.size());
        d.neededShare = shareForRecall(needed, m_settings.recallTarget);
        share = std::clamp(d.neededShare, m_settings.minShare, m_settings.maxShare);
    }
    // The model's own confidence, when it is calibrated: the shortest top that leaves out at most
    // (1 - recallTarget) of the selections it expects. The ranking orders by the score the probability is
    // a monotone function of, so this top is the papers over a probability bound.
    std::vector<double> probabilities;
    probabilities.reserve(size_t(n));
    for (const GateEntry &e : std::as_const(d.ranked)) {
        if (!e.probability)
            break;
        probabilities.push_back(*e.probability);
    }
    if (probabilities.size() == size_t(n)) {
        d.expectedRelevant = std::accumulate(probabilities.begin(), probabilities.end(), 0.0);
        if (*d.expectedRelevant > 0) {
            d.byProbability = true;
            const int needs = sizeForExpectedRecall(probabilities, m_settings.recallTarget);
            share = std::clamp(double(needs) / n, m_settings.minShare, m_settings.maxShare);
        }
    }
    const int size = std::clamp(int(std::ceil(share * n - 1e-9)), 1, n);
    if (d.expectedRelevant && *d.expectedRelevant > 0) {
        d.expectedRecall =
            std::accumulate(probabilities.begin(), probabilities.begin() + size, 0.0) / *d.expectedRelevant;
        d.probabilityBound = probabilities[size_t(size) - 1];
    }
    if (d.heldOutPositives > 0) {
        const double taken = double(size) / n;
        d.heldOutRecall = double(std::count_if(
                              needed.cbegin(), needed.cend(), [&](double x) { return x <= taken + 1e-12; })) /
            double(needed.size());
    }
    QStringList outside;
    for (int i = 0; i < n; ++i) {
        if (i < size)
            d.gate.insert(d.ranked.at(i).paper.arxivId);
        else
            outside << d.ranked.at(i).paper.arxivId;
    }
    const QStringList sample = sampleOf(outside, date, sampleSize(int(outside.size())));
    d.sample = QSet<QString>(sample.cbegin(), sample.cend());
    return d;
}

} // namespace Lectern
