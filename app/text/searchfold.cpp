// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchfold.h"

#include "textounicode.h"

namespace Lectern {

QString SearchFold::fold(const QString &text)
{
    return foldTyped(TexToUnicode::convert(text));
}

QLatin1StringView SearchFold::spelledOut(char16_t lowerCase)
{
    // Letters that NFKD does not decompose into a base letter and a mark.
    switch (lowerCase) {
    case u'ø':
        return QLatin1StringView("o");
    case u'ł':
        return QLatin1StringView("l");
    case u'đ':
    case u'ð':
        return QLatin1StringView("d");
    case u'ß':
        return QLatin1StringView("ss");
    case u'æ':
        return QLatin1StringView("ae");
    case u'œ':
        return QLatin1StringView("oe");
    case u'þ':
        return QLatin1StringView("th");
    default:
        return {};
    }
}

QString SearchFold::foldTyped(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        const char16_t lower = c.toLower().unicode();
        if (const QLatin1StringView spelling = spelledOut(lower); !spelling.isEmpty())
            out += spelling;
        else if (lower == u'ı')
            out += u'i';
        else
            out += c.toCaseFolded();
    }
    return out;
}

} // namespace Lectern
