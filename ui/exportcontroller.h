// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exportrequest.h"
#include "exportdialog.h"
#include "jobs/job.h"

#include <QObject>
#include <QString>

class QProgressBar;
class QStatusBar;
class QToolButton;

namespace Lectern {

class JobRunner;
class Settings;

/// Runs File ▸ Export… in the background (ExportJob on a JobRunner of its own, so a fetch or a scoring
/// run may go on beside it), with progress and Cancel in the status bar. When the file is written the
/// status bar says where, with "Open Folder"; a failure is reported by failed() (the window shows it in
/// its error bar) and leaves no file behind.
class ExportController final : public QObject
{
    Q_OBJECT
public:
    ExportController(QString databasePath, Settings &settings, QStatusBar *statusBar, QObject *parent);

    /// Starts writing @p request to @p path; refused (with a status message) while an export runs.
    bool start(const Lectern::ExportRequest &request, const QString &path);
    /// Starts the last export again (the error bar's Retry).
    void retry();
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] JobRunner *runner() const { return m_runner; }
    [[nodiscard]] QString lastMessage() const { return m_lastMessage; }
    [[nodiscard]] QString lastPath() const { return m_path; }
    /// Opens the non-modal ExportDialog on @p context (page size, options and the folder of the last
    /// export filled in here); its request starts an export.
    void openDialog(ExportDialog::Context context, QWidget *parent);
    [[nodiscard]] QToolButton *openFolderButton() const { return m_openFolder; }
    [[nodiscard]] QToolButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    void finished(bool ok, const QString &message);
    /// @p summary is one line; @p details the whole message.
    void failed(const QString &summary, const QString &details);

private:
    void jobFinished(const JobOutcome &outcome);

    QString m_databasePath;
    Settings &m_settings;
    QStatusBar *m_statusBar;
    JobRunner *m_runner;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QToolButton *m_openFolder;
    ExportRequest m_request;
    QString m_path;
    QString m_lastMessage;
    bool m_cancelled = false;
    bool m_lastOk = false;
};

} // namespace Lectern
