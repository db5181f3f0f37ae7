// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/referencelist.h"

#include "library/zoterolibrary.h"

#include <QFile>
#include <QRegularExpression>

namespace Lectern {

namespace {

/// arXiv ids where a reference manager writes them: an arxiv.org link, "arXiv:ID", an arXiv DOI, or the
/// value of an eprint field (BibTeX "eprint = {ID}", RIS has no such tag).
const QRegularExpression &arxivMention()
{
    static const QRegularExpression re(
        QStringLiteral(R"((?:arxiv\.org/(?:abs|pdf|html)/|arxiv:\s*|10\.48550/arxiv\.|eprint\s*=\s*[{"]\s*))"
                       R"(([a-z\-]+(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})(v\d+)?)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

int yearIn(const QString &text)
{
    static const QRegularExpression year(QStringLiteral(R"(\b(1[5-9]\d\d|2\d\d\d)\b)"));
    const QRegularExpressionMatch m = year.match(text);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

/// BibTeX entries: from one "@type{" to the next (@comment, @string and @preamble are no references),
/// with their type.
QList<std::pair<QString, QString>> bibtexEntries(const QString &text)
{
    static const QRegularExpression start(
        QStringLiteral(R"(^\s*@\s*(\w+)\s*[{(])"), QRegularExpression::MultilineOption);
    QList<std::pair<QString, QString>> out;
    QRegularExpressionMatchIterator it = start.globalMatch(text);
    QList<std::pair<qsizetype, QString>> starts;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        starts.append({m.capturedStart(), m.captured(1).toLower()});
    }
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const QString &type = starts.at(i).second;
        if (type == u"comment" || type == u"string" || type == u"preamble")
            continue;
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1).first : text.size();
        out.append({type, text.mid(starts.at(i).first, end - starts.at(i).first)});
    }
    return out;
}

/// A BibTeX value from @p pos: {braced}, "quoted" or a bare word (a number or a @string name), parts
/// joined by '#'. Returns the text with its grouping braces removed; @p pos ends after it.
QString bibtexValue(const QString &entry, qsizetype &pos)
{
    QString value;
    const qsizetype n = entry.size();
    while (pos < n) {
        while (pos < n && entry.at(pos).isSpace())
            ++pos;
        if (pos >= n)
            break;
        const QChar c = entry.at(pos);
        if (c == u'{' || c == u'"') {
            // Braces nest inside either form; a quote ends a quoted value only outside them.
            int depth = 0;
            const bool quoted = c == u'"';
            ++pos;
            if (!quoted)
                depth = 1;
            while (pos < n) {
                const QChar d = entry.at(pos);
                if (d == u'\\' && pos + 1 < n) {
                    value += d;
                    value += entry.at(pos + 1);
                    pos += 2;
                    continue;
                }
                if (d == u'{')
                    ++depth;
                else if (d == u'}')
                    --depth;
                if ((!quoted && depth == 0) || (quoted && depth == 0 && d == u'"')) {
                    ++pos;
                    break;
                }
                if (d != u'{' && d != u'}')
                    value += d;
                ++pos;
            }
        } else {
            while (pos < n && !entry.at(pos).isSpace() && entry.at(pos) != u',' && entry.at(pos) != u'}' &&
                entry.at(pos) != u')' && entry.at(pos) != u'#')
                value += entry.at(pos++);
        }
        while (pos < n && entry.at(pos).isSpace())
            ++pos;
        if (pos < n && entry.at(pos) == u'#') {
            ++pos;
            continue;
        }
        break;
    }
    return value.simplified();
}

/// The fields of one BibTeX entry, names in lower case.
QHash<QString, QString> bibtexFields(const QString &entry)
{
    QHash<QString, QString> fields;
    // The fields start after the citation key's comma.
    qsizetype pos = entry.indexOf(u',');
    if (pos < 0)
        return fields;
    static const QRegularExpression name(QStringLiteral(R"(\G[\s,]*([A-Za-z][\w\-:.]*)\s*=\s*)"));
    while (pos < entry.size()) {
        const QRegularExpressionMatch m = name.match(
            entry, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            break;
        pos = m.capturedEnd();
        const QString value = bibtexValue(entry, pos);
        fields.insert(m.captured(1).toLower(), value);
    }
    return fields;
}

LibraryReference bibtexReference(const QString &type, const QString &entry)
{
    const QHash<QString, QString> f = bibtexFields(entry);
    LibraryReference r;
    r.itemType = type;
    r.title = f.value(QStringLiteral("title"));
    static const QRegularExpression andSeparator(QStringLiteral(R"(\s+and\s+)"));
    for (const QString &author : f.value(QStringLiteral("author")).split(andSeparator, Qt::SkipEmptyParts)) {
        // "Last, First" reads as "First Last", as arXiv and the rest of Lectern write names.
        const qsizetype comma = author.indexOf(u',');
        r.authors << (comma > 0 ? (author.mid(comma + 1).trimmed() + u' ' + author.left(comma).trimmed())
                                : author.trimmed());
    }
    r.year = yearIn(f.value(QStringLiteral("year"), f.value(QStringLiteral("date"))));
    r.doi = f.value(QStringLiteral("doi"));
    r.url = f.value(QStringLiteral("url"));
    r.abstract = f.value(QStringLiteral("abstract"));
    r.arxivId = ReferenceList::firstArxivMention(entry);
    return r;
}

/// RIS records: from a "TY  - " line to its "ER  - " line.
QStringList risRecords(const QString &text)
{
    QStringList out;
    QString current;
    bool inRecord = false;
    for (const QString &line : text.split(u'\n')) {
        const QString tag = line.left(2);
        if (tag == u"TY" && line.mid(2).trimmed().startsWith(u'-')) {
            inRecord = true;
            current.clear();
        }
        if (inRecord)
            current += line + u'\n';
        if (tag == u"ER" && inRecord) {
            out << current;
            inRecord = false;
        }
    }
    if (inRecord)
        out << current; // a last record without its ER line still counts
    return out;
}

LibraryReference risReference(const QString &record)
{
    LibraryReference r;
    static const QRegularExpression line(QStringLiteral(R"(^([A-Z][A-Z0-9])  -(.*)$)"));
    for (const QString &raw : record.split(u'\n')) {
        const QRegularExpressionMatch m = line.match(raw.trimmed());
        if (!m.hasMatch())
            continue;
        const QString tag = m.captured(1);
        const QString value = m.captured(2).trimmed();
        if (tag == u"TY")
            r.itemType = value;
        else if ((tag == u"TI" || tag == u"T1") && r.title.isEmpty())
            r.title = value;
        else if (tag == u"AU" || tag == u"A1") {
            const qsizetype comma = value.indexOf(u',');
            r.authors << (comma > 0 ? (value.mid(comma + 1).trimmed() + u' ' + value.left(comma).trimmed())
                                    : value);
        } else if ((tag == u"PY" || tag == u"Y1" || tag == u"DA") && r.year == 0)
            r.year = yearIn(value);
        else if (tag == u"DO" && r.doi.isEmpty())
            r.doi = value;
        else if (tag == u"UR" && r.url.isEmpty())
            r.url = value;
        else if ((tag == u"AB" || tag == u"N2") && r.abstract.isEmpty())
            r.abstract = value;
    }
    r.arxivId = ReferenceList::firstArxivMention(record);
    return r;
}

} // namespace

std::optional<ArxivId> ReferenceList::firstArxivMention(const QString &text)
{
    const QRegularExpressionMatch m = arxivMention().match(text);
    return m.hasMatch() ? ArxivId::parse(m.captured(1) + m.captured(2)) : std::nullopt;
}

ReferenceList::Format ReferenceList::formatOf(const QString &fileName)
{
    if (fileName.endsWith(QStringLiteral(".bib"), Qt::CaseInsensitive))
        return Format::BibTeX;
    if (fileName.endsWith(QStringLiteral(".ris"), Qt::CaseInsensitive))
        return Format::Ris;
    if (fileName.endsWith(QStringLiteral(".sqlite"), Qt::CaseInsensitive))
        return Format::Zotero;
    return Format::List;
}

void ReferenceList::add(const LibraryReference &reference)
{
    ++entries;
    if (!reference.arxivId)
        ++withoutArxivId;
    const QString key = reference.key();
    if (key.isEmpty() || m_keys.contains(key))
        return;
    m_keys.insert(key);
    references << reference;
    if (reference.arxivId)
        ids << *reference.arxivId;
}

ReferenceList ReferenceList::parse(const QString &text, Format format)
{
    ReferenceList out;
    out.format = format;
    switch (format) {
    case Format::List:
    case Format::Zotero:
        for (const QString &raw : text.split(u'\n')) {
            const QString line = raw.trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            LibraryReference r;
            r.arxivId = ArxivId::parse(line);
            if (!r.arxivId)
                out.unreadable << line; // counted, but a line that is no id is no reference to keep
            out.add(r);
        }
        break;
    case Format::BibTeX:
        for (const auto &[type, entry] : bibtexEntries(text))
            out.add(bibtexReference(type, entry));
        break;
    case Format::Ris:
        for (const QString &record : risRecords(text))
            out.add(risReference(record));
        break;
    }
    return out;
}

Result<ReferenceList> ReferenceList::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("Cannot read %1: %2").arg(path, file.errorString())};
    // A Zotero library is a SQLite database, whatever its name.
    if (file.peek(16) == QByteArrayLiteral("SQLite format 3\0") || formatOf(path) == Format::Zotero) {
        file.close();
        return ZoteroLibrary::read(path);
    }
    return parse(QString::fromUtf8(file.readAll()), formatOf(path));
}

} // namespace Lectern
