// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogkeyboardreturn.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace Lectern {

DialogKeyboardReturn::DialogKeyboardReturn(QWidget *window, std::function<void()> giveKeyboard)
    : QObject(window)
    , m_window(window)
    , m_giveKeyboard(std::move(giveKeyboard))
{
    // On the application: the window's dialogs are windows of their own, and some are made by helpers
    // (the export controller, the prompt editor) rather than by the window.
    qApp->installEventFilter(this);
}

DialogKeyboardReturn::~DialogKeyboardReturn()
{
    qApp->removeEventFilter(this);
}

bool DialogKeyboardReturn::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Hide || !watched->isWidgetType())
        return false;
    auto *dialog = qobject_cast<QDialog *>(watched);
    // Only the window's own dialogs: one opened from a dialog (a question, a file chooser) hands back to
    // that dialog, which Qt does by itself since the dialog is still shown.
    if (!dialog || !dialog->isWindow() || !dialog->parentWidget() || !m_window ||
        dialog->parentWidget()->window() != m_window)
        return false;
    if (!m_pending) {
        m_pending = true;
        // After the dialog's exec() has returned and Qt has done its own focus handling.
        QTimer::singleShot(0, this, &DialogKeyboardReturn::giveBack);
    }
    return false;
}

void DialogKeyboardReturn::giveBack()
{
    m_pending = false;
    if (!m_window || !m_window->isVisible() || QApplication::activeModalWidget() ||
        QApplication::activePopupWidget())
        return;
    m_window->activateWindow();
    m_giveKeyboard();
}

} // namespace Lectern
