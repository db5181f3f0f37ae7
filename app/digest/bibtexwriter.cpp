// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/bibtexwriter.h"

#include "digest/personname.h"
#include "domain/arxivid.h"
#include "text/textounicode.h"

#include <QHash>
#include <QSet>

namespace Lectern {

namespace {

/// Where TeX math starts at @p i: the length of its opening delimiter, 0 if none.
qsizetype mathOpening(const QString &t, qsizetype i)
{
    if (t[i] == u'$')
        return i + 1 < t.size() && t[i + 1] == u'$' ? 2 : 1;
    if (t[i] == u'\\' && i + 1 < t.size() && (t[i + 1] == u'(' || t[i + 1] == u'['))
        return 2;
    return 0;
}

QString closingOf(QStringView opening)
{
    if (opening == u"\\(")
        return QStringLiteral("\\)");
    if (opening == u"\\[")
        return QStringLiteral("\\]");
    return opening.toString();
}

/// The end (exclusive) of math opened at @p start with @p opening, or -1 when it is never closed.
qsizetype mathEnd(const QString &t, qsizetype start, qsizetype openingLength)
{
    const QString closing = closingOf(QStringView(t).sliced(start, openingLength));
    for (qsizetype j = start + openingLength; j < t.size(); ++j) {
        if (t[j] == u'\\' && closing.front() != u'\\') {
            ++j; // \$ inside math is a dollar, not the end
            continue;
        }
        if (QStringView(t).sliced(j).startsWith(closing))
            return j > start + openingLength ? j + closing.size() : -1;
    }
    return -1;
}

bool bracesBalance(QStringView text)
{
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'{')
            ++depth;
        else if (c == u'}' && --depth < 0)
            return false;
    }
    return depth == 0;
}

/// Whether math may be written as TeX: not when it holds a command that reads or writes a file, defines
/// or redefines a command, or changes how TeX reads characters. LaTeX runs math, and a title like
/// "$\\input{/etc/passwd}$" would put a file into a bibliography. ^^ spells any character (^^5c is a
/// backslash), so it is refused too. Such math is written as text.
bool isHarmlessMath(QStringView math)
{
    if (math.contains(u"^^"))
        return false;
    static const QSet<QString> refused {QStringLiteral("input"), QStringLiteral("include"),
        QStringLiteral("includeonly"), QStringLiteral("InputIfFileExists"), QStringLiteral("openin"),
        QStringLiteral("openout"), QStringLiteral("read"), QStringLiteral("readline"),
        QStringLiteral("write"), QStringLiteral("immediate"), QStringLiteral("closein"),
        QStringLiteral("closeout"), QStringLiteral("newread"), QStringLiteral("newwrite"),
        QStringLiteral("special"), QStringLiteral("def"), QStringLiteral("edef"), QStringLiteral("gdef"),
        QStringLiteral("xdef"), QStringLiteral("let"), QStringLiteral("futurelet"),
        QStringLiteral("newcommand"), QStringLiteral("renewcommand"), QStringLiteral("providecommand"),
        QStringLiteral("DeclareRobustCommand"), QStringLiteral("catcode"), QStringLiteral("lccode"),
        QStringLiteral("uccode"), QStringLiteral("csname"), QStringLiteral("expandafter"),
        QStringLiteral("usepackage"), QStringLiteral("RequirePackage"), QStringLiteral("makeatletter"),
        QStringLiteral("endinput"), QStringLiteral("verbatiminput"), QStringLiteral("lstinputlisting")};
    for (qsizetype i = 0; i < math.size(); ++i) {
        if (math[i] != u'\\')
            continue;
        qsizetype end = i + 1;
        while (end < math.size() &&
            ((math[end] >= u'a' && math[end] <= u'z') || (math[end] >= u'A' && math[end] <= u'Z')))
            ++end;
        if (refused.contains(math.sliced(i + 1, end - i - 1).toString()))
            return false;
        i = end > i + 1 ? end - 1 : i + 1; // "\\\\" is one control symbol, not a backslash before a word
    }
    return true;
}

QString escapeText(const QString &tex)
{
    const QString text = TexToUnicode::convert(tex, TexToUnicode::Whitespace::Preserve);
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
        case u'%':
        case u'$':
        case u'#':
        case u'_':
            out += u'\\';
            out += c;
            break;
        case u'{':
            out += QStringLiteral("\\textbraceleft{}");
            break;
        case u'}':
            out += QStringLiteral("\\textbraceright{}");
            break;
        case u'~':
            out += QStringLiteral("\\textasciitilde{}");
            break;
        case u'^':
            out += QStringLiteral("\\textasciicircum{}");
            break;
        case u'\\':
            out += QStringLiteral("\\textbackslash{}");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString field(QLatin1StringView name, const QString &value)
{
    return QStringLiteral("  ") + name + QString(qMax(qsizetype(1), 14 - name.size()), u' ') +
        QStringLiteral("= {") + value + QStringLiteral("},\n");
}

QString firstSignificantWord(const QString &title)
{
    static const QSet<QString> stop {QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("the"),
        QStringLiteral("on"), QStringLiteral("of"), QStringLiteral("in"), QStringLiteral("for"),
        QStringLiteral("and"), QStringLiteral("to"), QStringLiteral("with"), QStringLiteral("from"),
        QStringLiteral("by"), QStringLiteral("at"), QStringLiteral("is"), QStringLiteral("are"),
        QStringLiteral("via"), QStringLiteral("towards"), QStringLiteral("toward")};
    const QString plain = TexToUnicode::convert(title);
    for (const QString &word : plain.split(u' ', Qt::SkipEmptyParts)) {
        // "Bell-Ringing" gives "bellringing"; math and symbols give nothing and are skipped.
        const QString key = PersonName::asciiKey(word);
        if (!key.isEmpty() && !stop.contains(key))
            return key;
    }
    return {};
}

} // namespace

QString BibTeXWriter::escape(const QString &text)
{
    QString out;
    qsizetype textStart = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i] == u'\\' && i + 1 < text.size() && text[i + 1] == u'$') {
            i += 2; // an escaped dollar is text
            continue;
        }
        const qsizetype opening = mathOpening(text, i);
        const qsizetype end = opening ? mathEnd(text, i, opening) : -1;
        if (end < 0 || !bracesBalance(QStringView(text).sliced(i, end - i)) ||
            !isHarmlessMath(QStringView(text).sliced(i, end - i))) {
            ++i;
            continue;
        }
        out += escapeText(text.sliced(textStart, i - textStart));
        out += QStringView(text).sliced(i, end - i);
        textStart = i = end;
    }
    out += escapeText(text.sliced(textStart));
    return out.simplified();
}

int BibTeXWriter::yearOf(const QString &arxivId)
{
    const qsizetype slash = arxivId.indexOf(u'/');
    const QString digits = slash >= 0 ? arxivId.mid(slash + 1) : arxivId;
    bool ok = false;
    const int yy = digits.left(2).toInt(&ok);
    if (!ok || digits.size() < 4)
        return 0;
    // New-style ids began in 2007; old-style ones in 1991.
    if (slash < 0)
        return 2000 + yy;
    return yy >= 91 ? 1900 + yy : 2000 + yy;
}

QString BibTeXWriter::citationKey(const Paper &paper)
{
    QString name;
    if (!paper.authors.isEmpty())
        name = PersonName::asciiKey(PersonName::parse(paper.authors.first()).family);
    if (name.isEmpty())
        name = QStringLiteral("arxiv");
    int year = yearOf(paper.arxivId);
    if (year == 0 && paper.announced.isValid())
        year = paper.announced.year();
    return name + (year > 0 ? QString::number(year) : QString()) + firstSignificantWord(paper.title);
}

QString BibTeXWriter::safeId(const QString &arxivId)
{
    // A stored id is already an arXiv id (PaperStore refuses others); this is the writers' own guard, for
    // keys, eprint fields, URLs and RIS lines: anything else is reduced to the characters an id may hold.
    if (ArxivId::isCanonical(arxivId))
        return arxivId;
    QString out;
    for (const QChar c : arxivId) {
        if ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'.' ||
            c == u'-' || c == u'/')
            out += c;
    }
    return out.left(64);
}

QString BibTeXWriter::entry(const DigestEntry &entry, const QString &key)
{
    const Paper &p = entry.paper;
    QStringList authors;
    for (const QString &author : p.authors) {
        if (const QString name = PersonName::clean(author); !name.isEmpty())
            authors << escape(name);
    }
    QString out = QStringLiteral("@misc{") + key + QStringLiteral(",\n");
    out += field(QLatin1StringView("title"), escape(p.title));
    out += field(QLatin1StringView("author"), authors.join(QStringLiteral(" and ")));
    if (const int year = yearOf(p.arxivId) > 0 ? yearOf(p.arxivId) : p.announced.year(); year > 0)
        out += field(QLatin1StringView("year"), QString::number(year));
    const QString id = safeId(p.arxivId);
    out += field(QLatin1StringView("eprint"), id);
    out += field(QLatin1StringView("archivePrefix"), QStringLiteral("arXiv"));
    if (!p.primaryCategory.isEmpty())
        out += field(QLatin1StringView("primaryClass"), escape(p.primaryCategory));
    out += field(QLatin1StringView("url"), QStringLiteral("https://arxiv.org/abs/") + id);
    if (!p.doi.trimmed().isEmpty())
        out += field(QLatin1StringView("doi"), escape(p.doi.trimmed()));
    if (!p.journalRef.trimmed().isEmpty())
        out += field(QLatin1StringView("note"), escape(p.journalRef));
    if (!entry.state.tags.isEmpty()) {
        QStringList tags;
        for (const QString &tag : entry.state.tags)
            tags << escape(tag);
        out += field(QLatin1StringView("keywords"), tags.join(QStringLiteral(", ")));
    }
    if (!entry.state.note.trimmed().isEmpty())
        out += field(QLatin1StringView("annote"), escape(entry.state.note));
    out += field(QLatin1StringView("abstract"), escape(p.abstract));
    out.chop(2); // the last field's ",\n"
    out += QStringLiteral("\n}\n");
    return out;
}

QString BibTeXWriter::write(const QList<DigestEntry> &entries)
{
    QList<const DigestEntry *> unique;
    QSet<QString> seen;
    QHash<QString, int> keyCount;
    for (const DigestEntry &e : entries) {
        if (seen.contains(e.paper.arxivId))
            continue;
        seen.insert(e.paper.arxivId);
        unique << &e;
        ++keyCount[citationKey(e.paper)];
    }
    QStringList out;
    for (const DigestEntry *e : std::as_const(unique)) {
        QString key = citationKey(e->paper);
        if (keyCount.value(key) > 1)
            key += u'-' + safeId(e->paper.arxivId).replace(u'/', u'-');
        out << entry(*e, key);
    }
    return out.join(u'\n');
}

} // namespace Lectern
