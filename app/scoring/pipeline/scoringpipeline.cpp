// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/scoringpipeline.h"

#include "digest/digestbuilder.h"
#include "scoring/authorhindexfilter.h"
#include "scoring/pipeline/dayselectionstage.h"
#include "scoring/pipeline/followedauthorsstage.h"
#include "scoring/pipeline/hybridgatestage.h"
#include "scoring/pipeline/scorecache.h"
#include "scoring/pipeline/scorecachestage.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Lectern {

Result<void> PreparedDay::write(PaperStore &store, const QString &model, const QDateTime &now) const
{
    if (rows.isEmpty() && restamp.isEmpty())
        return {};
    return store.database().inTransaction([&]() -> Result<void> {
        for (const Score &s : rows) {
            if (auto r = store.addScore(s); !r)
                return r;
        }
        QSqlQuery q(store.database().sql());
        q.prepare(QStringLiteral("UPDATE scores SET scored_at = ? WHERE arxiv_id = ? AND version = ? AND "
                                 "model = ? AND prompt_hash = ?"));
        for (const auto &[p, promptHash] : restamp) {
            q.bindValue(0, now.toString(Qt::ISODateWithMs));
            q.bindValue(1, p.arxivId);
            q.bindValue(2, p.version);
            q.bindValue(3, model);
            q.bindValue(4, promptHash);
            if (!q.exec())
                return sqlError(
                    QCoreApplication::translate("Lectern::Database", "bring back the cached score of %1")
                        .arg(p.arxivId),
                    q);
        }
        return {};
    });
}

ScoringPipeline::ScoringPipeline(
    PaperStore &store, const ScoringRequest &request, const std::atomic_bool *cancel)
    : m_store(store)
    , m_request(request)
    , m_cancel(cancel)
{ }

Result<PreparedDay> ScoringPipeline::prepare(const QString &model, const QString &promptHash,
    const QString &titleHash, bool hIndex, const QDateTime &now)
{
    const ScoringRequest &rq = m_request;
    // Before the day is read: the member sees this prompt's scores from now on, those in the cache too.
    QStringList warnings;
    if (!rq.dryRun) {
        auto used = m_store.usePrompt(promptHash, rq.labPrompt);
        if (!used)
            return Error {used.error()};
        if (rq.labPrompt && !*used)
            warnings << QCoreApplication::translate("Lectern::ScoringPipeline",
                "This database role is not the lab's account (the owner of the lab's database): the prompt "
                "is recorded as its own, and the other members keep seeing the lab's scores.");
    }
    const QStringList types =
        rq.announceTypes.isEmpty() ? DigestBuilder::defaultAnnounceTypes() : rq.announceTypes;
    auto day = DaySelectionStage(types).run(m_store, rq.day);
    if (!day)
        return Error {day.error()};
    auto cache = ScoreCache::load(m_store, rq.day, model, promptHash, rq.rescore ? QString() : titleHash);
    if (!cache)
        return Error {cache.error()};
    const FollowedAuthors authors = FollowedAuthorsStage(AuthorMatcher(rq.followedAuthors))
                                        .run(day->records, *cache, model, promptHash, now);
    CacheDecision decided =
        ScoreCacheStage(model, promptHash, titleHash, rq.rescore).run(authors.others, *cache);

    PreparedDay out;
    out.warnings = warnings;
    out.listed = day->listed;
    out.considered = day->considered;
    out.authorMatches = authors.matches;
    out.cached = decided.cached;
    out.titleDroppedCached = decided.titleDroppedCached;
    out.inProviderBatch = decided.inProviderBatch;
    out.rows = authors.rows;
    out.restamp = authors.restamp + decided.restamp;
    out.toScore = std::move(decided.toScore);

    // The h-index stage, before the title pre-filter: a paper it drops costs no title request.
    if (rq.hIndex.minHIndex > 0 && hIndex) {
        auto filtered =
            AuthorHIndexFilter(rq.hIndex, m_cancel).apply(m_store, out.toScore, model, promptHash, now);
        if (!filtered)
            return Error {filtered.error()};
        out.toScore = filtered->kept;
        out.rows << filtered->belowRows;
        out.belowHIndex = filtered->below;
        out.hIndexLine = filtered->line();
    } else if (rq.hIndex.minHIndex > 0) {
        out.hIndexLine = QCoreApplication::translate(
            "Lectern::ScoringSummary", "h-index filter (min %1): not applied in a dry run")
                             .arg(rq.hIndex.minHIndex);
    }

    // The hybrid gate, last: the built-in ranks the whole day (cached papers included, so the gate does not
    // depend on what earlier runs sent), and only what it cannot rule out goes on.
    if (rq.mode == ScoringMode::Hybrid) {
        QList<Paper> dayPapers;
        dayPapers.reserve(authors.others.size());
        for (const PaperRecord &r : authors.others)
            dayPapers << r.paper;
        auto gated = HybridGateStage(rq.gate, rq.prompt.topics(), rq.databasePath, !rq.dryRun)
                         .run(m_store, rq.day, dayPapers, out.toScore, promptHash, now);
        if (!gated)
            return Error {gated.error()};
        out.beforeGate = out.toScore;
        out.toScore = gated->toLlm;
        out.gateLocal = int(gated->localRows.size());
        out.rows << gated->localRows;
        if (!gated->decision.ranked.isEmpty()) // empty: the built-in had nothing to rank with
            out.gate = std::move(gated->decision);
    }
    return out;
}

} // namespace Lectern
