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

} // namespace Lectern
