// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"
#include "domain/score.h"
#include "scoring/authormatcher.h"

#include <QDateTime>
#include <QList>

#include <utility>

namespace Lectern {

class ScoreCache;

/// What the followed-authors stage decided.
struct FollowedAuthors
{
    int matches = 0; ///< papers by a followed author: kept whatever their score, not sent
    QList<Score> rows; ///< "Author match" rows (no marks) still to store
    QList<std::pair<Paper, QString>> restamp; ///< matched papers whose cached score becomes the latest again
    QList<PaperRecord> others; ///< the papers not matched, in the order given
};

/// Papers by a followed author are not sent: they get a Score with the comment "Author match" and no marks,
/// unless this prompt and model scored them already (then that score becomes the latest again). The
/// digest recognises them with the same AuthorMatcher.
class FollowedAuthorsStage final
{
public:
    explicit FollowedAuthorsStage(AuthorMatcher authors);

    [[nodiscard]] FollowedAuthors run(const QList<PaperRecord> &records, const ScoreCache &cache,
        const QString &model, const QString &promptHash, const QDateTime &now) const;

private:
    AuthorMatcher m_authors;
};

} // namespace Lectern
