// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>

#include <utility>

namespace Lectern {

class PaperStore;

/// What earlier runs decided about a day's papers for one prompt and model, read once before the stages
/// that use it: the versions scored with marks, the versions the title pre-filter dropped (with its own
/// prompt hash) and the versions waiting in a provider batch.
class ScoreCache final
{
public:
    /// @p titleHash empty: earlier title drops are not looked up (title pre-filter off, or a rescore).
    [[nodiscard]] static Result<ScoreCache> load(PaperStore &store, const QDate &day, const QString &model,
        const QString &promptHash, const QString &titleHash = {});

    /// This version of @p paper has marks from this prompt and model.
    [[nodiscard]] bool hasScored(const Paper &paper) const;
    /// The title pre-filter dropped this version of @p paper before.
    [[nodiscard]] bool droppedByTitles(const Paper &paper) const;
    /// This version of @p paper waits in a submitted provider batch of this prompt and model.
    [[nodiscard]] bool waitsInProviderBatch(const Paper &paper) const;

private:
    struct Cached
    {
        int version = 0;
        bool scored = false;
    };
    QHash<QString, Cached> m_latest; ///< the newest version with a row of this prompt and model
    QHash<QString, QSet<int>> m_titleDrops;
    QSet<std::pair<QString, int>> m_waiting;
};

} // namespace Lectern
