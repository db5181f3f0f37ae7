// SPDX-License-Identifier: GPL-3.0-or-later
#include "daylistmodel.h"

#include "roles.h"

#include <QLocale>

namespace Lectern {

DayListModel::DayListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void DayListModel::setDays(QList<DaySummary> days)
{
    beginResetModel();
    m_days = std::move(days);
    endResetModel();
}

int DayListModel::rowOf(const QDate &date) const
{
    for (int i = 0; i < m_days.size(); ++i) {
        if (m_days.at(i).date == date)
            return i;
    }
    return -1;
}

int DayListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_days.size());
}

QVariant DayListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DaySummary &d = m_days.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = QStringLiteral("%1  ·  %2")
                           .arg(QLocale().toString(d.date, QStringLiteral("ddd d MMM yyyy")),
                               tr("%n paper(s)", nullptr, d.papers));
        if (!d.complete)
            text += QStringLiteral("  ·  ") + tr("partial");
        return text;
    }
    case Qt::ToolTipRole:
        return d.complete ? tr("%1 of %2 papers scored").arg(d.scored).arg(d.papers)
                          : tr("This day's fetch looked incomplete; a back-fill can complete it.");
    case DateRole:
    case SortRole:
        return d.date;
    default:
        return {};
    }
}

} // namespace Lectern
