// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/clock.h"
#include "util/result.h"

#include <QDate>
#include <QString>

namespace Lectern {

class Database;

/// The deliveries table (schema 14): which day's digest went by which channel to which target, so that a
/// run repeated the same day sends nothing twice. A target never holds a secret (DeliveryJob::target).
class DeliveryLog final
{
public:
    explicit DeliveryLog(Database &db, const Clock &clock = Clock::system());

    [[nodiscard]] Result<bool> wasDelivered(const QDate &day, const QString &channel, const QString &target);
    Result<void> record(const QDate &day, const QString &channel, const QString &target, int papers);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Lectern
