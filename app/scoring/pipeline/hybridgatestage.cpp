// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/hybridgatestage.h"

#include "scoring/scorecomments.h"
#include "store/paperstore.h"
#include "util/logging.h"

namespace Lectern {

HybridGateStage::HybridGateStage(
    HybridGateSettings settings, ResearchTopics topics, QString databasePath, bool keepModel)
    : m_settings(settings)
    , m_topics(std::move(topics))
    , m_databasePath(std::move(databasePath))
    , m_keepModel(keepModel)
{ }

Result<GatedPapers> HybridGateStage::run(PaperStore &store, const QDate &date, const QList<Paper> &day,
    const QList<Paper> &toScore, const QString &promptHash, const QDateTime &now) const
{
    auto inputs = BuiltinModel::inputsFromStore(store, m_topics);
    if (!inputs)
        return Error {inputs.error()};
    const QString path = BuiltinScorer::modelPath(m_databasePath);
    const std::optional<BuiltinModel::Learned> previous = BuiltinModel::loadLearned(path);
    const std::shared_ptr<const BuiltinModel> model =
        BuiltinModel::build(*inputs, previous ? &*previous : nullptr);
    GatedPapers out;
    QString why;
    if (!model->canScore(&why)) {
        // Nothing to rank with: the LLM sees every paper, as in llm mode.
        qCWarning(lcApp) << "hybrid gate: the built-in scorer cannot rank the day:" << why;
        out.toLlm = toScore;
        return out;
    }
    if (m_keepModel && model->isLearning()) {
        if (auto saved = model->saveLearned(path); !saved)
            qCWarning(lcApp) << saved.error();
    }
    out.decision = HybridGate(m_settings).decide(*model, *inputs, day, date);
    QHash<QString, int> position;
    for (qsizetype i = 0; i < out.decision.ranked.size(); ++i)
        position.insert(out.decision.ranked.at(i).paper.arxivId, int(i));
    for (const Paper &p : toScore) {
        const int at = position.value(p.arxivId, -1);
        if (at < 0 || out.decision.toLlm(p.arxivId)) {
            out.toLlm << p;
            continue;
        }
        const GateEntry &e = out.decision.ranked.at(at);
        Score s;
        s.arxivId = p.arxivId;
        s.version = p.version;
        s.relevance = e.relevance;
        s.novelty = e.novelty;
        s.comment = ScoreComments::stored(ScoreComments::Form::HybridGateRanked,
            {QString::number(at + 1), QString::number(out.decision.ranked.size()), e.comment});
        s.model = BuiltinScorer::ModelName;
        s.promptHash = promptHash;
        s.scoredAt = now;
        out.localRows << s;
    }
    return out;
}

Result<GateReport> HybridGateStage::report(PaperStore &store, const QDate &date, const GateDecision &decision,
    const QString &model, int minRelevance, int minNovelty)
{
    return report(store, date, decision.members(), decision.estimates(), model, minRelevance, minNovelty);
}

Result<GateReport> HybridGateStage::report(PaperStore &store, const QDate &date, const GateMembers &members,
    const GateEstimates &estimates, const QString &model, int minRelevance, int minNovelty)
{
    auto records = store.recordsForDay(date);
    if (!records)
        return Error {records.error()};
    GateReport r;
    r.day = date;
    r.model = model;
    r.ranked = int(members.ranked.size());
    r.gate = int(members.gate.size());
    r.sample = int(members.sample.size());
    r.heldOutRecall = estimates.heldOutRecall;
    r.expectedRelevant = estimates.expectedRelevant;
    r.expectedRecall = estimates.expectedRecall;
    const QSet<QString> ranked(members.ranked.cbegin(), members.ranked.cend());
    QSet<QString> counted;
    for (const PaperRecord &rec : std::as_const(*records)) {
        const QString &id = rec.paper.arxivId;
        if (!ranked.contains(id) || counted.contains(id) || !rec.score || rec.score->model != model)
            continue;
        counted.insert(id);
        ++r.llmSeen;
        const Score &s = *rec.score;
        const bool selected = s.isScored() && *s.relevance >= minRelevance && *s.novelty >= minNovelty;
        if (members.gate.contains(id)) {
            r.gateRelevant += selected;
        } else if (members.sample.contains(id) && s.isScored()) {
            ++r.sampleJudged;
            r.sampleRelevant += selected;
        }
    }
    r.recall = HybridGate::recallEstimate(r.gateRelevant, r.sampleRelevant, r.sampleJudged, r.outside());
    return r;
}

} // namespace Lectern
