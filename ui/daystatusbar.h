// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QFrame>

class QLabel;
class QPushButton;

namespace Lectern {

/// An inline bar above the papers saying that the shown day looks partial (a feed failed, was stale or
/// carried another date) and offering to back-fill it, instead of letting it pass for a quiet day.
class DayStatusBar final : public QFrame
{
    Q_OBJECT
public:
    explicit DayStatusBar(QWidget *parent = nullptr);

    /// Shows the bar for a partial day with @p why, the day's stored status note (DayStatusNote); hides
    /// it when @p complete.
    void showDay(const QDate &day, bool complete, const QString &why);
    [[nodiscard]] QPushButton *backfillButton() const { return m_backfill; }

Q_SIGNALS:
    void backfillRequested(const QDate &day);

private:
    QDate m_day;
    QLabel *m_text;
    QPushButton *m_backfill;
};

} // namespace Lectern
