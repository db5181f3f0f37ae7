// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digestloader.h"
#include "export/digestexporter.h"
#include "jobs/job.h"
#include "util/result.h"

#include <QByteArray>
#include <QDate>
#include <QSet>
#include <QString>

#include <optional>

namespace Lectern {

class PaperStore;

/// What an export asks for: the shared selection of `lectern export` and File ▸ Export….
///
/// - Days: the stored days from @c from to @c to (inclusive), narrowed by @c filter (the digest's own
///   papers by default; starred / tagged papers whatever their score). With @c ids, only those papers
///   (the window's current filter): every paper of the days is considered, whatever its score, and a
///   paper listed on several days of the range is exported once, on its latest day.
/// - Month: the monthly overview of @c from's month (md, html or pdf).
struct ExportRequest
{
    enum class Scope { Days, Month };

    Scope scope = Scope::Days;
    QDate from;
    QDate to;
    DigestFilter filter;
    std::optional<QSet<QString>> ids;
    ExportFormat format = ExportFormat::Markdown;
    ExportOptions options;

    /// "2026-03-17", "2026-03-16 to 2026-03-18", or "2026-03" for a month.
    [[nodiscard]] QString span() const;
};

/// The bytes of an export and a one-line summary ("12 papers, 2 days").
struct RenderedExport
{
    QByteArray bytes;
    QString summary;
};

/// Loads what @p request asks for from @p store and renders it. Fails with a message that says why when
/// there is nothing to export ("nothing to export: no paper of 2026-03-17 is starred."). Needs a
/// QGuiApplication for PDF; runs on any thread.
[[nodiscard]] Result<RenderedExport> renderExport(
    PaperStore &store, const DigestSettings &settings, const ExportRequest &request);

/// Renders an export and writes it atomically (DigestExporter::save) on a worker thread, through a store
/// connection of its own. Cancelled before the file is written, it writes nothing. The outcome's result
/// is the path once the file is complete (a cancel that comes later still ends the job as cancelled: the
/// file is there all the same), empty before.
class ExportJob final : public Job
{
    Q_OBJECT
public:
    ExportJob(QString databasePath, DigestSettings settings, ExportRequest request, QString path);

protected:
    Result<QString> run() override;

private:
    QString m_databasePath;
    DigestSettings m_settings;
    ExportRequest m_request;
    QString m_path;
};

} // namespace Lectern
