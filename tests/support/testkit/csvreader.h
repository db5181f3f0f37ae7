// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern::Test {

/// One CSV record: its fields with quotes undone, and whether each was quoted.
struct CsvRecord
{
    QStringList fields;
    QList<bool> quoted;
};

/// A small, strict RFC 4180 reader, for checking what DigestCsv writes. Records end with CR LF (the last
/// one too); fields are separated by commas; a quoted field may hold commas, CR, LF and doubled quotes;
/// an unquoted field may hold none of them. Sets @p error and returns what it read so far on the first
/// problem: a bare CR or LF, a quote inside an unquoted field, text after a closing quote, an unclosed
/// quote, or a missing final CR LF. A leading UTF-8 byte order mark (U+FEFF) is not skipped: the caller
/// says whether one belongs there.
QList<CsvRecord> readCsv(const QString &text, QString *error);

} // namespace Lectern::Test
