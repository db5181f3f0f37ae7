// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>

namespace Lectern {

class PaperStore;
struct DigestSettings;

/// One month at a glance: each stored day's totals, cost and best papers, with links to the days.
struct MonthlyOverview
{
    struct Day
    {
        QDate date;
        DayRun run; ///< as stored (only the date when the day has no run)
        int relevant = 0; ///< papers in the day's digest
        QList<DigestEntry> top; ///< up to three scored papers, by relevance + novelty
    };

    /// How a day is linked: Markdown/HTML exports link "digest-YYYY-MM-DD.md/.html" beside the overview
    /// (the names `lectern export --date D -o digest-D.md` would write); the digest view links
    /// "lectern:day?date=…".
    using DayLink = std::function<QString(const QDate &)>;

    int year = 0;
    int month = 0;
    QList<Day> days; ///< oldest first

    [[nodiscard]] QString name() const { return QDate(year, month, 1).toString(QStringLiteral("yyyy-MM")); }
    [[nodiscard]] int totalArxiv() const;
    [[nodiscard]] int totalScanned() const;
    [[nodiscard]] int totalRelevant() const;
    [[nodiscard]] double totalCost() const;

    /// From the day's digests (as DigestLoader builds them); days outside the month are ignored. The top
    /// papers skip author matches, which the digest lists for who wrote them rather than for their score.
    [[nodiscard]] static MonthlyOverview fromDigests(int year, int month, const QList<Digest> &digests);
    [[nodiscard]] static Result<MonthlyOverview> fromStore(
        PaperStore &store, int year, int month, const DigestSettings &settings);

    [[nodiscard]] static DayLink fileLink(const QString &extension);
    /// The anchor of day @p date's @p number-th top paper in html(): "topN-YYYY-MM-DD". Its day's heading
    /// has DigestHtml::dayAnchor().
    [[nodiscard]] static QString topAnchor(const QDate &date, int number);

    /// GitHub Markdown: heading, month totals, a table of the days, then each day with its top papers.
    [[nodiscard]] QString markdown(const DayLink &dayLink = fileLink(QStringLiteral("md"))) const;
    /// The same as a self-contained HTML page (see DigestHtml).
    [[nodiscard]] QString html(
        const DayLink &dayLink = fileLink(QStringLiteral("html")), const QString &author = {}) const;
};

} // namespace Lectern
