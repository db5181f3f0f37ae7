// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "scoring/scoringprovider.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern {

/// What could be read from one reply.
struct ParsedScores
{
    QList<ScoredItem> items; ///< in batch order, one per paper at most, each with at least one valid score
    QStringList conflicting; ///< papers given two different complete verdicts: in no item, to be asked again
    QStringList warnings; ///< every entry or value that was dropped, and why
    bool foundJson = false; ///< the reply held at least one JSON object or array
    /// Characters parseText() looked at (brackets matched, text handed to the JSON reader): the work,
    /// bounded to a fixed multiple of the reply's length whatever it holds (tests and the benchmark check
    /// it).
    qint64 scanned = 0;
};

/// Reads paper scores out of an LLM reply and trusts none of it: only ids of the batch (normalised, so
/// "arXiv:2611.00001v2" counts as 2611.00001), scores that are whole numbers from 1 to 10 (8, 8.0 and "8"
/// pass; 8.5, 11, 0 and "high" leave that score unscored), the first complete answer for a paper that
/// appears twice unless a second complete answer differs (then neither: conflicting), comments trimmed and
/// capped. A paper with no valid score at all is left out, so that the caller counts it as missing. Nothing
/// is ever guessed.
///
/// Accepted shapes: a JSON object wrapping an array ({"papers": [...]}, the structured-output form), a bare
/// array, one object per line (the reference's JSONL), objects keyed by id, any of these inside a fenced
/// block or among chatter. Keys are matched case-insensitively, ignoring '_' and '-'.
class ScoreReplyParser final
{
public:
    static constexpr int MaxCommentChars = 400;
    static constexpr int MaxWarnings = 30;

    explicit ScoreReplyParser(const QList<Paper> &batch);
    explicit ScoreReplyParser(const QStringList &batchIds);

    /// A reply in free text.
    [[nodiscard]] ParsedScores parseText(const QString &reply) const;
    /// A reply that is already JSON: a tool call's input, a parsed json_schema reply.
    [[nodiscard]] ParsedScores parseJson(const QJsonValue &value) const;

    /// The arXiv id without version and prefixes; empty when @p text is not an arXiv id.
    [[nodiscard]] static QString normaliseId(const QString &text);

private:
    [[nodiscard]] ParsedScores resolve(const QList<QJsonObject> &entries, bool foundJson) const;
    [[nodiscard]] QString idFromValue(const QJsonValue &value) const;

    QStringList m_order; ///< the batch's ids as given, in batch order
    QHash<QString, QString> m_ids; ///< normalised id -> id as given
};

} // namespace Lectern
