// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Lectern {

/// What the window shows when the store has no papers yet: one clear call to action.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    /// What Lectern does: the message of a fresh start, and while a job runs (an earlier failure is over).
    void showIntroduction();
    void setMessage(const QString &message);
    [[nodiscard]] QPushButton *fetchButton() const { return m_fetch; }

Q_SIGNALS:
    void fetchRequested();

private:
    QLabel *m_message;
    QPushButton *m_fetch;
};

} // namespace Lectern
