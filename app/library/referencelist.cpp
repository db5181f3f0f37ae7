// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/referencelist.h"

#include <QRegularExpression>
#include <QSet>

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

/// The first arXiv id mentioned in @p text.
std::optional<ArxivId> firstMention(const QString &text)
{
    const QRegularExpressionMatch m = arxivMention().match(text);
    return m.hasMatch() ? ArxivId::parse(m.captured(1) + m.captured(2)) : std::nullopt;
}

/// BibTeX entries: from one "@type{" to the next (@comment, @string and @preamble are no references).
QStringList bibtexEntries(const QString &text)
{
    static const QRegularExpression start(
        QStringLiteral(R"(^\s*@\s*(\w+)\s*[{(])"), QRegularExpression::MultilineOption);
    QStringList out;
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
        out << text.mid(starts.at(i).first, end - starts.at(i).first);
    }
    return out;
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

} // namespace

ReferenceList::Format ReferenceList::formatOf(const QString &fileName)
{
    if (fileName.endsWith(QStringLiteral(".bib"), Qt::CaseInsensitive))
        return Format::BibTeX;
    if (fileName.endsWith(QStringLiteral(".ris"), Qt::CaseInsensitive))
        return Format::Ris;
    return Format::List;
}

ReferenceList ReferenceList::parse(const QString &text, Format format)
{
    ReferenceList out;
    out.format = format;
    QSet<QString> seen;
    const auto keep = [&](const std::optional<ArxivId> &id) {
        if (!id) {
            ++out.withoutArxivId;
            return;
        }
        if (!seen.contains(id->id)) {
            seen.insert(id->id);
            out.ids << *id;
        }
    };
    if (format == Format::List) {
        for (const QString &raw : text.split(u'\n')) {
            const QString line = raw.trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            ++out.entries;
            const std::optional<ArxivId> id = ArxivId::parse(line);
            if (!id)
                out.unreadable << line;
            keep(id);
        }
        return out;
    }
    const QStringList references = format == Format::BibTeX ? bibtexEntries(text) : risRecords(text);
    for (const QString &reference : references) {
        ++out.entries;
        keep(firstMention(reference));
    }
    return out;
}

} // namespace Lectern
