// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/scorecache.h"

#include "domain/score.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Lectern {

Result<ScoreCache> ScoreCache::load(PaperStore &store, const QDate &day, const QString &model,
    const QString &promptHash, const QString &titleHash)
{
    ScoreCache cache;
    const QString dayText = day.toString(Qt::ISODate);
    {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT s.arxiv_id, s.version, s.relevance, s.novelty FROM scores s "
                                 "JOIN listings l ON l.arxiv_id = s.arxiv_id "
                                 "WHERE l.day = ? AND s.model = ? AND s.prompt_hash = ?"));
        q.addBindValue(dayText);
        q.addBindValue(model);
        q.addBindValue(promptHash);
        if (!q.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "read the score cache of %1").arg(dayText),
                q);
        while (q.next()) {
            const QString id = q.value(0).toString();
            const int version = q.value(1).toInt();
            // Score::isScored(): both marks present.
            const bool scored = !q.isNull(2) && !q.isNull(3);
            const auto it = cache.m_latest.constFind(id);
            if (it == cache.m_latest.constEnd() || it->version < version)
                cache.m_latest.insert(id, Cached {version, scored});
        }
    }
    if (!titleHash.isEmpty()) {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT s.arxiv_id, s.version FROM scores s "
                           "JOIN listings l ON l.arxiv_id = s.arxiv_id "
                           "WHERE l.day = ? AND s.model = ? AND s.prompt_hash = ? AND s.relevance IS NULL "
                           "AND s.comment = ?"));
        q.addBindValue(dayText);
        q.addBindValue(model);
        q.addBindValue(titleHash);
        q.addBindValue(QString(Score::TitleDropComment));
        if (!q.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "read the title pre-filter's verdicts of %1")
                    .arg(dayText),
                q);
        while (q.next())
            cache.m_titleDrops[q.value(0).toString()].insert(q.value(1).toInt());
    }
    {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT p.arxiv_id, p.version FROM provider_batch_papers p "
                                 "JOIN provider_batches b ON b.id = p.batch WHERE b.state = 'submitted' "
                                 "AND b.day = ? AND b.model = ? AND b.prompt_hash = ?"));
        q.addBindValue(dayText);
        q.addBindValue(model);
        q.addBindValue(promptHash);
        if (!q.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "read the provider batches of %1")
                    .arg(dayText),
                q);
        while (q.next())
            cache.m_waiting.insert({q.value(0).toString(), q.value(1).toInt()});
    }
    return cache;
}

bool ScoreCache::hasScored(const Paper &paper) const
{
    const auto it = m_latest.constFind(paper.arxivId);
    return it != m_latest.constEnd() && it->version == paper.version && it->scored;
}

bool ScoreCache::droppedByTitles(const Paper &paper) const
{
    return m_titleDrops.value(paper.arxivId).contains(paper.version);
}

bool ScoreCache::waitsInProviderBatch(const Paper &paper) const
{
    return m_waiting.contains({paper.arxivId, paper.version});
}

} // namespace Lectern
