// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

namespace Lectern::Test {

QList<CsvRecord> readCsv(const QString &text, QString *error)
{
    QList<CsvRecord> out;
    error->clear();
    qsizetype i = 0;
    const auto fail = [&](const QString &why) {
        *error = QStringLiteral("record %1, at %2: %3").arg(out.size() + 1).arg(i).arg(why);
        return out;
    };
    const qsizetype n = text.size();
    while (i < n) {
        CsvRecord record;
        while (true) { // one field
            QString value;
            bool quoted = false;
            if (i < n && text[i] == u'"') {
                quoted = true;
                ++i;
                while (true) {
                    if (i >= n)
                        return fail(QStringLiteral("unclosed quote"));
                    if (text[i] == u'"') {
                        if (i + 1 < n && text[i + 1] == u'"') {
                            value += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    value += text[i++];
                }
            } else {
                while (i < n && text[i] != u',' && text[i] != u'\r' && text[i] != u'\n') {
                    if (text[i] == u'"')
                        return fail(QStringLiteral("a quote inside an unquoted field"));
                    value += text[i++];
                }
            }
            record.fields << value;
            record.quoted << quoted;
            if (i < n && text[i] == u',') {
                ++i;
                continue;
            }
            if (i + 1 < n && text[i] == u'\r' && text[i + 1] == u'\n') {
                i += 2;
                break;
            }
            if (i >= n)
                return fail(QStringLiteral("the last record does not end with CR LF"));
            return fail(
                quoted ? QStringLiteral("text after a closing quote") : QStringLiteral("a bare CR or LF"));
        }
        out << record;
    }
    return out;
}

} // namespace Lectern::Test
