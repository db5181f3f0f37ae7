// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcontroller.h"

#include "config/settings.h"
#include "jobs/job.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>

namespace Lectern {

ImportController::ImportController(
    QString databasePath, Settings &settings, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_databasePath(std::move(databasePath))
    , m_settings(settings)
    , m_statusBar(statusBar)
    , m_window(window)
    , m_runner(new JobRunner(this))
    , m_progress(new QProgressBar(statusBar))
    , m_cancel(new QToolButton(statusBar))
{
    setObjectName(QStringLiteral("importController"));
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setText(tr("Cancel Import"));
    m_cancel->setToolTip(tr("Stop the import; what was imported so far stays"));
    m_cancel->hide();
    m_statusBar->addPermanentWidget(m_progress);
    m_statusBar->addPermanentWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &ImportController::cancel);
    connect(m_runner, &JobRunner::progress, this, [this](const JobProgress &p) {
        if (p.total > 0) {
            m_progress->setRange(0, p.total);
            m_progress->setValue(p.done);
        }
        m_statusBar->showMessage(p.message);
    });
    connect(m_runner, &JobRunner::finished, this, &ImportController::jobFinished);
}

void ImportController::chooseFile()
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    // Zotero keeps its library in ~/Zotero by default: start there when it exists.
    QString folder = QDir::home().filePath(QStringLiteral("Zotero"));
    if (!QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A folder that does not exist would be proposed as the file's name.
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
    m_dialog = new QFileDialog(m_window, tr("Import Your Library"), folder);
    m_dialog->setObjectName(QStringLiteral("importFileDialog"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setFileMode(QFileDialog::ExistingFile);
    m_dialog->setAcceptMode(QFileDialog::AcceptOpen);
    m_dialog->setNameFilters({tr("Libraries (*.bib *.ris *.sqlite *.txt)"), tr("BibTeX (*.bib)"),
        tr("RIS (*.ris)"), tr("Zotero library (zotero.sqlite *.sqlite)"),
        tr("Lists of arXiv ids or URLs (*.txt *.list)"), tr("All files (*)")});
    connect(m_dialog, &QFileDialog::fileSelected, this, &ImportController::start);
    m_dialog->open();
}

bool ImportController::start(const QString &path)
{
    if (m_runner->isRunning()) {
        m_statusBar->showMessage(tr("An import is running; wait for it or cancel it first."), 5000);
        return false;
    }
    m_path = path;
    m_summary = {};
    m_runner->start(
        new LibraryImportJob(LibraryImportRequest::fromSettings(m_settings, m_databasePath, path)));
    m_progress->setRange(0, 0); // busy until the first progress report
    m_progress->show();
    m_cancel->show();
    m_statusBar->showMessage(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    return true;
}

void ImportController::cancel()
{
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    m_statusBar->showMessage(tr("Cancelling the import…"));
}

QFileDialog *ImportController::fileDialog() const
{
    return m_dialog;
}

QMessageBox *ImportController::summaryBox() const
{
    return m_summaryBox;
}

bool ImportController::isRunning() const
{
    return m_runner->isRunning();
}

void ImportController::jobFinished(const JobOutcome &outcome)
{
    m_progress->hide();
    m_cancel->hide();
    m_summary = outcome.resultAs<LibraryImportSummary>();
    const QString file = QFileInfo(m_path).fileName();
    const QString counts = tr("%1 arXiv papers added, %2 kept as text, %3 not found.")
                               .arg(m_summary.arxivAdded)
                               .arg(m_summary.textAdded)
                               .arg(m_summary.notFound.size());
    QString title;
    QString text;
    if (outcome.ok()) {
        title = tr("Library imported");
        text = tr("Imported %1: %2").arg(file, counts);
        if (m_summary.arxivKnown + m_summary.textKnown > 0)
            text +=
                u' ' + tr("%1 were in your library already.").arg(m_summary.arxivKnown + m_summary.textKnown);
    } else if (outcome.cancelled()) {
        title = tr("Import cancelled");
        text = tr("Import of %1 cancelled after %2 of %3 references: %4 What was imported stays; import the "
                  "file again for the rest.")
                   .arg(file)
                   .arg(m_summary.handled)
                   .arg(m_summary.references)
                   .arg(counts);
    } else {
        title = tr("Import failed");
        text = tr("Importing %1 failed: %2").arg(file, outcome.message);
        if (m_summary.handled > 0)
            text += u' ' + tr("Before that: %1").arg(counts);
    }
    if (m_summary.arxivAdded + m_summary.textAdded > 0)
        text += u'\n' + tr("The built-in scorer learns from your library and counts its papers as known.");
    QStringList details;
    for (const QString &missing : m_summary.notFound)
        details << tr("Not found: %1").arg(missing);
    for (const QString &line : m_summary.unreadable)
        details << tr("Not an arXiv id or URL: %1").arg(line);
    details << m_summary.leftOut;
    m_lastMessage = text.section(u'\n', 0, 0);
    m_statusBar->showMessage(m_lastMessage);

    if (m_summaryBox)
        m_summaryBox->close();
    m_summaryBox =
        new QMessageBox(outcome.ok() || outcome.cancelled() ? QMessageBox::Information : QMessageBox::Warning,
            title, text, QMessageBox::Ok, m_window);
    m_summaryBox->setObjectName(QStringLiteral("importSummary"));
    m_summaryBox->setAttribute(Qt::WA_DeleteOnClose);
    // Names and messages from the file and from arXiv: plain text, never markup.
    m_summaryBox->setTextFormat(Qt::PlainText);
    if (!details.isEmpty())
        m_summaryBox->setDetailedText(details.join(u'\n'));
    m_summaryBox->open();
    Q_EMIT imported(outcome.ok(), m_lastMessage);
}

} // namespace Lectern
