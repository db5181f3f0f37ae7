// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "net/httpclient.h"
#include "util/clock.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

#include <atomic>

namespace Lectern {

class PaperStore;
class Settings;

/// The settings of the h-index stage.
struct HIndexFilterSettings
{
    int minHIndex = 0; ///< 0: the stage is off
    QUrl baseUrl = QUrl(QStringLiteral("https://api.semanticscholar.org/graph/v1"));
    /// From SEMANTIC_SCHOLAR_API_KEY; sent only in the x-api-key header.
    QString apiKey;
    int cacheDays = 30; ///< an author's h-index is looked up again after this long
    HttpOptions http = defaultHttp();

    /// Short timeouts and few attempts: the stage fails open rather than hold a run up for long.
    [[nodiscard]] static HttpOptions defaultHttp();
    /// scoring/minHIndex, semanticScholar/baseUrl and the key from the environment.
    [[nodiscard]] static HIndexFilterSettings fromSettings(const Settings &settings);
};

/// What the h-index stage did to the papers it was given.
struct HIndexFilterOutcome
{
    bool enabled = false;
    int threshold = 0;
    int checked = 0; ///< papers looked at
    int below = 0; ///< every known author under the threshold: not sent, stored with a comment
    int unknown = 0; ///< no author with a known h-index: kept
    int requests = 0; ///< requests to Semantic Scholar
    int cachedAuthors = 0; ///< authors answered from the cache
    bool failedOpen = false; ///< Semantic Scholar could not be asked: every paper kept
    QString failure;
    QList<Paper> kept;
    QList<Score> belowRows; ///< "Below h-index threshold", no marks

    /// One summary line, as the CLI prints it.
    [[nodiscard]] QString line() const;
};

/// An optional scoring stage: papers none of whose authors reaches an h-index of scoring/minHIndex are
/// not sent for scoring. They are stored with the comment "Below h-index threshold" and no marks, and
/// counted in the summary; a later run with a lower threshold sends them. Authors' h-indices come from
/// SemanticScholarClient (one paper-batch request per 500 papers) and are cached in the database
/// (author_hindex, by normalised name) for HIndexFilterSettings::cacheDays; papers whose authors are all
/// in the cache cost no request. A paper with no author of known h-index (Semantic Scholar does not
/// know the paper yet) is kept. When Semantic Scholar cannot be reached the stage fails open: every paper
/// is kept and the summary says so.
class AuthorHIndexFilter final
{
public:
    explicit AuthorHIndexFilter(HIndexFilterSettings settings, const std::atomic_bool *cancel = nullptr);

    [[nodiscard]] Result<HIndexFilterOutcome> apply(PaperStore &store, const QList<Paper> &papers,
        const QString &model, const QString &promptHash, const QDateTime &now = Clock::system().nowUtc());

    /// The form author names are cached under: accents dropped, lower case, spaces simplified.
    [[nodiscard]] static QString cacheKey(const QString &name);

private:
    HIndexFilterSettings m_settings;
    const std::atomic_bool *m_cancel;
};

} // namespace Lectern
