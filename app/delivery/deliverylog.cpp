// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/deliverylog.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace Lectern {

DeliveryLog::DeliveryLog(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<bool> DeliveryLog::wasDelivered(const QDate &day, const QString &channel, const QString &target)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT 1 FROM deliveries WHERE day = ? AND channel = ? AND target = ?"));
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(channel);
    q.addBindValue(target);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "read the deliveries of %1")
                            .arg(day.toString(Qt::ISODate)),
            q);
    return q.next();
}

Result<void> DeliveryLog::record(const QDate &day, const QString &channel, const QString &target, int papers)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("INSERT INTO deliveries (day, channel, target, papers, delivered_at) VALUES "
                             "(?,?,?,?,?) ON CONFLICT (day, channel, target) DO UPDATE SET "
                             "papers = excluded.papers, delivered_at = excluded.delivered_at"));
    for (const QVariant &v : {QVariant(day.toString(Qt::ISODate)), QVariant(channel), QVariant(target),
             QVariant(papers), QVariant(m_clock.nowUtc().toString(Qt::ISODateWithMs))})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "record the delivery of %1")
                            .arg(day.toString(Qt::ISODate)),
            q);
    return {};
}

} // namespace Lectern
