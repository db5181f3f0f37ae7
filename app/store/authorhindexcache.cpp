// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/authorhindexcache.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace Lectern {

AuthorHIndexCache::AuthorHIndexCache(Database &db)
    : m_db(db)
{ }

Result<QHash<QString, std::optional<int>>> AuthorHIndexCache::lookup(
    const QStringList &names, const QDateTime &notBefore)
{
    QHash<QString, std::optional<int>> out;
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT h_index FROM author_hindex WHERE name = ? AND fetched_at >= ?"));
    const QString since = notBefore.toUTC().toString(Qt::ISODateWithMs);
    for (const QString &name : names) {
        if (out.contains(name))
            continue;
        q.bindValue(0, name);
        q.bindValue(1, since);
        if (!q.exec())
            return sqlError(QCoreApplication::translate("Lectern::Database", "read the h-index cache"), q);
        if (q.next())
            out.insert(name, q.isNull(0) ? std::nullopt : std::optional<int>(q.value(0).toInt()));
        q.finish();
    }
    return out;
}

Result<void> AuthorHIndexCache::store(
    const QHash<QString, std::optional<int>> &entries, const QDateTime &fetchedAt)
{
    if (entries.isEmpty())
        return {};
    return m_db.inTransaction([&]() -> Result<void> {
        QSqlQuery q(m_db.sql());
        q.prepare(QStringLiteral("INSERT INTO author_hindex (name, h_index, fetched_at) VALUES (?,?,?) "
                                 "ON CONFLICT (name) DO UPDATE SET h_index = excluded.h_index, "
                                 "fetched_at = excluded.fetched_at"));
        const QString at = fetchedAt.toUTC().toString(Qt::ISODateWithMs);
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            q.bindValue(0, it.key());
            q.bindValue(1, it.value() ? QVariant(*it.value()) : QVariant(QMetaType::fromType<int>()));
            q.bindValue(2, at);
            if (!q.exec())
                return sqlError(
                    QCoreApplication::translate("Lectern::Database", "store an author's h-index"), q);
        }
        return {};
    });
}

} // namespace Lectern
