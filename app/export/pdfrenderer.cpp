// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/pdfrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>

namespace Lectern {

namespace {

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

/// Where an anchor was laid out: the page (from 0) and the height on it, in layout units from its top.
struct AnchorPlace
{
    int page = 0;
    qreal y = 0;
};

/// Every <a name> anchor of @p document and where it is, with pages of @p pageHeight.
QHash<QString, AnchorPlace> anchorPlaces(const QTextDocument &document, qreal pageHeight)
{
    QHash<QString, AnchorPlace> out;
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QRectF blockRect = layout->blockBoundingRect(block);
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QStringList names = fragment.charFormat().anchorNames();
            if (names.isEmpty())
                continue;
            qreal y = blockRect.top();
            if (const QTextLine line =
                    block.layout()->lineForTextPosition(fragment.position() - block.position());
                line.isValid())
                y += line.y();
            const AnchorPlace place {int(y / pageHeight), std::fmod(y, pageHeight)};
            for (const QString &name : names)
                out.insert(name, place);
        }
    }
    return out;
}

/// Page geometry to turn a layout position into a PDF destination (points, origin at the bottom left).
struct PageGeometry
{
    qreal pageHeightPt = 0;
    qreal leftPt = 0;
    qreal topPt = 0; ///< the top margin
    qreal ptPerUnit = 1; ///< points per layout unit (72 / resolution)
};

/// Adds @p items under @p parent as linked outline items; returns how many are visible (all are open).
int addOutlineItems(QPDF &pdf, QPDFObjectHandle parent, const QList<PdfOutlineItem> &items,
    const std::vector<QPDFPageObjectHelper> &pages, const QHash<QString, AnchorPlace> &places,
    const PageGeometry &g)
{
    int visible = 0;
    QPDFObjectHandle previous;
    for (const PdfOutlineItem &item : items) {
        const AnchorPlace place = places.value(item.anchor);
        const auto page = size_t(std::clamp(place.page, 0, int(pages.size()) - 1));
        const qreal top = g.pageHeightPt - g.topPt - place.y * g.ptPerUnit;
        QPDFObjectHandle entry = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        entry.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(item.title.toStdString()));
        entry.replaceKey("/Parent", parent);
        entry.replaceKey("/Dest",
            QPDFObjectHandle::newArray({pages[page].getObjectHandle(), QPDFObjectHandle::newName("/XYZ"),
                QPDFObjectHandle::newReal(g.leftPt, 2), QPDFObjectHandle::newReal(top, 2),
                QPDFObjectHandle::newNull()}));
        if (previous.isInitialized()) {
            previous.replaceKey("/Next", entry);
            entry.replaceKey("/Prev", previous);
        } else {
            parent.replaceKey("/First", entry);
        }
        parent.replaceKey("/Last", entry);
        previous = entry;
        ++visible;
        if (!item.children.isEmpty()) {
            const int below = addOutlineItems(pdf, entry, item.children, pages, places, g);
            entry.replaceKey("/Count", QPDFObjectHandle::newInteger(below));
            visible += below;
        }
    }
    return visible;
}

/// Rewrites @p bytes through qpdf with the author in the document information and the outline.
Result<QByteArray> withAuthorAndOutline(const QByteArray &bytes, const PdfOptions &options,
    const QHash<QString, AnchorPlace> &places, const PageGeometry &geometry)
{
    try {
        QPDF pdf;
        pdf.processMemoryFile("digest.pdf", bytes.constData(), size_t(bytes.size()));
        if (!options.author.isEmpty()) {
            QPDFObjectHandle trailer = pdf.getTrailer();
            QPDFObjectHandle info = trailer.getKey("/Info");
            if (!info.isDictionary()) {
                info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
                trailer.replaceKey("/Info", info);
            }
            info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(options.author.toStdString()));
        }
        const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        if (!options.outline.isEmpty() && !pages.empty()) {
            QPDFObjectHandle outlines = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
            outlines.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
            const int visible = addOutlineItems(pdf, outlines, options.outline, pages, places, geometry);
            outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(visible));
            QPDFObjectHandle root = pdf.getRoot();
            root.replaceKey("/Outlines", outlines);
            root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
        }
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.write();
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(out->getBuffer()), qsizetype(out->getSize()));
    } catch (const std::exception &e) {
        return Error {
            QStringLiteral("cannot add the outline to the PDF: %1").arg(QString::fromUtf8(e.what()))};
    }
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
    QHash<QString, AnchorPlace> places;
    PageGeometry geometry;
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
        places = anchorPlaces(document, body.height());
        const QRectF full = writer.pageLayout().fullRectPoints();
        geometry.pageHeightPt = full.height();
        geometry.leftPt = options.marginsMm.left() * 72.0 / 25.4;
        geometry.topPt = options.marginsMm.top() * 72.0 / 25.4;
        geometry.ptPerUnit = 72.0 / options.resolution;

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
    if (options.author.isEmpty() && options.outline.isEmpty())
        return bytes;
    return withAuthorAndOutline(bytes, options, places, geometry);
}

} // namespace Lectern
