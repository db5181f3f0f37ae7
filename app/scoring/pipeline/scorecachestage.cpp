// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/scorecachestage.h"

#include "scoring/pipeline/scorecache.h"

namespace Lectern {

ScoreCacheStage::ScoreCacheStage(QString model, QString promptHash, QString titleHash, bool rescore)
    : m_model(std::move(model))
    , m_hash(std::move(promptHash))
    , m_titleHash(std::move(titleHash))
    , m_rescore(rescore)
{ }

CacheDecision ScoreCacheStage::run(const QList<PaperRecord> &records, const ScoreCache &cache) const
{
    CacheDecision out;
    const auto latestIs = [&](const PaperRecord &r, const QString &hash) {
        return r.score && r.score->model == m_model && r.score->promptHash == hash &&
            r.score->version == r.paper.version;
    };
    for (const PaperRecord &r : records) {
        const Paper &p = r.paper;
        if (!m_rescore && cache.hasScored(p)) {
            ++out.cached;
            if (!latestIs(r, m_hash))
                out.restamp << std::pair {p, m_hash};
            continue;
        }
        if (!m_rescore && !m_titleHash.isEmpty() && cache.droppedByTitles(p)) {
            ++out.titleDroppedCached;
            if (!latestIs(r, m_titleHash))
                out.restamp << std::pair {p, m_titleHash};
            continue;
        }
        if (cache.waitsInProviderBatch(p)) {
            ++out.inProviderBatch;
            continue;
        }
        out.toScore << p;
    }
    return out;
}

} // namespace Lectern
