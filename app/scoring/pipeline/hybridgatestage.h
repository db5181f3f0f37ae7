// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/gatereport.h"
#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/hybridgate.h"
#include "scoring/researchtopics.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>

namespace Lectern {

class PaperStore;

/// What the gate stage did with the papers a run had left to send.
struct GatedPapers
{
    GateDecision decision;
    QList<Paper> toLlm; ///< the papers to send that are in the gate or the sample, in the order given
    QList<Score> localRows; ///< the others, with the built-in scorer's marks (model lectern-local)
};

/// The hybrid mode's stage, between the h-index filter and the title pre-filter: the built-in scorer
/// (trained as in builtin mode, on every label there is, and kept in the profile) ranks the whole day, the
/// HybridGate decides which papers the LLM must see, and the papers left to send that it rules out get the
/// built-in's marks instead, stored as lectern-local's, never as the LLM's. After the run, report() measures
/// the gate from the LLM's verdicts on the gate and the sample.
class HybridGateStage final
{
public:
    /// @p databasePath: the model beside it is the warm start and is rewritten unless @p keepModel is false
    /// (a dry run stores nothing).
    HybridGateStage(HybridGateSettings settings, ResearchTopics topics, QString databasePath, bool keepModel);

    /// @p day: the day's papers the LLM could be asked about (followed authors' papers are not);
    /// @p toScore: those of them still to send (not cached, not dropped by an earlier stage).
    [[nodiscard]] Result<GatedPapers> run(PaperStore &store, const QDate &date, const QList<Paper> &day,
        const QList<Paper> &toScore, const QString &promptHash, const QDateTime &now) const;

    /// The gate's report once the LLM answered: its selections (relevance >= @p minRelevance and novelty
    /// >= @p minNovelty, the latest verdicts of @p model) in the gate and the sample, and the gate's recall
    /// estimated from them.
    [[nodiscard]] static Result<GateReport> report(PaperStore &store, const QDate &date,
        const GateDecision &decision, const QString &model, int minRelevance, int minNovelty);
    /// The same from the stored members (a provider batch, collected later); @p estimates are what the
    /// model expected when the submission decided the gate.
    [[nodiscard]] static Result<GateReport> report(PaperStore &store, const QDate &date,
        const GateMembers &members, const GateEstimates &estimates, const QString &model, int minRelevance,
        int minNovelty);

private:
    HybridGateSettings m_settings;
    ResearchTopics m_topics;
    QString m_databasePath;
    bool m_keepModel;
};

} // namespace Lectern
