// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSqlDatabase;
typedef struct pg_conn PGconn;

namespace Lectern {

/// libpq's connection under a QPSQL connection (QSqlDriver::handle()'s documented use), or nullptr for
/// any other driver.
[[nodiscard]] PGconn *libpqConnection(QSqlDatabase &db);
/// libpq's message for the last failure on @p conn.
[[nodiscard]] QString libpqError(PGconn *conn);

class StoreLocation;
/// Whether the server at @p location (PostgreSQL) asks for a password that libpq has none for: neither
/// given nor in PGPASSWORD, PGPASSFILE or ~/.pgpass (PQconnectionNeedsPassword, after one connection
/// attempt of at most 10 s). False when a password was found, even a wrong one, or the server is down.
[[nodiscard]] bool serverWantsAPassword(const StoreLocation &location);

} // namespace Lectern
