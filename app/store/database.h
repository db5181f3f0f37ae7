// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Lectern {

/// One SQLite connection, for the thread that opened it. A QSqlDatabase must never cross threads, so every
/// thread (GUI, fetch worker, scoring worker) opens its own Database on the same file. Opening applies the
/// connection pragmas (WAL, foreign keys, busy timeout) and brings the schema up to date.
class Database final
{
public:
    /// Opens (creating if needed) the database at @p path and migrates it to @p targetVersion
    /// (latestSchemaVersion() by default). Refuses a schema newer than this build knows.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString &path, int targetVersion = -1);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    [[nodiscard]] QSqlDatabase &sql() { return m_db; }
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] static int latestSchemaVersion();

    /// Migrates an open database forward to @p targetVersion, one transaction per step, after a backup
    /// copy of the file (<path>.schema<N>.bak).
    [[nodiscard]] Result<void> migrateTo(int targetVersion);

    /// Runs @p fn inside BEGIN IMMEDIATE … COMMIT; rolls back when it fails.
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
    Database(QSqlDatabase db, QString path);

    QSqlDatabase m_db;
    QString m_path;
    QString m_connectionName;
};

/// Message for a failed query, naming what was attempted.
[[nodiscard]] Error sqlError(const QString &what, const class QSqlQuery &query);

} // namespace Lectern
