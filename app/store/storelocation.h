// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace Lectern {

/// Where a store lives: an SQLite file, or a PostgreSQL database. Written as text (what every job and
/// request passes around as the "database path") it is either a file path or a libpq connection URI,
/// postgresql://[user@][host][:port][/database][?sslmode=MODE]. What the URI leaves out, libpq takes
/// from its environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGSERVICE, PGSSLMODE…), and the password
/// from PGPASSFILE or ~/.pgpass: a location never holds a password, so it may be logged and shown.
class StoreLocation final
{
public:
    enum class Backend { Sqlite, Postgres };

    /// A file path, or a postgresql:// (or postgres://) URI.
    [[nodiscard]] static StoreLocation parse(const QString &text);
    /// parse() for a location the user typed (--store, --to, --from): refuses an empty one and a URI
    /// with a password, which would end up in process lists and logs.
    [[nodiscard]] static Result<StoreLocation> parseArgument(const QString &text);
    [[nodiscard]] static StoreLocation sqliteFile(const QString &path);
    /// Empty fields and port 0 are left to libpq's defaults and environment.
    [[nodiscard]] static StoreLocation postgres(const QString &host, int port, const QString &database,
        const QString &user, const QString &sslMode = {});

    [[nodiscard]] Backend backend() const { return m_backend; }
    [[nodiscard]] bool isPostgres() const { return m_backend == Backend::Postgres; }
    [[nodiscard]] const QString &path() const { return m_path; } ///< SQLite only
    [[nodiscard]] const QString &host() const { return m_host; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const QString &database() const { return m_database; }
    [[nodiscard]] const QString &user() const { return m_user; }
    [[nodiscard]] const QString &sslMode() const { return m_sslMode; }

    /// The path, or the URI as parse() reads it back.
    [[nodiscard]] QString toString() const;

private:
    Backend m_backend = Backend::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 0;
    QString m_database;
    QString m_user;
    QString m_sslMode;
};

} // namespace Lectern
