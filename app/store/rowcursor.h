// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlError>
#include <QString>
#include <QVariantList>

#include <memory>

class QSqlDatabase;

namespace Lectern {

/// A forward-only walk over the rows of one query, reading each value as the type the caller wants. The
/// "All days" load reads 100k rows of 18 values: through QSqlQuery every value becomes a QVariant first
/// (a third of the load's time), so the SQLite dialect hands out a cursor on SQLite's own statement
/// (SqlDialect::rowCursor), and the others one over QSqlQuery.
class RowCursor
{
public:
    virtual ~RowCursor() = default;

    /// The next row; false at the end or on an error, in preparing the query or in walking it (then
    /// error() says which).
    [[nodiscard]] virtual bool next() = 0;
    [[nodiscard]] virtual bool isNull(int column) const = 0;
    [[nodiscard]] virtual QString text(int column) const = 0;
    /// The text as UTF-8 bytes: what SQLite and PostgreSQL hold, without a conversion to UTF-16 and back.
    [[nodiscard]] virtual QByteArray utf8(int column) const { return text(column).toUtf8(); }
    [[nodiscard]] virtual qint64 integer(int column) const = 0;
    /// Why the walk stopped early; not valid when it reached the end.
    [[nodiscard]] virtual QSqlError error() const = 0;

    /// A cursor over QSqlQuery, for any driver: @p sql run on @p db with @p binds.
    [[nodiscard]] static std::unique_ptr<RowCursor> overQuery(
        QSqlDatabase &db, const QString &sql, const QVariantList &binds);
};

} // namespace Lectern
