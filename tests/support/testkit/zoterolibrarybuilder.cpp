// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoterolibrarybuilder.h"

#include <QDebug>
#include <QSqlError>
#include <QSqlQuery>

namespace Lectern::Test {

ZoteroLibraryBuilder::ZoteroLibraryBuilder(const QString &path)
    : m_name(QStringLiteral("zotero-fixture"))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_ok = m_db.open();
    // A fixture: no need to wait for the disk after each of its many small statements.
    exec(QStringLiteral("PRAGMA synchronous=OFF"));
    for (const char *sql :
        {"CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT, templateItemTypeID INT, "
         "display INT DEFAULT 1)",
            "CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT, fieldFormatID INT)",
            "CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT NOT NULL, dateAdded TIMESTAMP "
            "NOT NULL DEFAULT CURRENT_TIMESTAMP, libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT "
            "NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key))",
            "CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE)",
            "CREATE TABLE itemData (itemID INT, fieldID INT, valueID, PRIMARY KEY (itemID, fieldID))",
            "CREATE TABLE creators (creatorID INTEGER PRIMARY KEY, firstName TEXT NOT NULL, lastName TEXT "
            "NOT NULL, fieldMode INT, UNIQUE (lastName, firstName, fieldMode))",
            "CREATE TABLE itemCreators (itemID INT NOT NULL, creatorID INT NOT NULL, creatorTypeID INT NOT "
            "NULL DEFAULT 1, orderIndex INT NOT NULL DEFAULT 0, PRIMARY KEY (itemID, creatorID, "
            "creatorTypeID, orderIndex))",
            "CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP "
            "NOT NULL)",
            "CREATE TABLE feeds (libraryID INTEGER PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL)"})
        exec(QString::fromLatin1(sql));
    int id = 0;
    for (const char *type : {"journalArticle", "preprint", "book", "report", "note", "attachment"})
        exec(QStringLiteral("INSERT INTO itemTypes (itemTypeID, typeName) VALUES (%1, '%2')")
                 .arg(++id)
                 .arg(QLatin1StringView(type)));
    id = 0;
    for (const char *field :
        {"title", "date", "DOI", "url", "abstractNote", "extra", "archiveID", "reportNumber"})
        exec(QStringLiteral("INSERT INTO fields (fieldID, fieldName) VALUES (%1, '%2')")
                 .arg(++id)
                 .arg(QLatin1StringView(field)));
}

ZoteroLibraryBuilder::~ZoteroLibraryBuilder()
{
    m_db.close();
    m_db = {};
    QSqlDatabase::removeDatabase(m_name);
}

bool ZoteroLibraryBuilder::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning() << sql << q.lastError().text();
        m_ok = false;
    }
    return m_ok;
}

int ZoteroLibraryBuilder::addItem(const QString &type, const QList<std::pair<QString, QString>> &fields,
    const QStringList &creators, int libraryID)
{
    const int item = ++m_items;
    exec(QStringLiteral("INSERT INTO items (itemID, itemTypeID, libraryID, key) SELECT ?, itemTypeID, ?, ? "
                        "FROM itemTypes WHERE typeName = ?"),
        {item, libraryID, QStringLiteral("KEY%1").arg(item), type});
    for (const auto &[field, value] : fields) {
        exec(QStringLiteral("INSERT OR IGNORE INTO itemDataValues (value) VALUES (?)"), {value});
        exec(QStringLiteral("INSERT INTO itemData (itemID, fieldID, valueID) SELECT ?, f.fieldID, v.valueID "
                            "FROM fields f, itemDataValues v WHERE f.fieldName = ? AND v.value = ?"),
            {item, field, value});
    }
    int order = 0;
    for (const QString &creator : creators) {
        const bool single = !creator.contains(u'|');
        // A single-field name (an institution): empty first name, fieldMode 1.
        const QString firstName = single ? QStringLiteral("") : creator.section(u'|', 0, 0);
        exec(QStringLiteral(
                 "INSERT OR IGNORE INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, ?)"),
            {firstName, creator.section(u'|', -1), single ? 1 : 0});
        exec(QStringLiteral("INSERT INTO itemCreators (itemID, creatorID, orderIndex) SELECT ?, creatorID, ? "
                            "FROM creators WHERE firstName = ? AND lastName = ?"),
            {item, order++, firstName, creator.section(u'|', -1)});
    }
    return item;
}

} // namespace Lectern::Test
