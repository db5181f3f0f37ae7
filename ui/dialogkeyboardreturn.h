// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace Lectern {

/// Gives the keyboard back to the papers when a dialog of the window closes (Settings, the prompt editor,
/// Export, About, the first-run assistant…). A desktop's window manager re-activates the window under a
/// closed dialog; without one (a bare X display, Xvfb, some kiosk setups) no window is active afterwards
/// and j, k or Space go nowhere until a click. So the window is activated here, whatever the platform does,
/// and @p giveKeyboard puts the focus where the triage keys work.
class DialogKeyboardReturn final : public QObject
{
    Q_OBJECT
public:
    DialogKeyboardReturn(QWidget *window, std::function<void()> giveKeyboard);
    ~DialogKeyboardReturn() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void giveBack();

    QPointer<QWidget> m_window;
    std::function<void()> m_giveKeyboard;
    bool m_pending = false;
};

} // namespace Lectern
