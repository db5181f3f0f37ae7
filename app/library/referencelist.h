// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/arxivid.h"

#include <QList>
#include <QString>

namespace Lectern {

/// The arXiv papers a reference file names, for `lectern import`: a BibTeX database (.bib), a RIS file
/// (.ris) or a plain list (anything else: one arXiv id or abs/pdf/html URL a line, # comments).
///
/// Only arXiv identifiers are read: in BibTeX and RIS, an "eprint" field, an arxiv.org URL, an "arXiv:"
/// id or an arXiv DOI (10.48550/arXiv.…) inside an entry. Entries without one are counted, not kept:
/// Lectern's store holds arXiv papers.
struct ReferenceList
{
    enum class Format { BibTeX, Ris, List };

    Format format = Format::List;
    QList<ArxivId> ids; ///< in file order, each paper once (versions kept as given)
    int entries = 0; ///< references (entries, records or lines) read
    int withoutArxivId = 0; ///< of which name no arXiv paper
    QStringList unreadable; ///< list lines that are neither blank, a comment nor an arXiv id

    [[nodiscard]] static Format formatOf(const QString &fileName);
    [[nodiscard]] static ReferenceList parse(const QString &text, Format format);
};

} // namespace Lectern
