// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"
#include "scoring/pricetable.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lectern {

class PaperStore;
class Settings;

/// What the user narrows a digest to: the digest view's filters and the export's selection options.
///
/// - relevantOnly (default): the digest's own papers (DigestBuilder::select with the thresholds: author
///   matches and relevant papers, new and cross-listed). Off: every paper listed that day, replacements
///   included, in the digest's order, unscored papers last (by arXiv id).
/// - starredOnly / tag keep the papers the user starred / tagged so.
/// - minRelevance / minNovelty (0: no minimum) drop scored papers under them and unscored papers; author
///   matches are kept, since the digest lists them for who wrote them, not for their score.
struct DigestFilter
{
    bool relevantOnly = true;
    bool starredOnly = false;
    QString tag;
    int minRelevance = 0;
    int minNovelty = 0;

    /// True when nothing beyond the digest itself is asked for.
    [[nodiscard]] bool isDefault() const
    {
        return relevantOnly && !starredOnly && tag.isEmpty() && minRelevance <= 0 && minNovelty <= 0;
    }
    /// Whether @p entry passes starredOnly, tag and the minimum scores (relevantOnly is applied when
    /// the day is loaded).
    [[nodiscard]] bool accepts(const DigestEntry &entry) const;
    /// A short description for titles and logs: "starred, tag “x”, relevance ≥ 9"; empty when default.
    [[nodiscard]] QString describe() const;
    bool operator==(const DigestFilter &) const = default;
};

/// How digests are built from the store: thresholds and followed authors, as the settings say.
struct DigestSettings
{
    int minRelevance = 8;
    int minNovelty = 7;
    QStringList followedAuthors;
    /// Prices to split the day's cost into its prompt and completion parts in the cost table; without
    /// them (or for a model the table does not know) the two cells print "-".
    std::optional<PriceTable> prices;

    /// Thresholds and followed authors from @p settings; prices from prices.json beside the settings file
    /// (the scoring price table), or the defaults when there is none.
    [[nodiscard]] static DigestSettings fromSettings(const Settings &settings);
};

/// Loads digests of stored days, narrowed by a DigestFilter. The run's totals are kept as stored; the
/// digest's relevant count is its number of entries after filtering.
class DigestLoader final
{
public:
    DigestLoader() = delete;

    /// The digest of @p day (a day without a run gets a DayRun with only its date).
    [[nodiscard]] static Result<Digest> day(
        PaperStore &store, const QDate &day, const DigestSettings &settings, const DigestFilter &filter = {});

    /// The digests of the stored days from @p from to @p to (inclusive), oldest first. With the default
    /// filter every stored day of the range is listed, even one with no relevant paper; with any other
    /// filter only the days where something matches.
    [[nodiscard]] static Result<QList<Digest>> range(PaperStore &store, const QDate &from, const QDate &to,
        const DigestSettings &settings, const DigestFilter &filter = {});

    /// Narrows a built digest by @p filter's starredOnly, tag and minimum scores; keeps the order.
    static void narrow(Digest &digest, const DigestFilter &filter);
};

} // namespace Lectern
