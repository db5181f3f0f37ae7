// SPDX-License-Identifier: GPL-3.0-or-later
#include "papertabletext.h"

#include "text/textounicode.h"

namespace Lectern {

QString PaperTableText::title(const PaperRecord &record)
{
    return TexToUnicode::convert(record.paper.title);
}

QString PaperTableText::shortAuthors(const PaperRecord &record)
{
    QString first;
    qsizetype others = 0;
    if (record.lean) {
        const qsizetype end = record.authorLines.indexOf('\n');
        first = QString::fromUtf8(
            end < 0 ? QByteArrayView(record.authorLines) : QByteArrayView(record.authorLines).first(end));
        others = record.authorLines.isEmpty() ? 0 : record.authorLines.count('\n');
    } else if (!record.paper.authors.isEmpty()) {
        first = record.paper.authors.first();
        others = record.paper.authors.size() - 1;
    }
    if (first.isEmpty())
        return {};
    first = TexToUnicode::convert(first);
    return others == 0 ? first : QStringLiteral("%1 +%2").arg(first).arg(others);
}

QString PaperTableText::fullAuthors(const PaperRecord &record)
{
    if (!record.lean)
        return TexToUnicode::convert(record.paper.authors.join(QStringLiteral(", ")));
    QString joined = QString::fromUtf8(record.authorLines);
    joined.replace(u'\n', QStringLiteral(", "));
    return TexToUnicode::convert(joined);
}

QByteArray PaperTableText::sortKey(const QString &text)
{
    // Most titles and names are ASCII: lowered here byte by byte, without the Unicode case tables that
    // QString::toLower consults for every character (a tenth of ordering 100k titles).
    QByteArray key(text.size(), Qt::Uninitialized);
    char *out = key.data();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            return text.toLower().toUtf8();
        *out++ = char(u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u);
    }
    return key;
}

} // namespace Lectern
