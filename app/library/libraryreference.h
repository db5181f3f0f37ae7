// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/arxivid.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Lectern {

/// One reference of the user's library as a reference manager holds it (a BibTeX entry, a RIS record, a
/// Zotero item, a line of a list). Text fields are as the file wrote them, TeX included.
struct LibraryReference
{
    std::optional<ArxivId> arxivId; ///< when the reference names an arXiv paper
    QString title;
    QStringList authors; ///< "First Last" or as written
    int year = 0; ///< 0: unknown
    QString doi;
    QString url;
    QString abstract;
    QString itemType; ///< the manager's word: "article", "JOUR", "book", "journalArticle"…

    /// What makes two imports of the same reference one: "arxiv:ID", else "doi:DOI" (lower case), else
    /// "title:words of the title|year". Empty for a reference with neither id nor title.
    [[nodiscard]] QString key() const;
};

} // namespace Lectern
