// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/librarystore.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace Lectern {

namespace {

/// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

constexpr QLatin1StringView kColumns {
    "id, item_key, arxiv_id, title, authors, year, doi, url, abstract, item_type, source, imported_at"};

LibraryItem itemFrom(const QSqlQuery &q)
{
    LibraryItem i;
    i.rowId = q.value(0).toLongLong();
    i.key = q.value(1).toString();
    i.arxivId = q.value(2).toString();
    i.title = q.value(3).toString();
    i.authors = q.value(4).toString().split(u'\n', Qt::SkipEmptyParts);
    i.year = q.value(5).toInt();
    i.doi = q.value(6).toString();
    i.url = q.value(7).toString();
    i.abstract = q.value(8).toString();
    i.itemType = q.value(9).toString();
    i.source = q.value(10).toString();
    i.importedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    return i;
}

} // namespace

LibraryStore::LibraryStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<bool> LibraryStore::add(const LibraryReference &r, const QString &source)
{
    const QString key = r.key();
    if (key.isEmpty())
        return Error {QCoreApplication::translate(
            "Lectern::LibraryStore", "A reference without an arXiv id, DOI or title cannot be kept.")};
    QSqlQuery q(m_db.sql());
    // Plain SQL that PostgreSQL reads too: insert only when the key is new.
    q.prepare(QStringLiteral("INSERT INTO library_items (item_key, arxiv_id, title, authors, year, doi, url, "
                             "abstract, item_type, source, imported_at) SELECT ?,?,?,?,?,?,?,?,?,?,? "
                             "WHERE NOT EXISTS (SELECT 1 FROM library_items WHERE item_key = ?)"));
    q.addBindValue(key);
    q.addBindValue(r.arxivId ? QVariant(r.arxivId->id) : QVariant(QMetaType(QMetaType::QString)));
    for (const QVariant &v : {text(r.title), text(r.authors.join(u'\n'))})
        q.addBindValue(v);
    q.addBindValue(r.year > 0 ? QVariant(r.year) : QVariant(QMetaType(QMetaType::Int)));
    for (const QVariant &v : {text(r.doi), text(r.url), text(r.abstract), text(r.itemType), text(source),
             QVariant(m_clock.nowUtc().toString(Qt::ISODateWithMs)), QVariant(key)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "keep \"%1\" in the library")
                            .arg(r.title.left(80)),
            q);
    return q.numRowsAffected() > 0;
}

Result<bool> LibraryStore::contains(const QString &key)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT 1 FROM library_items WHERE item_key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "look up a library item"), q);
    return q.next();
}

Result<QList<LibraryItem>> LibraryStore::items(bool textOnly)
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM library_items %2 ORDER BY id")
                    .arg(kColumns, textOnly ? QStringLiteral("WHERE arxiv_id IS NULL") : QString())))
        return sqlError(QCoreApplication::translate("Lectern::Database", "read the library"), q);
    QList<LibraryItem> out;
    while (q.next())
        out << itemFrom(q);
    return out;
}

Result<QHash<QString, QString>> LibraryStore::arxivSources()
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT arxiv_id, source FROM library_items WHERE arxiv_id IS NOT NULL "
                               "ORDER BY id")))
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the library's arXiv papers"), q);
    QHash<QString, QString> out;
    while (q.next()) {
        if (!out.contains(q.value(0).toString()))
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    return out;
}

Result<QString> LibraryStore::sourceOf(const QString &arxivId)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT source FROM library_items WHERE arxiv_id = ? ORDER BY id LIMIT 1"));
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "look up where %1 was imported from")
                            .arg(arxivId),
            q);
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace Lectern
