// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace Lectern::Markdown {

/// Text joined into one line: every run of white space that holds a line break becomes one space, and the
/// ends are trimmed; other spacing is kept as written.
[[nodiscard]] QString oneLine(QStringView text);

/// Escapes a title, author, comment or tag for use inside a Markdown line or link text, so that it
/// cannot open a link, an image, emphasis, a code span, HTML, a heading or a table cell: \ ` * _ [ ] < # |
/// get a backslash, and so do the ":" of "://", the "." of "www.", "@" (autolinks) and the "&" of a
/// character reference. A backslash gets one only when it would otherwise escape one of them, so TeX
/// like D\'iaz stays as written. TeX math ($...$, $$...$$) keeps its TeX, but whatever a reader without
/// math support (Qt's md4c, most editors) would take for markup is spelled in TeX that renders the same:
/// < as \lt{}, [ ] as \lbrack{} \rbrack{}, @ as {@}, and the ":" of "://" and the "." of "www." braced.
[[nodiscard]] QString escapeInline(QStringView text);

/// Escapes an abstract: kept as arXiv wrote it (TeX included) except what would make HTML, a link or an
/// image: "<", "[", "]" and the autolink and reference punctuation get a backslash outside math and a TeX
/// spelling inside it, as in escapeInline.
[[nodiscard]] QString escapeAbstract(QStringView text);

/// escapeInline for a line that continues a paragraph: also escapes what would start a block there
/// ("- ", "+ ", "1. ", "> ", "===", "~~~"), so a user's note cannot end its paragraph or add a rule.
[[nodiscard]] QString escapeLine(QStringView text);

/// The inverse of escapeInline. Exact, except that math which already held one of the TeX spellings above
/// reads back with the character it spells.
[[nodiscard]] QString unescapeInline(QStringView text);
/// The inverse of escapeLine.
[[nodiscard]] QString unescapeLine(QStringView text);
/// The inverse of escapeAbstract.
[[nodiscard]] QString unescapeAbstract(QStringView text);

} // namespace Lectern::Markdown
