// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "store/sqldialect.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace Lectern {

namespace {

// Migration files compiled into the binary: <folder>/NNNN_*.sql, numbered from 1.
QStringList migrationFiles(const QString &folder)
{
    QStringList files = QDir(folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (QString &f : files)
        f.prepend(folder + u'/');
    return files;
}

// Splits a migration file into statements. Statements end with ';' at the end of a line; a CREATE TRIGGER
// body runs until its "END;" line, a PostgreSQL $$-quoted function body until its closing "$$". Whole-line
// "--" comments are dropped.
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    bool inDollarQuote = false;
    for (const QString &rawLine : script.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (!inDollarQuote && (line.isEmpty() || line.startsWith(u"--")))
            continue;
        if (current.isEmpty() && line.startsWith(u"CREATE TRIGGER", Qt::CaseInsensitive))
            inTrigger = true;
        if (line.count(QStringLiteral("$$")) % 2 == 1)
            inDollarQuote = !inDollarQuote;
        current += rawLine + u'\n';
        const bool ends = !inDollarQuote &&
            (inTrigger ? line.compare(u"END;", Qt::CaseInsensitive) == 0 : line.endsWith(u';'));
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

} // namespace

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return sqlError(what, query.lastError(), SqlDialect::forDriver(query.driver()));
}

Error sqlError(const QString &what, const QSqlError &error, const SqlDialect &dialect)
{
    const QString hint = dialect.errorHint(error);
    return Error {QCoreApplication::translate("Lectern::Database", "%1Database error while trying to %2: %3")
                      .arg(hint, what, error.text())};
}

int Database::latestSchemaVersion()
{
    return int(
        migrationFiles(SqlDialect::forBackend(StoreLocation::Backend::Sqlite).migrationFolder()).size());
}

Database::Database(QSqlDatabase db, StoreLocation location)
    : m_db(std::move(db))
    , m_location(std::move(location))
    , m_path(m_location.toString())
    , m_connectionName(m_db.connectionName())
    , m_dialect(&SqlDialect::forBackend(m_location.backend()))
{ }

Database::~Database()
{
    if (m_db.isOpen())
        m_dialect->optimizeOnClose(m_db);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &location, int targetVersion)
{
    return open(StoreLocation::parse(location), targetVersion);
}

Result<std::unique_ptr<Database>> Database::open(const StoreLocation &location, int targetVersion)
{
    static std::atomic_int counter {0};
    const QString name = QStringLiteral("lectern-%1").arg(counter.fetch_add(1));
    const SqlDialect &dialect = SqlDialect::forBackend(location.backend());
    const QString where = location.toString();

    if (!location.isPostgres() && location.path() != u":memory:") {
        const QFileInfo info(location.path());
        if (!QDir().mkpath(info.absolutePath()))
            return Error {QCoreApplication::translate(
                "Lectern::Database", "Cannot create the folder %1 for the database.")
                              .arg(info.absolutePath())};
    }
    if (!QSqlDatabase::isDriverAvailable(dialect.driverName()))
        return Error {QCoreApplication::translate("Lectern::Database",
            "Cannot open the database %1: Qt's %2 driver is not installed (Debian: "
            "libqt6sql6-%3).")
                          .arg(where, dialect.driverName(), location.isPostgres() ? u"psql" : u"sqlite")};

    std::unique_ptr<Database> database;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driverName(), name);
        dialect.configure(db, location);
        database.reset(new Database(db, location));
    }
    QSqlDatabase &db = database->m_db;
    if (!db.open()) {
        if (location.isPostgres())
            return dialect.openError(location, db.lastError());
        return Error {QCoreApplication::translate("Lectern::Database", "Cannot open the database %1: %2")
                          .arg(where, db.lastError().text())};
    }
    if (auto prepared = dialect.prepareConnection(db, location); !prepared)
        return Error {prepared.error()};

    const int latest = int(migrationFiles(dialect.migrationFolder()).size());
    if (targetVersion < 0)
        targetVersion = latest;
    const auto current = dialect.schemaVersion(db);
    if (!current)
        return Error {location.isPostgres()
                ? QCoreApplication::translate("Lectern::Database", "Cannot read the schema version of %1: %2")
                      .arg(where, current.error())
                : QCoreApplication::translate(
                      "Lectern::Database", "Cannot read %1 (is it an SQLite file?): %2")
                      .arg(where, current.error())};
    if (*current > latest)
        return Error {QCoreApplication::translate("Lectern::Database",
            "The database %1 has schema version %2, written by a newer Lectern; this build "
            "knows versions up to %3. Update Lectern. The database was not changed.")
                          .arg(where)
                          .arg(*current)
                          .arg(latest)};
    if (auto r = database->migrateTo(targetVersion); !r)
        return Error {r.error()};
    return database;
}

Result<void> Database::reopen()
{
    m_db.close();
    if (!m_db.open()) {
        if (m_location.isPostgres())
            return m_dialect->openError(m_location, m_db.lastError());
        return Error {
            QCoreApplication::translate("Lectern::Database", "Cannot open the database %1 again: %2")
                .arg(m_path, m_db.lastError().text())};
    }
    return m_dialect->prepareConnection(m_db, m_location);
}

int Database::schemaVersion() const
{
    auto r = m_dialect->schemaVersion(const_cast<QSqlDatabase &>(m_db));
    return r ? *r : -1;
}

qint64 Database::sizeInBytes()
{
    return m_dialect->sizeInBytes(m_db, m_location);
}

Result<void> Database::begin()
{
    QSqlQuery q(m_db);
    if (!q.exec(m_dialect->beginWrite()))
        return sqlError(QCoreApplication::translate("Lectern::Database", "start a transaction"), q);
    return {};
}

Result<void> Database::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = sqlError(QCoreApplication::translate("Lectern::Database", "commit"), q);
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
    const QStringList files = migrationFiles(m_dialect->migrationFolder());
    if (targetVersion > files.size())
        return Error {QCoreApplication::translate("Lectern::Database", "Unknown schema version %1.")
                          .arg(targetVersion)};

    auto current = m_dialect->schemaVersion(m_db);
    if (!current)
        return Error {current.error()};
    if (*current >= targetVersion)
        return {};

    if (*current > 0) {
        if (auto copied = m_dialect->backUp(m_db, m_location, *current); !copied)
            return copied;
    }

    for (int version = *current + 1; version <= targetVersion; ++version) {
        QFile file(files.at(version - 1));
        if (!file.open(QIODevice::ReadOnly))
            return Error {
                QCoreApplication::translate("Lectern::Database", "Migration %1 is missing from this build.")
                    .arg(version)};
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));

        auto step = inTransaction([&]() -> Result<void> {
            QSqlQuery q(m_db);
            if (const QString lock = m_dialect->migrationLock(); !lock.isEmpty() && !q.exec(lock))
                return sqlError(QCoreApplication::translate(
                                    "Lectern::Database", "wait for other clients upgrading the database"),
                    q);
            // Another connection may have migrated while we waited for the lock.
            auto now = m_dialect->schemaVersion(m_db);
            if (!now)
                return Error {now.error()};
            if (*now >= version)
                return {};
            for (const QString &statement : statements) {
                if (!q.exec(statement))
                    return Error {QCoreApplication::translate(
                        "Lectern::Database", "Upgrading the database to schema %1 failed: %2 (in: %3)")
                                      .arg(version)
                                      .arg(q.lastError().text(), statement.left(80))};
            }
            return m_dialect->setSchemaVersion(m_db, version);
        });
        if (!step)
            return step;
        qCInfo(lcStore) << "database" << m_path << "now at schema" << version;
    }
    return {};
}

} // namespace Lectern
