// SPDX-License-Identifier: GPL-3.0-or-later
#include "libpqconnection.h"

#include "store/storelocation.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace Lectern {

PGconn *libpqConnection(QSqlDatabase &db)
{
    if (!db.driver())
        return nullptr;
    // Qt names the type as its driver declared it: PGconn* or, from libpq's own struct, pg_conn*.
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

QString libpqError(PGconn *conn)
{
    return QString::fromLocal8Bit(PQerrorMessage(conn)).trimmed();
}

bool serverWantsAPassword(const StoreLocation &location)
{
    if (!location.isPostgres())
        return false;
    // The keywords QPSQL sets from the same location; empty ones leave libpq's defaults (PGHOST…).
    const QByteArray host = location.host().toUtf8();
    const QByteArray port = location.port() > 0 ? QByteArray::number(location.port()) : QByteArray();
    const QByteArray database = location.database().toUtf8();
    const QByteArray user = location.user().toUtf8();
    const QByteArray sslMode = location.sslMode().toUtf8();
    const char *keywords[] = {"host", "port", "dbname", "user", "sslmode", "connect_timeout", nullptr};
    const char *values[] = {host.constData(), port.constData(), database.constData(), user.constData(),
        sslMode.constData(), "10", nullptr};
    PGconn *conn = PQconnectdbParams(keywords, values, 0);
    const bool wants = conn && PQstatus(conn) == CONNECTION_BAD && PQconnectionNeedsPassword(conn);
    PQfinish(conn);
    return wants;
}

} // namespace Lectern
