// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/markdownescape.h"

#include <QList>
#include <QRegularExpression>

namespace Lectern::Markdown {

namespace {

struct Segment
{
    QStringView text;
    bool math = false;
};

/// Whether the character at @p pos is preceded by an odd number of backslashes (so is escaped).
bool isEscaped(QStringView s, qsizetype pos)
{
    qsizetype backslashes = 0;
    while (pos - backslashes > 0 && s[pos - backslashes - 1] == u'\\')
        ++backslashes;
    return backslashes % 2 == 1;
}

/// Splits @p s into plain text and TeX math ($...$ or $$...$$, delimiters included). An unclosed "$"
/// is plain text. Escaping never adds or removes a "$" nor changes whether one is escaped, so escaped
/// text splits the same way as the original.
QList<Segment> splitMath(QStringView s)
{
    QList<Segment> out;
    qsizetype plainFrom = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        if (s[i] != u'$' || isEscaped(s, i)) {
            ++i;
            continue;
        }
        const qsizetype delimiter = (i + 1 < s.size() && s[i + 1] == u'$') ? 2 : 1;
        qsizetype close = -1;
        for (qsizetype j = i + delimiter; j < s.size(); ++j) {
            if (s[j] == u'$' && !isEscaped(s, j) &&
                (delimiter == 1 || (j + 1 < s.size() && s[j + 1] == u'$'))) {
                close = j;
                break;
            }
        }
        if (close < 0)
            break;
        if (i > plainFrom)
            out << Segment {s.sliced(plainFrom, i - plainFrom), false};
        out << Segment {s.sliced(i, close + delimiter - i), true};
        i = close + delimiter;
        plainFrom = i;
    }
    if (plainFrom < s.size())
        out << Segment {s.sliced(plainFrom), false};
    return out;
}

bool isInlineSpecial(QChar c)
{
    return QStringView(u"`*_[]<#|").contains(c);
}

bool isAbstractSpecial(QChar c)
{
    return c == u'<';
}

/// Backslash before each special character; a backslash before a special character is doubled, so that
/// it stays a backslash instead of escaping the character after it.
template<typename Special> void escapePlain(QStringView s, Special special, QString &out)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'\\') {
            out += (i + 1 < s.size() && special(s[i + 1])) ? QStringLiteral("\\\\") : QStringLiteral("\\");
        } else {
            if (special(c))
                out += u'\\';
            out += c;
        }
    }
}

template<typename Special> void unescapePlain(QStringView s, Special special, QString &out)
{
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        if (c == u'\\' && i + 1 < s.size()) {
            if (special(s[i + 1])) {
                out += s[i + 1];
                i += 2;
                continue;
            }
            // "\\" written for a backslash that precedes an escaped special character.
            if (s[i + 1] == u'\\' && i + 3 < s.size() && s[i + 2] == u'\\' && special(s[i + 3])) {
                out += u'\\';
                i += 2;
                continue;
            }
        }
        out += c;
        ++i;
    }
}

QLatin1StringView openBracket()
{
    return QLatin1StringView("\\lbrack ");
}

QLatin1StringView closeBracket()
{
    return QLatin1StringView("\\rbrack ");
}

/// Math stays raw unless its brackets do not pair up: then each unpaired one is spelled out.
void escapeMath(QStringView s, QString &out)
{
    QList<qsizetype> open;
    QList<bool> unpaired(s.size(), false);
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'[') {
            open << i;
        } else if (s[i] == u']') {
            if (open.isEmpty())
                unpaired[i] = true;
            else
                open.removeLast();
        }
    }
    for (const qsizetype i : open)
        unpaired[i] = true;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (unpaired[i])
            out += s[i] == u'[' ? openBracket() : closeBracket();
        else
            out += s[i];
    }
}

void unescapeMath(QStringView s, QString &out)
{
    QString math = s.toString();
    math.replace(openBracket(), QStringLiteral("["));
    math.replace(closeBracket(), QStringLiteral("]"));
    out += math;
}

qsizetype leadingDigits(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && line[n].isDigit())
        ++n;
    return n;
}

/// Characters that open a block (list, quote, rule, setext underline, tilde fence) at a line start; the
/// other block starters (#, *, _, `, <, |) are escaped everywhere by escapeInline.
bool opensBlock(QChar c)
{
    return c == u'-' || c == u'+' || c == u'=' || c == u'>' || c == u'~';
}

bool isListDelimiter(QChar c)
{
    return c == u'.' || c == u')';
}

/// Where a backslash goes so that @p line cannot start a block inside a paragraph, or -1: before a
/// leading marker, or before the "." of "1.". Backslashes already in front of the marker count as part
/// of it (and get one more), which keeps unescapeLine unambiguous: it removes exactly the inserted one.
qsizetype blockEscapeAt(QStringView line)
{
    const auto markerAt = [&](qsizetype at, bool (*marker)(QChar)) {
        while (at < line.size() && line[at] == u'\\')
            ++at;
        return at < line.size() && marker(line[at]);
    };
    if (markerAt(0, opensBlock))
        return 0;
    if (const qsizetype digits = leadingDigits(line); digits > 0 && markerAt(digits, isListDelimiter))
        return digits;
    return -1;
}

} // namespace

QString oneLine(QStringView text)
{
    static const QRegularExpression lineBreak(QStringLiteral("\\s*[\\r\\n]\\s*"));
    QString out = text.toString();
    out.replace(lineBreak, QStringLiteral(" "));
    return out.trimmed();
}

QString escapeInline(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const Segment &segment : splitMath(text)) {
        if (segment.math)
            escapeMath(segment.text, out);
        else
            escapePlain(segment.text, isInlineSpecial, out);
    }
    return out;
}

QString escapeAbstract(QStringView text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const Segment &segment : splitMath(text)) {
        if (segment.math)
            out += segment.text;
        else
            escapePlain(segment.text, isAbstractSpecial, out);
    }
    return out;
}

QString unescapeInline(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const Segment &segment : splitMath(text)) {
        if (segment.math)
            unescapeMath(segment.text, out);
        else
            unescapePlain(segment.text, isInlineSpecial, out);
    }
    return out;
}

QString escapeLine(QStringView text)
{
    QString line = escapeInline(text);
    if (const qsizetype at = blockEscapeAt(line); at >= 0)
        line.insert(at, u'\\');
    return line;
}

QString unescapeLine(QStringView text)
{
    QString line = text.toString();
    // The inserted backslash is the one whose removal leaves a line that escapeLine escapes right there.
    for (const qsizetype at : {qsizetype(0), leadingDigits(line)}) {
        if (at < line.size() && line[at] == u'\\' && blockEscapeAt(QString(line).remove(at, 1)) == at) {
            line.remove(at, 1);
            break;
        }
    }
    return unescapeInline(line);
}

QString unescapeAbstract(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const Segment &segment : splitMath(text)) {
        if (segment.math)
            out += segment.text;
        else
            unescapePlain(segment.text, isAbstractSpecial, out);
    }
    return out;
}

} // namespace Lectern::Markdown
