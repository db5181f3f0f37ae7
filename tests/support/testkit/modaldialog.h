// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Header only: the test kit's library links no QtWidgets; the widget tests that include this do.
#include <QApplication>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace Lectern::Test {

/// Runs @p drive on the next modal dialog once it shows (polled from the event loop that its exec() runs).
inline void whenModalShows(const std::function<void(QWidget *)> &drive)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, drive] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        drive(modal);
    });
    poll->start();
}

} // namespace Lectern::Test
