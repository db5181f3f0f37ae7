// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/digestexporter.h"

#include "config/settings.h"
#include "digest/bibtexwriter.h"
#include "digest/digestbuilder.h"
#include "digest/digestcsv.h"
#include "digest/digesthtml.h"
#include "digest/digestjson.h"
#include "digest/monthlyoverview.h"
#include "digest/riswriter.h"
#include "export/pdfrenderer.h"
#include "text/textounicode.h"

#include <QFileInfo>
#include <QSaveFile>

namespace Lectern {

namespace {

QList<DigestEntry> allEntries(const QList<Digest> &digests)
{
    QList<DigestEntry> out;
    for (const Digest &d : digests)
        out << d.entries;
    return out;
}

QString defaultTitle(const QList<Digest> &digests)
{
    QString title = QStringLiteral("Personalized Daily ArXiv Papers");
    if (!digests.isEmpty()) {
        title += u' ' + digests.front().run.date.toString(Qt::ISODate);
        if (digests.size() > 1)
            title += QStringLiteral(" to ") + digests.back().run.date.toString(Qt::ISODate);
    }
    return title;
}

PdfOptions pdfOptions(const ExportOptions &options, const QString &title)
{
    PdfOptions pdf;
    pdf.pageSize = options.pageSize;
    pdf.title = title;
    pdf.author = options.author;
    return pdf;
}

/// The bookmarks: the title, under it each numbered paper (with several days, under its day's heading).
QList<PdfOutlineItem> outline(const QList<Digest> &digests, const QString &title)
{
    const bool severalDays = digests.size() > 1;
    PdfOutlineItem top {title, {}, {}};
    for (const Digest &d : digests) {
        QList<PdfOutlineItem> papers;
        for (qsizetype i = 0; i < d.entries.size(); ++i) {
            const int n = int(i + 1);
            papers << PdfOutlineItem {
                QString::number(n) + QStringLiteral(". ") + TexToUnicode::convert(d.entries[i].paper.title),
                DigestHtml::anchor(d.run.date, n, severalDays), {}};
        }
        if (severalDays)
            top.children << PdfOutlineItem {
                d.run.date.toString(Qt::ISODate), DigestHtml::dayAnchor(d.run.date), papers};
        else
            top.children << papers;
    }
    return {top};
}

/// The month's bookmarks: the title, under it each day, under the day its top papers as the overview lists
/// them.
QList<PdfOutlineItem> outline(const MonthlyOverview &overview, const QString &title)
{
    PdfOutlineItem top {title, {}, {}};
    for (const MonthlyOverview::Day &d : overview.days) {
        PdfOutlineItem day {d.date.toString(Qt::ISODate), DigestHtml::dayAnchor(d.date), {}};
        for (qsizetype i = 0; i < d.top.size(); ++i) {
            const int n = int(i + 1);
            day.children << PdfOutlineItem {
                QString::number(n) + QStringLiteral(". ") + TexToUnicode::convert(d.top[i].paper.title),
                MonthlyOverview::topAnchor(d.date, n), {}};
        }
        top.children << day;
    }
    return {top};
}

} // namespace

std::optional<ExportFormat> DigestExporter::parseFormat(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"md" || n == u"markdown")
        return ExportFormat::Markdown;
    if (n == u"pdf")
        return ExportFormat::Pdf;
    if (n == u"html" || n == u"htm")
        return ExportFormat::Html;
    if (n == u"json")
        return ExportFormat::Json;
    if (n == u"bib" || n == u"bibtex")
        return ExportFormat::BibTeX;
    if (n == u"ris")
        return ExportFormat::Ris;
    if (n == u"csv")
        return ExportFormat::Csv;
    return std::nullopt;
}

std::optional<ExportFormat> DigestExporter::formatForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix();
    if (suffix.isEmpty())
        return std::nullopt;
    return parseFormat(suffix);
}

QString DigestExporter::name(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::BibTeX:
        return QStringLiteral("bib");
    case ExportFormat::Ris:
        return QStringLiteral("ris");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

QString DigestExporter::markdown(const QList<Digest> &digests)
{
    QStringList days;
    for (const Digest &d : digests)
        days << DigestBuilder::markdown(d);
    return days.join(u'\n');
}

Result<QByteArray> DigestExporter::render(
    const QList<Digest> &digests, ExportFormat format, const ExportOptions &options)
{
    const QString title = options.title.isEmpty() ? defaultTitle(digests) : options.title;
    switch (format) {
    case ExportFormat::Markdown:
        return markdown(digests).toUtf8();
    case ExportFormat::Html:
    case ExportFormat::Pdf: {
        DigestHtmlOptions html;
        html.title = title;
        html.author = options.author;
        const QString page = DigestHtml::render(digests, html);
        if (format == ExportFormat::Html)
            return page.toUtf8();
        PdfOptions pdf = pdfOptions(options, title);
        pdf.outline = outline(digests, title);
        return PdfRenderer::render(page, pdf);
    }
    case ExportFormat::Json:
        return DigestJson::write(digests, options.selection);
    case ExportFormat::BibTeX:
        return BibTeXWriter::write(allEntries(digests)).toUtf8();
    case ExportFormat::Ris:
        return RisWriter::write(allEntries(digests)).toUtf8();
    case ExportFormat::Csv:
        return DigestCsv::write(digests);
    }
    return Error {QStringLiteral("unknown export format")};
}

Result<QByteArray> DigestExporter::renderMonth(
    const MonthlyOverview &overview, ExportFormat format, const ExportOptions &options)
{
    const QString title =
        options.title.isEmpty() ? QStringLiteral("Monthly Overview ") + overview.name() : options.title;
    switch (format) {
    case ExportFormat::Markdown:
        return overview.markdown(MonthlyOverview::fileLink(QStringLiteral("md"))).toUtf8();
    case ExportFormat::Html:
        return overview.html(MonthlyOverview::fileLink(QStringLiteral("html")), options.author).toUtf8();
    case ExportFormat::Pdf: {
        PdfOptions pdf = pdfOptions(options, title);
        pdf.outline = outline(overview, title);
        return PdfRenderer::render(
            overview.html(MonthlyOverview::fileLink(QStringLiteral("pdf")), options.author), pdf);
    }
    default:
        return Error {
            QStringLiteral("a monthly overview exports to md, html or pdf, not %1").arg(name(format))};
    }
}

Result<void> DigestExporter::save(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Error {QStringLiteral("cannot write %1: %2").arg(path, why)};
    }
    if (!file.commit())
        return Error {QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

QString DigestExporter::author(const Settings &settings)
{
    if (const QString set = settings.string(Keys::DigestAuthor).trimmed(); !set.isEmpty())
        return set;
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME");
    return login;
}

ExportOptions DigestExporter::options(const Settings &settings)
{
    ExportOptions out;
    out.author = author(settings);
    out.pageSize = PdfRenderer::pageSize(settings.string(Keys::DigestPageSize));
    return out;
}

} // namespace Lectern
