// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "text/textounicode.h"
#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <sqlite3.h>

namespace Lectern {

namespace {

// Migration files compiled into the binary: resources/sql/NNNN_*.sql, numbered from 1.
QStringList migrationFiles()
{
    QStringList files =
        QDir(QStringLiteral(":/sql")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (QString &f : files)
        f.prepend(QStringLiteral(":/sql/"));
    return files;
}

// Splits a migration file into statements. Statements end with ';' at the end of a line; a CREATE TRIGGER
// body runs until its "END;" line. Whole-line "--" comments are dropped.
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    for (const QString &rawLine : script.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u"--"))
            continue;
        if (current.isEmpty() && line.startsWith(u"CREATE TRIGGER", Qt::CaseInsensitive))
            inTrigger = true;
        current += rawLine + u'\n';
        const bool ends = inTrigger ? line.compare(u"END;", Qt::CaseInsensitive) == 0 : line.endsWith(u';');
        if (ends) {
            statements << current.trimmed();
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<int> readUserVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(QStringLiteral("read the schema version"), q);
    return q.value(0).toInt();
}

// lectern_readable(text): arXiv's TeX as the reader sees it (TexToUnicode), for the search index.
void readableText(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = static_cast<const char16_t *>(sqlite3_value_text16(argv[0]));
    const int bytes = sqlite3_value_bytes16(argv[0]);
    const QString readable = TexToUnicode::convert(QString::fromUtf16(text, bytes / 2));
    sqlite3_result_text16(context, readable.utf16(), int(readable.size() * 2), SQLITE_TRANSIENT);
}

// Qt's SQLite driver hands out its sqlite3 handle; the functions the schema's triggers call go on it
// before anything else runs (migrations included).
bool registerFunctions(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *sqlite = *static_cast<sqlite3 *const *>(handle.data());
    return sqlite &&
        sqlite3_create_function_v2(sqlite, "lectern_readable", 1,
            SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, &readableText, nullptr, nullptr,
            nullptr) == SQLITE_OK;
}

} // namespace

namespace {

// SQLite's primary result code (the low byte of an extended one): it says what the user can do.
int primaryCode(const QSqlError &error)
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    return numeric ? code : -1;
}

// Why a database could not be opened: a full or failing disk is not a file that is not SQLite.
Error openError(const QString &path, const QSqlError &error)
{
    switch (primaryCode(error)) {
    case 8: // SQLITE_READONLY
    case 10: // SQLITE_IOERR
    case 13: // SQLITE_FULL
    case 14: // SQLITE_CANTOPEN
        return Error {
            QStringLiteral("Cannot open the database %1: its folder's disk could not be written (full, "
                           "read-only or failing?); free some space and try again. The database was "
                           "not changed. (%2)")
                .arg(path, error.text())};
    default:
        return Error {QStringLiteral("Cannot open the database %1 (is it an SQLite file?): %2")
                          .arg(path, error.text())};
    }
}

} // namespace

Error sqlError(const QString &what, const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    const int code = primaryCode(error);
    const bool numeric = code >= 0;
    QString hint;
    if (numeric && code == 13) // SQLITE_FULL
        hint = QStringLiteral("The disk or the database is full; what was being written is not saved "
                              "(free some space and try again). ");
    else if (numeric && code == 10) // SQLITE_IOERR
        hint = QStringLiteral("The disk could not be written or read (full, failing or removed?). ");
    else if (numeric && code == 8) // SQLITE_READONLY
        hint = QStringLiteral("The database file is read-only (check its permissions). ");
    else if (numeric && code == 26) // SQLITE_NOTADB
        hint = QStringLiteral("The database file is not an SQLite database. ");
    return Error {QStringLiteral("%1Database error while trying to %2: %3").arg(hint, what, error.text())};
}

int Database::latestSchemaVersion()
{
    return int(migrationFiles().size());
}

Database::Database(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(std::move(path))
    , m_connectionName(m_db.connectionName())
{ }

Database::~Database()
{
    // SQLite's advice for every connection that closes: refresh the statistics the planner uses where
    // they are stale (cheap with an analysis limit; nothing when nothing changed). A failure is harmless.
    if (m_db.isOpen()) {
        QSqlQuery optimize(m_db);
        optimize.exec(QStringLiteral("PRAGMA analysis_limit=400"));
        optimize.exec(QStringLiteral("PRAGMA optimize"));
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, int targetVersion)
{
    static std::atomic_int counter {0};
    const QString name = QStringLiteral("lectern-%1").arg(counter.fetch_add(1));

    if (path != u":memory:") {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath()))
            return Error {
                QStringLiteral("Cannot create the folder %1 for the database.").arg(info.absolutePath())};
    }

    std::unique_ptr<Database> database;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        database.reset(new Database(db, path));
    }
    QSqlDatabase &db = database->m_db;
    if (!db.open())
        return Error {QStringLiteral("Cannot open the database %1: %2").arg(path, db.lastError().text())};
    if (!registerFunctions(db))
        return Error {QStringLiteral("Cannot open the database %1: the SQLite driver gave no handle to "
                                     "register Lectern's search function on.")
                          .arg(path)};

    // Readers never block the writer and the reverse; NORMAL is durable enough with WAL.
    for (const auto *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
             "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return openError(path, q.lastError());
    }

    if (targetVersion < 0)
        targetVersion = latestSchemaVersion();
    const auto current = readUserVersion(db);
    if (!current)
        return Error {
            QStringLiteral("Cannot read %1 (is it an SQLite file?): %2").arg(path, current.error())};
    if (*current > latestSchemaVersion())
        return Error {
            QStringLiteral("The database %1 has schema version %2, written by a newer Lectern; this build "
                           "knows versions up to %3. Update Lectern. The database was not changed.")
                .arg(path)
                .arg(*current)
                .arg(latestSchemaVersion())};
    if (auto r = database->migrateTo(targetVersion); !r)
        return Error {r.error()};
    return database;
}

int Database::schemaVersion() const
{
    auto r = readUserVersion(const_cast<QSqlDatabase &>(m_db));
    return r ? *r : -1;
}

Result<void> Database::begin()
{
    QSqlQuery q(m_db);
    // IMMEDIATE takes the write lock now, so two writers queue on busy_timeout instead of deadlocking.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("start a transaction"), q);
    return {};
}

Result<void> Database::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = sqlError(QStringLiteral("commit"), q);
        rollback();
        return e;
    }
    return {};
}

void Database::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

Result<void> Database::migrateTo(int targetVersion)
{
    const QStringList files = migrationFiles();
    if (targetVersion > files.size())
        return Error {QStringLiteral("Unknown schema version %1.").arg(targetVersion)};

    auto current = readUserVersion(m_db);
    if (!current)
        return Error {current.error()};
    if (*current >= targetVersion)
        return {};

    if (*current > 0 && m_path != u":memory:") {
        const QString backup = m_path + QStringLiteral(".schema%1.bak").arg(*current);
        QFile::remove(backup);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(backup);
        if (!q.exec())
            return sqlError(QStringLiteral("back up the database before upgrading it"), q);
        qCInfo(lcStore) << "backed up schema" << *current << "to" << backup;
    }

    for (int version = *current + 1; version <= targetVersion; ++version) {
        QFile file(files.at(version - 1));
        if (!file.open(QIODevice::ReadOnly))
            return Error {QStringLiteral("Migration %1 is missing from this build.").arg(version)};
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));

        auto step = inTransaction([&]() -> Result<void> {
            // Another connection may have migrated while we waited for the lock.
            auto now = readUserVersion(m_db);
            if (!now)
                return Error {now.error()};
            if (*now >= version)
                return {};
            QSqlQuery q(m_db);
            for (const QString &statement : statements) {
                if (!q.exec(statement))
                    return Error {QStringLiteral("Upgrading the database to schema %1 failed: %2 (in: %3)")
                                      .arg(version)
                                      .arg(q.lastError().text(), statement.left(80))};
            }
            if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
                return sqlError(QStringLiteral("record schema version %1").arg(version), q);
            return {};
        });
        if (!step)
            return step;
        qCInfo(lcStore) << "database" << m_path << "now at schema" << version;
    }
    return {};
}

} // namespace Lectern
