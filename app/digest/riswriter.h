// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"

#include <QList>
#include <QString>

namespace Lectern {

/// Writes papers in RIS, the tagged format every reference manager reads (Zotero, EndNote, Mendeley).
///
/// One record per paper: TY (ELEC for a preprint, JOUR with JO when arXiv lists a journal reference), ID
/// (the BibTeX citation key), TI, one AU per author ("Family, Given", affiliations dropped), AB, PY, DA, UR,
/// DO, PB, AN (arXiv:ID), one KW per tag, N1 with the user's note, ER. RIS has no escaping, so every value
/// is one line: TeX is resolved to Unicode (TexToUnicode) and line breaks become spaces; a note's lines are
/// joined with " / ". Lines end with CR LF, as the format's first readers expected.
class RisWriter final
{
public:
    RisWriter() = delete;

    /// The records of @p entries, in order; a paper listed twice (two days) is written once.
    [[nodiscard]] static QString write(const QList<DigestEntry> &entries);
    [[nodiscard]] static QString record(const DigestEntry &entry);
};

} // namespace Lectern
