// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldialect.h"

#include "store/database.h"
#include "store/libpqconnection.h"
#include "store/postgresrowcursor.h"
#include "store/storelocation.h"
#include "store/storepasswords.h"
#include "text/textounicode.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <libpq-fe.h>
#include <limits>
#include <sqlite3.h>

namespace Lectern {

namespace {

Error queryError(const QString &what, const QSqlQuery &q)
{
    return sqlError(what, q);
}

Result<void> execAll(QSqlDatabase &db, std::initializer_list<const char *> statements)
{
    for (const char *statement : statements) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(statement)))
            return queryError(QString::fromLatin1(statement), q);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------- SQLite

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

// The connection of Qt's SQLite driver (the system's libsqlite3, which Lectern links too).
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

// Qt's SQLite driver hands out its sqlite3 handle; the functions the schema's triggers call go on it
// before anything else runs (migrations included).
bool registerFunctions(QSqlDatabase &db)
{
    sqlite3 *sqlite = sqliteHandle(db);
    return sqlite &&
        sqlite3_create_function_v2(sqlite, "lectern_readable", 1,
            SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, &readableText, nullptr, nullptr,
            nullptr) == SQLITE_OK;
}

// A statement of SQLite's own on the driver's connection: each value read as the caller wants it (text
// from UTF-8, SQLite's storage encoding), none through QVariant.
class SqliteRowCursor final : public RowCursor
{
public:
    SqliteRowCursor(sqlite3 *db, const QString &sql, const QVariantList &binds)
        : m_db(db)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_statement, nullptr) !=
            SQLITE_OK) {
            fail();
            return;
        }
        for (int i = 0; i < binds.size(); ++i) {
            if (bind(i + 1, binds.at(i)) != SQLITE_OK) {
                fail();
                return;
            }
        }
    }
    ~SqliteRowCursor() override { sqlite3_finalize(m_statement); }
    SqliteRowCursor(const SqliteRowCursor &) = delete;
    SqliteRowCursor &operator=(const SqliteRowCursor &) = delete;

    bool next() override
    {
        if (m_done)
            return false;
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail();
        m_done = true;
        return false;
    }
    bool isNull(int column) const override { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    QString text(int column) const override
    {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return bytes ? QString::fromUtf8(bytes, sqlite3_column_bytes(m_statement, column)) : QString();
    }
    QByteArray utf8(int column) const override
    {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return bytes ? QByteArray(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArray();
    }
    qint64 integer(int column) const override { return sqlite3_column_int64(m_statement, column); }
    QSqlError error() const override { return m_error; }

private:
    int bind(int place, const QVariant &value)
    {
        if (value.isNull())
            return sqlite3_bind_null(m_statement, place);
        switch (value.typeId()) {
        case QMetaType::QString: {
            const QByteArray bytes = value.toString().toUtf8();
            return sqlite3_bind_text(
                m_statement, place, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        }
        case QMetaType::Double:
            return sqlite3_bind_double(m_statement, place, value.toDouble());
        default:
            return sqlite3_bind_int64(m_statement, place, value.toLongLong());
        }
    }
    // As Qt's driver reports it: the extended result code as the native code (SqlDialect::errorHint).
    void fail()
    {
        m_done = true;
        m_error = QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(m_db)), QSqlError::StatementError,
            QString::number(sqlite3_extended_errcode(m_db)));
    }

    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    bool m_done = false;
    QSqlError m_error;
};

// SQLite's primary result code (the low byte of an extended one): it says what the user can do.
int sqlitePrimaryCode(const QSqlError &error)
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    return numeric ? code : -1;
}

class SqliteDialect final : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QSQLITE"); }

    void configure(QSqlDatabase &db, const StoreLocation &location) const override
    {
        db.setDatabaseName(location.path());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }

    Result<void> prepareConnection(QSqlDatabase &db, const StoreLocation &location) const override
    {
        if (!registerFunctions(db))
            return Error {QCoreApplication::translate("Lectern::Database",
                "Cannot open the database %1: the SQLite driver gave no handle to "
                "register Lectern's search function on.")
                              .arg(location.path())};
        // Readers never block the writer and the reverse; NORMAL is durable enough with WAL.
        for (const auto *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                 "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"}) {
            // Switching a new file to WAL takes an exclusive lock, and SQLite answers "locked" at once
            // (without its busy handler) while another opener switches it: wait a little and ask again.
            QSqlQuery q(db);
            bool done = q.exec(QString::fromLatin1(pragma));
            for (int attempt = 0; !done && attempt < 100 && isBusy(q.lastError()); ++attempt) {
                QThread::msleep(10);
                done = q.exec(QString::fromLatin1(pragma));
            }
            if (!done)
                return openError(location, q.lastError());
        }
        return {};
    }

    static bool isBusy(const QSqlError &error)
    {
        const int code = sqlitePrimaryCode(error);
        return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED
    }

    Error openError(const StoreLocation &location, const QSqlError &error) const override
    {
        switch (sqlitePrimaryCode(error)) {
        case 8: // SQLITE_READONLY
        case 10: // SQLITE_IOERR
        case 13: // SQLITE_FULL
        case 14: // SQLITE_CANTOPEN
            return Error {QCoreApplication::translate("Lectern::Database",
                "Cannot open the database %1: its folder's disk could not be written (full, "
                "read-only or failing?); free some space and try again. The database was "
                "not changed. (%2)")
                              .arg(location.path(), error.text())};
        default:
            return Error {QCoreApplication::translate(
                "Lectern::Database", "Cannot open the database %1 (is it an SQLite file?): %2")
                              .arg(location.path(), error.text())};
        }
    }

    QString migrationFolder() const override { return QStringLiteral(":/sql"); }

    Result<int> schemaVersion(QSqlDatabase &db) const override
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return queryError(QCoreApplication::translate("Lectern::Database", "read the schema version"), q);
        return q.value(0).toInt();
    }

    Result<void> setSchemaVersion(QSqlDatabase &db, int version) const override
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
            return queryError(
                QCoreApplication::translate("Lectern::Database", "record schema version %1").arg(version), q);
        return {};
    }

    QString migrationLock() const override { return {}; } // BEGIN IMMEDIATE holds the write lock

    Result<void> backUp(QSqlDatabase &db, const StoreLocation &location, int currentVersion) const override
    {
        if (location.path() == u":memory:")
            return {};
        const QString backup = location.path() + QStringLiteral(".schema%1.bak").arg(currentVersion);
        QFile::remove(backup);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(backup);
        if (!q.exec())
            return queryError(
                QCoreApplication::translate("Lectern::Database", "back up the database before upgrading it"),
                q);
        qCInfo(lcStore) << "backed up schema" << currentVersion << "to" << backup;
        return {};
    }

    // IMMEDIATE takes the write lock now, so two writers queue on busy_timeout instead of deadlocking.
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    QString tryLockStatement() const override { return {}; }
    QString unlockStatement() const override { return {}; }
    QString memberKey() const override { return {}; }
    QString currentMember() const override { return QStringLiteral("''"); }

    qint64 sizeInBytes(QSqlDatabase &, const StoreLocation &location) const override
    {
        return QFileInfo(location.path()).size();
    }

    QString jsonTextArray() const override { return QStringLiteral("SELECT value FROM json_each(?)"); }

    QString tableRowsPapers() const override
    {
        return QStringLiteral("papers p INDEXED BY papers_table_columns");
    }

    std::unique_ptr<RowCursor> rowCursor(
        QSqlDatabase &db, const QString &sql, const QVariantList &binds) const override
    {
        sqlite3 *sqlite = sqliteHandle(db);
        if (!sqlite)
            return SqlDialect::rowCursor(db, sql, binds);
        return std::make_unique<SqliteRowCursor>(sqlite, sql, binds);
    }

    QString sortedLines(const QString &column, const QString &fromWhere) const override
    {
        // group_concat keeps the order of its input (SQLite before 3.44 has no ORDER BY in aggregates).
        return QStringLiteral("(SELECT group_concat(%1, char(10)) FROM (SELECT %1 FROM %2 ORDER BY %1))")
            .arg(column, fromWhere);
    }

    Result<void> indexForSearch(QSqlDatabase &db, const QHash<qint64, Paper> &papers) const override
    {
        if (papers.isEmpty())
            return {};
        QStringList ids;
        ids.reserve(papers.size());
        for (auto it = papers.keyBegin(); it != papers.keyEnd(); ++it)
            ids << QString::number(*it);
        // One statement for the batch (schema 5 says why not triggers).
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("INSERT INTO papers_fts(rowid, title, authors, abstract, note) "
                                   "SELECT p.id, lectern_readable(p.title), lectern_readable(p.authors), "
                                   "lectern_readable(p.abstract), COALESCE(s.note, '') FROM papers p "
                                   "LEFT JOIN paper_state s ON s.arxiv_id = p.arxiv_id WHERE p.id IN (%1)")
                        .arg(ids.join(u','))))
            return queryError(QCoreApplication::translate("Lectern::Database", "update the search index"), q);
        return {};
    }

    Result<void> forgetIndexed(QSqlDatabase &db, qint64 paperRow) const override
    {
        // The index (contentless, schema 6) forgets a row only when given the text it holds.
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, note) "
            "SELECT 'delete', p.id, lectern_readable(p.title), lectern_readable(p.authors), "
            "lectern_readable(p.abstract), COALESCE(s.note, '') "
            "FROM papers p LEFT JOIN paper_state s ON s.arxiv_id = p.arxiv_id WHERE p.id = ?"));
        q.addBindValue(paperRow);
        if (!q.exec())
            return queryError(QCoreApplication::translate("Lectern::Database", "update the search index"), q);
        return {};
    }

    QString searchStatement() const override
    {
        return QStringLiteral(
            "SELECT p.arxiv_id FROM papers_fts f JOIN papers p ON p.id = f.rowid "
            "WHERE papers_fts MATCH ? ORDER BY bm25(papers_fts, 10.0, 5.0, 1.0, 3.0), p.arxiv_id LIMIT ?");
    }

    QString matchStatement() const override
    {
        // The index's own row ids are the papers' (contentless FTS5, rowid = papers.id): no join, no rank.
        return QStringLiteral("SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?");
    }

    QString searchText(const QStringList &words) const override
    {
        // Every word quoted, so that user input is never parsed as FTS syntax ("AND", "-", ":", quotes).
        QStringList terms;
        for (QString w : words) {
            w.replace(u'"', QStringLiteral("\"\""));
            terms << u'"' + w + QStringLiteral("\"*");
        }
        return terms.join(u' ');
    }

    Result<void> optimizeSearchIndex(QSqlDatabase &db) const override
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("INSERT INTO papers_fts(papers_fts) VALUES ('optimize')")))
            return queryError(
                QCoreApplication::translate("Lectern::Database", "optimize the search index"), q);
        return {};
    }

    void optimizeOnClose(QSqlDatabase &db) const override
    {
        // SQLite's advice for every connection that closes: refresh the statistics the planner uses where
        // they are stale (cheap with an analysis limit; nothing when nothing changed). A failure is harmless.
        QSqlQuery optimize(db);
        optimize.exec(QStringLiteral("PRAGMA analysis_limit=400"));
        optimize.exec(QStringLiteral("PRAGMA optimize"));
    }

    QString errorHint(const QSqlError &error) const override
    {
        switch (sqlitePrimaryCode(error)) {
        case 13: // SQLITE_FULL
            return QCoreApplication::translate("Lectern::Database",
                "The disk or the database is full; what was being written is not saved "
                "(free some space and try again). ");
        case 10: // SQLITE_IOERR
            return QCoreApplication::translate(
                "Lectern::Database", "The disk could not be written or read (full, failing or removed?). ");
        case 8: // SQLITE_READONLY
            return QCoreApplication::translate(
                "Lectern::Database", "The database file is read-only (check its permissions). ");
        case 26: // SQLITE_NOTADB
            return QCoreApplication::translate(
                "Lectern::Database", "The database file is not an SQLite database. ");
        default:
            return {};
        }
    }
};

// ------------------------------------------------------------------------------------------ PostgreSQL

// Key of the advisory lock that makes clients migrating the same database at once queue.
constexpr qint64 kSchemaLockKey = 0x4c65637465726e; // "Lectern"

class PostgresDialect final : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QPSQL"); }

    void configure(QSqlDatabase &db, const StoreLocation &location) const override
    {
        // Empty fields are not passed: libpq then uses PGHOST, PGPORT, PGDATABASE, PGUSER, PGSERVICE…,
        // and finds the password in PGPASSFILE or ~/.pgpass.
        db.setHostName(location.host());
        if (location.port() > 0)
            db.setPort(location.port());
        db.setDatabaseName(location.database());
        db.setUserName(location.user());
        // The window's password from the keyring, in memory only; without one libpq reads its password file.
        if (const QString password = StorePasswords::find(location); !password.isEmpty())
            db.setPassword(password);
        // A server that goes silent (a network gone) is given up on in bounded time: keepalives probe an
        // idle connection, and data the server does not acknowledge within a minute ends it.
        QStringList options {QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=Lectern"),
            QStringLiteral("keepalives=1"), QStringLiteral("keepalives_idle=30"),
            QStringLiteral("keepalives_interval=10"), QStringLiteral("keepalives_count=3"),
            QStringLiteral("tcp_user_timeout=60000")};
        if (!location.sslMode().isEmpty())
            options << QStringLiteral("sslmode=") + location.sslMode();
        db.setConnectOptions(options.join(u';'));
    }

    Result<void> prepareConnection(QSqlDatabase &db, const StoreLocation &location) const override
    {
        // Notices (e.g. a search of words that are no lexemes) would go to stderr through libpq.
        if (auto r = execAll(db, {"SET client_min_messages = warning"}); !r)
            return Error {
                QCoreApplication::translate("Lectern::Database", "Cannot prepare the connection to %1: %2")
                    .arg(location.toString(), r.error())};
        return {};
    }

    Error openError(const StoreLocation &location, const QSqlError &error) const override
    {
        return Error {QCoreApplication::translate("Lectern::Database",
            "Cannot connect to the PostgreSQL database %1: %2 (Is the server "
            "running and reachable? The password comes from ~/.pgpass or "
            "PGPASSFILE, or in the window from the system keyring.)")
                          .arg(location.toString(), error.text().trimmed())};
    }

    QString migrationFolder() const override { return QStringLiteral(":/sql/postgres"); }

    Result<int> schemaVersion(QSqlDatabase &db) const override
    {
        // A new database has no schema_version table until its first migration. Asked of pg_tables, not
        // to_regclass(): the catalog cache of a client that waited on the migration lock may still
        // remember the table as missing, a scan of the catalog sees what the other client committed.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = "
                                   "'schema_version' AND schemaname = ANY (current_schemas(false)))")) ||
            !q.next())
            return queryError(QCoreApplication::translate("Lectern::Database", "read the schema version"), q);
        if (!q.value(0).toBool())
            return 0;
        if (!q.exec(QStringLiteral("SELECT COALESCE(max(version), 0) FROM schema_version")) || !q.next())
            return queryError(QCoreApplication::translate("Lectern::Database", "read the schema version"), q);
        return q.value(0).toInt();
    }

    Result<void> setSchemaVersion(QSqlDatabase &db, int version) const override
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")) ||
            !q.exec(QStringLiteral("DELETE FROM schema_version")) ||
            !q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(version)))
            return queryError(
                QCoreApplication::translate("Lectern::Database", "record schema version %1").arg(version), q);
        return {};
    }

    QString migrationLock() const override
    {
        return QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSchemaLockKey);
    }

    Result<void> backUp(QSqlDatabase &, const StoreLocation &location, int currentVersion) const override
    {
        // Schema changes run in one transaction each (PostgreSQL's DDL is transactional); copies of a
        // server's data are its admin's business (pg_dump).
        qCInfo(lcStore) << "upgrading" << location.toString() << "from schema" << currentVersion
                        << "without a copy (PostgreSQL: back up with pg_dump)";
        return {};
    }

    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    // Session locks: a client that dies (killed, lost connection) lets go with its session.
    QString tryLockStatement() const override { return QStringLiteral("SELECT pg_try_advisory_lock(?, ?)"); }
    QString unlockStatement() const override { return QStringLiteral("SELECT pg_advisory_unlock(?, ?)"); }
    QString memberKey() const override { return QStringLiteral("member, "); }
    QString currentMember() const override { return QStringLiteral("current_user"); }

    qint64 sizeInBytes(QSqlDatabase &db, const StoreLocation &) const override
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT pg_database_size(current_database())")) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    QString jsonTextArray() const override
    {
        return QStringLiteral("SELECT json_array_elements_text(CAST(? AS json))");
    }

    QString tableRowsPapers() const override { return QStringLiteral("papers p"); }

    QString latestScoreJoin() const override
    {
        // The member's own prompts first, then the lab's (schema 20); the prompts of neither are not joined.
        return QStringLiteral(
            "LEFT JOIN (SELECT DISTINCT ON (v.arxiv_id) v.arxiv_id, v.id, v.relevance, v.novelty, v.comment, "
            "                  v.model "
            "           FROM scores v JOIN (SELECT prompt_hash, bool_or(member = current_user) AS own "
            "                               FROM member_prompts WHERE member = current_user OR lab "
            "                               GROUP BY prompt_hash) mp ON mp.prompt_hash = v.prompt_hash "
            "           ORDER BY v.arxiv_id, mp.own DESC, v.scored_at DESC, v.id DESC) s ON s.arxiv_id = "
            "p.arxiv_id ");
    }

    std::unique_ptr<RowCursor> rowCursor(
        QSqlDatabase &db, const QString &sql, const QVariantList &binds) const override
    {
        PGconn *conn = libpqConnection(db);
        if (!conn)
            return SqlDialect::rowCursor(db, sql, binds);
        return std::make_unique<PostgresRowCursor>(conn, sql, binds);
    }

    QString sortedLines(const QString &column, const QString &fromWhere) const override
    {
        return QStringLiteral("(SELECT string_agg(%1, chr(10) ORDER BY %1) FROM %2)").arg(column, fromWhere);
    }

    Result<void> indexForSearch(QSqlDatabase &db, const QHash<qint64, Paper> &papers) const override
    {
        // The readable text (TeX converted) is Lectern's own conversion, so the store hands it over; the
        // server keeps only the tsvector (weights A title, B authors, D abstract; the note is C, on the
        // user's state row, schema 2).
        // In a table of their own since schema 18 (see there why).
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO paper_search (id, search) VALUES (?, "
                                 "setweight(to_tsvector('simple', lectern_unaccent(?)), 'A') || "
                                 "setweight(to_tsvector('simple', lectern_unaccent(?)), 'B') || "
                                 "setweight(to_tsvector('simple', lectern_unaccent(?)), 'D')) "
                                 "ON CONFLICT (id) DO UPDATE SET search = excluded.search"));
        for (auto it = papers.constBegin(); it != papers.constEnd(); ++it) {
            const Paper &p = it.value();
            q.bindValue(0, it.key());
            q.bindValue(1, TexToUnicode::convert(p.title));
            q.bindValue(2, TexToUnicode::convert(p.authors.join(u'\n')));
            q.bindValue(3, TexToUnicode::convert(p.abstract));
            if (!q.exec())
                return queryError(
                    QCoreApplication::translate("Lectern::Database", "update the search index"), q);
        }
        return {};
    }

    Result<void> forgetIndexed(QSqlDatabase &, qint64) const override
    {
        return {}; // indexForSearch replaces the row's vector
    }

    QString searchStatement() const override
    {
        // The matches first (through the indexes, as matchStatement()), then only they are ranked.
        return matching() +
            QStringLiteral("SELECT p.arxiv_id FROM hits h JOIN papers p ON p.id = h.id JOIN paper_search ps "
                           "ON ps.id = h.id "
                           "LEFT JOIN paper_state st ON st.arxiv_id = p.arxiv_id "
                           "ORDER BY ts_rank('{0.1, 0.3, 0.5, 1.0}', ps.search || COALESCE(st.note_search, "
                           "''::tsvector), "
                           "(SELECT query FROM q)) DESC, p.arxiv_id LIMIT ?");
    }

    QString matchStatement() const override { return matching() + QStringLiteral("SELECT id FROM hits"); }

    Result<QList<qint64>> matchingRows(QSqlDatabase &db, const QStringList &words) const override
    {
        // The planner counts a sequential scan of paper_search by its small rows, not by the vectors
        // stored out of line it would read for each of them: for a prefix most papers match it chose to
        // read every vector (450 ms at 60k papers) over the index (60 ms). Told so, for this statement's
        // own transaction only (none inside a caller's, whose commit this must not be).
        PGconn *conn = libpqConnection(db);
        const bool own = conn && PQtransactionStatus(conn) == PQTRANS_IDLE && db.transaction();
        if (own) {
            QSqlQuery set(db);
            (void)set.exec(QStringLiteral("SET LOCAL enable_seqscan = off"));
        }
        auto rows = SqlDialect::matchingRows(db, words);
        if (own)
            db.commit();
        return rows;
    }

    QString searchText(const QStringList &words) const override
    {
        // Every word a quoted lexeme with a prefix mark, joined by AND: the user's text is never tsquery
        // syntax ("&", "|", "!", ":", parentheses).
        QStringList terms;
        for (QString w : words) {
            w.replace(u'\\', QStringLiteral("\\\\"));
            w.replace(u'\'', QStringLiteral("''"));
            terms << u'\'' + w + QStringLiteral("':*");
        }
        return terms.join(QStringLiteral(" & "));
    }

    Result<void> optimizeSearchIndex(QSqlDatabase &db) const override
    {
        // The GIN index needs no merging; fresh statistics let the planner use it well after a back-fill.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("ANALYZE papers, paper_search, paper_state")))
            return queryError(
                QCoreApplication::translate("Lectern::Database", "optimize the search index"), q);
        return {};
    }

    void optimizeOnClose(QSqlDatabase &) const override
    {
        // The server's autovacuum keeps the statistics.
    }

private:
    /// The search's matches as "hits" (one column, id), from the search text at its one placeholder: the
    /// papers whose own text matches, from the GIN index; and those whose text and note match only
    /// together, among the notes holding one of the words (their GIN index) — a condition on the two
    /// vectors joined could use no index, and every keystroke read and matched all papers (1.9 s at 100k).
    /// The search text's words are joined by " & " (searchText(); a word holds no space), so " | " makes
    /// the query of any one word.
    static QString matching()
    {
        return QStringLiteral(
            "WITH t(text) AS (SELECT CAST(? AS text)), "
            "q AS (SELECT to_tsquery('simple', lectern_unaccent(text)) AS query, "
            "             to_tsquery('simple', lectern_unaccent(replace(text, ' & ', ' | '))) AS anyword "
            "      FROM t), "
            "hits(id) AS ("
            "  SELECT ps.id FROM paper_search ps WHERE ps.search @@ (SELECT query FROM q) "
            "  UNION ALL "
            "  SELECT ps.id FROM paper_state st JOIN papers p ON p.arxiv_id = st.arxiv_id "
            "  JOIN paper_search ps ON ps.id = p.id "
            "  WHERE st.note_search @@ (SELECT anyword FROM q) AND NOT ps.search @@ (SELECT query FROM q) "
            "    AND ps.search || st.note_search @@ (SELECT query FROM q)) ");
    }

public:
    QString errorHint(const QSqlError &error) const override
    {
        const QString state = error.nativeErrorCode();
        if (state == u"53100") // disk_full
            return QCoreApplication::translate("Lectern::Database",
                "The disk or the database is full; what was being written is not saved "
                "(free some space on the server and try again). ");
        if (state == u"42501") // insufficient_privilege
            return QCoreApplication::translate("Lectern::Database",
                "The database server refused this for lack of privileges (ask the "
                "database's admin). ");
        if (state == u"25006") // read_only_sql_transaction
            return QCoreApplication::translate(
                "Lectern::Database", "The database server is read-only (a standby?). ");
        if (state.startsWith(u"08") || error.type() == QSqlError::ConnectionError)
            return QCoreApplication::translate("Lectern::Database",
                "The connection to the database server was lost; what was being "
                "written is not saved (check the server and try again). ");
        return {};
    }
};

} // namespace

QString SqlDialect::latestScoreJoin() const
{
    return QStringLiteral("LEFT JOIN scores s ON s.id = %1 ")
        .arg(visibleScoreId(QStringLiteral("p.arxiv_id")));
}

QString SqlDialect::visibleScoreId(const QString &paperColumn) const
{
    // Two look-ups down the scores' (arxiv_id, scored_at) index rather than one ordered by "own first":
    // that order would sort each paper's scores apart.
    const QString latestOf = QStringLiteral(
        "(SELECT id FROM scores WHERE arxiv_id = %1 AND prompt_hash IN "
        "(SELECT prompt_hash FROM member_prompts WHERE %2) ORDER BY scored_at DESC, id DESC LIMIT 1)");
    return QStringLiteral("COALESCE(%1, %2)")
        .arg(latestOf.arg(paperColumn, QStringLiteral("member = ") + currentMember()),
            latestOf.arg(paperColumn, QStringLiteral("lab = TRUE")));
}

QString SqlDialect::visiblePrompt(const QString &hashColumn) const
{
    return QStringLiteral("%1 IN (SELECT prompt_hash FROM member_prompts WHERE member = %2 OR lab = TRUE)")
        .arg(hashColumn, currentMember());
}

std::unique_ptr<RowCursor> SqlDialect::rowCursor(
    QSqlDatabase &db, const QString &sql, const QVariantList &binds) const
{
    return RowCursor::overQuery(db, sql, binds);
}

const SqlDialect &SqlDialect::forBackend(StoreLocation::Backend backend)
{
    static const SqliteDialect sqlite;
    static const PostgresDialect postgres;
    if (backend == StoreLocation::Backend::Postgres)
        return postgres;
    return sqlite;
}

const SqlDialect &SqlDialect::forDriver(const QSqlDriver *driver)
{
    const bool postgres = driver && driver->dbmsType() == QSqlDriver::PostgreSQL;
    return forBackend(postgres ? StoreLocation::Backend::Postgres : StoreLocation::Backend::Sqlite);
}

Result<QStringList> SqlDialect::search(QSqlDatabase &db, const QStringList &words, int limit) const
{
    QSqlQuery q(db);
    q.prepare(searchStatement());
    q.addBindValue(searchText(words));
    // "No limit" (a negative one, as the window asks): SQLite reads LIMIT -1 so, PostgreSQL refuses it.
    q.addBindValue(limit < 0 ? std::numeric_limits<int>::max() : limit);
    if (!q.exec())
        return queryError(
            QCoreApplication::translate("Lectern::Database", "search for \"%1\"").arg(words.join(u' ')), q);
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

Result<QList<qint64>> SqlDialect::matchingRows(QSqlDatabase &db, const QStringList &words) const
{
    // Through the dialect's cursor: a broad prefix matches most of 100k papers, and QSqlQuery reads
    // PostgreSQL's rows one result object at a time.
    const std::unique_ptr<RowCursor> cursor = rowCursor(db, matchStatement(), {searchText(words)});
    QList<qint64> rows;
    while (cursor->next())
        rows << cursor->integer(0);
    if (cursor->error().isValid())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "search for \"%1\"").arg(words.join(u' ')),
            cursor->error(), *this);
    return rows;
}

} // namespace Lectern
