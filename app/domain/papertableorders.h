// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"

#include <QList>
#include <QMetaType>

#include <vector>

namespace Lectern {

/// Each row's place in arXiv id, title, first-author, category, announce-type and tag order (ties by
/// arXiv id, so every place is unique): sorting the table then compares two ints from one small array
/// instead of two strings scattered over the heap. Making them converts and compares every title and
/// author list: "All days" makes them on its loading thread, beside the rows, so that the first sort by
/// any column does not freeze the window; a day's few hundred rows make them when first sorted.
struct PaperTableOrders
{
    /// The short text columns whose rows share few distinct values.
    enum class Value { PrimaryCategory, AnnounceType, Tags };

    std::vector<int> id;
    std::vector<int> title;
    std::vector<int> authors;
    std::vector<int> category;
    std::vector<int> announceType;
    std::vector<int> tags;

    [[nodiscard]] static std::vector<int> idRanks(const QList<PaperRecord> &records);
    /// Title (or, with @p authors, short author list) ranks; @p idRanks breaks the ties.
    [[nodiscard]] static std::vector<int> textRanks(
        const QList<PaperRecord> &records, const std::vector<int> &idRanks, bool authors);
    /// Ranks by @p value (compared as strings, as the table's sort role gives them); @p idRanks breaks the
    /// ties.
    [[nodiscard]] static std::vector<int> valueRanks(
        const QList<PaperRecord> &records, const std::vector<int> &idRanks, Value value);
    /// The text @p value of @p record that its rank orders.
    [[nodiscard]] static QString valueOf(const PaperRecord &record, Value value);
    [[nodiscard]] static PaperTableOrders of(const QList<PaperRecord> &records);
};

/// The rows of the "All days" table as the loader hands them over: the lean records, their orders and
/// the categories they hold (sorted, each once), for the category filter.
struct PaperTableRows
{
    QList<PaperRecord> records;
    PaperTableOrders orders;
    QStringList categories;
    qsizetype read = 0; ///< rows read from the store for these (fewer when only some days were read again)

    /// The categories of @p records, sorted, each once.
    [[nodiscard]] static QStringList categoriesOf(const QList<PaperRecord> &records);
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::PaperTableRows)
