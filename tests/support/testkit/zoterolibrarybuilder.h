// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace Lectern::Test {

/// Writes a small Zotero library (zotero.sqlite) through its own connection: the tables and column names
/// of Zotero's schema that Lectern reads (items, itemTypes, fields, itemData, itemDataValues, creators,
/// itemCreators, deletedItems, feeds), with the item types and fields the tests use. Written by the tests;
/// no copy of Zotero's schema file.
class ZoteroLibraryBuilder
{
public:
    explicit ZoteroLibraryBuilder(const QString &path);
    ~ZoteroLibraryBuilder();
    Q_DISABLE_COPY_MOVE(ZoteroLibraryBuilder)

    /// Runs @p sql with @p values bound in order; false (and ok() false from then on) when it fails.
    bool exec(const QString &sql, const QVariantList &values = {});
    /// An item of @p type with @p fields (Zotero field name -> value) and creators ("First|Last", or a
    /// single-field name); returns its itemID.
    int addItem(const QString &type, const QList<std::pair<QString, QString>> &fields,
        const QStringList &creators = {}, int libraryID = 1);
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_ok = false;
    int m_items = 0;
};

} // namespace Lectern::Test
