// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/replyscores.h"

#include "domain/arxivid.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace Lectern {

namespace {

constexpr int kMaxCommentChars = 600;

/// The verdicts of a reply that can be trusted, by arXiv id.
QHash<QString, ScoredItem> validItems(
    const QList<Paper> &batch, const BatchResult &result, QStringList &warnings, QSet<QString> &conflicting)
{
    QSet<QString> ids;
    for (const Paper &p : batch)
        ids.insert(p.arxivId);
    QHash<QString, ScoredItem> valid;
    const auto inRange = [](const std::optional<int> &v) { return v && *v >= 1 && *v <= 10; };
    for (ScoredItem item : result.items) {
        const QString raw = item.arxivId.trimmed();
        const auto parsed = ArxivId::parse(raw);
        const QString id = parsed ? parsed->id : raw;
        if (!ids.contains(id)) {
            warnings << QCoreApplication::translate(
                "Lectern::ReplyScores", "Ignored a verdict for \"%1\", which was not in the batch.")
                            .arg(raw.left(40));
            continue;
        }
        if (!inRange(item.relevance) || !inRange(item.novelty)) {
            warnings << QStringLiteral(
                "Ignored marks for %1 that are not whole numbers from 1 to 10 (relevance %2, novelty %3).")
                            .arg(id,
                                item.relevance ? QString::number(*item.relevance) : QStringLiteral("none"),
                                item.novelty ? QString::number(*item.novelty) : QStringLiteral("none"));
            continue;
        }
        if (const auto it = valid.constFind(id); it != valid.constEnd()) {
            // Two different verdicts (which a paper's own text can provoke): neither is trusted.
            if ((it->relevance != item.relevance || it->novelty != item.novelty) &&
                !conflicting.contains(id)) {
                conflicting.insert(id);
                warnings
                    << QStringLiteral("%1 got two different verdicts in one reply; neither is kept.").arg(id);
            }
            continue;
        }
        item.arxivId = id;
        item.comment = item.comment.simplified().left(kMaxCommentChars);
        valid.insert(id, item);
    }
    return valid;
}

} // namespace

ReplyScores::ReplyScores(const QList<Paper> &batch, const BatchResult &result, QString model,
    QString promptHash, double cost, QDateTime scoredAt)
    : m_model(std::move(model))
    , m_hash(std::move(promptHash))
    , m_scoredAt(std::move(scoredAt))
    , m_usage(result.usage)
    , m_cost(cost)
    , m_papers(std::max<qint64>(1, batch.size()))
{
    QSet<QString> conflicting(result.conflicting.cbegin(), result.conflicting.cend());
    const QHash<QString, ScoredItem> valid = validItems(batch, result, m_warnings, conflicting);
    for (const Paper &p : batch) {
        if (conflicting.contains(p.arxivId)) {
            m_conflicting << p;
            continue;
        }
        const auto it = valid.constFind(p.arxivId);
        if (it == valid.constEnd()) {
            m_missing << p;
            continue;
        }
        Score s = row(p);
        s.relevance = it->relevance;
        s.novelty = it->novelty;
        s.comment = it->comment;
        m_scored << s;
    }
}

Score ReplyScores::unscored(const Paper &paper, const QString &why) const
{
    Score s = row(paper);
    s.comment = why;
    return s;
}

Score ReplyScores::row(const Paper &paper) const
{
    Score s = Score::unmarked(paper.arxivId, paper.version, QString(), m_model, m_hash, m_scoredAt);
    s.promptTokens = m_usage.promptTokens / m_papers;
    s.completionTokens = m_usage.completionTokens / m_papers;
    s.cost = m_cost / double(m_papers);
    return s;
}

} // namespace Lectern
