// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/libraryimportjob.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QFileDialog;
class QMessageBox;
class QProgressBar;
class QStatusBar;
class QToolButton;
class QWidget;

namespace Lectern {

class JobRunner;
class Settings;

/// File ▸ Import…: the user's library (BibTeX, RIS, a Zotero library, a list of arXiv ids) chosen in a
/// file dialog and imported in the background (LibraryImportJob on a JobRunner of its own), with progress
/// and Cancel in the status bar. At the end a summary says what was added, kept as text and not found,
/// with the list of what failed; a cancelled import keeps what it had imported (importing again adds no
/// duplicates). imported() lets the window reload, so that the library's papers show as such.
class ImportController final : public QObject
{
    Q_OBJECT
public:
    ImportController(QString databasePath, Settings &settings, QStatusBar *statusBar, QWidget *window);

    /// Opens the file dialog (non-modal, objectName "importFileDialog"); the file chosen starts an import.
    void chooseFile();
    /// Starts importing @p path; refused (with a status message) while an import runs.
    bool start(const QString &path);
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] JobRunner *runner() const { return m_runner; }
    [[nodiscard]] QFileDialog *fileDialog() const;
    /// The summary shown at the end of the last import (objectName "importSummary").
    [[nodiscard]] QMessageBox *summaryBox() const;
    [[nodiscard]] const LibraryImportSummary &lastSummary() const { return m_summary; }
    [[nodiscard]] QString lastMessage() const { return m_lastMessage; }
    [[nodiscard]] QToolButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    /// An import ended (also when cancelled or failed): the store may hold new library papers.
    void imported(bool ok, const QString &message);

private:
    void jobFinished(const JobOutcome &outcome);

    QString m_databasePath;
    Settings &m_settings;
    QStatusBar *m_statusBar;
    QWidget *m_window;
    JobRunner *m_runner;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QPointer<QFileDialog> m_dialog;
    QPointer<QMessageBox> m_summaryBox;
    QString m_path;
    LibraryImportSummary m_summary;
    QString m_lastMessage;
};

} // namespace Lectern
