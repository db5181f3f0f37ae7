// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern {

/// What could be read from one title pre-filter reply.
struct ParsedTitleVerdict
{
    QStringList keep; ///< ids of the batch to keep, in batch order, each once
    QStringList warnings; ///< ids that were not in the batch, entries that are not ids
    bool found = false; ///< the reply held a list of ids; when false the caller keeps the whole batch
};

/// Reads the ids a model kept out of a title pre-filter reply, trusting none of it: only ids of the batch
/// count (normalised like ScoreReplyParser, so "arXiv:2611.00001v2" is 2611.00001), anything else is
/// dropped with a warning, and a list of only such ids is no verdict. Accepted shapes: {"keep": [...]} (the
/// structured-output form; the key matched case-insensitively), a bare array of ids, either inside a fenced
/// block or among chatter. A reply without such a list is not a verdict (found is false): the job then keeps
/// every paper of the batch, since a paper wrongly dropped is lost to the user while one wrongly kept costs a
/// few tokens.
class TitleReplyParser final
{
public:
    static constexpr int MaxWarnings = 10;

    explicit TitleReplyParser(const QList<Paper> &batch);

    [[nodiscard]] ParsedTitleVerdict parseText(const QString &reply) const;
    [[nodiscard]] ParsedTitleVerdict parseJson(const QJsonValue &value) const;

private:
    QStringList m_order;
    QHash<QString, QString> m_ids; ///< normalised id -> id as given
};

} // namespace Lectern
