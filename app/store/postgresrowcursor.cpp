// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresrowcursor.h"

#include "store/libpqconnection.h"

#include <QVariant>

#include <charconv>
#include <libpq-fe.h>

namespace Lectern {

namespace {

QSqlError errorOf(PGconn *conn, const PGresult *result, const QString &what)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString message = result && *PQresultErrorMessage(result)
        ? QString::fromUtf8(PQresultErrorMessage(result)).trimmed()
        : libpqError(conn);
    // A lost connection is the driver's ConnectionError, as QPSQL reports it: the store's hints read it.
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    return QSqlError(what, message, lost ? QSqlError::ConnectionError : QSqlError::StatementError,
        state ? QString::fromLatin1(state) : QString());
}

} // namespace

PostgresRowCursor::PostgresRowCursor(
    PGconn *conn, const QString &sql, const QVariantList &binds, int batchRows)
    : m_conn(conn)
    , m_batchRows(std::max(1, batchRows))
{
    static QAtomicInt counter;
    m_cursorName = "lectern_rows_" + QByteArray::number(counter.fetchAndAddRelaxed(1));
    for (const QVariant &value : binds) {
        m_nullBinds << value.isNull();
        m_binds << value.toString().toUtf8();
    }
    if (!m_conn) {
        m_error = QSqlError(QStringLiteral("no PostgreSQL connection"), {}, QSqlError::ConnectionError);
        m_done = true;
        return;
    }
    // A cursor lives in a transaction; outside one, the walk has its own (read only: it only reads).
    if (PQtransactionStatus(m_conn) == PQTRANS_IDLE) {
        if (!run("BEGIN READ ONLY"))
            return;
        m_ownTransaction = true;
    }
    // Every row is read: planned for all of them, not for the first tenth as cursors are by default, with
    // memory for the sorts and hashes of 100k rows (the default 4 MB sent "All days"' sort to disk) unless
    // the server allows more already. Both for this transaction only.
    if (!run("SET LOCAL cursor_tuple_fraction = 1") ||
        !run("SELECT set_config('work_mem', '64MB', true) "
             "WHERE pg_size_bytes(current_setting('work_mem')) < 64 * 1024 * 1024") ||
        !run("DECLARE " + m_cursorName + " NO SCROLL CURSOR FOR " + numberedPlaceholders(sql).toUtf8(), true))
        return;
    m_open = true;
}

PostgresRowCursor::~PostgresRowCursor()
{
    if (m_batch)
        PQclear(m_batch);
    finish();
}

bool PostgresRowCursor::run(const QByteArray &command, bool withBinds)
{
    std::vector<const char *> values;
    if (withBinds) {
        for (qsizetype i = 0; i < m_binds.size(); ++i)
            values.push_back(m_nullBinds.at(i) ? nullptr : m_binds.at(i).constData());
    }
    PGresult *result = PQexecParams(m_conn, command.constData(), int(values.size()), nullptr,
        values.empty() ? nullptr : values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(result);
        return true;
    }
    m_error = errorOf(m_conn, result, QStringLiteral("Unable to read the rows"));
    PQclear(result);
    finish();
    return false;
}

bool PostgresRowCursor::fetchBatch()
{
    if (m_batch) {
        PQclear(m_batch);
        m_batch = nullptr;
    }
    const QByteArray fetch = "FETCH FORWARD " + QByteArray::number(m_batchRows) + " FROM " + m_cursorName;
    m_batch = PQexec(m_conn, fetch.constData());
    if (PQresultStatus(m_batch) != PGRES_TUPLES_OK) {
        m_error = errorOf(m_conn, m_batch, QStringLiteral("Unable to read the rows"));
        PQclear(m_batch);
        m_batch = nullptr;
        finish();
        return false;
    }
    m_rows = PQntuples(m_batch);
    m_row = -1;
    return true;
}

bool PostgresRowCursor::next()
{
    if (m_done)
        return false;
    if (m_batch && m_row + 1 < m_rows) {
        ++m_row;
        return true;
    }
    // The last batch was short: the cursor has no more rows.
    if (m_batch && m_rows < m_batchRows) {
        finish();
        return false;
    }
    if (!fetchBatch() || m_rows == 0) {
        finish();
        return false;
    }
    m_row = 0;
    return true;
}

void PostgresRowCursor::finish()
{
    if (m_done && !m_open && !m_ownTransaction)
        return;
    m_done = true;
    const bool failed = PQtransactionStatus(m_conn) == PQTRANS_INERROR;
    if (m_open && !failed) {
        PQclear(PQexec(m_conn, QByteArray("CLOSE " + m_cursorName).constData()));
    }
    m_open = false;
    if (m_ownTransaction) {
        m_ownTransaction = false;
        PQclear(PQexec(m_conn, failed ? "ROLLBACK" : "COMMIT"));
    }
}

bool PostgresRowCursor::isNull(int column) const
{
    return PQgetisnull(m_batch, m_row, column) != 0;
}

QString PostgresRowCursor::text(int column) const
{
    return QString::fromUtf8(PQgetvalue(m_batch, m_row, column), PQgetlength(m_batch, m_row, column));
}

QByteArray PostgresRowCursor::utf8(int column) const
{
    return QByteArray(PQgetvalue(m_batch, m_row, column), PQgetlength(m_batch, m_row, column));
}

qint64 PostgresRowCursor::integer(int column) const
{
    const char *value = PQgetvalue(m_batch, m_row, column);
    const int length = PQgetlength(m_batch, m_row, column);
    // A boolean comes as "t" or "f" in text.
    if (length == 1 && (*value == 't' || *value == 'f'))
        return *value == 't' ? 1 : 0;
    qint64 n = 0;
    std::from_chars(value, value + length, n);
    return n;
}

QString PostgresRowCursor::numberedPlaceholders(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 16);
    int number = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'?') {
            out += u'$' + QString::number(++number);
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace Lectern
