// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

#include "cancellablewait.h"

namespace Lectern {

namespace {

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

class SystemSleeper final : public Sleeper
{
public:
    bool sleep(int ms, const std::atomic_bool *cancel) override { return cancellableWait(ms, cancel); }
};

} // namespace

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

Sleeper &Sleeper::system()
{
    static SystemSleeper sleeper;
    return sleeper;
}

} // namespace Lectern
