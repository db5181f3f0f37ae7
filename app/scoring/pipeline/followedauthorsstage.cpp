// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/followedauthorsstage.h"

#include "scoring/pipeline/scorecache.h"

namespace Lectern {

FollowedAuthorsStage::FollowedAuthorsStage(AuthorMatcher authors)
    : m_authors(std::move(authors))
{ }

FollowedAuthors FollowedAuthorsStage::run(const QList<PaperRecord> &records, const ScoreCache &cache,
    const QString &model, const QString &promptHash, const QDateTime &now) const
{
    FollowedAuthors out;
    for (const PaperRecord &r : records) {
        const Paper &p = r.paper;
        if (m_authors.matches(p.authors).isEmpty()) {
            out.others << r;
            continue;
        }
        ++out.matches;
        const bool latestIsThis = r.score && r.score->model == model && r.score->promptHash == promptHash &&
            r.score->version == p.version;
        if (cache.hasScored(p)) {
            if (!latestIsThis)
                out.restamp << std::pair {p, promptHash};
        } else if (!latestIsThis || r.score->comment != Score::AuthorMatchComment) {
            out.rows << Score::unmarked(
                p.arxivId, p.version, QString(Score::AuthorMatchComment), model, promptHash, now);
        }
    }
    return out;
}

} // namespace Lectern
