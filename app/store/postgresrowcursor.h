// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/rowcursor.h"

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace Lectern {

/// RowCursor on PostgreSQL through libpq, under the QPSQL connection: the rows come in batches of a
/// server-side cursor (DECLARE … FETCH), each batch one result whose values are read in place. QSqlQuery
/// reads a forward-only query in libpq's single-row mode (one result object per row, each value a
/// QVariant) and a scrollable one as a single result of every row (100k rows of "All days" at once in
/// memory); a batch is a few thousand rows. Outside a transaction the walk opens one of its own (a cursor
/// lives in one) and ends it at the last row, or when the cursor is destroyed early. The walk's settings
/// (planned for every row, memory for its sorts: SET LOCAL) last as long as that transaction.
class PostgresRowCursor final : public RowCursor
{
public:
    /// @p sql with "?" placeholders (outside quoted text) bound to @p binds, in order.
    PostgresRowCursor(PGconn *conn, const QString &sql, const QVariantList &binds, int batchRows = 5000);
    ~PostgresRowCursor() override;
    Q_DISABLE_COPY_MOVE(PostgresRowCursor)

    bool next() override;
    [[nodiscard]] bool isNull(int column) const override;
    [[nodiscard]] QString text(int column) const override;
    [[nodiscard]] QByteArray utf8(int column) const override;
    [[nodiscard]] qint64 integer(int column) const override;
    [[nodiscard]] QSqlError error() const override { return m_error; }

    /// @p sql with its "?" placeholders numbered as PostgreSQL's ($1, $2…); question marks in quoted
    /// text or names stay.
    [[nodiscard]] static QString numberedPlaceholders(const QString &sql);

private:
    /// Runs @p command (with the binds when @p withBinds); false and error() set when it fails.
    bool run(const QByteArray &command, bool withBinds = false);
    bool fetchBatch();
    void finish();

    PGconn *m_conn = nullptr;
    QByteArray m_cursorName;
    QList<QByteArray> m_binds;
    QList<bool> m_nullBinds;
    int m_batchRows = 0;
    PGresult *m_batch = nullptr;
    int m_row = -1;
    int m_rows = 0;
    bool m_ownTransaction = false;
    bool m_open = false; ///< the server-side cursor is declared and not closed yet
    bool m_done = false;
    QSqlError m_error;
};

} // namespace Lectern
