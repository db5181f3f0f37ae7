// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/daysummary.h"

#include <QAbstractListModel>

namespace Lectern {

/// Announcement days, newest first, with their paper counts and completeness.
class DayListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit DayListModel(QObject *parent = nullptr);

    void setDays(QList<DaySummary> days);
    /// The counts of the days listed (read after the list, in the background); days not listed are
    /// ignored.
    void updateCounts(const QList<DaySummary> &counted);
    [[nodiscard]] const QList<DaySummary> &days() const { return m_days; }
    [[nodiscard]] int rowOf(const QDate &date) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// "120 papers: 80 scored, 30 dropped by the title pre-filter, …" (the day's tooltip).
    [[nodiscard]] static QString scoringStatus(const DaySummary &day);

private:
    QList<DaySummary> m_days;
};

} // namespace Lectern
