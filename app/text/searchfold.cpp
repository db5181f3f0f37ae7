// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchfold.h"

#include "textounicode.h"

namespace Lectern {

QString SearchFold::fold(const QString &text)
{
    return foldTyped(TexToUnicode::convert(text));
}

QString SearchFold::foldTyped(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        switch (c.toLower().unicode()) {
        case u'ø':
            out += u'o';
            break;
        case u'ł':
            out += u'l';
            break;
        case u'đ':
        case u'ð':
            out += u'd';
            break;
        case u'ı':
            out += u'i';
            break;
        case u'ß':
            out += QLatin1StringView("ss");
            break;
        case u'æ':
            out += QLatin1StringView("ae");
            break;
        case u'œ':
            out += QLatin1StringView("oe");
            break;
        case u'þ':
            out += QLatin1StringView("th");
            break;
        default:
            out += c.toCaseFolded();
        }
    }
    return out;
}

} // namespace Lectern
