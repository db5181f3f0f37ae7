// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPageSize>
#include <QString>

#include <optional>

namespace Lectern {

class Settings;
struct MonthlyOverview;

enum class ExportFormat { Markdown, Pdf, Html, Json, BibTeX, Ris, Csv };

struct ExportOptions
{
    QString title; ///< HTML/PDF title; empty: "Personalized Daily ArXiv Papers" and the dates
    QString author; ///< HTML/PDF metadata
    QPageSize pageSize {QPageSize::A4}; ///< PDF
    QJsonObject selection; ///< JSON: what was asked for (dates, filter), copied into the file
};

/// Renders digests in every export format and writes files atomically.
///
/// Markdown is DigestBuilder::markdown, one reference page per day; a range is the days' pages one after
/// the other, oldest first, separated by a blank line, each starting with its "# Personalized Daily ArXiv
/// Papers DATE" heading (split there to get the single days back; each day numbers its anchors from 1 as
/// the reference does, so in one rendered page a TOC link finds the first day with that number). HTML
/// and PDF are one document for all the days (DigestHtml; anchors carry the date when there are several
/// days). JSON, BibTeX, RIS and CSV: DigestJson, BibTeXWriter, RisWriter, DigestCsv.
class DigestExporter final
{
public:
    DigestExporter() = delete;

    /// "md"/"markdown", "pdf", "html"/"htm", "json", "bib"/"bibtex", "ris", "csv" (any case).
    [[nodiscard]] static std::optional<ExportFormat> parseFormat(const QString &name);
    /// The format a file name's extension names, if any.
    [[nodiscard]] static std::optional<ExportFormat> formatForFile(const QString &fileName);
    [[nodiscard]] static QString name(ExportFormat format);

    /// Needs a QGuiApplication for PDF.
    [[nodiscard]] static Result<QByteArray> render(
        const QList<Digest> &digests, ExportFormat format, const ExportOptions &options = {});
    /// Markdown, HTML or PDF of a monthly overview; day links point at "digest-YYYY-MM-DD.md/.html/.pdf".
    [[nodiscard]] static Result<QByteArray> renderMonth(
        const MonthlyOverview &overview, ExportFormat format, const ExportOptions &options = {});
    [[nodiscard]] static QString markdown(const QList<Digest> &digests);

    /// Writes @p data to @p path through QSaveFile: the file appears complete or not at all, and an
    /// existing file is only replaced by a complete new one.
    static Result<void> save(const QString &path, const QByteArray &data);

    /// The digest/author setting, else the login name.
    [[nodiscard]] static QString author(const Settings &settings);
    /// ExportOptions from the settings (author, page size).
    [[nodiscard]] static ExportOptions options(const Settings &settings);
};

} // namespace Lectern
