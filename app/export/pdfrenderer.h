// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/clock.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QMarginsF>
#include <QPageSize>
#include <QString>

namespace Lectern {

/// One bookmark of the PDF's outline: its title, and the HTML anchor (<a name="…">) it points to.
struct PdfOutlineItem
{
    QString title;
    QString anchor; ///< empty or not in the page: the first page
    QList<PdfOutlineItem> children;
};

struct PdfOptions
{
    QPageSize pageSize {QPageSize::A4};
    QString title; ///< document title (metadata) and the footer's left part
    QString author; ///< metadata; empty: none
    QString creator; ///< metadata; empty: "Lectern <version>"
    int resolution = 300; ///< dpi of the layout; text stays vector text whatever it is
    QMarginsF marginsMm {18, 16, 18, 12};
    const Clock *clock = &Clock::system(); ///< the creation date in the metadata
    QList<PdfOutlineItem> outline; ///< the viewer's bookmarks; empty: none
};

/// Prints HTML (QTextDocument's subset, as DigestHtml writes it) to PDF with QPdfWriter.
///
/// Links stay links: an href to "https://…" becomes a URI link annotation, an href to "#name" a link to
/// the named destination of the <a name="name"> text (Qt's PDF engine writes both). Every page has a
/// footer with the title and "Page N of M". Title, author and creator go into the document information
/// and the XMP metadata. The outline points to the page and height where each item's anchor was laid
/// out; qpdf writes it and the author, which QPdfWriter cannot. Needs a QGuiApplication (fonts).
class PdfRenderer final
{
public:
    PdfRenderer() = delete;

    [[nodiscard]] static Result<QByteArray> render(const QString &html, const PdfOptions &options);
    /// The page size named by the digest/pageSize setting ("A4", "Letter"); A4 for anything else.
    [[nodiscard]] static QPageSize pageSize(const QString &name);
};

} // namespace Lectern
