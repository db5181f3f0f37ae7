// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"
#include "domain/papertableorders.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <vector>

namespace Lectern {

/// The papers of one day (or of a search), one row each. Holds plain records loaded from the store;
/// the view's proxy sorts and filters.
class PaperTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PaperTableModel(QObject *parent = nullptr);

    /// @p orders, when made beforehand for these records (the "All days" loader makes them on its thread),
    /// spare the first text sort the work of making them.
    void setRecords(QList<PaperRecord> records, PaperTableOrders orders = {});
    [[nodiscard]] const QList<PaperRecord> &records() const { return m_records; }
    [[nodiscard]] const PaperRecord *recordAt(int row) const;
    [[nodiscard]] int rowOf(const QString &arxivId) const;
    /// The row's authors, readable and folded (SearchFold): what the Author filter compares with.
    /// Folded on first use: loading 100k papers must not pay for a filter that may never be used.
    [[nodiscard]] const QString &foldedAuthorsAt(int row) const;
    /// The row's authors, readable, comma separated (made on demand for lean rows).
    [[nodiscard]] QString authorsFullAt(int row) const;
    /// Replaces one record in place (after a state change), keeping the row.
    void updateRecord(const PaperRecord &record);
    /// Puts a re-read's changes in place, as row updates (one dataChanged per run of adjacent rows), row
    /// removals and insertions, never a reset: the views keep their selection and scroll. False, with
    /// nothing changed, when @p changes were found beside other rows than these (the table changed since).
    /// A sorting proxy had best hold its sorting meanwhile (PaperFilterProxy::holdSorting): rows inserted
    /// one range at a time are placed by row number, and the orders come whole at the end.
    [[nodiscard]] bool applyChanges(PaperRowChanges changes);
    /// How many of @p changes' changed rows would sort elsewhere by @p column (its number or flag changed;
    /// a changed text comes with new orders, PaperRowChanges::orders).
    [[nodiscard]] qsizetype rowsMovedBy(const PaperRowChanges &changes, int column) const;

    /// Compares two rows on @p column the way SortRole orders them, without building QVariants (the proxy's
    /// hot path when sorting 100k rows). Ties are broken by arXiv id. Negative: a is less than b. Papers
    /// without marks are last in @p sortOrder, ascending or descending, on the score columns: the proxy turns
    /// "less" around when descending, so they count as greater when ascending and as less when descending.
    [[nodiscard]] int compareRows(
        int a, int b, int column, Qt::SortOrder sortOrder = Qt::AscendingOrder) const;

    /// Without the base class's rowCount()/columnCount() round trip: the proxy asks for two indexes per
    /// comparison when it sorts.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// Rows let go of in larger numbers are freed on a pooled thread, not the GUI thread.
    static constexpr qsizetype kReleasedElsewhereAbove = 20000;

    struct DisplayText
    {
        QString title; ///< TeX turned into readable Unicode
        QString authorsShort; ///< "First Author +N"
    };
    /// The row's display text, made on first use: loading 100k rows ("All days") must not convert every
    /// title and author list on the GUI thread when a screenful is shown.
    const DisplayText &displayAt(int row) const;

    /// The numbers the columns order by, packed so that a 100k-row sort stays in the cache (-1: unscored,
    /// below every real mark).
    struct SortKeys
    {
        qint8 starred = 0;
        qint8 relevance = -1;
        qint8 novelty = -1;
        qint8 total = -1;
        qint8 read = 0;
        qint8 note = 0;
    };
    static SortKeys sortKeysOf(const PaperRecord &record);

    /// Title (or author) ranks, ties by arXiv id: made on the first sort that needs them unless
    /// setRecords() was given them, dropped when that text changes.
    const std::vector<int> &textRanks(bool authors) const;
    /// Each row's place in arXiv id order: the tie-break of every column, as one int compare.
    const std::vector<int> &idRanks() const;
    /// Categories, type and tags: unique ranks by value, then arXiv id; made on the loading thread for
    /// "All days", on the first sort by that column otherwise (and after a change of that value).
    const std::vector<int> &valueRanks(int column) const;

    /// Replaces m_records[row] (its sort keys, display text and folded authors follow).
    void replaceRow(int row, PaperRecord record);

    QList<PaperRecord> m_records;
    mutable PaperTableOrders m_orders;
    /// Inside applyChanges(): the orders fit the rows only at its end, so comparisons meanwhile go by row.
    bool m_applying = false;
    std::vector<SortKeys> m_sortKeys;
    mutable std::vector<QString> m_foldedAuthors; ///< per row, authors folded (SearchFold); built on demand
    mutable QHash<QString, int> m_rowOfId; ///< arXiv id -> row; built on the first look-up
    mutable std::vector<DisplayText> m_display; ///< per row, valid where m_displayed says so
    mutable std::vector<bool> m_displayed;
};

} // namespace Lectern
