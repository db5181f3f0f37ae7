// SPDX-License-Identifier: GPL-3.0-or-later
// The BibTeX, RIS and CSV writers: whatever the fields hold, every BibTeX field stays inside its braces and
// keeps no file or definition command, the RIS record stays one record of well-formed lines, and the CSV
// reads back (RFC 4180) as one header and one row, the note as written, no text field a formula.
#include "digest/bibtexwriter.h"
#include "digest/digestcsv.h"
#include "digest/riswriter.h"
#include "fuzzfields.h"

#include <testkit/csvreader.h>

#include <QRegularExpression>

using namespace Lectern;

namespace {

void checkBibTeX(const QString &bib)
{
    const QStringList lines = bib.split(u'\n');
    Fuzz::check(lines.first().startsWith(QStringLiteral("@misc{")), "the entry does not start with @misc{");
    static const QRegularExpression fieldLine(QStringLiteral("\\A  ([a-zA-Z]+) +=\\ \\{(.*)\\},?\\z"));
    // A command is a backslash that is not itself escaped ("\\\\input" is a line break, then a word).
    static const QRegularExpression refused(
        QStringLiteral("(?<!\\\\)(?:\\\\\\\\)*\\\\(input|include|openout|openin|write|immediate|def|edef|"
                       "gdef|xdef|catcode|csname|newcommand|"
                       "renewcommand|let|special|usepackage)(?![A-Za-z])"));
    int fields = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line == u"}" || line.isEmpty())
            continue;
        const auto m = fieldLine.match(line);
        Fuzz::check(m.hasMatch(), "a BibTeX line is not one field");
        // BibTeX counts every brace (a backslash does not protect one): the value must never close its field.
        const QString value = m.captured(2);
        int depth = 0;
        for (const QChar c : value) {
            depth += c == u'{' ? 1 : c == u'}' ? -1 : 0;
            Fuzz::check(depth >= 0, "a value closes its BibTeX field");
        }
        Fuzz::check(depth == 0, "a value leaves a BibTeX brace open");
        Fuzz::check(!refused.match(value).hasMatch() && !value.contains(u"^^"),
            "BibTeX keeps a file or definition command");
        ++fields;
    }
    Fuzz::check(fields >= 4, "fields went missing");
}

void checkRis(const QString &ris)
{
    Fuzz::check(ris.endsWith(QStringLiteral("ER  - \r\n")), "the RIS record does not end with ER");
    const QStringList lines = ris.chopped(2).split(QStringLiteral("\r\n"));
    static const QRegularExpression risLine(QStringLiteral("\\A[A-Z][A-Z0-9]  - [^\\r\\n]*\\z"));
    int ty = 0;
    int er = 0;
    for (const QString &line : lines) {
        Fuzz::check(risLine.match(line).hasMatch(), "a RIS line is malformed");
        ty += line.startsWith(QStringLiteral("TY  - ")) ? 1 : 0;
        er += line.startsWith(QStringLiteral("ER  - ")) ? 1 : 0;
    }
    Fuzz::check(ty == 1 && er == 1, "the RIS output is not exactly one record");
}

/// Whether a spreadsheet would read @p field as a formula: its first character that is not a space (TAB and
/// CR count) is one of = + - @ or their full-width forms.
bool formula(const QString &field)
{
    for (const QChar c : field) {
        if (c != u'\t' && c != u'\r' && c.isSpace())
            continue;
        return QStringView(u"\t\r=+-@\uFF1D\uFF0B\uFF0D\uFF20").contains(c);
    }
    return false;
}

void checkCsv(const QByteArray &csv, const DigestEntry &e)
{
    Fuzz::check(csv.startsWith("\xEF\xBB\xBF"), "the CSV has no byte order mark");
    QString error;
    const QList<Test::CsvRecord> records = Test::readCsv(QString::fromUtf8(csv.mid(3)), &error);
    Fuzz::check(error.isEmpty(), "the CSV does not read back");
    Fuzz::check(records.size() == 2, "the CSV is not one header and one row");
    const Test::CsvRecord &row = records[1];
    Fuzz::check(row.fields.size() == DigestCsv::header().size(), "a CSV row has the wrong number of fields");
    for (qsizetype i = 0; i < row.fields.size(); ++i) {
        const QString &f = row.fields[i];
        if (!row.quoted[i]) {
            static const QRegularExpression number(QStringLiteral("\\A-?[0-9]*\\z"));
            Fuzz::check(number.match(f).hasMatch(), "a bare CSV field is not a number");
            continue;
        }
        Fuzz::check(!formula(f) || f.startsWith(u'\''), "a CSV field starts a formula");
    }
    // The note as written, less control characters other than line breaks and tabs, an apostrophe first
    // when it would start a formula.
    QString expected = e.state.note;
    expected.removeIf([](QChar c) {
        return c.category() == QChar::Other_Control && c != u'\n' && c != u'\r' && c != u'\t';
    });
    if (formula(expected))
        expected.prepend(u'\'');
    Fuzz::check(row.fields[12] == expected, "the CSV note is not the note");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const DigestEntry e = Fuzz::entryFrom(data, size);
    checkBibTeX(BibTeXWriter::write({e}));
    checkRis(RisWriter::write({e}));
    Digest d;
    d.run.date = e.paper.announced;
    d.entries = {e};
    checkCsv(DigestCsv::write({d}), e);
    return 0;
}
