// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Lectern {

struct DigestHtmlOptions
{
    /// Links between days, for the digest view: "lectern:day?date=…" and "lectern:month?month=…".
    struct Navigation
    {
        QDate previous; ///< invalid: no earlier day
        QDate next; ///< invalid: no later day
        bool monthlyOverview = true;
    };

    QString title; ///< the page title; empty: "Personalized Daily ArXiv Papers" and the dates
    QString author; ///< for <meta name="author">; empty: none
    /// Star and note links per paper ("lectern:star?id=…", "lectern:note?id=…"), for the digest view.
    /// These links and the navigation are the view's controls, in the window's language (translated);
    /// the rest of the page is the digest document and stays in the reference format's English.
    bool interactive = false;
    std::optional<Navigation> navigation;
    bool includePrompt = true; ///< the day's prompt as the appendix, as the Markdown digest has it
};

/// The digest as one self-contained HTML page: inline CSS, no scripts, no images, nothing fetched; the
/// only external links are each paper's arXiv abstract and PDF pages. The same page feeds the HTML export,
/// the PDF (through QTextDocument, whose HTML subset it keeps to) and the digest view.
///
/// The structure follows the Markdown digest: heading, token/cost table, the three totals, table of
/// contents with links to the papers' anchors, one section per paper (ArXiv ID, Authors, Abstract,
/// Comment, Relevance/Novelty, and Starred/Tags/Note when set), the prompt appendix. Titles, authors,
/// abstracts and comments show their TeX as readable Unicode (TexToUnicode); everything is HTML-escaped,
/// so markup inside an abstract is shown as text, never interpreted.
class DigestHtml final
{
public:
    DigestHtml() = delete;

    [[nodiscard]] static QString render(const QList<Digest> &digests, const DigestHtmlOptions &options = {});

    /// The anchor of paper @p number: "linkN" as the reference pages have it; with several days in one
    /// page, "linkN-YYYY-MM-DD" so that each day's links stay apart.
    [[nodiscard]] static QString anchor(const QDate &day, int number, bool severalDays);
    /// The anchor of a day's heading: "day-YYYY-MM-DD".
    [[nodiscard]] static QString dayAnchor(const QDate &day);

    /// The digest view's own links.
    /// Sets the star to @p starred (what the link says it does), not a toggle: a click on a page older
    /// than the store can never do the opposite of its label.
    [[nodiscard]] static QUrl starUrl(const QString &arxivId, bool starred);
    [[nodiscard]] static QUrl noteUrl(const QString &arxivId);
    [[nodiscard]] static QUrl dayUrl(const QDate &day);
    [[nodiscard]] static QUrl monthUrl(int year, int month);

    /// TeX shown as Unicode, HTML-escaped (titles, names: one run of text, links stay whole).
    [[nodiscard]] static QString text(const QString &tex);
    /// TeX shown as readable HTML for running text (abstracts): escaped, real sub/superscripts and
    /// display math on its own line (TexToUnicode::toHtml).
    [[nodiscard]] static QString richText(const QString &tex);
    /// A complete page around @p body with Lectern's inline style sheet.
    [[nodiscard]] static QString page(const QString &title, const QString &author, const QString &body);
};

} // namespace Lectern
