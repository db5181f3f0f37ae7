// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/personname.h"

#include "text/searchfold.h"
#include "text/textounicode.h"

#include <QStringList>

namespace Lectern {

namespace {

QString withoutParentheses(const QString &text)
{
    QString out;
    out.reserve(text.size());
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            depth = qMax(0, depth - 1);
        else if (depth == 0)
            out += c;
    }
    return out;
}

bool isSuffix(const QString &word)
{
    static const QStringList suffixes {QStringLiteral("jr"), QStringLiteral("jr."), QStringLiteral("sr"),
        QStringLiteral("sr."), QStringLiteral("ii"), QStringLiteral("iii"), QStringLiteral("iv")};
    return suffixes.contains(word.toLower());
}

bool isParticle(const QString &word)
{
    return !word.isEmpty() && word.front().isLower();
}

} // namespace

QString PersonName::clean(const QString &arxivName)
{
    return TexToUnicode::convert(withoutParentheses(arxivName)).simplified();
}

PersonName PersonName::parse(const QString &arxivName)
{
    const QString name = clean(arxivName);
    PersonName out;
    if (const qsizetype comma = name.indexOf(u','); comma >= 0) {
        // "Family, Given" or "Given Family, Jr."
        const QString first = name.left(comma).trimmed();
        const QString rest = name.mid(comma + 1).trimmed();
        if (isSuffix(rest)) {
            out = parse(first);
            out.suffix = rest;
            return out;
        }
        out.family = first;
        out.given = rest;
        return out;
    }
    QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    if (words.size() > 1 && isSuffix(words.last()))
        out.suffix = words.takeLast();
    if (words.isEmpty())
        return out;
    qsizetype familyStart = words.size() - 1;
    // Particles before the last word join the family name, but the first word is always a given name.
    while (familyStart > 1 && isParticle(words[familyStart - 1]))
        --familyStart;
    out.family = words.mid(familyStart).join(u' ');
    out.given = words.mid(0, familyStart).join(u' ');
    return out;
}

QString PersonName::familyFirst() const
{
    QString out = family;
    if (!given.isEmpty())
        out += QStringLiteral(", ") + given;
    if (!suffix.isEmpty())
        out += QStringLiteral(", ") + suffix;
    return out;
}

QString PersonName::asciiKey(const QString &text)
{
    QString out;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        const char16_t u = c.toLower().unicode();
        if (u >= u'a' && u <= u'z')
            out += QChar(u);
        else
            out += SearchFold::spelledOut(u);
    }
    return out;
}

} // namespace Lectern
