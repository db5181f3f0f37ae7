// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Lectern {

class SqlDialect;

/// One connection to the store (an SQLite file or a PostgreSQL database), for the thread that opened it.
/// A QSqlDatabase must never cross threads, so every thread (GUI, fetch worker, scoring worker) opens its
/// own Database on the same store. Opening prepares the connection (SQLite: WAL, foreign keys, busy
/// timeout) and brings the schema up to date.
class Database final
{
public:
    /// Opens (creating if needed) the store at @p location (a file path or a postgresql:// URI, see
    /// StoreLocation) and migrates it to @p targetVersion (latestSchemaVersion() by default). Refuses a
    /// schema newer than this build knows.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(
        const QString &location, int targetVersion = -1);
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(
        const StoreLocation &location, int targetVersion = -1);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    [[nodiscard]] QSqlDatabase &sql() { return m_db; }
    /// The location as text: the file path, or the URI (never a password).
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const StoreLocation &location() const { return m_location; }
    [[nodiscard]] const SqlDialect &dialect() const { return *m_dialect; }
    [[nodiscard]] int schemaVersion() const;
    /// The newest schema of SQLite stores; PostgreSQL's migrations carry the same numbers.
    [[nodiscard]] static int latestSchemaVersion();
    /// Bytes the store takes on disk (the file, or the PostgreSQL database); -1 when unknown.
    [[nodiscard]] qint64 sizeInBytes();

    /// Closes the connection and opens it again, with the same settings (a PostgreSQL server that restarted
    /// ends every session: the window goes on with a new one). Queries prepared on the old one are void.
    [[nodiscard]] Result<void> reopen();

    /// Migrates an open database forward to @p targetVersion, one transaction per step, after a backup
    /// copy of an SQLite file (<path>.schema<N>.bak).
    [[nodiscard]] Result<void> migrateTo(int targetVersion);

    /// Runs @p fn inside a writing transaction (SQLite: BEGIN IMMEDIATE); rolls back when it fails.
    template<typename Fn> Result<void> inTransaction(Fn &&fn)
    {
        if (auto r = begin(); !r)
            return r;
        Result<void> r = fn();
        if (!r) {
            rollback();
            return r;
        }
        return commit();
    }

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    Database(QSqlDatabase db, StoreLocation location);

    QSqlDatabase m_db;
    StoreLocation m_location;
    QString m_path;
    QString m_connectionName;
    const SqlDialect *m_dialect;
};

/// Message for a failed query, naming what was attempted (and what the user can do, when the error says).
[[nodiscard]] Error sqlError(const QString &what, const class QSqlQuery &query);
/// As above, for an error that did not come through a QSqlQuery (a RowCursor's).
[[nodiscard]] Error sqlError(
    const QString &what, const class QSqlError &error, const class SqlDialect &dialect);

} // namespace Lectern
