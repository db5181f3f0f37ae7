// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"

#include <QList>
#include <QMetaType>

#include <optional>
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
    /// The orders of rows held elsewhere (a re-read's rows as they will be after its changes), in this order.
    [[nodiscard]] static PaperTableOrders of(const std::vector<const PaperRecord *> &rows);
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
    [[nodiscard]] static QStringList categoriesOf(const std::vector<const PaperRecord *> &rows);
};

/// What a re-read of "All days" found changed in the rows shown (PaperTableModel::applyChanges puts it in
/// place): rows changed, added and gone, each by its place among the shown rows, so that neither the
/// reader nor the window holds a second set of every row.
struct PaperRowChanges
{
    /// Rows that replace the shown row at the same place in changedAt (ascending; the same row id).
    QList<PaperRecord> changed;
    QList<int> changedAt;
    /// New rows, each to go before the shown row at its addedAt (ascending; the shown count: at the end,
    /// where RecordsLoadJob puts them all).
    QList<PaperRecord> added;
    QList<int> addedAt;
    /// Shown rows gone (ascending), with their row ids, checked before they are removed.
    QList<int> removed;
    QList<qint64> removedRowIds;
    /// The orders and categories of the rows after the changes, when rows came or went or a sort's text
    /// changed; otherwise the shown ones hold.
    std::optional<PaperTableOrders> orders;
    std::optional<QStringList> categories;
    qsizetype shownRows = 0; ///< how many rows were shown when the re-read began
    qsizetype read = 0; ///< rows read from the store to find them

    [[nodiscard]] bool isEmpty() const { return changed.isEmpty() && added.isEmpty() && removed.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return changed.size() + added.size() + removed.size(); }
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::PaperTableRows)
Q_DECLARE_METATYPE(Lectern::PaperRowChanges)
