// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/daylock.h"

#include "store/database.h"
#include "store/sqldialect.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

namespace Lectern {

namespace {

// The first key names Lectern ("LC") and the kind, so that other users of two-key advisory locks in the
// same database do not meet ours; the second is the day.
constexpr int kKeyBase = 0x4c430000;

} // namespace

DayLock::DayLock(Database *db, int kind, int day)
    : m_db(db)
    , m_kind(kind)
    , m_day(day)
{ }

DayLock::DayLock(DayLock &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_kind(other.m_kind)
    , m_day(other.m_day)
{ }

DayLock::~DayLock()
{
    if (!m_db)
        return;
    QSqlQuery q(m_db->sql());
    q.prepare(m_db->dialect().unlockStatement());
    q.addBindValue(m_kind);
    q.addBindValue(m_day);
    // Not given back (the connection is gone): the server lets go with the session.
    if (!q.exec())
        qCWarning(lcApp) << "could not give back the lock of day" << m_day << ":" << q.lastError().text();
}

Result<DayLock> DayLock::acquire(Database &db, Kind kind, const QDate &day, Sleeper &sleeper,
    const std::atomic_bool *cancel, const std::function<void()> &waiting)
{
    const QString statement = db.dialect().tryLockStatement();
    if (statement.isEmpty())
        return DayLock(nullptr, 0, 0);
    const int key = kKeyBase + int(kind);
    const int dayKey = int(day.toJulianDay());
    bool told = false;
    for (;;) {
        QSqlQuery q(db.sql());
        q.prepare(statement);
        q.addBindValue(key);
        q.addBindValue(dayKey);
        if (!q.exec() || !q.next())
            return sqlError(QCoreApplication::translate("Lectern::Database", "take the lock of %1")
                                .arg(day.toString(Qt::ISODate)),
                q);
        if (q.value(0).toBool())
            return DayLock(&db, key, dayKey);
        if (!told && waiting) {
            told = true;
            waiting();
        }
        if (!sleeper.sleep(PollMs, cancel))
            return Error {QCoreApplication::translate(
                "Lectern::DayLock", "Cancelled while waiting for another client's work on %1.")
                              .arg(day.toString(Qt::ISODate))};
    }
}

} // namespace Lectern
