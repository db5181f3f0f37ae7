// SPDX-License-Identifier: GPL-3.0-or-later
#include "cancellablewait.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace Lectern {

bool cancellableWait(int ms, const std::atomic_bool *cancel)
{
    if (cancel && *cancel)
        return false;
    if (ms <= 0)
        return true;
    QDeadlineTimer deadline(ms);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if ((cancel && *cancel) || deadline.hasExpired())
            loop.quit();
    });
    poll.start();
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    return !(cancel && *cancel);
}

} // namespace Lectern
