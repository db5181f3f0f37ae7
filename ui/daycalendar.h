// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/daysummary.h"

#include <QCalendarWidget>
#include <QHash>

namespace Lectern {

/// The month at a glance above the day list: each stored day shows its paper count in its cell, a
/// partial day is marked in orange, a day arXiv announced nothing in grey; clicking a stored day shows it.
class DayCalendar final : public QCalendarWidget
{
    Q_OBJECT
public:
    enum class Mark { None, Papers, Partial, NoAnnouncement };

    explicit DayCalendar(QWidget *parent = nullptr);

    void setDays(const QList<DaySummary> &days);
    /// Selects @p day (and turns to its month) without emitting daySelected().
    void showDay(const QDate &day);

    [[nodiscard]] Mark markFor(const QDate &day) const;
    /// The text drawn in the cell under the day number ("12", "12 !", "–"); empty for days not stored.
    [[nodiscard]] QString cellNote(const QDate &day) const;
    /// "November 2026: 12 days, 840 papers, 1 partial": the shown month's totals (also the tooltip of
    /// the month header).
    [[nodiscard]] QString monthSummary() const;

Q_SIGNALS:
    /// The user picked a stored day.
    void daySelected(const QDate &day);
    /// The user picked a day with no stored papers: the highlight stays on the shown day.
    void emptyDayPicked(const QDate &day);

protected:
    void paintCell(QPainter *painter, const QRect &rect, QDate date) const override;

private:
    void applyFormats();
    void updateMonthSummary();

    QHash<QDate, DaySummary> m_days;
    QList<QDate> m_formatted;
    bool m_programmatic = false;
    QDate m_shown; ///< the day the window shows
};

} // namespace Lectern
