// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Lectern::Test {

/// One BibTeX entry as a reference manager would read it.
struct BibEntry
{
    QString type;
    QString key;
    QMap<QString, QString> fields; ///< lower-case names; values as written (still escaped)
};

/// A small, strict reader of the BibTeX Lectern writes: @type{key, name = {value}, ...}. Brace-delimited
/// values only, braces counted as BibTeX counts them (a backslash does not protect a brace). Sets @p error
/// and returns what it read so far on the first problem.
QList<BibEntry> readBibTeX(const QString &text, QString *error);

/// Undoes the escaping of BibTeXWriter: \& \% \$ \# \_ and \textbraceleft{} and friends.
QString unescapeBibTeX(const QString &value);

/// One RIS record: its lines in order, ER left out.
struct RisRecord
{
    QList<std::pair<QString, QString>> lines;
    [[nodiscard]] QStringList values(const QString &tag) const;
    [[nodiscard]] QString value(const QString &tag) const { return values(tag).value(0); }
};

/// RIS records. Sets @p error when a line is not "XX  - value" with CR LF, or a record does not start
/// with TY and end with ER.
QList<RisRecord> readRis(const QString &text, QString *error);

} // namespace Lectern::Test
