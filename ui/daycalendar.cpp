// SPDX-License-Identifier: GPL-3.0-or-later
#include "daycalendar.h"

#include <QLocale>
#include <QPainter>
#include <QTextCharFormat>
#include <QToolButton>

namespace Lectern {

DayCalendar::DayCalendar(QWidget *parent)
    : QCalendarWidget(parent)
{
    setObjectName(QStringLiteral("dayCalendar"));
    setAccessibleName(tr("Calendar of stored days"));
    if (auto *grid = findChild<QWidget *>(QStringLiteral("qt_calendar_calendarview")))
        grid->setAccessibleName(tr("Days of the month"));
    setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    setGridVisible(false);
    setFirstDayOfWeek(Qt::Monday);
    // Room under each day number for its paper count.
    setMinimumHeight(fontMetrics().height() * 16);
    connect(this, &QCalendarWidget::selectionChanged, this, [this] {
        if (m_programmatic)
            return;
        const QDate day = selectedDate();
        if (markFor(day) != Mark::None) {
            Q_EMIT daySelected(day);
            return;
        }
        // Nothing stored that day: the calendar must not highlight a day the table does not show.
        if (m_shown.isValid())
            showDay(m_shown);
        Q_EMIT emptyDayPicked(day);
    });
    // Clicking the day already selected (after a look at the list) shows it again.
    connect(this, &QCalendarWidget::clicked, this, [this](QDate day) {
        if (markFor(day) != Mark::None)
            Q_EMIT daySelected(day);
    });
    connect(this, &QCalendarWidget::currentPageChanged, this, &DayCalendar::updateMonthSummary);
}

void DayCalendar::setDays(const QList<DaySummary> &days)
{
    m_days.clear();
    for (const DaySummary &d : days)
        m_days.insert(d.date, d);
    applyFormats();
    updateMonthSummary();
    updateCells();
}

void DayCalendar::showDay(const QDate &day)
{
    m_programmatic = true;
    m_shown = day;
    setSelectedDate(day);
    m_programmatic = false;
}

DayCalendar::Mark DayCalendar::markFor(const QDate &day) const
{
    const auto it = m_days.constFind(day);
    if (it == m_days.cend())
        return Mark::None;
    if (!it->complete)
        return Mark::Partial;
    if (it->counted && it->hasRun && it->papers == 0)
        return Mark::NoAnnouncement;
    return Mark::Papers;
}

QString DayCalendar::cellNote(const QDate &day) const
{
    switch (markFor(day)) {
    case Mark::None:
        return {};
    case Mark::NoAnnouncement:
        return QStringLiteral("–");
    case Mark::Partial:
        return m_days.value(day).counted ? QString::number(m_days.value(day).papers) + QStringLiteral(" !")
                                         : QStringLiteral("!");
    case Mark::Papers:
        return m_days.value(day).counted ? QString::number(m_days.value(day).papers) : QString();
    }
    return {};
}

QString DayCalendar::monthSummary() const
{
    int days = 0, papers = 0, partial = 0;
    bool counted = true;
    for (const DaySummary &d : m_days) {
        if (d.date.year() != yearShown() || d.date.month() != monthShown())
            continue;
        ++days;
        papers += d.papers;
        partial += d.complete ? 0 : 1;
        counted = counted && d.counted;
    }
    const QString month =
        QLocale().toString(QDate(yearShown(), monthShown(), 1), QStringLiteral("MMMM yyyy"));
    // Until the counts are read, no sum that would be too small.
    QString text = counted
        ? tr("%1: %2, %3").arg(month, tr("%n day(s)", nullptr, days), tr("%n paper(s)", nullptr, papers))
        : tr("%1: %2").arg(month, tr("%n day(s)", nullptr, days));
    if (partial > 0)
        text += tr(", %n partial", nullptr, partial);
    return text;
}

void DayCalendar::applyFormats()
{
    // Formats are per date: clear the ones of the previous list first.
    for (const QDate &d : std::as_const(m_formatted))
        setDateTextFormat(d, QTextCharFormat());
    m_formatted.clear();
    for (const DaySummary &d : std::as_const(m_days)) {
        QTextCharFormat f;
        f.setFontWeight(QFont::Bold);
        switch (markFor(d.date)) {
        case Mark::Partial:
            f.setForeground(QColor(0xc0, 0x5a, 0x00));
            f.setToolTip(d.counted ? tr("%n paper(s); the fetch looked incomplete", nullptr, d.papers)
                                   : tr("The fetch looked incomplete"));
            break;
        case Mark::NoAnnouncement:
            f.setFontWeight(QFont::Normal);
            f.setFontItalic(true);
            f.setForeground(Qt::gray);
            f.setToolTip(tr("No announcement (weekend or arXiv holiday)"));
            break;
        default:
            f.setToolTip(d.counted ? tr("%n paper(s), %1 scored", nullptr, d.papers).arg(d.scored)
                                   : tr("Counting this day's papers…"));
            break;
        }
        setDateTextFormat(d.date, f);
        m_formatted << d.date;
    }
}

void DayCalendar::updateMonthSummary()
{
    // The month header's buttons carry the totals as a tooltip: the month at a glance, on demand.
    const QString summary = monthSummary();
    setToolTip(summary);
    for (QToolButton *b : findChildren<QToolButton *>())
        b->setToolTip(summary);
}

void DayCalendar::paintCell(QPainter *painter, const QRect &rect, QDate date) const
{
    const QString note = cellNote(date);
    if (note.isEmpty()) {
        QCalendarWidget::paintCell(painter, rect, date);
        return;
    }
    // A stored day: its number in the upper part of the cell, its count under it.
    const Mark mark = markFor(date);
    const bool selected = date == selectedDate();
    const QColor accent = mark == Mark::Partial ? QColor(0xc0, 0x5a, 0x00)
        : mark == Mark::NoAnnouncement          ? QColor(Qt::gray)
                                                : palette().color(QPalette::Text);
    painter->save();
    painter->fillRect(
        rect, selected ? palette().color(QPalette::Highlight) : palette().color(QPalette::Base));
    const QColor ink = selected ? palette().color(QPalette::HighlightedText) : accent;
    QFont font = painter->font();
    font.setBold(mark != Mark::NoAnnouncement);
    font.setItalic(mark == Mark::NoAnnouncement);
    painter->setFont(font);
    painter->setPen(ink);
    const int split = rect.top() + rect.height() * 3 / 5;
    painter->drawText(QRect(rect.left(), rect.top(), rect.width(), split - rect.top()),
        Qt::AlignHCenter | Qt::AlignBottom, QString::number(date.day()));
    QFont small = font;
    small.setBold(false);
    small.setItalic(false);
    if (small.pointSizeF() > 0)
        small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.75));
    painter->setFont(small);
    painter->drawText(QRect(rect.left(), split, rect.width(), rect.bottom() - split),
        Qt::AlignHCenter | Qt::AlignTop, note);
    painter->restore();
}

} // namespace Lectern
