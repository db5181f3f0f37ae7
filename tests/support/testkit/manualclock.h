// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/clock.h"

#include <QList>
#include <QMutex>
#include <QTimeZone>

#include <functional>

namespace Lectern::Test {

/// Time that moves only when the code under test sleeps: a Clock and a Sleeper in one. sleep() records
/// the wait, moves now() forward by it and returns at once, so a test asserts the exact waits (backoff,
/// Retry-After, politeness gaps) instead of measuring wall time. Thread-safe: scoring workers share it.
class ManualClock final : public Clock, public Sleeper
{
public:
    explicit ManualClock(
        const QDateTime &start = QDateTime(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::UTC));
    Q_DISABLE_COPY_MOVE(ManualClock)

    [[nodiscard]] QDateTime nowUtc() const override;
    /// Its own: a fresh clock meets no gate state of an earlier one, nor of the wall clock.
    [[nodiscard]] quint64 timeline() const override { return m_timeline; }
    bool sleep(int ms, const std::atomic_bool *cancel) override;

    /// Moves the time forward without a sleep (time passing elsewhere).
    void advance(qint64 ms);
    /// Every wait asked for, in order.
    [[nodiscard]] QList<int> sleeps() const;
    /// Called at the start of each sleep with its length, before the time moves: a test cancels here to
    /// stand for a user pressing Cancel during the wait.
    std::function<void(int ms)> onSleep;

private:
    const quint64 m_timeline;
    mutable QMutex m_mutex;
    QDateTime m_now;
    QList<int> m_sleeps;
};

} // namespace Lectern::Test
