// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/referencelist.h"

#include "library/bibtexreader.h"
#include "library/zoterolibrary.h"

#include <QCoreApplication>
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

LibraryReference bibtexReference(const BibTeXEntry &entry)
{
    LibraryReference r;
    r.itemType = entry.type;
    r.title = entry.field(QStringLiteral("title"));
    static const QRegularExpression andSeparator(QStringLiteral(R"(\s+and\s+)"));
    for (const QString &author :
        entry.field(QStringLiteral("author")).split(andSeparator, Qt::SkipEmptyParts)) {
        // "Last, First" reads as "First Last", as arXiv and the rest of Lectern write names.
        const qsizetype comma = author.indexOf(u',');
        r.authors << (comma > 0 ? (author.mid(comma + 1).trimmed() + u' ' + author.left(comma).trimmed())
                                : author.trimmed());
    }
    const QString year = entry.field(QStringLiteral("year"));
    r.year = yearIn(year.isEmpty() ? entry.field(QStringLiteral("date")) : year);
    r.doi = entry.field(QStringLiteral("doi"));
    r.url = entry.field(QStringLiteral("url"));
    r.abstract = entry.field(QStringLiteral("abstract"));
    // Where the id may be: eprint, a link, a DOI, a note; written back as "name = {value}" so that an
    // eprint field reads as one.
    QStringList fields;
    for (const auto &[name, value] : entry.fields)
        fields << name + QStringLiteral(" = {") + value + u'}';
    r.arxivId = ReferenceList::firstArxivMention(fields.join(QStringLiteral(", ")));
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
    case Format::BibTeX: {
        const BibTeXReader::Result read = BibTeXReader::read(text.toUtf8());
        for (const BibTeXEntry &entry : read.entries)
            out.add(bibtexReference(entry));
        out.leftOut << read.unreadable;
        break;
    }
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
        return Error {QCoreApplication::translate("Lectern::ReferenceList", "Cannot read %1: %2")
                          .arg(path, file.errorString())};
    // A Zotero library is a SQLite database, whatever its name.
    if (file.peek(16) == QByteArrayLiteral("SQLite format 3\0") || formatOf(path) == Format::Zotero) {
        file.close();
        return ZoteroLibrary::read(path);
    }
    return parse(QString::fromUtf8(file.readAll()), formatOf(path));
}

} // namespace Lectern
