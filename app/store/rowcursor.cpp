// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowcursor.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace Lectern {

namespace {

class QueryRowCursor final : public RowCursor
{
public:
    QueryRowCursor(QSqlDatabase &db, const QString &sql, const QVariantList &binds)
        : m_query(db)
    {
        m_query.setForwardOnly(true);
        if (!m_query.prepare(sql)) {
            m_failed = true;
            return;
        }
        for (const QVariant &value : binds)
            m_query.addBindValue(value);
        m_failed = !m_query.exec();
    }

    bool next() override { return !m_failed && m_query.next(); }
    bool isNull(int column) const override { return m_query.isNull(column); }
    QString text(int column) const override { return m_query.value(column).toString(); }
    qint64 integer(int column) const override { return m_query.value(column).toLongLong(); }
    QSqlError error() const override { return m_query.lastError(); }

private:
    QSqlQuery m_query;
    bool m_failed = false;
};

} // namespace

std::unique_ptr<RowCursor> RowCursor::overQuery(
    QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    return std::make_unique<QueryRowCursor>(db, sql, binds);
}

} // namespace Lectern
