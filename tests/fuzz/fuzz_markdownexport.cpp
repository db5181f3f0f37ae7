// SPDX-License-Identifier: GPL-3.0-or-later
// The Markdown escaper and the digest it writes: paper text and notes must come out as text. The export is
// read with Qt's Markdown reader (md4c): no image, no link but Lectern's own, no HTML but Lectern's anchors.
#include "digest/digestbuilder.h"
#include "digest/markdownescape.h"
#include "fuzzfields.h"

#include <QGuiApplication>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace Lectern;

namespace {

void ensureApplication()
{
    // QTextDocument needs fonts; an offscreen application provides them without a display.
    static int argc = 1;
    static char name[] = "fuzz_markdownexport";
    static char *argv[] = {name, nullptr};
    static QGuiApplication *app = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return new QGuiApplication(argc, argv);
    }();
    Q_UNUSED(app);
}

void checkRoundTrips(const QString &t)
{
    // Math that already holds one of the escaper's TeX spellings reads back as the character it spells (the
    // same TeX): the one documented inexact case.
    for (const char *spelling : {"\\lt{}", "\\lbrack{}", "\\rbrack{}", "{@}", "{:}", "{.}"}) {
        if (t.contains(QLatin1StringView(spelling)))
            return;
    }
    Fuzz::check(Markdown::unescapeInline(Markdown::escapeInline(t)) == t, "escapeInline does not round-trip");
    Fuzz::check(
        Markdown::unescapeAbstract(Markdown::escapeAbstract(t)) == t, "escapeAbstract does not round-trip");
    const QString line = Markdown::oneLine(t);
    Fuzz::check(Markdown::unescapeLine(Markdown::escapeLine(line)) == line, "escapeLine does not round-trip");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ensureApplication();
    checkRoundTrips(Fuzz::text(data, size));

    Digest d;
    d.run.date = QDate(2026, 11, 23);
    d.entries << Fuzz::entryFrom(data, size);
    const QString md = DigestBuilder::markdown(d);
    QTextDocument doc;
    doc.setMarkdown(md, QTextDocument::MarkdownDialectGitHub);
    const QStringList ours {d.entries.first().paper.absUrl(), QStringLiteral("#user-content-link1")};
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            Fuzz::check(!f.isImageFormat(), "the export shows an image");
            Fuzz::check(!f.isAnchor() || f.anchorHref().isEmpty() || ours.contains(f.anchorHref()),
                "the export holds a link Lectern did not write");
        }
    }
    QTextDocument noHtml;
    noHtml.setMarkdown(md,
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    QString withoutOurs = noHtml.toPlainText();
    static const QRegularExpression anchor(QStringLiteral("<a id=\"link\\d+\"></a>"));
    withoutOurs.remove(anchor);
    Fuzz::check(doc.toPlainText().simplified() == withoutOurs.simplified(), "the export holds HTML");
    return 0;
}
