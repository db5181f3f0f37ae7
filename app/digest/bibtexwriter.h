// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"

#include <QList>
#include <QString>

namespace Lectern {

/// Writes papers as BibTeX @misc entries in the form arXiv recommends (eprint, archivePrefix = {arXiv},
/// primaryClass), for Zotero, JabRef, BibLaTeX and plain BibTeX.
///
/// Text fields: TeX math ($...$, $$...$$, \(...\), \[...\]) is kept as written when its braces balance
/// and it holds no command that reads or writes files or defines commands (\input, \include, \openout,
/// \write, \def, \catcode, ^^ spellings…; such math is written as text);
/// the text around it has its TeX accents and macros resolved to Unicode (TexToUnicode) and then the
/// characters special to (La)TeX escaped: & % $ # _ as \& \% \$ \# \_, and { } ~ ^ \ as \textbraceleft{},
/// \textbraceright{}, \textasciitilde{}, \textasciicircum{}, \textbackslash{} — spelled out so that the
/// braces of a field stay balanced whatever the title holds. Output is UTF-8.
class BibTeXWriter final
{
public:
    BibTeXWriter() = delete;

    /// The entries of @p entries, in order; a paper listed twice (two days) is written once.
    [[nodiscard]] static QString write(const QList<DigestEntry> &entries);
    [[nodiscard]] static QString entry(const DigestEntry &entry, const QString &key);

    /// A key that depends on the paper alone: first author's family name, year, first significant title
    /// word, lower-case ASCII ("renn2026mapping"); "arxiv" stands in for a name without Latin letters.
    /// write() appends "-" and the arXiv id (with "/" as "-") to keys that two papers of one file share.
    [[nodiscard]] static QString citationKey(const Paper &paper);
    /// The year of an arXiv id (2603.04417 -> 2026, hep-th/9901001 -> 1999); 0 when it has none.
    [[nodiscard]] static int yearOf(const QString &arxivId);
    /// Escapes a field's text as described above.
    [[nodiscard]] static QString escape(const QString &text);
    /// @p arxivId when it is a well-formed id; otherwise only its letters, digits, ".", "-" and "/", so
    /// that no key, field or line can be broken out of.
    [[nodiscard]] static QString safeId(const QString &arxivId);
};

} // namespace Lectern
