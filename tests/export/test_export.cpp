// SPDX-License-Identifier: GPL-3.0-or-later
// lectern_export: PDF through QPdfWriter and qpdf (read back with poppler-utils and qpdf), Markdown of
// ranges, atomic files.
#include "digest/digestbuilder.h"
#include "digest/digestloader.h"
#include "digest/digestmarkdownreader.h"
#include "digest/monthlyoverview.h"
#include "export/digestexporter.h"
#include "export/exportrequest.h"
#include "export/pdfrenderer.h"
#include "scoring/authormatcher.h"
#include "store/paperstore.h"
#include "text/textounicode.h"

#include <testkit/separatetest.h>
#include <testkit/syntheticday.h>

#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAnnotationObjectHelper.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

const QDate kDay(2026, 3, 17);

Digest digestOf(const QDate &day)
{
    const Test::SyntheticDay d = Test::syntheticDay(day);
    return DigestBuilder::select(d.run, d.records, AuthorMatcher(Test::syntheticFollowedAuthors()), 8, 7);
}

QString tool(const QString &name)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        qFatal(
            "%s (poppler-utils) is missing: install it (packaging/install-deps.sh does) to test PDF export.",
            qPrintable(name));
    return path;
}

/// Runs a poppler tool on @p pdf and returns its standard output.
QString poppler(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(tool(name), args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return u"<%1 failed: %2>"_s.arg(name, QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

/// pdftotext's words in one line: titles may wrap.
QString flattened(const QString &text)
{
    return QString(text).replace(QChar(u'\f'), u' ').simplified();
}

/// A PDF read back with qpdf: pages, link annotations, named destinations and the outline.
class PdfReadBack
{
public:
    struct Link
    {
        QString uri; ///< an external link
        QString destination; ///< an internal link's named destination
    };
    struct OutlineItem
    {
        QString title;
        int page = 0; ///< from 1; 0: no page
        QList<OutlineItem> kids;
    };

    explicit PdfReadBack(const QByteArray &bytes)
        : m_bytes(bytes)
    {
        m_pdf.processMemoryFile("readback.pdf", m_bytes.constData(), size_t(m_bytes.size()));
        m_pages = QPDFPageDocumentHelper(m_pdf).getAllPages();
    }

    int pageCount() const { return int(m_pages.size()); }
    QPDFObjectHandle root() { return m_pdf.getRoot(); }

    QList<Link> links()
    {
        QList<Link> out;
        for (QPDFPageObjectHelper &page : m_pages) {
            for (QPDFAnnotationObjectHelper &a : page.getAnnotations("/Link")) {
                QPDFObjectHandle o = a.getObjectHandle();
                Link link;
                if (QPDFObjectHandle action = o.getKey("/A"); action.isDictionary())
                    link.uri = QString::fromStdString(action.getKey("/URI").getUTF8Value());
                else if (QPDFObjectHandle dest = o.getKey("/Dest"); dest.isString())
                    link.destination = QString::fromStdString(dest.getUTF8Value());
                out << link;
            }
        }
        return out;
    }

    /// The page (from 1) of the named destination @p name, as Qt's PDF engine wrote it; 0: none.
    int namedDestinationPage(const QString &name)
    {
        QPDFObjectHandle dest = QPDFOutlineDocumentHelper(m_pdf).resolveNamedDest(
            QPDFObjectHandle::newUnicodeString(name.toStdString()));
        if (dest.isDictionary())
            dest = dest.getKey("/D");
        return dest.isArray() && dest.getArrayNItems() > 0 ? pageOf(dest.getArrayItem(0)) : 0;
    }

    QList<OutlineItem> outline()
    {
        QPDFOutlineDocumentHelper outlines(m_pdf);
        return items(outlines.getTopLevelOutlines());
    }

private:
    int pageOf(QPDFObjectHandle page) const
    {
        for (size_t i = 0; i < m_pages.size(); ++i)
            if (m_pages[i].getObjectHandle().getObjGen() == page.getObjGen())
                return int(i + 1);
        return 0;
    }
    QList<OutlineItem> items(std::vector<QPDFOutlineObjectHelper> helpers)
    {
        QList<OutlineItem> out;
        for (QPDFOutlineObjectHelper &h : helpers)
            out << OutlineItem {
                QString::fromStdString(h.getTitle()), pageOf(h.getDestPage()), items(h.getKids())};
        return out;
    }

    QByteArray m_bytes; // qpdf reads from it for as long as it lives
    QPDF m_pdf;
    std::vector<QPDFPageObjectHelper> m_pages;
};

/// The text pdftotext finds on page @p page (from 1).
QString pageText(const QString &path, int page)
{
    return flattened(poppler(u"pdftotext"_s,
        {u"-enc"_s, u"UTF-8"_s, u"-f"_s, QString::number(page), u"-l"_s, QString::number(page), path,
            u"-"_s}));
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Fail loudly, before any test, when the PDF tools are not there.
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty() ||
            QStandardPaths::findExecutable(u"pdfinfo"_s).isEmpty())
            QFAIL("pdftotext/pdfinfo (poppler-utils) not found on PATH; packaging/install-deps.sh installs "
                  "them.");
    }

    void pdfTextHasTheTitlesInOrder()
    {
        const Digest d = digestOf(kDay);
        ExportOptions options;
        options.author = u"Ann Ringer"_s;
        auto pdf = DigestExporter::render({d}, ExportFormat::Pdf, options);
        QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
        QVERIFY(pdf->startsWith("%PDF-1."));
        QVERIFY(pdf->trimmed().endsWith("%%EOF"));
        QTemporaryDir dir;
        const QString path = writeTemp(dir, u"digest.pdf"_s, *pdf);
        const QString text = flattened(poppler(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s}));
        QVERIFY2(text.contains(u"Personalized Daily ArXiv Papers 2026-03-17"_s), qPrintable(text.left(500)));
        // Each title twice (table of contents, then its section), both times in digest order.
        QStringList titles;
        for (const DigestEntry &e : d.entries)
            titles << TexToUnicode::convert(e.paper.title);
        QCOMPARE(titles.size(), 6);
        qsizetype from = 0;
        for (int pass = 0; pass < 2; ++pass) {
            for (const QString &title : std::as_const(titles)) {
                const qsizetype at = text.indexOf(title, from);
                QVERIFY2(at >= 0,
                    qPrintable(
                        u"\"%1\" missing after position %2 in pass %3"_s.arg(title).arg(from).arg(pass)));
                from = at + title.size();
            }
        }
        QVERIFY(text.contains(u"Díaz Campanero"_s));
        QVERIFY(text.contains(u"Bells & Whistles: 100% Coverage of x₁ Rows"_s));
        QVERIFY(text.contains(u"Ask the authors for the tower list."_s));
        QVERIFY(text.contains(u"<img src=\"http://127.0.0.1:9/pixel.png\">"_s)); // shown as text
        // Page numbers in the footer.
        const QString info = poppler(u"pdfinfo"_s, {path});
        static const QRegularExpression pagesRe(u"Pages:\\s+(\\d+)"_s);
        const int pages = pagesRe.match(info).captured(1).toInt();
        QVERIFY2(pages >= 2, qPrintable(info));
        QVERIFY(text.contains(u"Page 1 of %1"_s.arg(pages)));
        QVERIFY(text.contains(u"Page %1 of %1"_s.arg(pages)));
    }

    // Issue 15 (seen under Xvfb): a day on a cheap model cost $0.0076, and the cost table read "$0.0" for
    // the prompt and the completion. Under a cent the exports keep two significant digits.
    void costsUnderACentKeepTheirDigits()
    {
        Digest d = digestOf(kDay);
        d.run.promptTokens = 1200;
        d.run.completionTokens = 600;
        d.run.cost = 0.0075;
        DigestBuilder::applyPrices(d, 1.25, 10.0); // $0.0015 in, $0.006 out
        auto md = DigestExporter::render({d}, ExportFormat::Markdown, {});
        QVERIFY2(md.ok(), qPrintable(md.error()));
        const QString markdown = QString::fromUtf8(*md);
        QVERIFY2(markdown.contains(u"| **Cost**    | $0.0015  | $0.006       | $0.0075 |"_s),
            qPrintable(markdown.left(600)));
        auto pdf = DigestExporter::render({d}, ExportFormat::Pdf, {});
        QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
        QTemporaryDir dir;
        const QString text = pageText(writeTemp(dir, u"cheap.pdf"_s, *pdf), 1);
        // The table's cells come out of pdftotext in layout order, not row by row.
        for (const QString &cost : {u"$0.0015"_s, u"$0.006 "_s, u"$0.0075"_s})
            QVERIFY2(text.contains(cost), qPrintable(cost + u": "_s + text.left(600)));
        QVERIFY2(!text.contains(u"$0.0 "_s) && !text.contains(u"$0.01"_s), qPrintable(text.left(600)));
    }

    // Issue 15.16: text was extracted with ligature glyphs ("Uniﬁed"), so search and copy missed words.
    void pdfTextHasNoLigatureGlyphs()
    {
        PdfOptions options;
        options.title = u"Ligatures"_s;
        auto pdf = PdfRenderer::render(
            u"<h2>Unified fine-tuning of flows</h2><p>An efficient, affine and official office workflow.</p>"_s,
            options);
        QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
        QTemporaryDir dir;
        const QString text = flattened(
            poppler(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, writeTemp(dir, u"l.pdf"_s, *pdf), u"-"_s}));
        for (const QChar c : text)
            QVERIFY2(c.unicode() < 0xFB00 || c.unicode() > 0xFB06, qPrintable(text));
        QVERIFY2(text.contains(u"Unified fine-tuning of flows"_s), qPrintable(text));
        QVERIFY2(text.contains(u"An efficient, affine and official office workflow."_s), qPrintable(text));
    }

    void pdfHasLinks()
    {
        const Digest d = digestOf(kDay);
        auto pdf = DigestExporter::render({d}, ExportFormat::Pdf, {});
        QVERIFY(pdf.ok());
        PdfReadBack back(*pdf);
        const QList<PdfReadBack::Link> links = back.links();
        QStringList uris;
        QStringList destinations;
        for (const PdfReadBack::Link &l : links) {
            if (!l.uri.isEmpty())
                uris << l.uri;
            if (!l.destination.isEmpty())
                destinations << l.destination;
        }
        // External: every paper's abstract page.
        for (const DigestEntry &e : d.entries)
            QVERIFY2(uris.contains(e.paper.absUrl()), qPrintable(e.paper.absUrl()));
        // Internal: the table of contents links to named destinations, and the names exist.
        QCOMPARE(destinations.size(), d.entries.size());
        for (int n = 1; n <= d.entries.size(); ++n) {
            const QString name = u"link%1"_s.arg(n);
            QVERIFY2(destinations.contains(name), qPrintable(destinations.join(u' ')));
            QVERIFY2(back.namedDestinationPage(name) > 0, qPrintable(name));
        }
    }

    // README "not finished" listed it: a bookmark per numbered paper, under the digest's title, on the
    // page where its section starts (the same page as Qt's own named destination for that section).
    void pdfOutlineHasEveryPaperAtItsSection()
    {
        const Digest d = digestOf(kDay);
        auto pdf = DigestExporter::render({d}, ExportFormat::Pdf, {});
        QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
        PdfReadBack back(*pdf);
        QCOMPARE(QString::fromStdString(back.root().getKey("/PageMode").getName()), u"/UseOutlines"_s);
        const QList<PdfReadBack::OutlineItem> outline = back.outline();
        QCOMPARE(outline.size(), 1);
        QCOMPARE(outline[0].title, u"Personalized Daily ArXiv Papers 2026-03-17"_s);
        QCOMPARE(outline[0].page, 1);
        QCOMPARE(outline[0].kids.size(), d.entries.size());
        QTemporaryDir dir;
        const QString path = writeTemp(dir, u"outline.pdf"_s, *pdf);
        int previous = 1;
        for (int n = 1; n <= d.entries.size(); ++n) {
            const PdfReadBack::OutlineItem &item = outline[0].kids[n - 1];
            const Paper &paper = d.entries[n - 1].paper;
            QCOMPARE(item.title, u"%1. %2"_s.arg(n).arg(TexToUnicode::convert(paper.title)));
            QVERIFY(item.kids.isEmpty());
            QCOMPARE(item.page, back.namedDestinationPage(u"link%1"_s.arg(n)));
            QVERIFY2(item.page >= previous, qPrintable(item.title));
            QVERIFY2(pageText(path, item.page).contains(u"ArXiv ID: "_s + paper.arxivId),
                qPrintable(u"%1 on page %2"_s.arg(paper.arxivId).arg(item.page)));
            previous = item.page;
        }
        // The sections spread over several pages, so the page numbers say something.
        QVERIFY2(outline[0].kids.back().page > outline[0].kids.front().page,
            qPrintable(QString::number(back.pageCount())));
    }

    void pdfOutlineKeepsHostileTitles()
    {
        Digest d = digestOf(kDay);
        const QStringList titles {u"<b>Bold</b> & <i>claims</i>"_s,
            u"Unbalanced ) paren ( and an \\unknown{macro} kept as written"_s,
            u"Ünïcödé — 数学 \U0001D53D 🔔 in (parens)"_s};
        for (int i = 0; i < titles.size(); ++i)
            d.entries[i].paper.title = titles[i];
        auto pdf = DigestExporter::render({d}, ExportFormat::Pdf, {});
        QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
        const QList<PdfReadBack::OutlineItem> outline = PdfReadBack(*pdf).outline();
        QCOMPARE(outline.size(), 1);
        QCOMPARE(outline[0].kids.size(), d.entries.size());
        QCOMPARE(outline[0].kids[0].title, u"1. <b>Bold</b> & <i>claims</i>"_s);
        QCOMPARE(
            outline[0].kids[1].title, u"2. Unbalanced ) paren ( and an \\unknown{macro} kept as written"_s);
        QCOMPARE(outline[0].kids[2].title, u"3. Ünïcödé — 数学 \U0001D53D 🔔 in (parens)"_s);
    }

    void pdfMetadataAndPageSize_data()
    {
        QTest::addColumn<QString>("pageSize");
        QTest::addColumn<QString>("expected");
        QTest::newRow("A4") << u"A4"_s << u"595 x 842 pts (A4)"_s;
        QTest::newRow("Letter") << u"Letter"_s << u"612 x 792 pts (letter)"_s;
    }
    void pdfMetadataAndPageSize()
    {
        QFETCH(QString, pageSize);
        QFETCH(QString, expected);
        ExportOptions options;
        options.pageSize = PdfRenderer::pageSize(pageSize);
        options.author = u"Ann Ringer-Óskarsdóttir"_s;
        options.title = u"Bells (week 12)"_s;
        auto pdf = DigestExporter::render({digestOf(kDay)}, ExportFormat::Pdf, options);
        QVERIFY(pdf.ok());
        QTemporaryDir dir;
        const QString path = writeTemp(dir, u"digest.pdf"_s, *pdf);
        const QString info = poppler(u"pdfinfo"_s, {u"-enc"_s, u"UTF-8"_s, path});
        QVERIFY2(info.contains(u"Title:           Bells (week 12)\n"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Author:          Ann Ringer-Óskarsdóttir\n"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Creator:         Lectern " LECTERN_VERSION "\n"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Page size:       "_s + expected), qPrintable(info));
        // The author is in the XMP metadata too.
        const QString meta = poppler(u"pdfinfo"_s, {u"-meta"_s, path});
        QVERIFY2(
            meta.contains(
                u"<dc:creator><rdf:Seq><rdf:li>Ann Ringer-Óskarsdóttir</rdf:li></rdf:Seq></dc:creator>"_s),
            qPrintable(meta));
        // Still readable after the metadata update.
        QVERIFY(flattened(poppler(u"pdftotext"_s, {path, u"-"_s}))
                    .contains(u"A Complete Theory of Stedman Triples"_s));
    }

    void pdfOfSeveralDays()
    {
        auto pdf = DigestExporter::render({digestOf(kDay), digestOf(kDay.addDays(1))}, ExportFormat::Pdf, {});
        QVERIFY(pdf.ok());
        PdfReadBack back(*pdf);
        qsizetype internal = 0;
        for (const PdfReadBack::Link &l : back.links())
            internal += l.destination.isEmpty() ? 0 : 1;
        QCOMPARE(internal, 12 + 2); // each day's table of contents, and the list of days
        QTemporaryDir dir;
        const QString text = flattened(poppler(u"pdftotext"_s, {writeTemp(dir, u"d.pdf"_s, *pdf), u"-"_s}));
        const qsizetype first = text.indexOf(u"Personalized Daily ArXiv Papers 2026-03-17"_s);
        const qsizetype second = text.indexOf(u"Personalized Daily ArXiv Papers 2026-03-18"_s);
        QVERIFY(first >= 0 && second > first);
        // The outline: the title, the days under it, each day's papers under the day.
        const QList<PdfReadBack::OutlineItem> outline = back.outline();
        QCOMPARE(outline.size(), 1);
        QCOMPARE(outline[0].title, u"Personalized Daily ArXiv Papers 2026-03-17 to 2026-03-18"_s);
        QCOMPARE(outline[0].kids.size(), 2);
        QCOMPARE(outline[0].kids[0].title, u"2026-03-17"_s);
        QCOMPARE(outline[0].kids[1].title, u"2026-03-18"_s);
        QCOMPARE(outline[0].kids[0].page, back.namedDestinationPage(u"day-2026-03-17"_s));
        QCOMPARE(outline[0].kids[1].page, back.namedDestinationPage(u"day-2026-03-18"_s));
        QVERIFY(outline[0].kids[1].page > outline[0].kids[0].page);
        for (int day = 0; day < 2; ++day) {
            const QList<PdfReadBack::OutlineItem> &papers = outline[0].kids[day].kids;
            QCOMPARE(papers.size(), 6);
            for (int n = 1; n <= 6; ++n)
                QCOMPARE(papers[n - 1].page,
                    back.namedDestinationPage(
                        u"link%1-%2"_s.arg(n).arg(kDay.addDays(day).toString(Qt::ISODate))));
        }
    }

    void markdownOfARangeIsTheDaysInOrder()
    {
        const Digest a = digestOf(kDay);
        const Digest b = digestOf(kDay.addDays(1));
        auto md = DigestExporter::render({a, b}, ExportFormat::Markdown, {});
        QVERIFY(md.ok());
        const QString text = QString::fromUtf8(*md);
        QCOMPARE(text, DigestBuilder::markdown(a) + u'\n' + DigestBuilder::markdown(b));
        // Split at the day headings, each part reads back as its day.
        const qsizetype cut = text.indexOf(u"\n# Personalized Daily ArXiv Papers 2026-03-18"_s);
        QVERIFY(cut > 0);
        const ParsedDigest first = DigestMarkdownReader::read(text.left(cut));
        const ParsedDigest second = DigestMarkdownReader::read(text.mid(cut + 1));
        QCOMPARE(first.date, kDay);
        QCOMPARE(second.date, kDay.addDays(1));
        QCOMPARE(first.entries.size(), 6);
        QCOMPARE(second.entries[1].arxivId, u"2603.18002"_s);
        QCOMPARE(second.entries[1].relevance.value_or(-1), 10);
    }

    void formats_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::newRow("md") << u"md"_s << int(ExportFormat::Markdown);
        QTest::newRow("markdown") << u"Markdown"_s << int(ExportFormat::Markdown);
        QTest::newRow("pdf") << u"PDF"_s << int(ExportFormat::Pdf);
        QTest::newRow("htm") << u"htm"_s << int(ExportFormat::Html);
        QTest::newRow("json") << u"json"_s << int(ExportFormat::Json);
        QTest::newRow("bibtex") << u"bibtex"_s << int(ExportFormat::BibTeX);
        QTest::newRow("ris") << u"ris"_s << int(ExportFormat::Ris);
        QTest::newRow("unknown") << u"docx"_s << -1;
    }
    void formats()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        const auto parsed = DigestExporter::parseFormat(name);
        QCOMPARE(parsed ? int(*parsed) : -1, format);
        const auto byFile = DigestExporter::formatForFile(u"/tmp/x/digest."_s + name);
        QCOMPARE(byFile ? int(*byFile) : -1, format);
    }

    void monthExports()
    {
        MonthlyOverview month =
            MonthlyOverview::fromDigests(2026, 3, {digestOf(kDay), digestOf(kDay.addDays(1))});
        auto md = DigestExporter::renderMonth(month, ExportFormat::Markdown, {});
        QVERIFY(md.ok());
        QVERIFY(md->contains("| [2026-03-18](digest-2026-03-18.md) |"));
        auto html = DigestExporter::renderMonth(month, ExportFormat::Html, {});
        QVERIFY(html.ok());
        QVERIFY(html->contains("href=\"digest-2026-03-18.html\""));
        auto pdf = DigestExporter::renderMonth(month, ExportFormat::Pdf, {});
        QVERIFY(pdf.ok());
        bool linked = false;
        for (const PdfReadBack::Link &l : PdfReadBack(*pdf).links())
            linked = linked || l.uri == u"digest-2026-03-18.pdf"_s;
        QVERIFY(linked);
        auto bib = DigestExporter::renderMonth(month, ExportFormat::BibTeX, {});
        QVERIFY(!bib.ok());
        QVERIFY(bib.error().contains(u"md, html or pdf"_s));
    }

    // The daily digest's PDF had an outline and the month's had none: the title, under it each day at its
    // heading, under the day its top papers at their lines, in the overview's order.
    void monthPdfOutlineHasEveryDayAndItsPapers()
    {
        QList<Digest> digests;
        for (QDate d(2026, 3, 2); d.month() == 3; d = d.addDays(1)) {
            if (d.dayOfWeek() <= 5)
                digests << digestOf(d);
        }
        const MonthlyOverview month = MonthlyOverview::fromDigests(2026, 3, digests);
        QCOMPARE(month.days.size(), 22);
        auto pdf = DigestExporter::renderMonth(month, ExportFormat::Pdf, {});
        QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
        PdfReadBack back(*pdf);
        QCOMPARE(QString::fromStdString(back.root().getKey("/PageMode").getName()), u"/UseOutlines"_s);
        const QList<PdfReadBack::OutlineItem> outline = back.outline();
        QCOMPARE(outline.size(), 1);
        QCOMPARE(outline[0].title, u"Monthly Overview 2026-03"_s);
        QCOMPARE(outline[0].page, 1);
        QCOMPARE(outline[0].kids.size(), month.days.size());
        QTemporaryDir dir;
        const QString path = writeTemp(dir, u"month.pdf"_s, *pdf);
        int previous = 1;
        for (qsizetype i = 0; i < month.days.size(); ++i) {
            const MonthlyOverview::Day &day = month.days[i];
            const PdfReadBack::OutlineItem &item = outline[0].kids[i];
            const QString date = day.date.toString(Qt::ISODate);
            QCOMPARE(item.title, date);
            QCOMPARE(item.page, back.namedDestinationPage(u"day-"_s + date));
            QVERIFY2(item.page >= previous, qPrintable(date));
            QVERIFY2(pageText(path, item.page).contains(date), qPrintable(date));
            QVERIFY(!day.top.isEmpty());
            QCOMPARE(item.kids.size(), day.top.size());
            for (qsizetype n = 0; n < day.top.size(); ++n) {
                const PdfReadBack::OutlineItem &paper = item.kids[n];
                const QString title = TexToUnicode::convert(day.top[n].paper.title);
                QCOMPARE(paper.title, u"%1. %2"_s.arg(n + 1).arg(title));
                QVERIFY(paper.kids.isEmpty());
                QCOMPARE(
                    paper.page, back.namedDestinationPage(MonthlyOverview::topAnchor(day.date, int(n + 1))));
                QVERIFY2(paper.page >= item.page, qPrintable(paper.title));
                QVERIFY2(pageText(path, paper.page).contains(title), qPrintable(paper.title));
            }
            previous = item.page;
        }
        // The days spread over several pages, so the page numbers say something.
        QVERIFY2(outline[0].kids.back().page > outline[0].kids.front().page,
            qPrintable(QString::number(back.pageCount())));
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"digest.md"_s);
        QVERIFY(DigestExporter::save(path, "first\n").ok());
        QVERIFY(DigestExporter::save(path, "second\n").ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("second\n"));
        f.close();
        // A folder that does not exist: an error, and no file.
        const QString missing = dir.filePath(u"nowhere/digest.md"_s);
        auto r = DigestExporter::save(missing, "x");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(missing), qPrintable(r.error()));
        QVERIFY(!QFile::exists(missing));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"digest.md"_s});
    }

    // Needs a read-only folder that holds, which root does not have: its own CTest test.
    void failedSaveKeepsTheFile()
    {
        LECTERN_SEPARATE_TEST();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"digest.md"_s);
        QVERIFY(DigestExporter::save(path, "second\n").ok());
        QFile f(path);
        // A failed save leaves the existing file as it was and no temporary file behind.
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        const bool readOnlyHolds = !QFile(dir.filePath(u"probe"_s)).open(QIODevice::WriteOnly);
        QFile::remove(dir.filePath(u"probe"_s));
        if (readOnlyHolds) {
            QVERIFY(!DigestExporter::save(path, "third\n").ok());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("second\n"));
            f.close();
        }
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"digest.md"_s});
        if (!readOnlyHolds)
            QSKIP("running as root: a read-only folder is still writable, the replace-failure case is not "
                  "testable");
    }

    void chosenPapersAreExportedOnceOnTheirLatestDay()
    {
        QTemporaryDir dir;
        auto opened = PaperStore::open(dir.filePath(u"lectern.db"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        PaperStore &store = *opened.value();
        const QDate before(2026, 3, 16);
        Test::storeDay(store, Test::syntheticDay(before));
        Test::storeDay(store, Test::syntheticDay(kDay));
        const auto id = [](int n, const QDate &d) {
            return u"2603.%1%2"_s.arg(d.day()).arg(n, 3, 10, QChar(u'0'));
        };
        // Paper 4 of the 16th is listed again on the 17th (a replacement).
        auto relisted = store.paper(id(4, before));
        QVERIFY(relisted.ok() && relisted->has_value());
        Paper again = **relisted;
        again.announced = kDay;
        again.announceType = u"replace"_s;
        QVERIFY(store.upsertPaper(again).ok());

        DigestSettings settings;
        settings.followedAuthors = Test::syntheticFollowedAuthors();
        ExportRequest request;
        request.from = before;
        request.to = kDay;
        // An unscored paper, the relisted one and one under the bar: whatever their score.
        request.ids = QSet<QString> {id(7, before), id(4, before), id(8, kDay)};
        auto out = renderExport(store, settings, request);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(out->summary, u"3 papers, 2 days"_s);
        const QString md = QString::fromUtf8(out->bytes);
        const qsizetype second = md.indexOf(u"# Personalized Daily ArXiv Papers 2026-03-17"_s);
        QVERIFY(second > 0);
        const ParsedDigest first = DigestMarkdownReader::read(md.left(second));
        const ParsedDigest last = DigestMarkdownReader::read(md.mid(second));
        QCOMPARE(first.date, before);
        QCOMPARE(last.date, kDay);
        QStringList firstIds, lastIds;
        for (const ParsedDigestEntry &e : first.entries)
            firstIds << e.arxivId;
        for (const ParsedDigestEntry &e : last.entries)
            lastIds << e.arxivId;
        QCOMPARE(firstIds, QStringList {id(7, before)});
        lastIds.sort();
        QCOMPARE(lastIds, (QStringList {id(4, before), id(8, kDay)}));

        request.ids = QSet<QString> {};
        QVERIFY(renderExport(store, settings, request).error().contains(u"no paper is selected"_s));
        request.ids = QSet<QString> {id(1, kDay)};
        request.to = before;
        QVERIFY(renderExport(store, settings, request).error().contains(u"none of the 1 chosen papers"_s));

        // One paper of one day reads so (seen under Xvfb: "34 papers, 1 days").
        request.from = kDay;
        request.to = kDay;
        request.ids = QSet<QString> {id(8, kDay)};
        auto one = renderExport(store, settings, request);
        QVERIFY2(one.ok(), qPrintable(one.error()));
        QCOMPARE(one->summary, u"1 paper, 1 day"_s);
    }
};

QTEST_MAIN(TestExport)
#include "test_export.moc"
