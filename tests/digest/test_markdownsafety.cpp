// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12.2: an exported Markdown digest holds no image, link or HTML that Lectern did not write itself,
// whatever the titles, authors, abstracts, comments, tags and notes hold. The export is read back with
// Qt's own Markdown reader (md4c), and every link, image and piece of HTML in the result is listed.
#include "digest/digest.h"
#include "digest/digestbuilder.h"
#include "digest/markdownescape.h"

#include <QGuiApplication>
#include <QRegularExpression>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

struct Rendered
{
    QStringList links; ///< href of every anchor
    QStringList images;
    QString text; ///< what a reader sees
    QString textWithoutHtml; ///< the same Markdown read with HTML switched off: differs where HTML was read
};

Rendered render(const QString &markdown)
{
    Rendered r;
    QTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat())
                r.images << f.toImageFormat().name();
            if (f.isAnchor() && !f.anchorHref().isEmpty() && !r.links.contains(f.anchorHref()))
                r.links << f.anchorHref();
        }
    }
    r.text = doc.toPlainText();
    QTextDocument plain;
    plain.setMarkdown(markdown,
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    r.textWithoutHtml = plain.toPlainText();
    return r;
}

/// Text that, read as Markdown by a careless writer, would be an image, a link, HTML or an autolink.
const QStringList kHostile {
    u"Save $5 <img src=https://example.org/p.png> now, not $10"_s,
    u"![](https://example.org/track.png) pixel"_s,
    u"[arxiv.org/abs/2611.00001](https://elsewhere.example/) disguised"_s,
    u"<a href=\"https://example.org/t\">click</a> and <b>x</b>"_s,
    u"bare https://example.org/bare and www.example.org and mail me@example.org"_s,
    u"<https://example.org/auto> angle"_s,
    u"$x<y$ and $[a](https://example.org/m)$ and $![i](https://example.org/i.png)$"_s,
    u"$<img src=x onerror=alert(1)>$ in math"_s,
    u"$$ <b>display</b> [d](https://example.org/d) $$ end"_s,
    u"1 < p < 2 and [ref]: https://example.org/ref"_s,
    u"&lt;b&gt;entity&lt;/b&gt; and \\<i> and \\[x](https://example.org/e)"_s,
};

Digest hostileDigest()
{
    Digest d;
    d.run.date = QDate(2026, 11, 23);
    d.run.totalArxiv = 10;
    d.run.totalScanned = 10;
    for (qsizetype i = 0; i < kHostile.size(); ++i) {
        DigestEntry e;
        const auto at = [&](qsizetype k) { return kHostile.at((i + k) % kHostile.size()); };
        e.paper.arxivId = u"2611.%1"_s.arg(i + 1, 5, 10, QChar(u'0'));
        e.paper.title = at(0);
        e.paper.authors = {at(1), u"Ann Author"_s};
        e.paper.abstract = at(2) + u"\n"_s + at(3);
        e.paper.announced = d.run.date;
        Score s;
        s.arxivId = e.paper.arxivId;
        s.relevance = 9;
        s.novelty = 8;
        s.comment = at(4);
        s.model = u"gpt-test"_s;
        e.score = s;
        e.state.arxivId = e.paper.arxivId;
        e.state.tags = {at(5)};
        e.state.note = at(6) + u"\n"_s + at(7);
        d.entries << e;
    }
    return d;
}

} // namespace

class TestMarkdownSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exportHoldsOnlyLecternsOwnLinks()
    {
        const Digest d = hostileDigest();
        const QString md = DigestBuilder::markdown(d);
        const Rendered r = render(md);

        QVERIFY2(r.images.isEmpty(), qPrintable(r.images.join(u'\n')));
        // The links Lectern writes: each paper's abstract page and the table of contents' jumps.
        QStringList ours;
        for (qsizetype i = 0; i < d.entries.size(); ++i) {
            ours << d.entries.at(i).paper.absUrl();
            ours << u"#user-content-link%1"_s.arg(i + 1);
        }
        for (const QString &link : r.links)
            QVERIFY2(ours.contains(link), qPrintable(u"a link Lectern did not write: "_s + link));
        // The only HTML is Lectern's own anchor after each heading; with it removed, reading the export
        // with and without HTML gives the same text.
        QString withoutOurHtml = r.textWithoutHtml;
        withoutOurHtml.remove(QRegularExpression(u"<a id=\"link\\d+\"></a>"_s));
        QCOMPARE(r.text.simplified(), withoutOurHtml.simplified());
    }

    void hostileTextIsShownAsWritten()
    {
        // Outside math, what a reader sees is what arXiv or the user wrote, character for character.
        const QString mdTitle = Markdown::escapeInline(kHostile.at(3));
        QCOMPARE(render(mdTitle).text, kHostile.at(3));
        const QString mdAbstract = Markdown::escapeAbstract(kHostile.at(4));
        QCOMPARE(render(mdAbstract).text, kHostile.at(4));
        const QString mdNote = Markdown::escapeLine(kHostile.at(2));
        QCOMPARE(render(mdNote).text, kHostile.at(2));
        // Character references are text too: "&lt;" stays "&lt;", not "<".
        QCOMPARE(render(Markdown::escapeInline(kHostile.at(10))).text, kHostile.at(10));
    }

    void mathKeepsItsTexMeaning()
    {
        // Inside math the characters that would be markup are TeX spellings of themselves.
        QCOMPARE(Markdown::escapeInline(u"$x<y$"_s), u"$x\\lt{}y$"_s);
        QCOMPARE(Markdown::escapeAbstract(u"on $[0,1)$"_s), u"on $\\lbrack{}0,1)$"_s);
        // And every escape is undone exactly, for the digest reader.
        for (const QString &h : kHostile) {
            QCOMPARE(Markdown::unescapeInline(Markdown::escapeInline(h)), h);
            QCOMPARE(Markdown::unescapeAbstract(Markdown::escapeAbstract(h)), h);
            QCOMPARE(Markdown::unescapeLine(Markdown::escapeLine(h)), h);
        }
    }
};

QTEST_MAIN(TestMarkdownSafety)
#include "test_markdownsafety.moc"
