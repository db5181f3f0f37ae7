// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcontroller.h"

#include "config/settings.h"
#include "export/digestexporter.h"
#include "jobs/job.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QProgressBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
#include <QUrl>

namespace Lectern {

ExportController::ExportController(
    QString databasePath, Settings &settings, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_settings(settings)
    , m_statusBar(statusBar)
    , m_runner(new JobRunner(this))
    , m_progress(new QProgressBar(statusBar))
    , m_cancel(new QToolButton(statusBar))
    , m_openFolder(new QToolButton(statusBar))
{
    setObjectName(QStringLiteral("exportController"));
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelExport"));
    m_cancel->setText(tr("Cancel Export"));
    m_cancel->setToolTip(tr("Stop the export; no file is written"));
    m_cancel->hide();
    m_openFolder->setObjectName(QStringLiteral("openExportFolder"));
    m_openFolder->setText(tr("Open Folder"));
    m_openFolder->setToolTip(tr("Show the folder of the exported file"));
    m_openFolder->hide();
    m_statusBar->addPermanentWidget(m_progress);
    m_statusBar->addPermanentWidget(m_cancel);
    m_statusBar->addPermanentWidget(m_openFolder);
    connect(m_cancel, &QToolButton::clicked, this, &ExportController::cancel);
    connect(m_openFolder, &QToolButton::clicked, this,
        [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_path).absolutePath())); });
    connect(m_runner, &JobRunner::progress, this, [this](const JobProgress &p) {
        if (p.total > 0) {
            m_progress->setRange(0, p.total);
            m_progress->setValue(p.done);
        }
        m_statusBar->showMessage(p.message);
    });
    connect(m_runner, &JobRunner::finished, this, &ExportController::jobFinished);
    // "Open Folder" belongs to the "Wrote …" message: another message takes it away.
    connect(m_statusBar, &QStatusBar::messageChanged, this,
        [this](const QString &text) { m_openFolder->setVisible(m_lastOk && text == m_lastMessage); });
}

bool ExportController::start(const ExportRequest &request, const QString &path)
{
    if (m_runner->isRunning()) {
        m_statusBar->showMessage(tr("An export is running; wait for it or cancel it first."), 5000);
        return false;
    }
    m_request = request;
    m_path = path;
    // The next export (in this session or the next) proposes this folder.
    (void)m_settings.setValue(Keys::UiExportFolder, QFileInfo(path).absolutePath());
    m_cancelled = false;
    m_lastOk = false;
    m_openFolder->hide();
    auto *job = new ExportJob(m_databasePath, DigestSettings::fromSettings(m_settings), request, path);
    m_runner->start(job);
    m_progress->setRange(0, 0); // busy until the first progress report
    m_progress->show();
    m_cancel->show();
    m_statusBar->showMessage(tr("Exporting %1…").arg(request.span()));
    return true;
}

void ExportController::openDialog(ExportDialog::Context context, QWidget *parent)
{
    context.pageSize = m_settings.string(Keys::DigestPageSize);
    context.options = DigestExporter::options(m_settings);
    context.directory = m_settings.string(Keys::UiExportFolder);
    if (context.directory.isEmpty() || !QFileInfo(context.directory).isDir()) {
        // A fresh profile, or the last folder is gone: Documents, as desktop applications do.
        context.directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (context.directory.isEmpty() || !QFileInfo(context.directory).isDir())
            context.directory = QDir::homePath();
    }
    auto *dialog = new ExportDialog(std::move(context), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exportRequested, this, &ExportController::start);
    dialog->open();
}

void ExportController::retry()
{
    if (!m_path.isEmpty())
        start(m_request, m_path);
}

void ExportController::cancel()
{
    m_cancelled = m_runner->isRunning();
    m_runner->cancel();
    m_statusBar->showMessage(tr("Cancelling the export…"));
}

bool ExportController::isRunning() const
{
    return m_runner->isRunning();
}

void ExportController::jobFinished(const JobOutcome &outcome)
{
    m_progress->hide();
    m_cancel->hide();
    bool ok = outcome.ok();
    const QString &message = outcome.message;
    if (ok) {
        m_lastMessage = message;
    } else if (!outcome.resultAs<QString>().isEmpty()) {
        // Cancelled after the file was complete: it is there, and the status bar must say so.
        ok = true;
        m_lastMessage = tr("Wrote %1 (the export was done before it could be cancelled).").arg(m_path);
    } else if (m_cancelled) {
        m_lastMessage = tr("Export cancelled; nothing was written.");
    } else {
        m_lastMessage = tr("Export failed: %1").arg(message);
        Q_EMIT failed(m_lastMessage.section(u'\n', 0, 0),
            tr("Exporting %1 to %2 failed.\n\n%3").arg(m_request.span(), m_path, message));
    }
    m_lastOk = ok;
    m_statusBar->showMessage(m_lastMessage);
    m_openFolder->setVisible(ok);
    m_cancelled = false;
    Q_EMIT finished(ok, m_lastMessage);
}

} // namespace Lectern
