// SPDX-License-Identifier: GPL-3.0-or-later
// The BibTeX and RIS writers: whatever the fields hold, every BibTeX field stays inside its braces and keeps
// no file or definition command, and the RIS record stays one record of well-formed lines.
#include "digest/bibtexwriter.h"
#include "digest/riswriter.h"
#include "fuzzfields.h"

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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const DigestEntry e = Fuzz::entryFrom(data, size);
    checkBibTeX(BibTeXWriter::write({e}));
    checkRis(RisWriter::write({e}));
    return 0;
}
