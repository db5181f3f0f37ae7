// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/daysummary.h"

#include <QDate>
#include <QSplitter>

class QListView;

namespace Lectern {

class DayCalendar;
class DayListModel;

/// The stored days, to pick one: the month calendar above, the list of days (newest first, with their
/// counts and completeness) below. Both follow the shown day; a click in either asks for a day.
class DayNavigator final : public QSplitter
{
    Q_OBJECT
public:
    explicit DayNavigator(QWidget *parent = nullptr);

    /// Days without counts (PaperStore::dayList) keep the counts shown before for the same date until
    /// updateCounts() brings the new ones: a list that blinks empty after every job would be noise.
    void setDays(const QList<DaySummary> &days);
    void updateCounts(const QList<DaySummary> &days);
    /// Highlights @p day in the list and the calendar without asking for it again.
    void showDay(const QDate &day);

    [[nodiscard]] const QList<DaySummary> &days() const;
    [[nodiscard]] bool contains(const QDate &day) const;
    /// Whether @p day is stored and complete (true for a day not in the list: nothing says otherwise).
    [[nodiscard]] bool isComplete(const QDate &day) const;
    /// The stored day before / after @p day; invalid at the ends.
    [[nodiscard]] QDate previousDay(const QDate &day) const;
    [[nodiscard]] QDate nextDay(const QDate &day) const;
    [[nodiscard]] DayCalendar *calendar() const { return m_calendar; }

Q_SIGNALS:
    void daySelected(const QDate &day);
    /// The user picked a day with nothing stored.
    void emptyDayPicked(const QDate &day);

private:
    DayListModel *m_days;
    DayCalendar *m_calendar;
    QListView *m_list;
};

} // namespace Lectern
