// SPDX-License-Identifier: GPL-3.0-or-later
#include "daynavigator.h"

#include "daycalendar.h"
#include "models/daylistmodel.h"
#include "models/roles.h"

#include <QListView>

namespace Lectern {

DayNavigator::DayNavigator(QWidget *parent)
    : QSplitter(Qt::Vertical, parent)
    , m_days(new DayListModel(this))
    , m_calendar(new DayCalendar(this))
    , m_list(new QListView(this))
{
    setObjectName(QStringLiteral("dayNavigator"));
    m_list->setObjectName(QStringLiteral("dayList"));
    m_list->setAccessibleName(tr("Stored days"));
    m_list->setModel(m_days);
    addWidget(m_calendar);
    addWidget(m_list);
    setStretchFactor(1, 1);
    connect(m_calendar, &DayCalendar::daySelected, this, &DayNavigator::daySelected);
    connect(m_calendar, &DayCalendar::emptyDayPicked, this, &DayNavigator::emptyDayPicked);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT daySelected(current.data(DateRole).toDate());
        });
}

void DayNavigator::setDays(const QList<DaySummary> &days)
{
    QList<DaySummary> shown = days;
    for (DaySummary &d : shown) {
        const int row = m_days->rowOf(d.date);
        if (d.counted || row < 0 || !m_days->days().at(row).counted)
            continue;
        const DaySummary &before = m_days->days().at(row);
        d.papers = before.papers;
        d.scored = before.scored;
        d.authorMatches = before.authorMatches;
        d.titleDropped = before.titleDropped;
        d.belowHIndex = before.belowHIndex;
        d.failed = before.failed;
        d.counted = true;
    }
    m_days->setDays(shown);
    m_calendar->setDays(shown);
}

void DayNavigator::updateCounts(const QList<DaySummary> &days)
{
    m_days->updateCounts(days);
    m_calendar->setDays(m_days->days());
}

void DayNavigator::showDay(const QDate &day)
{
    const int row = m_days->rowOf(day);
    if (row >= 0 && m_list->currentIndex().row() != row)
        m_list->setCurrentIndex(m_days->index(row));
    m_calendar->showDay(day);
}

const QList<DaySummary> &DayNavigator::days() const
{
    return m_days->days();
}

bool DayNavigator::contains(const QDate &day) const
{
    return m_days->rowOf(day) >= 0;
}

bool DayNavigator::isComplete(const QDate &day) const
{
    const int row = m_days->rowOf(day);
    return row < 0 || days().at(row).complete;
}

QDate DayNavigator::previousDay(const QDate &day) const
{
    const int row = m_days->rowOf(day); // newest first: the previous day is the next row
    return row >= 0 && row + 1 < m_days->rowCount() ? days().at(row + 1).date : QDate();
}

QDate DayNavigator::nextDay(const QDate &day) const
{
    const int row = m_days->rowOf(day);
    return row > 0 ? days().at(row - 1).date : QDate();
}

} // namespace Lectern
