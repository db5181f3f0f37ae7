// SPDX-License-Identifier: GPL-3.0-or-later
#include "daylistmodel.h"

#include "plaintooltip.h"
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

void DayListModel::updateCounts(const QList<DaySummary> &counted)
{
    for (const DaySummary &d : counted) {
        const int row = rowOf(d.date);
        if (row < 0 || !d.counted)
            continue;
        m_days[row] = d;
        Q_EMIT dataChanged(index(row), index(row));
    }
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

QString DayListModel::scoringStatus(const DaySummary &d)
{
    // Every stage that decided a paper is named: "scored" alone would hide the papers filters dropped.
    const int notYet = d.papers - d.scored - d.authorMatches - d.titleDropped - d.belowHIndex - d.failed;
    QStringList parts;
    const auto add = [&parts](int n, const QString &text) {
        if (n > 0)
            parts << text;
    };
    add(d.scored, tr("%n scored", nullptr, d.scored));
    add(d.authorMatches, tr("%n by followed authors", nullptr, d.authorMatches));
    add(d.titleDropped, tr("%n dropped by the title pre-filter", nullptr, d.titleDropped));
    add(d.belowHIndex, tr("%n below the h-index threshold", nullptr, d.belowHIndex));
    add(d.failed, tr("%n failed (no usable score)", nullptr, d.failed));
    add(notYet, tr("%n not scored yet", nullptr, notYet));
    const QString papers = tr("%n paper(s)", nullptr, d.papers);
    return parts.isEmpty() ? papers : tr("%1: %2").arg(papers, parts.join(tr(", ")));
}

QVariant DayListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DaySummary &d = m_days.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = QLocale().toString(d.date, QStringLiteral("ddd d MMM yyyy"));
        if (d.counted)
            text += QStringLiteral("  ·  ") + tr("%n paper(s)", nullptr, d.papers);
        if (!d.complete)
            text += QStringLiteral("  ·  ") + tr("partial");
        return text;
    }
    case Qt::ToolTipRole:
        if (!d.complete)
            return PlainToolTip::of(tr("This day's fetch looked incomplete; a back-fill can complete it."));
        return PlainToolTip::of(d.counted ? scoringStatus(d) : tr("Counting this day's papers…"));
    case DateRole:
    case SortRole:
        return d.date;
    default:
        return {};
    }
}

} // namespace Lectern
