// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <atomic>

namespace Lectern {

/// The time as the core's logic reads it (Retry-After dates, politeness gaps). Production uses
/// Clock::system(); tests pass a manual clock so that no assertion depends on the wall clock.
class Clock
{
public:
    virtual ~Clock() = default;

    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
    [[nodiscard]] qint64 msecsSinceEpoch() const { return nowUtc().toMSecsSinceEpoch(); }
    /// Which timeline the times belong to: state kept in one clock's times (a politeness gate's next
    /// allowed start) means nothing on another clock. 0 is the wall clock.
    [[nodiscard]] virtual quint64 timeline() const { return 0; }

    /// The wall clock; thread-safe.
    [[nodiscard]] static const Clock &system();
};

/// How the core waits between attempts (retry backoff, Retry-After, politeness gaps). Production uses
/// Sleeper::system(), which really waits; tests pass one that records the waits and returns at once.
class Sleeper
{
public:
    virtual ~Sleeper() = default;

    /// Waits @p ms while the calling thread keeps processing its events (a worker's network replies, a
    /// test's loopback server). Returns false, possibly early, when @p cancel is or becomes true.
    virtual bool sleep(int ms, const std::atomic_bool *cancel) = 0;

    /// Waits for real (cancellableWait); thread-safe.
    [[nodiscard]] static Sleeper &system();
};

} // namespace Lectern
