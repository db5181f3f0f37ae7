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

/// Punctuation that is markup only in context: the ":" of "://", the "." of "www." and the "@" of an
/// e-mail address start an autolink in Qt's Markdown reader (md4c) and on GitHub, and "&" starts a
/// character reference ("&lt;" would show as "<"). A URL in paper text must stay text: a link in an
/// export is one Lectern wrote.
bool isContextual(QChar c)
{
    return c == u':' || c == u'.' || c == u'@' || c == u'&';
}

/// Whether "&" at @p i starts something CommonMark reads as a character reference: "&name;" or "&#…;".
bool startsReference(QStringView s, qsizetype i)
{
    qsizetype j = i + 1;
    while (j < s.size() && j - i <= 32 && (s[j].isLetterOrNumber() || s[j] == u'#'))
        ++j;
    return j > i + 1 && j < s.size() && s[j] == u';';
}

bool startsAutolink(QStringView s, qsizetype i)
{
    switch (s[i].unicode()) {
    case u'@':
        return true;
    case u':':
        return s.sliced(i + 1).startsWith(u"//");
    case u'.':
        return i >= 3 && s.sliced(i - 3, 3).compare(u"www", Qt::CaseInsensitive) == 0;
    default:
        return false;
    }
}

/// Markup in a title, author, comment, tag or note: code, emphasis, links and images, HTML, headings,
/// table cells.
bool isInlineSpecial(QChar c)
{
    return QStringView(u"`*_[]<#|").contains(c) || isContextual(c);
}

/// An abstract keeps its TeX as written, so only what makes HTML or a link or an image is escaped.
bool isAbstractSpecial(QChar c)
{
    return c == u'<' || c == u'[' || c == u']' || isContextual(c);
}

bool needsEscape(QStringView s, qsizetype i)
{
    if (!isContextual(s[i]))
        return true;
    return s[i] == u'&' ? startsReference(s, i) : startsAutolink(s, i);
}

/// Backslash before each special character that needs one (contextual punctuation only where it would
/// start an autolink or a character reference). A run of backslashes right before a special character is
/// doubled, so that Markdown shows every one of them and the character after them; the parity of the run
/// then tells unescapePlain whether a backslash was added before the character.
template<typename Special> void escapePlain(QStringView s, Special special, QString &out)
{
    qsizetype i = 0;
    while (i < s.size()) {
        if (s[i] == u'\\') {
            qsizetype end = i;
            while (end < s.size() && s[end] == u'\\')
                ++end;
            const qsizetype run = end - i;
            out += QString(end < s.size() && special(s[end]) ? 2 * run : run, u'\\');
            i = end;
            continue;
        }
        if (special(s[i]) && needsEscape(s, i))
            out += u'\\';
        out += s[i];
        ++i;
    }
}

template<typename Special> void unescapePlain(QStringView s, Special special, QString &out)
{
    qsizetype i = 0;
    while (i < s.size()) {
        if (s[i] != u'\\') {
            out += s[i];
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < s.size() && s[end] == u'\\')
            ++end;
        const qsizetype run = end - i;
        if (end < s.size() && special(s[end])) {
            // 2k backslashes: k of the text; 2k + 1: the same and one added to escape the character.
            out += QString(run / 2, u'\\');
            out += s[end];
            i = end + 1;
        } else {
            out += QString(run, u'\\');
            i = end;
        }
    }
}

/// TeX spellings that render as the character they replace. Markdown readers that know no math (Qt's md4c,
/// most editors) read the inside of $...$ as Markdown, where "<" opens HTML and "[" a link or an image.
struct MathSpelling
{
    QChar character;
    QLatin1StringView tex;
};

constexpr MathSpelling kMathSpellings[] = {
    {u'<', QLatin1StringView("\\lt{}")},
    {u'[', QLatin1StringView("\\lbrack{}")},
    {u']', QLatin1StringView("\\rbrack{}")},
    // Braces make an ordinary symbol in TeX and break the autolink in Markdown.
    {u'@', QLatin1StringView("{@}")},
};

/// Math keeps its TeX, with every character that could start HTML, a link or an image spelled in TeX, and
/// the ":" of "://" and "." of "www." braced, so that no reader renders markup or a link from it.
void escapeMath(QStringView s, QString &out)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        bool spelled = false;
        for (const MathSpelling &m : kMathSpellings) {
            if (c == m.character) {
                out += m.tex;
                spelled = true;
                break;
            }
        }
        if (spelled)
            continue;
        if ((c == u':' || c == u'.') && startsAutolink(s, i))
            out += u'{' + c + u'}';
        else
            out += c;
    }
}

void unescapeMath(QStringView s, QString &out)
{
    QString math = s.toString();
    for (const MathSpelling &m : kMathSpellings)
        math.replace(m.tex, QString(m.character));
    math.replace(QStringLiteral("{:}//"), QStringLiteral("://"));
    math.replace(QStringLiteral("{.}"), QStringLiteral("."));
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
            escapeMath(segment.text, out);
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
            unescapeMath(segment.text, out);
        else
            unescapePlain(segment.text, isAbstractSpecial, out);
    }
    return out;
}

} // namespace Lectern::Markdown
