// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDate>

#include <atomic>
#include <functional>

namespace Lectern {

class Database;
class Sleeper;

/// A day's fetch or scoring held by one client of a shared store. On PostgreSQL it is a session advisory
/// lock keyed by the kind of work and the day: a second client (another member, the lab's timer) waits
/// for the first to finish and then finds the work done (its scores in the score cache, the feeds
/// answered "not modified"), so no paper is paid for twice. A client that dies lets go with its session.
/// On SQLite it holds nothing: the file belongs to one profile.
class DayLock final
{
public:
    enum class Kind { Fetch = 1, Score = 2 };

    /// How often a waiting client asks again.
    static constexpr int PollMs = 250;

    /// Takes the lock of @p kind and @p day on @p db's connection, waiting (through @p sleeper) while
    /// another client holds it; @p waiting is called once when it has to wait. Fails when @p cancel is
    /// set or the connection fails.
    [[nodiscard]] static Result<DayLock> acquire(Database &db, Kind kind, const QDate &day, Sleeper &sleeper,
        const std::atomic_bool *cancel, const std::function<void()> &waiting = {});

    DayLock(DayLock &&other) noexcept;
    DayLock &operator=(DayLock &&) = delete;
    DayLock(const DayLock &) = delete;
    DayLock &operator=(const DayLock &) = delete;
    /// Gives the lock back.
    ~DayLock();

private:
    DayLock(Database *db, int kind, int day);

    Database *m_db = nullptr; ///< null: nothing held
    int m_kind = 0;
    int m_day = 0;
};

} // namespace Lectern
