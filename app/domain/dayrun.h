// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lectern {

/// One announcement day as Lectern obtained and scored it. The totals follow the reference digest:
/// arXiv = every item of every requested feed, scanned = items kept by the announce-type filter
/// (counted per feed), relevant = papers in the digest.
struct DayRun
{
    QDate date;
    QStringList categories;
    int totalArxiv = 0;
    int totalScanned = 0;
    int totalRelevant = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double cost = 0.0;
    QString model;
    QString promptText; ///< the prompt used that day, for the digest appendix
    QString source; ///< how the day was obtained: rss, oai, api, manual
    bool complete = true; ///< false when a feed failed, was stale or carried another date
    QString statusNote; ///< why the day is not complete
    QDateTime updatedAt;
};

} // namespace Lectern
