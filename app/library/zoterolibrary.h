// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/referencelist.h"
#include "util/result.h"

#include <QString>

namespace Lectern {

/// Reads a Zotero library (zotero.sqlite) into a ReferenceList.
///
/// Zotero may be running: it holds the database open, often with an exclusive lock, and keeps recent
/// changes in the -wal file beside it. So the file (and its -wal) is copied to a temporary folder first
/// and the copy is opened read-only; the user's library is never opened, let alone written.
///
/// Items come from Zotero's schema (items, itemTypes, fields, itemData, itemDataValues, creators,
/// itemCreators; itemTypesCombined and fieldsCombined where present): title, creators in order, date
/// (year), DOI, URL, abstract. Notes, attachments, annotations, items in the trash (deletedItems) and
/// items of subscribed feeds are skipped. An arXiv id is looked for in the URL, the DOI (10.48550/arXiv.…),
/// the "extra" field, the archive id ("arXiv:…") and the report number.
class ZoteroLibrary final
{
public:
    [[nodiscard]] static Result<ReferenceList> read(const QString &path);
};

} // namespace Lectern
