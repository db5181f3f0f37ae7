// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digesthtml.h"

#include "digest/digestbuilder.h"
#include "text/textounicode.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace Lectern {

namespace {

// Kept to what both browsers and QTextDocument understand; sizes in pt so that the PDF follows them.
constexpr QLatin1StringView kStyle(
    "body { font-family: 'DejaVu Sans', 'Helvetica', 'Arial', sans-serif; font-size: 10pt; color: #202020; "
    "}\n"
    "h1 { font-size: 16pt; margin-top: 6pt; margin-bottom: 6pt; }\n"
    "h2 { font-size: 12.5pt; margin-top: 12pt; margin-bottom: 4pt; }\n"
    "h3 { font-size: 11pt; margin-top: 8pt; margin-bottom: 4pt; }\n"
    "p { margin-top: 2pt; margin-bottom: 4pt; }\n"
    "a { color: #1a4f8b; text-decoration: none; }\n"
    "table.cost { margin-top: 4pt; margin-bottom: 6pt; border-color: #909090; border-style: solid; }\n"
    ".authors { color: #505050; }\n"
    ".meta { color: #505050; }\n"
    ".user { color: #6a4a00; }\n"
    ".nav { color: #505050; }\n"
    ".actions { color: #505050; }\n"
    "pre { white-space: pre-wrap; font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }\n");

QString esc(const QString &plainText)
{
    return plainText.toHtmlEscaped();
}

QString attr(const QString &value)
{
    return value.toHtmlEscaped();
}

QString link(const QString &href, const QString &htmlText)
{
    return QStringLiteral("<a href=\"") + attr(href) + QStringLiteral("\">") + htmlText +
        QStringLiteral("</a>");
}

QString authorsOf(const Paper &p)
{
    QStringList names;
    names.reserve(p.authors.size());
    for (const QString &a : p.authors)
        names << DigestHtml::text(a);
    return names.join(QStringLiteral(", "));
}

QString costTable(const Digest &d)
{
    const DayRun &run = d.run;
    const QString model = run.model.trimmed().isEmpty() ? QStringLiteral("unknown") : run.model.simplified();
    const auto cost = [](const std::optional<double> &usd) -> QString {
        return usd ? u'$' + DigestBuilder::formatCost(*usd) : QStringLiteral("-");
    };
    const auto row = [](const QStringList &cells, bool header) -> QString {
        QString out = QStringLiteral("<tr>");
        for (const QString &c : cells)
            out += (header ? QStringLiteral("<td><b>") : QStringLiteral("<td>")) + c +
                (header ? QStringLiteral("</b></td>") : QStringLiteral("</td>"));
        return out + QStringLiteral("</tr>");
    };
    return QStringLiteral("<table class=\"cost\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">") +
        row({QStringLiteral("<i>[") + esc(model) + QStringLiteral("]</i>"), QStringLiteral("Prompt"),
                QStringLiteral("Completion"), QStringLiteral("Total")},
            true) +
        row({QStringLiteral("<b>Token</b>"), QString::number(run.promptTokens),
                QString::number(run.completionTokens),
                QString::number(run.promptTokens + run.completionTokens)},
            false) +
        row({QStringLiteral("<b>Cost</b>"), cost(d.promptCost), cost(d.completionCost),
                u'$' + DigestBuilder::formatCost(d.totalCost())},
            false) +
        QStringLiteral("</table>");
}

// The links between days and the star and note links exist only in the digest view (never in an export),
// so they are the window's controls and speak its language; the rest of the page is the digest document,
// which keeps the reference format's English in the view as in every export.
QString navigation(const QDate &day, const DigestHtmlOptions::Navigation &nav)
{
    QStringList parts;
    parts << (nav.previous.isValid()
            ? link(DigestHtml::dayUrl(nav.previous).toString(),
                  esc(QCoreApplication::translate("Lectern::DigestHtml", "← Previous day %1")
                          .arg(nav.previous.toString(Qt::ISODate))))
            : esc(QCoreApplication::translate("Lectern::DigestHtml", "← Previous day")));
    if (nav.monthlyOverview && day.isValid())
        parts << link(DigestHtml::monthUrl(day.year(), day.month()).toString(),
            esc(QCoreApplication::translate("Lectern::DigestHtml", "Monthly overview %1")
                    .arg(day.toString(QStringLiteral("yyyy-MM")))));
    parts << (nav.next.isValid() ? link(DigestHtml::dayUrl(nav.next).toString(),
                                       esc(QCoreApplication::translate("Lectern::DigestHtml", "Next day %1 →")
                                               .arg(nav.next.toString(Qt::ISODate))))
                                 : esc(QCoreApplication::translate("Lectern::DigestHtml", "Next day →")));
    return QStringLiteral("<p class=\"nav\">") + parts.join(QStringLiteral(" · ")) + QStringLiteral("</p>\n");
}

QString section(const DigestEntry &e, int number, const QString &anchor, bool interactive)
{
    const Paper &p = e.paper;
    QString out;
    out += QStringLiteral("<h2><a id=\"") + anchor + QStringLiteral("\" name=\"") + anchor +
        QStringLiteral("\">") + QString::number(number) + QStringLiteral(".</a> ") +
        link(p.absUrl(), DigestHtml::text(p.title)) + QStringLiteral("</h2>\n");
    out += QStringLiteral("<p class=\"meta\"><b>ArXiv ID:</b> ") + esc(p.arxivId) + QStringLiteral(" · ") +
        link(p.pdfUrl(), QStringLiteral("PDF")) + QStringLiteral(" · ") + esc(p.primaryCategory) +
        QStringLiteral("</p>\n");
    out += QStringLiteral("<p><b>Authors:</b> <span class=\"authors\">") + authorsOf(p) +
        QStringLiteral("</span></p>\n");
    out +=
        QStringLiteral("<p><b>Abstract:</b> ") + DigestHtml::richText(p.abstract) + QStringLiteral("</p>\n");
    const QString comment = e.authorMatch ? QStringLiteral("Author match") +
            (e.matchedAuthors.isEmpty()
                    ? QString()
                    : QStringLiteral(" (") + esc(e.matchedAuthors.join(QStringLiteral(", "))) + u')')
                                          : (e.score ? DigestHtml::text(e.score->comment) : QString());
    out += QStringLiteral("<p><b>Comment:</b> ") + comment + QStringLiteral("</p>\n");
    if (!e.authorMatch && e.score && e.score->isScored()) {
        out += QStringLiteral("<p><b>Relevance:</b> ") + QString::number(*e.score->relevance) +
            QStringLiteral(" · <b>Novelty:</b> ") + QString::number(*e.score->novelty) +
            (e.score->isLocal() ? QStringLiteral(" · <i>") + esc(Score::LocalLabel) + QStringLiteral("</i>")
                                : QString()) +
            QStringLiteral("</p>\n");
    } else if (!e.authorMatch) {
        out += QStringLiteral("<p class=\"meta\"><i>Not scored.</i></p>\n");
    }
    if (e.state.starred)
        out += QStringLiteral("<p class=\"user\"><b>Starred:</b> ★ yes</p>\n");
    if (!e.state.tags.isEmpty())
        out += QStringLiteral("<p class=\"user\"><b>Tags:</b> ") +
            esc(e.state.tags.join(QStringLiteral(", "))) + QStringLiteral("</p>\n");
    if (!e.state.note.trimmed().isEmpty()) {
        QStringList lines;
        for (const QString &line : e.state.note.trimmed().split(u'\n'))
            lines << esc(line);
        out += QStringLiteral("<p class=\"user\"><b>Note:</b> ") + lines.join(QStringLiteral("<br/>")) +
            QStringLiteral("</p>\n");
    }
    for (const SharedNote &shared : e.sharedNotes) {
        QStringList lines;
        for (const QString &line : shared.text.trimmed().split(u'\n'))
            lines << esc(line);
        out += QStringLiteral("<p class=\"user\"><b>Note by ") + esc(shared.author) +
            QStringLiteral(":</b> ") + lines.join(QStringLiteral("<br/>")) + QStringLiteral("</p>\n");
    }
    if (interactive) {
        out += QStringLiteral("<p class=\"actions\">") +
            link(DigestHtml::starUrl(p.arxivId, !e.state.starred).toString(),
                esc(e.state.starred ? QCoreApplication::translate("Lectern::DigestHtml", "★ Unstar")
                                    : QCoreApplication::translate("Lectern::DigestHtml", "☆ Star"))) +
            QStringLiteral(" · ") +
            link(DigestHtml::noteUrl(p.arxivId).toString(),
                esc(e.state.note.trimmed().isEmpty()
                        ? QCoreApplication::translate("Lectern::DigestHtml", "✎ Add note")
                        : QCoreApplication::translate("Lectern::DigestHtml", "✎ Edit note"))) +
            QStringLiteral("</p>\n");
    }
    return out;
}

QString promptAppendix(const QString &promptText)
{
    const StoredPrompt prompt = StoredPrompt::fromText(promptText);
    if (prompt.system.isEmpty() && prompt.user.isEmpty())
        return {};
    QString out = QStringLiteral("<h2>Paper Selection Prompt</h2>\n");
    if (!prompt.system.isEmpty())
        out +=
            QStringLiteral("<h3>System Prompt</h3>\n<pre>") + esc(prompt.system) + QStringLiteral("</pre>\n");
    if (!prompt.user.isEmpty())
        out += QStringLiteral("<h3>User Prompt</h3>\n<pre>") + esc(prompt.user) + QStringLiteral("</pre>\n");
    return out;
}

QString day(const Digest &d, bool severalDays, const DigestHtmlOptions &options)
{
    const QDate date = d.run.date;
    QString out;
    out.reserve(4096 + d.entries.size() * 2500);
    const QString dayAnchor = DigestHtml::dayAnchor(date);
    out += QStringLiteral("<h1><a id=\"") + dayAnchor + QStringLiteral("\" name=\"") + dayAnchor +
        QStringLiteral("\">Personalized Daily ArXiv Papers ") + date.toString(Qt::ISODate) +
        QStringLiteral("</a></h1>\n");
    if (options.navigation)
        out += navigation(date, *options.navigation);
    out += costTable(d) + u'\n';
    out += QStringLiteral("<p>Total arXiv papers: ") + QString::number(d.run.totalArxiv) +
        QStringLiteral("<br/>Total scanned papers: ") + QString::number(d.run.totalScanned) +
        QStringLiteral("<br/>Total relevant papers: ") + QString::number(d.relevantCount()) +
        (d.narrowed() ? QStringLiteral("<br/>Shown here: %1 (%2)")
                            .arg(d.entries.size())
                            .arg(d.shownSelection.toHtmlEscaped())
                      : QString()) +
        QStringLiteral("</p>\n");
    if (d.gate)
        out += QStringLiteral("<p class=\"meta\">") + esc(d.gate->line()) + QStringLiteral("</p>\n");
    out += QStringLiteral("<h3>Table of contents with paper titles:</h3>\n");
    for (qsizetype i = 0; i < d.entries.size(); ++i) {
        const Paper &p = d.entries[i].paper;
        const int n = int(i + 1);
        out += QStringLiteral("<p>") + QString::number(n) + QStringLiteral(". ") +
            link(u'#' + DigestHtml::anchor(date, n, severalDays), DigestHtml::text(p.title)) +
            QStringLiteral("<br/><span class=\"authors\">") + authorsOf(p) + QStringLiteral("</span></p>\n");
    }
    if (d.entries.isEmpty())
        out += QStringLiteral("<p class=\"meta\"><i>No papers.</i></p>\n");
    out += QStringLiteral("<hr/>\n");
    for (qsizetype i = 0; i < d.entries.size(); ++i) {
        const int n = int(i + 1);
        out += section(d.entries[i], n, DigestHtml::anchor(date, n, severalDays), options.interactive);
        out += QStringLiteral("<hr/>\n");
    }
    if (options.includePrompt)
        out += promptAppendix(d.run.promptText);
    return out;
}

} // namespace

QString DigestHtml::text(const QString &tex)
{
    return TexToUnicode::convert(tex).toHtmlEscaped();
}

QString DigestHtml::richText(const QString &tex)
{
    return TexToUnicode::toHtml(tex);
}

QString DigestHtml::anchor(const QDate &day, int number, bool severalDays)
{
    QString out = QStringLiteral("link") + QString::number(number);
    if (severalDays)
        out += u'-' + day.toString(Qt::ISODate);
    return out;
}

QString DigestHtml::dayAnchor(const QDate &day)
{
    return QStringLiteral("day-") + day.toString(Qt::ISODate);
}

QUrl DigestHtml::starUrl(const QString &arxivId, bool starred)
{
    QUrl url(QStringLiteral("lectern:star"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("id"), arxivId);
    q.addQueryItem(QStringLiteral("starred"), starred ? QStringLiteral("1") : QStringLiteral("0"));
    url.setQuery(q);
    return url;
}

QUrl DigestHtml::noteUrl(const QString &arxivId)
{
    QUrl url(QStringLiteral("lectern:note"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("id"), arxivId);
    url.setQuery(q);
    return url;
}

QUrl DigestHtml::dayUrl(const QDate &day)
{
    return QUrl(QStringLiteral("lectern:day?date=") + day.toString(Qt::ISODate));
}

QUrl DigestHtml::monthUrl(int year, int month)
{
    return QUrl(
        QStringLiteral("lectern:month?month=") + QDate(year, month, 1).toString(QStringLiteral("yyyy-MM")));
}

QString DigestHtml::page(const QString &title, const QString &author, const QString &body)
{
    QString out;
    out.reserve(body.size() + 2048);
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>") +
        esc(title) + QStringLiteral("</title>\n");
    if (!author.isEmpty())
        out += QStringLiteral("<meta name=\"author\" content=\"") + attr(author) + QStringLiteral("\"/>\n");
    out += QStringLiteral("<meta name=\"generator\" content=\"Lectern\"/>\n<style>\n") + kStyle +
        QStringLiteral("</style>\n</head>\n<body>\n") + body + QStringLiteral("</body>\n</html>\n");
    return out;
}

QString DigestHtml::render(const QList<Digest> &digests, const DigestHtmlOptions &options)
{
    const bool severalDays = digests.size() > 1;
    QString title = options.title;
    if (title.isEmpty()) {
        title = QStringLiteral("Personalized Daily ArXiv Papers");
        if (!digests.isEmpty()) {
            title += u' ' + digests.front().run.date.toString(Qt::ISODate);
            if (severalDays)
                title += QStringLiteral(" to ") + digests.back().run.date.toString(Qt::ISODate);
        }
    }
    QString body;
    if (severalDays) {
        QStringList days;
        for (const Digest &d : digests)
            days << link(u'#' + dayAnchor(d.run.date), d.run.date.toString(Qt::ISODate));
        body += QStringLiteral("<p class=\"nav\"><b>Days:</b> ") + days.join(QStringLiteral(" · ")) +
            QStringLiteral("</p>\n<hr/>\n");
    }
    if (digests.isEmpty())
        body += QStringLiteral("<p class=\"meta\"><i>No papers match.</i></p>\n");
    for (const Digest &d : digests)
        body += day(d, severalDays, options);
    return page(title, options.author, body);
}

} // namespace Lectern
