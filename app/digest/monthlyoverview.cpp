// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/monthlyoverview.h"

#include "digest/digestbuilder.h"
#include "digest/digesthtml.h"
#include "digest/digestloader.h"
#include "digest/markdownescape.h"

#include <algorithm>

namespace Lectern {

namespace {

constexpr int kTopPapers = 3;

QString cost(double usd)
{
    return u'$' + DigestBuilder::formatCost(usd);
}

QString scores(const Score &s)
{
    return QStringLiteral("Relevance ") + QString::number(*s.relevance) + QStringLiteral(", Novelty ") +
        QString::number(*s.novelty);
}

} // namespace

int MonthlyOverview::totalArxiv() const
{
    int n = 0;
    for (const Day &d : days)
        n += d.run.totalArxiv;
    return n;
}

int MonthlyOverview::totalScanned() const
{
    int n = 0;
    for (const Day &d : days)
        n += d.run.totalScanned;
    return n;
}

int MonthlyOverview::totalRelevant() const
{
    int n = 0;
    for (const Day &d : days)
        n += d.relevant;
    return n;
}

double MonthlyOverview::totalCost() const
{
    double usd = 0;
    for (const Day &d : days)
        usd += d.run.cost;
    return usd;
}

MonthlyOverview MonthlyOverview::fromDigests(int year, int month, const QList<Digest> &digests)
{
    MonthlyOverview out;
    out.year = year;
    out.month = month;
    for (const Digest &digest : digests) {
        const QDate date = digest.run.date;
        if (date.year() != year || date.month() != month)
            continue;
        Day day {date, digest.run, digest.relevantCount(), {}};
        // The digest is already in score order after its author matches.
        for (const DigestEntry &e : digest.entries) {
            if (day.top.size() == kTopPapers)
                break;
            if (!e.authorMatch && e.score && e.score->isScored())
                day.top << e;
        }
        out.days << day;
    }
    std::sort(out.days.begin(), out.days.end(), [](const Day &a, const Day &b) { return a.date < b.date; });
    return out;
}

Result<MonthlyOverview> MonthlyOverview::fromStore(
    PaperStore &store, int year, int month, const DigestSettings &settings)
{
    const QDate first(year, month, 1);
    if (!first.isValid())
        return Error {QStringLiteral("%1-%2 is not a month.").arg(year).arg(month)};
    auto digests = DigestLoader::range(store, first, first.addMonths(1).addDays(-1), settings);
    if (!digests)
        return Error {digests.error()};
    return fromDigests(year, month, *digests);
}

QString MonthlyOverview::topAnchor(const QDate &date, int number)
{
    return QStringLiteral("top") + QString::number(number) + u'-' + date.toString(Qt::ISODate);
}

MonthlyOverview::DayLink MonthlyOverview::fileLink(const QString &extension)
{
    return [extension](const QDate &d) -> QString {
        return QStringLiteral("digest-") + d.toString(Qt::ISODate) + u'.' + extension;
    };
}

QString MonthlyOverview::markdown(const DayLink &dayLink) const
{
    using Markdown::escapeInline;
    using Markdown::oneLine;
    QStringList blocks {
        QStringLiteral("# Monthly Overview ") + name(),
        QStringLiteral(
            "Days: %1 · Total arXiv papers: %2 · Total scanned papers: %3 · Total relevant papers: "
            "%4 · Total cost: %5")
            .arg(days.size())
            .arg(totalArxiv())
            .arg(totalScanned())
            .arg(totalRelevant())
            .arg(cost(totalCost())),
    };
    if (days.isEmpty()) {
        blocks << QStringLiteral("No days stored for this month.");
        return blocks.join(QStringLiteral("\n\n")) + u'\n';
    }
    QStringList table {QStringLiteral("| Day | arXiv | Scanned | Relevant | Cost |"),
        QStringLiteral("|:----|------:|--------:|---------:|-----:|")};
    for (const Day &d : days) {
        const QString date = d.date.toString(Qt::ISODate);
        table << QStringLiteral("| [%1](%2) | %3 | %4 | %5 | %6 |")
                     .arg(date, dayLink(d.date))
                     .arg(d.run.totalArxiv)
                     .arg(d.run.totalScanned)
                     .arg(d.relevant)
                     .arg(cost(d.run.cost));
    }
    blocks << table.join(u'\n');
    for (const Day &d : days) {
        const QString date = d.date.toString(Qt::ISODate);
        blocks << QStringLiteral("## [%1](%2)").arg(date, dayLink(d.date));
        if (d.top.isEmpty()) {
            blocks << QStringLiteral("No scored papers in the digest.");
            continue;
        }
        QStringList top;
        for (qsizetype i = 0; i < d.top.size(); ++i) {
            const DigestEntry &e = d.top[i];
            top << QString::number(i + 1) + QStringLiteral(". [") + escapeInline(oneLine(e.paper.title)) +
                    QStringLiteral("](") + e.paper.absUrl() + QStringLiteral(") — ") + scores(*e.score);
        }
        blocks << top.join(u'\n');
    }
    return blocks.join(QStringLiteral("\n\n")) + u'\n';
}

QString MonthlyOverview::html(const DayLink &dayLink, const QString &author) const
{
    const auto link = [](const QString &href, const QString &text) -> QString {
        return QStringLiteral("<a href=\"") + href.toHtmlEscaped() + QStringLiteral("\">") + text +
            QStringLiteral("</a>");
    };
    // Named anchors for the PDF's outline, apart from the links: Qt writes a link or a destination per
    // anchor, not both, and drops an empty anchor (the day's holds a zero-width space).
    const auto named = [](const QString &name, const QString &text) -> QString {
        return QStringLiteral("<a id=\"") + name + QStringLiteral("\" name=\"") + name +
            QStringLiteral("\">") + text + QStringLiteral("</a>");
    };
    QString body = QStringLiteral("<h1>Monthly Overview ") + name() + QStringLiteral("</h1>\n");
    body += QStringLiteral("<p>Days: %1<br/>Total arXiv papers: %2<br/>Total scanned papers: %3<br/>Total "
                           "relevant papers: %4<br/>Total cost: %5</p>\n")
                .arg(days.size())
                .arg(totalArxiv())
                .arg(totalScanned())
                .arg(totalRelevant())
                .arg(cost(totalCost()));
    if (days.isEmpty())
        body += QStringLiteral("<p class=\"meta\"><i>No days stored for this month.</i></p>\n");
    else {
        body += QStringLiteral("<table class=\"cost\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
                               "<tr><td><b>Day</b></td><td><b>arXiv</b></td><td><b>Scanned</b></td>"
                               "<td><b>Relevant</b></td><td><b>Cost</b></td></tr>\n");
        for (const Day &d : days) {
            body += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                                   "<td align=\"right\">%4</td><td align=\"right\">%5</td></tr>\n")
                        .arg(link(dayLink(d.date), d.date.toString(Qt::ISODate)))
                        .arg(d.run.totalArxiv)
                        .arg(d.run.totalScanned)
                        .arg(d.relevant)
                        .arg(cost(d.run.cost));
        }
        body += QStringLiteral("</table>\n");
    }
    for (const Day &d : days) {
        body += QStringLiteral("<h2>") + named(DigestHtml::dayAnchor(d.date), QStringLiteral("&#8203;")) +
            link(dayLink(d.date), d.date.toString(Qt::ISODate)) + QStringLiteral("</h2>\n");
        if (d.top.isEmpty()) {
            body += QStringLiteral("<p class=\"meta\"><i>No scored papers in the digest.</i></p>\n");
            continue;
        }
        for (qsizetype i = 0; i < d.top.size(); ++i) {
            const DigestEntry &e = d.top[i];
            body += QStringLiteral("<p>") +
                named(topAnchor(d.date, int(i + 1)), QString::number(i + 1) + u'.') + u' ' +
                link(e.paper.absUrl(), DigestHtml::text(e.paper.title)) + QStringLiteral(" — ") +
                scores(*e.score).toHtmlEscaped() + QStringLiteral("</p>\n");
        }
    }
    return DigestHtml::page(QStringLiteral("Monthly Overview ") + name(), author, body);
}

} // namespace Lectern
