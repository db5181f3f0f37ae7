// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/riswriter.h"

#include "digest/bibtexwriter.h"
#include "digest/personname.h"
#include "text/singlelinetext.h"

#include <QSet>

namespace Lectern {

namespace {

QString line(QLatin1StringView tag, const QString &value)
{
    return tag + QStringLiteral("  - ") + value + QStringLiteral("\r\n");
}

} // namespace

QString RisWriter::record(const DigestEntry &entry)
{
    const Paper &p = entry.paper;
    const bool published = !p.journalRef.trimmed().isEmpty();
    QString out = line(QLatin1StringView("TY"), published ? QStringLiteral("JOUR") : QStringLiteral("ELEC"));
    out += line(QLatin1StringView("ID"), SingleLineText::of(BibTeXWriter::citationKey(p)));
    out += line(QLatin1StringView("TI"), SingleLineText::fromTex(p.title));
    for (const QString &author : p.authors) {
        if (const QString name = SingleLineText::of(PersonName::parse(author).familyFirst()); !name.isEmpty())
            out += line(QLatin1StringView("AU"), name);
    }
    if (!p.abstract.trimmed().isEmpty())
        out += line(QLatin1StringView("AB"), SingleLineText::fromTex(p.abstract));
    const int year =
        BibTeXWriter::yearOf(p.arxivId) > 0 ? BibTeXWriter::yearOf(p.arxivId) : p.announced.year();
    if (year > 0)
        out += line(QLatin1StringView("PY"), QString::number(year));
    if (p.announced.isValid())
        out += line(QLatin1StringView("DA"), p.announced.toString(QStringLiteral("yyyy/MM/dd")));
    if (published)
        out += line(QLatin1StringView("JO"), SingleLineText::fromTex(p.journalRef));
    const QString id = BibTeXWriter::safeId(p.arxivId); // one line, whatever the id held
    out += line(QLatin1StringView("UR"), QStringLiteral("https://arxiv.org/abs/") + id);
    if (!p.doi.trimmed().isEmpty())
        out += line(QLatin1StringView("DO"), SingleLineText::of(p.doi));
    out += line(QLatin1StringView("PB"), QStringLiteral("arXiv"));
    out += line(QLatin1StringView("AN"), QStringLiteral("arXiv:") + id);
    for (const QString &tag : entry.state.tags)
        out += line(QLatin1StringView("KW"), SingleLineText::of(tag));
    if (!entry.state.note.trimmed().isEmpty()) {
        QStringList lines;
        for (const QString &l : entry.state.note.split(u'\n')) {
            if (const QString t = SingleLineText::of(l); !t.isEmpty())
                lines << t;
        }
        out += line(QLatin1StringView("N1"), lines.join(QStringLiteral(" / ")));
    }
    out += QStringLiteral("ER  - \r\n");
    return out;
}

QString RisWriter::write(const QList<DigestEntry> &entries)
{
    QStringList out;
    QSet<QString> seen;
    for (const DigestEntry &e : entries) {
        if (seen.contains(e.paper.arxivId))
            continue;
        seen.insert(e.paper.arxivId);
        out << record(e);
    }
    return out.join(QStringLiteral("\r\n"));
}

} // namespace Lectern
