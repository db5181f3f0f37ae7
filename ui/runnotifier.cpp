// SPDX-License-Identifier: GPL-3.0-or-later
#include "runnotifier.h"

#include <QSystemTrayIcon>
#include <QWidget>

namespace Lectern {

RunNotifier::RunNotifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("runNotifier"));
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(window->windowIcon(), this);
    m_tray->setToolTip(tr("Lectern"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        if (!m_window)
            return;
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_tray->show();
}

bool RunNotifier::runEnded(bool ok, const QString &message)
{
    // Someone looking at the window reads the status bar; the message is for someone who is not.
    if (!m_enabled || (m_window && m_window->isActiveWindow()))
        return false;
    const QString title = ok ? tr("Lectern") : tr("Lectern: a run failed");
    m_lastMessage = message;
    if (m_tray)
        m_tray->showMessage(title, message, ok ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
    Q_EMIT messageShown(title, message, ok);
    return true;
}

} // namespace Lectern
