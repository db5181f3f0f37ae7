// SPDX-License-Identifier: GPL-3.0-or-later
#include "singlelinetext.h"

#include "text/textounicode.h"

namespace Lectern {

QString SingleLineText::of(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return out.simplified();
}

QString SingleLineText::fromTex(const QString &tex)
{
    return of(TexToUnicode::convert(tex));
}

} // namespace Lectern
