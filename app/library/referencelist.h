// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/arxivid.h"
#include "library/libraryreference.h"
#include "util/result.h"

#include <QList>
#include <QSet>
#include <QString>

namespace Lectern {

/// The references of a library file, for `lectern import` and File ▸ Import…: a BibTeX database (.bib), a
/// RIS file (.ris), a Zotero library (zotero.sqlite, read by ZoteroLibrary) or a plain list (anything else:
/// one arXiv id or abs/pdf/html URL a line, # comments).
///
/// Each reference keeps its title, authors, year, DOI, URL and abstract, and its arXiv id when it names one:
/// in BibTeX and RIS an "eprint" field, an arxiv.org URL, an "arXiv:" id or an arXiv DOI (10.48550/arXiv.…)
/// inside the entry. A reference without one (a book, a journal paper) is kept too, as text.
struct ReferenceList
{
    enum class Format { BibTeX, Ris, List, Zotero };

    Format format = Format::List;
    QList<LibraryReference> references; ///< in file order, each once (LibraryReference::key)
    QList<ArxivId> ids; ///< the arXiv papers among them, in file order, each once (versions kept as given)
    int entries = 0; ///< references (entries, records, items or lines) read
    int withoutArxivId = 0; ///< of which name no arXiv paper
    QStringList unreadable; ///< list lines that are neither blank, a comment nor an arXiv id
    QStringList leftOut; ///< entries left out, each said in a sentence in the user's language (BibTeX entries
                         ///< btparse could not read)

    [[nodiscard]] static Format formatOf(const QString &fileName);
    /// Parses the text formats (not Zotero, which is a database: read()).
    [[nodiscard]] static ReferenceList parse(const QString &text, Format format);
    /// Reads the file at @p path, whatever its format (a SQLite file is taken for a Zotero library).
    [[nodiscard]] static Result<ReferenceList> read(const QString &path);
    /// Adds @p reference (counted as an entry; a second one with the same key is counted only).
    void add(const LibraryReference &reference);
    /// The first arXiv id mentioned in @p text: an arxiv.org link, "arXiv:ID", an arXiv DOI, an eprint field.
    [[nodiscard]] static std::optional<ArxivId> firstArxivMention(const QString &text);

private:
    QSet<QString> m_keys;
};

} // namespace Lectern
