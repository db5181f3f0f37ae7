// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QMessageBox;
class QPushButton;
class QToolButton;

namespace Lectern {

/// An inline bar above the papers saying that a background job failed, with "Details…" (a non-modal
/// box with the whole message) and "Retry". It never blocks: the reading session goes on around it.
class JobErrorBar final : public QFrame
{
    Q_OBJECT
public:
    explicit JobErrorBar(QWidget *parent = nullptr);

    /// @p summary is the one line shown; @p details what "Details…" adds (the job, the time, the full
    /// message).
    void showError(const QString &summary, const QString &details);
    [[nodiscard]] QString message() const;
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton *detailsButton() const { return m_details; }
    /// The details box while it is open (tests).
    [[nodiscard]] QMessageBox *detailsBox() const;

Q_SIGNALS:
    void retryRequested();

private:
    void showDetails();

    QLabel *m_text;
    QPushButton *m_details;
    QPushButton *m_retry;
    QToolButton *m_close;
    QString m_summary;
    QString m_detailText;
    QPointer<QMessageBox> m_box;
};

} // namespace Lectern
