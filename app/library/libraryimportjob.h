// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "net/httpclient.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Lectern {

class Settings;

struct LibraryImportRequest
{
    QString databasePath;
    QString filePath; ///< .bib, .ris, zotero.sqlite or a list of ids
    QUrl apiBase; ///< arXiv's API
    HttpOptions http;

    /// The API endpoint, contact and politeness interval from @p settings (as `lectern add` uses them).
    [[nodiscard]] static LibraryImportRequest fromSettings(
        const Settings &settings, const QString &databasePath, const QString &filePath);
};

/// What an import did; filled as it goes, so a cancelled or failed import still says what it kept.
struct LibraryImportSummary
{
    QString source; ///< the file's name
    int references = 0; ///< references the file holds (entries, records, items, lines)
    int handled = 0; ///< of which the import got through (all of them unless cancelled or failed)
    int arxivAdded = 0; ///< arXiv papers new to the library
    int arxivKnown = 0; ///< arXiv papers imported before (nothing added)
    int textAdded = 0; ///< references without an arXiv id kept as text
    int textKnown = 0; ///< of those, kept before
    int lookedUp = 0; ///< arXiv API requests made
    QStringList notFound; ///< arXiv ids the API could not give, each "id: why"
    QStringList unreadable; ///< list lines that are no arXiv id or URL
    QStringList leftOut; ///< entries the file could not give, each said in a sentence (ReferenceList)
    QStringList importedIds; ///< the arXiv papers of the file now in the library, in file order

    /// "12 arXiv papers added, 3 kept as text, 1 not found" and what was there already.
    [[nodiscard]] QString describe() const;
};

/// Imports a library file (ReferenceList::read) into the store: each arXiv paper is looked up through the
/// arXiv API unless stored already (one request at a time, through the arXiv gate), stored, tagged
/// "imported" and recorded in the library with the file it came from; every other reference is kept as
/// text (LibraryStore). Each reference is committed as it is handled, so a cancelled import keeps what it
/// imported, and importing the same file again adds nothing. A paper the API cannot give is listed in the
/// summary, not fatal; a store that cannot be written is.
class LibraryImportJob final : public Job
{
    Q_OBJECT
public:
    explicit LibraryImportJob(LibraryImportRequest request, QObject *parent = nullptr);

protected:
    Result<QString> run() override;

private:
    LibraryImportRequest m_request;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::LibraryImportSummary)
