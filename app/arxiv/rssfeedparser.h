// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "util/result.h"

#include <QByteArray>
#include <QDate>
#include <QList>

namespace Lectern {

/// One arXiv RSS 2.0 feed (https://rss.arxiv.org/rss/<category>) as parsed.
struct RssFeed
{
    QString title;
    QDate announced; ///< the feed's day: channel pubDate, in arXiv's own time zone
    QDateTime lastBuild;
    QList<Paper> items; ///< every item, all announce types, with announced = the feed's day
    bool isErrorFeed = false; ///< arXiv's "Feed error for query" channel (bad category)
    QString errorMessage;

    [[nodiscard]] bool isEmpty() const { return items.isEmpty(); } ///< weekends and holidays
};

/// Parses arXiv's RSS with QXmlStreamReader: id and version from the description (or guid), title,
/// authors (one comma-joined dc:creator, split at top-level commas only, since affiliations in
/// parentheses may hold commas), abstract without its "arXiv:… Announce Type: … Abstract:" prefix,
/// categories (primary first), announce type, DOI and journal reference.
class RssFeedParser final
{
public:
    [[nodiscard]] static Result<RssFeed> parse(const QByteArray &xml);
    /// "A, B (X, Y), C" -> {"A", "B (X, Y)", "C"}.
    [[nodiscard]] static QStringList splitAuthors(const QString &creator);
};

} // namespace Lectern
