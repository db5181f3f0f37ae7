// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/profile.h"
#include "domain/paperrecord.h"
#include "domain/papertableorders.h"
#include "export/digestexporter.h"
#include "util/result.h"

#include <QDate>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QLabel;
class QTabWidget;
class QTableView;

namespace Lectern {

class CentralPanes;
class CompareRunsDialog;
class DayCalendar;
class DayListModel;
class DayNavigator;
class DayPresenter;
class DayStatusBar;
class JobErrorBar;
class JobController;
class JobRunner;
struct JobOutcome;
class DetailPane;
class NoteEditor;
class ScoreChartView;
class TriageController;
class DigestView;
class ExportController;
class ImportController;
class EmptyStateWidget;
class FilterBar;
class PaperFilterProxy;
class PaperStateHub;
class PaperStore;
class PaperCountLabel;
class PaperTableModel;
class ProviderBatchController;
class ReaderView;
class RunNotifier;
class StoreChangeListener;
class StoreChangeBatcher;
class Settings;

/// Wires the panes together: day list, paper table, detail pane. Holds the GUI thread's own store
/// connection; long work goes to workers.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Profile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QDate currentDay() const;
    [[nodiscard]] QTableView *paperView() const;
    [[nodiscard]] ReaderView *reader() const { return m_reader; }
    [[nodiscard]] PaperTableModel *paperModel() const { return m_model; }
    [[nodiscard]] PaperFilterProxy *paperProxy() const { return m_proxy; }
    [[nodiscard]] DetailPane *detailPane() const;
    [[nodiscard]] NoteEditor *noteEditor() const;
    /// The window's own store (its connection), or null when the database could not be opened.
    [[nodiscard]] PaperStore *store() const { return m_store.get(); }
    [[nodiscard]] TriageController *triage() const { return m_triage; }
    [[nodiscard]] ScoreChartView *scoreChart() const { return m_chart; }
    [[nodiscard]] FilterBar *filterBar() const { return m_filters; }
    /// Selects @p arxivId in the table if the current filters show it.
    bool selectPaper(const QString &arxivId);
    [[nodiscard]] DigestView *digestView() const { return m_digest; }
    [[nodiscard]] QTabWidget *tabs() const;
    /// Writes the current day's digest, filtered as the Digest tab shows it, to @p path in @p format.
    Result<void> exportCurrentDay(const QString &path, ExportFormat format);
    /// Error shown instead of the papers when the store could not be opened; empty when all is well.
    [[nodiscard]] QString storeError() const { return m_storeError; }
    /// Fetch, Score, Run, back-fill and provider batches: their actions, chaining, cancel and retry.
    [[nodiscard]] JobController *jobs() const { return m_jobs; }
    [[nodiscard]] ExportController *exporter() const { return m_exporter; }
    /// File ▸ Import…: the user's library, imported in the background.
    [[nodiscard]] ImportController *importer() const { return m_importer; }
    [[nodiscard]] ProviderBatchController *providerBatches() const { return m_batches; }
    /// The last background job's outcome, as shown in the status bar.
    [[nodiscard]] QString lastJobMessage() const { return m_lastJobMessage; }
    /// Whether the table holds every stored day's papers ("All days") rather than the shown day's.
    [[nodiscard]] bool allDays() const;
    /// The day shown and how the window gets to another.
    [[nodiscard]] DayPresenter *days() const { return m_days; }
    [[nodiscard]] JobErrorBar *jobErrorBar() const { return m_errorBar; }
    /// The banner naming broken profile files (settings, prices.json); hidden when there are none.
    [[nodiscard]] QLabel *profileProblems() const;
    [[nodiscard]] DayCalendar *dayCalendar() const;
    [[nodiscard]] RunNotifier *runNotifier() const { return m_notifier; }
    /// Whether start-up asked for today's run (ui/autoRunAtStart and no run for today yet).
    [[nodiscard]] bool autoRunScheduled() const { return m_autoRunScheduled; }
    /// The Compare Runs dialog once opened (it follows the shown day), else null.
    [[nodiscard]] CompareRunsDialog *compareRunsDialog() const;
    /// What other clients change in a lab's PostgreSQL store, as it happens (listening; idle on SQLite).
    [[nodiscard]] StoreChangeListener *storeChanges() const;

Q_SIGNALS:
    /// Other clients' changes (a day fetched or scored, a shared note) are shown: the day list, the table,
    /// the detail pane and the digest were read again, the user's selection, scroll position and unsaved
    /// note left as they were.
    void storeChangesShown();

public Q_SLOTS:
    /// Re-reads the day list and the current day from the store (DayPresenter::reload()).
    void reload();
    /// Shows @p day once a worker has read its papers (days()->dayShown()); until then the day before.
    void showDay(const QDate &day);
    /// "All days": the table holds the papers of every stored day, read in the background.
    void setAllDays(bool on);
    /// The day before or after the shown one, as showDay().
    void showPreviousDay();
    void showNextDay();
    /// Score ▸ Score as Provider Batch: submits the shown day (or the latest) as a provider batch.
    void scoreDayAsProviderBatch();
    /// Prompt templates of the profile, in the prompt editor.
    void editPrompts();
    void showAbout();
    void showSettings();
    /// File ▸ Export…: opens the ExportDialog (the shown day, a range, a month's overview or the papers the
    /// filter shows); the export runs in the background (exporter()).
    void exportDigest();
    /// View ▸ Compare Runs…: what moved between two scoring runs of the shown day (non-modal).
    void compareRuns();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void runFirstRunAssistant();
    void jobFinished(const JobOutcome &outcome, bool jumpToLatest);
    void jobStarted();
    void paperStateChanged(const PaperState &state);

    Profile m_profile;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<PaperStore> m_store;
    QString m_storeError;
    PaperStateHub *m_hub = nullptr;

    PaperTableModel *m_model;
    PaperFilterProxy *m_proxy;
    CentralPanes *m_panes = nullptr;
    ReaderView *m_reader = nullptr;
    DigestView *m_digest = nullptr;
    PaperCountLabel *m_count = nullptr;
    bool m_shownBefore = false;
    JobController *m_jobs = nullptr;
    TriageController *m_triage = nullptr;
    ScoreChartView *m_chart = nullptr;
    FilterBar *m_filters = nullptr;
    QString m_lastJobMessage;
    RunNotifier *m_notifier = nullptr;
    bool m_autoRunScheduled = false;
    JobErrorBar *m_errorBar = nullptr;
    DayNavigator *m_navigator = nullptr;
    std::function<void()> m_retry; ///< what the error bar's Retry does: the failed job or export again
    ExportController *m_exporter = nullptr;
    ImportController *m_importer = nullptr;
    ProviderBatchController *m_batches = nullptr;
    QPointer<CompareRunsDialog> m_compare;
    StoreChangeBatcher *m_storeChanges = nullptr;
    DayPresenter *m_days = nullptr;
};

} // namespace Lectern
