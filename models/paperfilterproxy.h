// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace Lectern {

/// Sorts the paper table on raw values (SortRole, ties by arXiv id so the order is deterministic) and
/// applies the triage filters. Filters combine.
class PaperFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PaperFilterProxy(QObject *parent = nullptr);

    void setMinimumRelevance(int value); ///< 0: off
    void setMinimumNovelty(int value); ///< 0: off
    void setStarredOnly(bool on);
    void setUnreadOnly(bool on);
    void setHideDismissed(bool on);
    /// Only papers with this tag; empty: any.
    void setTag(const QString &tag);
    /// Only papers with an author whose readable name contains @p author, ignoring case and accents
    /// ("Richtarik" finds Richt\'arik); empty: any.
    void setAuthor(const QString &author);
    /// Only papers listed in this category (any of their categories); empty: any.
    void setCategory(const QString &category);
    /// Only the papers of these store rows (PaperRecord::rowId, from a full-text search); std::nullopt: no
    /// search.
    void setRowFilter(std::optional<QSet<qint64>> rows);

    void setSourceModel(QAbstractItemModel *model) override;

    /// Keeps @p arxivId listed whatever its own state (starred, read, dismissed, tags) says, until another
    /// paper is pinned: a paper the user just marked read or dismissed stays where it is until they move
    /// on, instead of vanishing under them and handing the selection to the next paper. Search, scores and
    /// category still apply. Empty: no pin. A filter the user changes drops the pin.
    void setPinned(const QString &arxivId);
    [[nodiscard]] QString pinned() const { return m_pinned; }

    /// Until resumeSorting(), source rows changed, inserted or removed are passed on without being sorted
    /// or filtered again one signal at a time: each could re-sort and move rows in a 100k-row table.
    void holdSorting();
    /// Sorts every row once and filters again the rows whose acceptance changed meanwhile.
    void resumeSorting();
    /// Whether any filter (not the pin) may hide a row.
    [[nodiscard]] bool filtersRows() const;
    /// Whether the filters would list @p record at @p sourceRow (its authors as the row's, folded).
    [[nodiscard]] bool wouldAccept(const struct PaperRecord &record, int sourceRow) const
    {
        return accepts(record, sourceRow);
    }

Q_SIGNALS:
    /// Around every re-filtering the proxy does on its own (a filter or the pin changed): rows that leave
    /// meanwhile move the selection without the user asking for it.
    void refilterStarted();
    void refilterFinished();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool accepts(const struct PaperRecord &record, int sourceRow) const;
    bool acceptsState(const struct PaperRecord &record) const;

    /// Re-filters after a change of the user's filters (the pin is dropped first).
    void refilter();

    /// The source as a PaperTableModel (its fast comparison), or null; looked up once, not per comparison.
    const class PaperTableModel *m_papers = nullptr;

    int m_minRelevance = 0;
    int m_minNovelty = 0;
    bool m_starredOnly = false;
    bool m_unreadOnly = false;
    bool m_hideDismissed = false;
    QString m_tag;
    QString m_author; ///< folded (SearchFold)
    QString m_category;
    std::optional<QSet<qint64>> m_rows;
    QString m_pinned;
};

} // namespace Lectern
