// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Lectern {

/// One reference of a BibTeX file: its type (lower case), citation key and fields (names in lower case,
/// values with @string macros expanded, parts joined by '#' pasted, whitespace collapsed and the grouping
/// braces removed; TeX escapes such as {\"u} kept as \"u).
struct BibTeXEntry
{
    QString type;
    QString key;
    QList<std::pair<QString, QString>> fields;

    [[nodiscard]] QString field(const QString &name) const;
};

/// Reads BibTeX with btparse (Debian's libbtparse, the parser behind Perl's Text::BibTeX): @string macros,
/// @comment and @preamble, both delimiters, '#' concatenation. An entry btparse cannot read whole is left
/// out and named in unreadable; the entries after it are read. btparse keeps its state (macros, the lexer)
/// in globals: one read at a time in the process, and each read starts without the last file's macros.
/// btparse reports syntax errors on stderr itself.
class BibTeXReader final
{
public:
    struct Result
    {
        QList<BibTeXEntry> entries;
        QStringList unreadable; ///< "BibTeX entry KEY could not be read…", one per entry left out
    };
    [[nodiscard]] static Result read(const QByteArray &utf8);
};

} // namespace Lectern
