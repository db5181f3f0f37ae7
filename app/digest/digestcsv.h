// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern {

/// Digests as CSV for spreadsheets (LibreOffice Calc, Excel, Google Sheets): one row per paper and day.
///
/// Columns: arXiv id, version, title, authors, categories, day, relevance, novelty, scored by, comment,
/// starred, tags, note, URL. Title, authors and comment have their TeX resolved to Unicode (TexToUnicode)
/// and are one line; authors, categories and tags are joined with "; "; the note keeps its lines.
///
/// RFC 4180: records end with CR LF, a quote inside a field is doubled. Every text field is quoted (so a
/// field holding the separator of a locale that uses ";" stays one field as well); the numbers (version,
/// relevance, novelty) are not, so that a spreadsheet reads them as numbers. UTF-8 with a byte order
/// mark, see write().
///
/// Formula injection (OWASP "CSV Injection"): a text field whose first character that is not a space
/// is =, +, -, @, TAB or CR (or the full-width =, +, -, @) gets a leading apostrophe, so that a title
/// like "=HYPERLINK(…)" is shown as text, never run as a formula. Number fields are never changed.
class DigestCsv final
{
public:
    DigestCsv() = delete;

    /// The header row and one row per entry of each digest, oldest day first, as UTF-8 with a BOM.
    [[nodiscard]] static QByteArray write(const QList<Digest> &digests);
    /// The column names, in order.
    [[nodiscard]] static QStringList header();
    /// @p text as a quoted CSV text field, neutralised against formulas as described above.
    [[nodiscard]] static QString textField(const QString &text);
};

} // namespace Lectern
