// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digestcsv.h"

#include "digest/bibtexwriter.h"
#include "text/singlelinetext.h"

namespace Lectern {

namespace {

const QString kRecordEnd = QStringLiteral("\r\n");
const QString kListSeparator = QStringLiteral("; ");

/// The user's note keeps its lines and tabs; other control characters (NUL, ESC…) are dropped, since
/// spreadsheets cut a cell there or show boxes.
QString noteText(const QString &note)
{
    QString out;
    out.reserve(note.size());
    for (const QChar c : note) {
        if (c.category() != QChar::Other_Control || c == u'\n' || c == u'\r' || c == u'\t')
            out += c;
    }
    return out;
}

/// What makes a spreadsheet read a cell as a formula (OWASP's list), and the full-width forms of the
/// four signs, which East Asian input methods produce and which cost nothing to treat alike.
bool startsFormula(const QString &text)
{
    for (const QChar c : text) {
        if (c == u'\t' || c == u'\r')
            return true;
        if (c.isSpace()) // " =1+1": a spreadsheet that trims spaces on import would see the "="
            continue;
        switch (c.unicode()) {
        case u'=':
        case u'+':
        case u'-':
        case u'@':
        case 0xFF1D: // ＝
        case 0xFF0B: // ＋
        case 0xFF0D: // －
        case 0xFF20: // ＠
            return true;
        default:
            return false;
        }
    }
    return false;
}

QString number(const std::optional<int> &n)
{
    return n ? QString::number(*n) : QString();
}

QString record(const QStringList &fields)
{
    return fields.join(u',') + kRecordEnd;
}

QString row(const DigestEntry &e, const QDate &day)
{
    const Paper &p = e.paper;
    const bool scored = !e.authorMatch && e.score && e.score->isScored();
    QStringList authors;
    for (const QString &a : p.authors)
        authors << SingleLineText::fromTex(a);
    QStringList tags;
    for (const QString &t : e.state.tags)
        tags << SingleLineText::of(t);
    const QString comment = e.authorMatch ? QStringLiteral("Author match")
        : e.score                         ? SingleLineText::fromTex(e.score->comment)
                                          : QString();
    return record({
        DigestCsv::textField(p.arxivId),
        QString::number(p.version),
        DigestCsv::textField(SingleLineText::fromTex(p.title)),
        DigestCsv::textField(authors.join(kListSeparator)),
        DigestCsv::textField(SingleLineText::of(p.categories.join(kListSeparator))),
        DigestCsv::textField(day.toString(Qt::ISODate)),
        number(scored ? e.score->relevance : std::nullopt),
        number(scored ? e.score->novelty : std::nullopt),
        DigestCsv::textField(scored ? SingleLineText::of(e.score->model) : QString()),
        DigestCsv::textField(comment),
        DigestCsv::textField(e.state.starred ? QStringLiteral("yes") : QStringLiteral("no")),
        DigestCsv::textField(tags.join(kListSeparator)),
        DigestCsv::textField(noteText(e.state.note)),
        DigestCsv::textField(QStringLiteral("https://arxiv.org/abs/") + BibTeXWriter::safeId(p.arxivId)),
    });
}

} // namespace

QStringList DigestCsv::header()
{
    return {QStringLiteral("arXiv id"), QStringLiteral("version"), QStringLiteral("title"),
        QStringLiteral("authors"), QStringLiteral("categories"), QStringLiteral("day"),
        QStringLiteral("relevance"), QStringLiteral("novelty"), QStringLiteral("scored by"),
        QStringLiteral("comment"), QStringLiteral("starred"), QStringLiteral("tags"), QStringLiteral("note"),
        QStringLiteral("URL")};
}

QString DigestCsv::textField(const QString &text)
{
    QString value = text;
    value.replace(u'"', QStringLiteral("\"\""));
    // The apostrophe is what spreadsheets themselves use to mark a cell as text; OWASP recommends it.
    const QString quote = startsFormula(text) ? QStringLiteral("\"'") : QStringLiteral("\"");
    return quote + value + u'"';
}

QByteArray DigestCsv::write(const QList<Digest> &digests)
{
    QStringList names;
    for (const QString &name : header())
        names << textField(name);
    QString out = record(names);
    for (const Digest &d : digests) {
        for (const DigestEntry &e : d.entries)
            out += row(e, d.run.date);
    }
    // The byte order mark: Excel reads a CSV without one in the system's legacy code page (Óskarsdóttir
    // would come out as "Ã“skarsdÃ³ttir"); with it, Excel reads UTF-8, and LibreOffice's import dialog
    // and Python's "utf-8-sig" recognise and drop it.
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace Lectern
