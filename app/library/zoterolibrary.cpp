// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/zoterolibrary.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace Lectern {

namespace {

Error zoteroError(const QString &path, const QString &what, const QSqlQuery &q)
{
    return Error {
        QCoreApplication::translate("Lectern::ZoteroLibrary", "Cannot read the Zotero library %1 (%2): %3")
            .arg(path, what, q.lastError().text())};
}

Result<ReferenceList> readCopy(QSqlDatabase &db, const QString &path)
{
    const QStringList tables = db.tables();
    if (!tables.contains(QStringLiteral("items")) || !tables.contains(QStringLiteral("itemData")))
        return Error {QCoreApplication::translate("Lectern::ZoteroLibrary",
            "%1 is a SQLite database but not a Zotero library (it has no items "
            "and itemData tables).")
                          .arg(path)};
    // Zotero 5.0.78 and later list custom item types and fields in the *Combined tables as well.
    const QString typesTable = tables.contains(QStringLiteral("itemTypesCombined"))
        ? QStringLiteral("itemTypesCombined")
        : QStringLiteral("itemTypes");
    const QString fieldsTable = tables.contains(QStringLiteral("fieldsCombined"))
        ? QStringLiteral("fieldsCombined")
        : QStringLiteral("fields");
    QString where = QStringLiteral("t.typeName NOT IN ('note', 'attachment', 'annotation')");
    if (tables.contains(QStringLiteral("deletedItems")))
        where += QStringLiteral(" AND i.itemID NOT IN (SELECT itemID FROM deletedItems)");
    if (tables.contains(QStringLiteral("feeds")))
        where += QStringLiteral(" AND i.libraryID NOT IN (SELECT libraryID FROM feeds)");

    QSqlQuery items(db);
    items.setForwardOnly(true);
    if (!items.exec(QStringLiteral("SELECT i.itemID, t.typeName FROM items i JOIN %1 t ON t.itemTypeID = "
                                   "i.itemTypeID WHERE %2 ORDER BY i.itemID")
                        .arg(typesTable, where)))
        return zoteroError(path, QStringLiteral("items"), items);
    QList<qint64> order;
    QHash<qint64, LibraryReference> byId;
    while (items.next()) {
        const qint64 id = items.value(0).toLongLong();
        order << id;
        byId[id].itemType = items.value(1).toString();
    }

    QSqlQuery data(db);
    data.setForwardOnly(true);
    if (!data.exec(QStringLiteral("SELECT d.itemID, f.fieldName, v.value FROM itemData d "
                                  "JOIN %1 f ON f.fieldID = d.fieldID "
                                  "JOIN itemDataValues v ON v.valueID = d.valueID")
                       .arg(fieldsTable)))
        return zoteroError(path, QStringLiteral("item fields"), data);
    // The fields where an arXiv id may hide, per item.
    QHash<qint64, QString> idSources;
    while (data.next()) {
        const auto it = byId.find(data.value(0).toLongLong());
        if (it == byId.end())
            continue;
        const QString field = data.value(1).toString();
        const QString value = data.value(2).toString();
        LibraryReference &r = *it;
        if (field == u"title")
            r.title = value.simplified();
        else if (field == u"date") {
            // Zotero stores "2021-03-04 March 4, 2021": the normalised date first ("0000" when unknown).
            static const QRegularExpression year(QStringLiteral(R"(\b(1[5-9]\d\d|2\d\d\d)\b)"));
            const QRegularExpressionMatch m = year.match(value);
            r.year = m.hasMatch() ? m.captured(1).toInt() : 0;
        } else if (field == u"DOI")
            r.doi = value.trimmed();
        else if (field == u"url")
            r.url = value.trimmed();
        else if (field == u"abstractNote")
            r.abstract = value;
        if (field == u"url" || field == u"DOI" || field == u"extra" || field == u"archiveID" ||
            field == u"reportNumber")
            idSources[it.key()] += value + u'\n';
    }

    QSqlQuery creators(db);
    creators.setForwardOnly(true);
    if (!creators.exec(QStringLiteral("SELECT ic.itemID, c.firstName, c.lastName FROM itemCreators ic "
                                      "JOIN creators c ON c.creatorID = ic.creatorID "
                                      "ORDER BY ic.itemID, ic.orderIndex")))
        return zoteroError(path, QStringLiteral("creators"), creators);
    while (creators.next()) {
        const auto it = byId.find(creators.value(0).toLongLong());
        if (it == byId.end())
            continue;
        // A single-field name (an institution) has only lastName.
        it->authors << QString(creators.value(1).toString() + u' ' + creators.value(2).toString()).trimmed();
    }

    ReferenceList out;
    out.format = ReferenceList::Format::Zotero;
    for (const qint64 id : order) {
        LibraryReference r = byId.value(id);
        const QString sources = idSources.value(id);
        r.arxivId = ReferenceList::firstArxivMention(sources);
        out.add(r);
    }
    return out;
}

} // namespace

Result<ReferenceList> ZoteroLibrary::read(const QString &path)
{
    if (!QFile::exists(path))
        return Error {
            QCoreApplication::translate("Lectern::ZoteroLibrary", "Cannot read %1: no such file").arg(path)};
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error {QCoreApplication::translate(
            "Lectern::ZoteroLibrary", "Cannot copy the Zotero library: no temporary folder (%1)")
                          .arg(dir.errorString())};
    const QString copy = dir.filePath(QStringLiteral("zotero.sqlite"));
    if (!QFile::copy(path, copy))
        return Error {QCoreApplication::translate(
            "Lectern::ZoteroLibrary", "Cannot copy the Zotero library %1 to read it")
                          .arg(path)};
    // Changes Zotero made since its last checkpoint are in the -wal file, which SQLite reads with the copy.
    const QString wal = path + QStringLiteral("-wal");
    if (QFile::exists(wal) && !QFile::copy(wal, copy + QStringLiteral("-wal")))
        return Error {QCoreApplication::translate(
            "Lectern::ZoteroLibrary", "Cannot copy the Zotero library's %1 to read it")
                          .arg(wal)};

    static QAtomicInteger<int> serial;
    const QString connection = QStringLiteral("lectern-zotero-%1").arg(serial.fetchAndAddRelaxed(1));
    Result<ReferenceList> result = Error {};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(copy);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            result = Error {
                QCoreApplication::translate("Lectern::ZoteroLibrary", "Cannot open the Zotero library %1: %2")
                    .arg(path, db.lastError().text())};
        else
            result = readCopy(db, path);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

} // namespace Lectern
