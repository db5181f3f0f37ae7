// SPDX-License-Identifier: GPL-3.0-or-later
#include "manualclock.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>
#include <atomic>

namespace Lectern::Test {

namespace {
std::atomic<quint64> s_timelines {0};
}

ManualClock::ManualClock(const QDateTime &start)
    : m_timeline(++s_timelines)
    , m_now(start)
{ }

QDateTime ManualClock::nowUtc() const
{
    QMutexLocker lock(&m_mutex);
    return m_now;
}

bool ManualClock::sleep(int ms, const std::atomic_bool *cancel)
{
    if (onSleep)
        onSleep(ms);
    {
        QMutexLocker lock(&m_mutex);
        m_sleeps << ms;
        m_now = m_now.addMSecs(std::max(ms, 0));
    }
    // A real wait lets the thread's events run and other threads progress (a gate held elsewhere); keep
    // both, without the wall time.
    QCoreApplication::processEvents();
    QThread::yieldCurrentThread();
    return !(cancel && *cancel);
}

void ManualClock::advance(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addMSecs(ms);
}

QList<int> ManualClock::sleeps() const
{
    QMutexLocker lock(&m_mutex);
    return m_sleeps;
}

} // namespace Lectern::Test
