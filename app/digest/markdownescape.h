// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace Lectern::Markdown {

/// Text joined into one line: every run of white space that holds a line break becomes one space, and the
/// ends are trimmed; other spacing is kept as written.
[[nodiscard]] QString oneLine(QStringView text);

/// Escapes a title, author, comment or tag for use inside a Markdown line or link text, so that it
/// cannot open a link, emphasis, code span, HTML tag, heading or table cell: \ ` * _ [ ] < # | get a
/// backslash (a backslash only when it would otherwise escape one of them, so TeX like D\'iaz stays as
/// written). TeX math ($...$, $$...$$) is kept raw, as GitHub renders it; only a bracket that is
/// unbalanced inside math is spelled \lbrack / \rbrack, which renders the same and cannot end link text.
[[nodiscard]] QString escapeInline(QStringView text);

/// Escapes an abstract: kept as arXiv wrote it (TeX included) except that "<" outside math is escaped,
/// because GitHub would take "<think>" for an HTML tag and hide it.
[[nodiscard]] QString escapeAbstract(QStringView text);

/// escapeInline for a line that continues a paragraph: also escapes what would start a block there
/// ("- ", "+ ", "1. ", "> ", "===", "~~~"), so a user's note cannot end its paragraph or add a rule.
[[nodiscard]] QString escapeLine(QStringView text);

/// The inverse of escapeInline.
[[nodiscard]] QString unescapeInline(QStringView text);
/// The inverse of escapeLine.
[[nodiscard]] QString unescapeLine(QStringView text);
/// The inverse of escapeAbstract.
[[nodiscard]] QString unescapeAbstract(QStringView text);

} // namespace Lectern::Markdown
