// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/scorecomparison.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace Lectern {

/// One row per paper of a ScoreComparison: the two runs' marks side by side and what moved.
/// Titles are shown as readable text (TeX converted). SortRole gives raw values (papers without marks sort
/// below every mark); ArxivIdRole the paper's id.
class ScoreComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TitleColumn,
        OldRelevanceColumn,
        OldNoveltyColumn,
        NewRelevanceColumn,
        NewNoveltyColumn,
        ChangeColumn, ///< "+1 / −2": relevance and novelty change; sorts by the size of the change
        StatusColumn,
        ColumnCount
    };
    /// What happened to a paper between the two runs. Entered and Left win over Changed.
    enum class Status {
        Entered, ///< relevant with the new run's marks, not with the old
        Left, ///< relevant with the old run's marks, not with the new
        Changed, ///< both runs gave marks, and they differ
        OneRun, ///< only one run gave marks, and the paper stayed on the same side of the bar
        Same, ///< both runs gave the same marks, or neither gave any
    };
    Q_ENUM(Status)
    static constexpr int StatusRole = Qt::UserRole + 100; ///< Status as int

    explicit ScoreComparisonModel(QObject *parent = nullptr);

    void setComparison(const ScoreComparison &comparison);
    void clear();
    [[nodiscard]] const ScoreComparison &comparison() const { return m_comparison; }
    [[nodiscard]] Status statusAt(int row) const;
    /// How many rows have @p status.
    [[nodiscard]] int count(Status status) const;
    /// The row of @p arxivId, or -1.
    [[nodiscard]] int rowOf(const QString &arxivId) const;
    [[nodiscard]] static QString statusText(Status status);
    /// Entered, left or changed.
    [[nodiscard]] static bool moved(Status status);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ScoreComparison m_comparison;
    QList<Status> m_status; ///< per row of m_comparison.papers
    QStringList m_titles; ///< readable (TeX converted), per row
};

/// Sorts a ScoreComparisonModel by SortRole and can hide the papers that did not move.
class ScoreComparisonProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ScoreComparisonProxy(QObject *parent = nullptr);

    /// Shows only the papers that entered, left or changed marks.
    void setOnlyMoved(bool on);
    [[nodiscard]] bool onlyMoved() const { return m_onlyMoved; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_onlyMoved = false;
};

} // namespace Lectern
