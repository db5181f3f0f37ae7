// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "net/httpclient.h"

#include <QDate>
#include <QStringList>
#include <QUrl>

namespace Lectern {

class Settings;

struct FetchRequest
{
    QString databasePath;
    QStringList categories;
    QStringList keepTypes; ///< announce types kept for scoring (the "scanned" papers)
    QUrl rssBase;
    QDate expectedDate; ///< the announcement day wanted; a feed dated otherwise marks the day partial
    HttpOptions http;

    /// Reads categories, announce types, endpoint, contact and politeness interval from @p settings.
    [[nodiscard]] static FetchRequest fromSettings(const Settings &settings, const QString &databasePath);
    /// Today's date in arXiv's time zone (US Eastern), which names the day's feed.
    [[nodiscard]] static QDate arxivToday(const Clock &clock = Clock::system());
};

struct FetchSummary
{
    QDate day;
    int feeds = 0;
    int feedsFailed = 0;
    int feedsNotModified = 0;
    int totalArxiv = 0; ///< all items of all requested feeds
    int totalScanned = 0; ///< items kept by the announce-type filter, counted per feed
    int newPapers = 0;
    int updatedPapers = 0;
    bool noAnnouncement = false; ///< every feed answered with an empty channel (weekend, holiday)
    bool complete = true;
    QStringList problems; ///< why the day is partial
    QStringList warnings;

    [[nodiscard]] QString describe() const;
};

/// Fetches the day's RSS feed of each category, one request at a time through the arXiv gate, stores
/// each feed's papers in one transaction (a kill leaves the database consistent), and records the day's
/// totals and whether it looks complete.
class FetchJob final : public Job
{
    Q_OBJECT
public:
    explicit FetchJob(FetchRequest request, QObject *parent = nullptr);

protected:
    Result<QString> run() override;

private:
    FetchRequest m_request;
    FetchSummary m_summary;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::FetchSummary)
