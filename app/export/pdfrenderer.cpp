// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/pdfrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QUuid>

namespace Lectern {

namespace {

/// A PDF text string in hexadecimal UTF-16BE with its byte-order mark: no escaping to get wrong.
QByteArray pdfText(const QString &text)
{
    QByteArray out = "<FEFF";
    for (const QChar c : text)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return out + '>';
}

QByteArray pdfDate(const QDateTime &utc)
{
    return '(' + utc.toString(QStringLiteral("'D:'yyyyMMddHHmmss'Z'")).toLatin1() + ')';
}

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

/// XMP metadata with the author as dc:creator, which Qt's own XMP leaves out.
QByteArray xmp(const PdfOptions &o, const QString &creator, const QDateTime &now)
{
    const QString stamp = now.toString(Qt::ISODate);
    QString out =
        QStringLiteral("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
                       "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                       "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                       "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                       "<dc:format>application/pdf</dc:format>\n"
                       "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n")
            .arg(xmlEscaped(o.title));
    if (!o.author.isEmpty())
        out += QStringLiteral("<dc:creator><rdf:Seq><rdf:li>%1</rdf:li></rdf:Seq></dc:creator>\n")
                   .arg(xmlEscaped(o.author));
    out += QStringLiteral(
        "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreatorTool=\"%1\" "
        "xmp:CreateDate=\"%2\" xmp:ModifyDate=\"%2\" xmp:MetadataDate=\"%2\"/>\n"
        "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" pdf:Producer=\"Qt "
        "%3\"/>\n"
        "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>")
               .arg(xmlEscaped(creator), stamp, QString::fromLatin1(qVersion()));
    return out.toUtf8();
}

/// Appends an incremental update (ISO 32000-1, 7.5.6) whose document information dictionary adds
/// /Author: QPdfWriter (Qt 6.8) writes /Title and /Creator but has no setter for the author. Readers
/// take the newest trailer's /Info; the original bytes stay as they are.
Result<QByteArray> withAuthor(
    QByteArray pdf, const PdfOptions &o, const QString &creator, const QDateTime &now)
{
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    const qsizetype startxrefAt = pdf.lastIndexOf("startxref");
    if (trailerAt < 0 || startxrefAt < trailerAt)
        return Error {QStringLiteral("the PDF writer produced no trailer")};
    const QString trailer = QString::fromLatin1(pdf.mid(trailerAt, startxrefAt - trailerAt));
    static const QRegularExpression sizeRe(QStringLiteral(R"(/Size\s+(\d+))"));
    static const QRegularExpression rootRe(QStringLiteral(R"(/Root\s+(\d+\s+\d+\s+R))"));
    static const QRegularExpression idRe(QStringLiteral(R"(/ID\s*\[[^\]]*\])"));
    static const QRegularExpression startRe(QStringLiteral(R"(startxref\s+(\d+))"));
    const auto size = sizeRe.match(trailer);
    const auto root = rootRe.match(trailer);
    const auto start = startRe.match(QString::fromLatin1(pdf.mid(startxrefAt, 64)));
    if (!size.hasMatch() || !root.hasMatch() || !start.hasMatch())
        return Error {QStringLiteral("the PDF writer produced a trailer Lectern cannot extend")};

    const qint64 object = size.captured(1).toLongLong();
    if (!pdf.endsWith('\n'))
        pdf += '\n';
    const qint64 objectAt = pdf.size();
    pdf += QByteArray::number(object) + " 0 obj\n<<\n/Title " + pdfText(o.title) + "\n/Author " +
        pdfText(o.author) + "\n/Creator " + pdfText(creator) + "\n/Producer " +
        pdfText(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())) + "\n/CreationDate " + pdfDate(now) +
        "\n/ModDate " + pdfDate(now) + "\n>>\nendobj\n";
    const qint64 xrefAt = pdf.size();
    pdf += "xref\n" + QByteArray::number(object) + " 1\n" +
        QByteArray::number(objectAt).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<<\n/Size " + QByteArray::number(object + 1) + "\n/Root " + root.captured(1).toLatin1() +
        "\n/Info " + QByteArray::number(object) + " 0 R\n";
    if (const auto id = idRe.match(trailer); id.hasMatch())
        pdf += id.captured(0).toLatin1() + '\n';
    pdf += "/Prev " + start.captured(1).toLatin1() + "\n>>\nstartxref\n" + QByteArray::number(xrefAt) +
        "\n%%EOF\n";
    return pdf;
}

} // namespace

QPageSize PdfRenderer::pageSize(const QString &name)
{
    if (name.compare(QStringLiteral("Letter"), Qt::CaseInsensitive) == 0)
        return QPageSize(QPageSize::Letter);
    return QPageSize(QPageSize::A4);
}

Result<QByteArray> PdfRenderer::render(const QString &html, const PdfOptions &options)
{
    const QString creator = options.creator.isEmpty()
        ? QStringLiteral("Lectern ") + QStringLiteral(LECTERN_VERSION)
        : options.creator;
    const QDateTime now = options.clock->nowUtc();
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(options.pageSize);
        writer.setPageMargins(options.marginsMm, QPageLayout::Millimeter);
        writer.setResolution(options.resolution);
        writer.setTitle(options.title);
        writer.setCreator(creator);
        writer.setDocumentXmpMetadata(xmp(options, creator, now));

        QTextDocument document;
        // Lay out for the printer's resolution, so that point sizes and page breaks are the PDF's own.
        document.documentLayout()->setPaintDevice(&writer);
        // No ligature glyphs: a viewer's search and copy would read "Uniﬁed" (U+FB01), not "Unified".
        QFont font = document.defaultFont();
        for (const QFont::Tag tag : {QFont::Tag("liga"), QFont::Tag("clig"), QFont::Tag("dlig")})
            font.setFeature(tag, 0);
        document.setDefaultFont(font);
        document.setHtml(html);

        QFont footerFont = document.defaultFont();
        footerFont.setPointSizeF(7.5);
        const qreal footerHeight = QFontMetricsF(footerFont, &writer).height() * 2.5;
        const QSizeF body(writer.width(), writer.height() - footerHeight);
        document.setPageSize(body);
        const int pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer))
            return Error {QStringLiteral("cannot start the PDF writer")};
        for (int page = 0; page < pages; ++page) {
            if (page > 0 && !writer.newPage())
                return Error {QStringLiteral("cannot add page %1 to the PDF").arg(page + 1)};
            const QRectF clip(0, page * body.height(), body.width(), body.height());
            painter.save();
            painter.translate(0, -clip.top());
            painter.setClipRect(clip);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = clip;
            context.palette.setColor(QPalette::Text, Qt::black);
            document.documentLayout()->draw(&painter, context);
            painter.restore();

            painter.setFont(footerFont);
            painter.setPen(QColor(0x60, 0x60, 0x60));
            const QRectF footer(0, body.height(), body.width(), footerHeight);
            painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, options.title);
            painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages));
        }
        if (!painter.end())
            return Error {QStringLiteral("the PDF writer failed")};
    }
    if (options.author.isEmpty())
        return bytes;
    return withAuthor(std::move(bytes), options, creator, now);
}

} // namespace Lectern
