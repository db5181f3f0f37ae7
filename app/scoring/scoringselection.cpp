// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scoringselection.h"

#include "scoring/authormatcher.h"
#include "store/paperstore.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Lectern {

Result<ScoringSelection> ScoringSelection::select(PaperStore &store, const QDate &day, const QString &model,
    const QString &hash, const QStringList &types, const AuthorMatcher &authors, bool rescore,
    const QDateTime &now, const QString &titleHash)
{
    ScoringSelection sel;
    auto records = store.recordsForDay(day);
    if (!records)
        return Error {records.error()};
    sel.listed = int(records->size());

    // Scores this prompt and model gave the day's papers before.
    QHash<QString, Score> cache;
    {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT s.arxiv_id, s.version, s.relevance, s.novelty FROM scores s "
                                 "JOIN listings l ON l.arxiv_id = s.arxiv_id "
                                 "WHERE l.day = ? AND s.model = ? AND s.prompt_hash = ?"));
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(model);
        q.addBindValue(hash);
        if (!q.exec())
            return sqlError(QStringLiteral("read the score cache of %1").arg(day.toString(Qt::ISODate)), q);
        while (q.next()) {
            Score s;
            s.arxivId = q.value(0).toString();
            s.version = q.value(1).toInt();
            if (!q.isNull(2))
                s.relevance = q.value(2).toInt();
            if (!q.isNull(3))
                s.novelty = q.value(3).toInt();
            if (!cache.contains(s.arxivId) || cache.value(s.arxivId).version < s.version)
                cache.insert(s.arxivId, s);
        }
    }

    // Title pre-filter verdicts of this title prompt and model: the versions each paper was dropped at.
    QHash<QString, QSet<int>> droppedBefore;
    if (!titleHash.isEmpty() && !rescore) {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT s.arxiv_id, s.version FROM scores s "
                           "JOIN listings l ON l.arxiv_id = s.arxiv_id "
                           "WHERE l.day = ? AND s.model = ? AND s.prompt_hash = ? AND s.relevance IS NULL "
                           "AND s.comment = ?"));
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(model);
        q.addBindValue(titleHash);
        q.addBindValue(QString(TitleDropComment));
        if (!q.exec())
            return sqlError(
                QStringLiteral("read the title pre-filter's verdicts of %1").arg(day.toString(Qt::ISODate)),
                q);
        while (q.next())
            droppedBefore[q.value(0).toString()].insert(q.value(1).toInt());
    }

    QSet<std::pair<QString, int>> waiting;
    {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT p.arxiv_id, p.version FROM provider_batch_papers p "
                                 "JOIN provider_batches b ON b.id = p.batch WHERE b.state = 'submitted' "
                                 "AND b.day = ? AND b.model = ? AND b.prompt_hash = ?"));
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(model);
        q.addBindValue(hash);
        if (!q.exec())
            return sqlError(
                QStringLiteral("read the provider batches of %1").arg(day.toString(Qt::ISODate)), q);
        while (q.next())
            waiting.insert({q.value(0).toString(), q.value(1).toInt()});
    }

    QSet<QString> seen;
    for (const PaperRecord &r : std::as_const(*records)) {
        const Paper &p = r.paper;
        if (!p.announceType.isEmpty() && !types.contains(p.announceType))
            continue;
        if (seen.contains(p.arxivId))
            continue;
        seen.insert(p.arxivId);
        ++sel.considered;
        const auto hit = cache.constFind(p.arxivId);
        const bool cachedScored = hit != cache.constEnd() && hit->version == p.version && hit->isScored();
        const bool latestIsThis = r.score && r.score->model == model && r.score->promptHash == hash &&
            r.score->version == p.version;
        if (!authors.matches(p.authors).isEmpty()) {
            ++sel.authorMatches;
            if (cachedScored) {
                if (!latestIsThis)
                    sel.restamp << std::pair {p, hash};
            } else if (!latestIsThis || r.score->comment != u"Author match") {
                Score s;
                s.arxivId = p.arxivId;
                s.version = p.version;
                s.comment = QStringLiteral("Author match");
                s.model = model;
                s.promptHash = hash;
                s.scoredAt = now;
                sel.authorRows << s;
            }
            continue;
        }
        if (cachedScored && !rescore) {
            ++sel.cached;
            if (!latestIsThis)
                sel.restamp << std::pair {p, hash};
            continue;
        }
        if (droppedBefore.value(p.arxivId).contains(p.version)) {
            ++sel.titleDroppedCached;
            const bool latestIsDrop = r.score && r.score->model == model &&
                r.score->promptHash == titleHash && r.score->version == p.version;
            if (!latestIsDrop)
                sel.restamp << std::pair {p, titleHash};
            continue;
        }
        if (waiting.contains({p.arxivId, p.version})) {
            ++sel.inProviderBatch;
            continue;
        }
        sel.toScore << p;
    }
    return sel;
}

Result<ScoringSelection::PromptWithExamples> ScoringSelection::promptWithExamples(
    PaperStore &store, const PromptTemplate &prompt, int count, const QDate &day)
{
    PromptWithExamples out {prompt};
    if (count <= 0)
        return out;
    auto examples = recentExamples(store, count, day);
    if (!examples)
        return Error {examples.error()};
    out.prompt.setExamples(examples->first, examples->second);
    out.starred = int(examples->first.size());
    out.dismissed = int(examples->second.size());
    return out;
}

Result<std::pair<QStringList, QStringList>> ScoringSelection::recentExamples(
    PaperStore &store, int count, const QDate &day)
{
    std::pair<QStringList, QStringList> out;
    for (const bool starred : {true, false}) {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT p.title FROM paper_state st JOIN papers p ON p.arxiv_id = st.arxiv_id "
                           "WHERE %1 AND st.arxiv_id NOT IN (SELECT arxiv_id FROM listings WHERE day = ?) "
                           "ORDER BY st.updated_at DESC, p.id DESC LIMIT ?")
                .arg(starred ? QStringLiteral("st.starred")
                             : QStringLiteral("st.dismissed AND NOT st.starred")));
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(count);
        if (!q.exec())
            return Error {
                QStringLiteral("Cannot read starred and dismissed papers for the prompt's examples: %1")
                    .arg(q.lastError().text())};
        while (q.next())
            (starred ? out.first : out.second) << q.value(0).toString();
    }
    return out;
}

Result<void> ScoringSelection::write(
    PaperStore &store, const QString &model, const QDateTime &now, const QList<Score> &extraRows) const
{
    if (authorRows.isEmpty() && restamp.isEmpty() && extraRows.isEmpty())
        return {};
    return store.database().inTransaction([&]() -> Result<void> {
        for (const QList<Score> *rows : {&authorRows, &extraRows}) {
            for (const Score &s : *rows) {
                if (auto r = store.addScore(s); !r)
                    return r;
            }
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
                return sqlError(QStringLiteral("bring back the cached score of %1").arg(p.arxivId), q);
        }
        return {};
    });
}

} // namespace Lectern
