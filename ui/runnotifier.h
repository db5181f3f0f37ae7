// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace Lectern {

/// Tells the user that a background run ended while they were in another window: a tray message where
/// the desktop has a system tray; always the messageShown() signal and lastMessage(), which is what the
/// tests observe (offscreen runs have no tray).
class RunNotifier final : public QObject
{
    Q_OBJECT
public:
    /// @p window is raised when the tray icon is clicked, and its being active suppresses messages.
    explicit RunNotifier(QWidget *window);

    /// The ui/notify setting.
    void setEnabled(bool on) { m_enabled = on; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    [[nodiscard]] bool hasTray() const { return m_tray != nullptr; }
    [[nodiscard]] QString lastMessage() const { return m_lastMessage; }

    /// A run (or a job on its own) ended: notify when enabled and the window is not the active one.
    /// Returns whether a message was given.
    bool runEnded(bool ok, const QString &message);

Q_SIGNALS:
    void messageShown(const QString &title, const QString &message, bool ok);

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_enabled = true;
    QString m_lastMessage;
};

} // namespace Lectern
