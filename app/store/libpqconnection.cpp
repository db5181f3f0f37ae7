// SPDX-License-Identifier: GPL-3.0-or-later
#include "libpqconnection.h"

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

} // namespace Lectern
