// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"

#include <QList>
#include <QString>

#include <utility>

namespace Lectern {

class ScoreCache;

/// What the score-cache stage decided.
struct CacheDecision
{
    int cached = 0; ///< scored before with this prompt and model: not sent again
    int titleDroppedCached = 0; ///< dropped by the title pre-filter before (same title prompt and model)
    int inProviderBatch = 0; ///< waiting in a provider batch of this prompt and model: not sent again
    /// Cached verdicts to bring back as the latest: the paper and the prompt hash of the row (the scoring
    /// prompt's, or the title prompt's for an earlier title drop).
    QList<std::pair<Paper, QString>> restamp;
    QList<Paper> toScore; ///< the papers still to send, in the order given
};

/// A paper whose version has marks from this prompt and model is not sent again, and neither is one the
/// title pre-filter dropped before or one that waits in a provider batch: a re-run costs nothing and a
/// killed run resumes where it stopped. A cached verdict becomes the paper's latest again if another score
/// was newer. Runs before the h-index filter and the title pre-filter, so a decided paper costs neither a
/// Semantic Scholar lookup nor a title request.
class ScoreCacheStage final
{
public:
    /// @p rescore ignores the cached marks and title drops (papers in a provider batch still wait).
    ScoreCacheStage(QString model, QString promptHash, QString titleHash, bool rescore);

    [[nodiscard]] CacheDecision run(const QList<PaperRecord> &records, const ScoreCache &cache) const;

private:
    QString m_model;
    QString m_hash;
    QString m_titleHash;
    bool m_rescore;
};

} // namespace Lectern
