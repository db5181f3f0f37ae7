// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/libraryreference.h"
#include "util/clock.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Lectern {

class Database;

/// One reference of the user's library as stored (schema 9).
struct LibraryItem
{
    qint64 rowId = 0;
    QString key; ///< LibraryReference::key()
    QString arxivId; ///< empty: kept as text
    QString title;
    QStringList authors;
    int year = 0;
    QString doi;
    QString url;
    QString abstract;
    QString itemType;
    QString source; ///< the file it was imported from (its name)
    QDateTime importedAt;

    [[nodiscard]] bool isArxiv() const { return !arxivId.isEmpty(); }
};

/// The library_items table: every reference the user imported, arXiv paper or not. An item is added once
/// (by its key); importing the same file again adds nothing.
class LibraryStore final
{
public:
    /// @p clock stamps what is written.
    explicit LibraryStore(Database &db, const Clock &clock = Clock::system());

    /// Adds @p reference from @p source (its arXiv id, when set, names a paper stored already); single
    /// statement. Returns whether it was new.
    Result<bool> add(const LibraryReference &reference, const QString &source);
    [[nodiscard]] Result<bool> contains(const QString &key);
    /// Every item, in the order imported; only those kept as text when @p textOnly.
    [[nodiscard]] Result<QList<LibraryItem>> items(bool textOnly = false);
    /// The file each imported arXiv paper came from (the first import of it): arXiv id -> source.
    [[nodiscard]] Result<QHash<QString, QString>> arxivSources();
    /// The file @p arxivId was imported from; empty when it was not imported.
    [[nodiscard]] Result<QString> sourceOf(const QString &arxivId);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Lectern
