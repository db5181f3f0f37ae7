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
    QDeadlineTimer deadline(ms, Qt::PreciseTimer);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if ((cancel && *cancel) || deadline.hasExpired())
            loop.quit();
    });
    poll.start();
    // Precise: a coarse timer may fire up to 5 % early, and a Retry-After must be honoured in full.
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
    return !(cancel && *cancel);
}

} // namespace Lectern
