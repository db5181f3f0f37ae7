// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/profile.h"
#include "domain/paperrecord.h"
#include "export/digestexporter.h"
#include "util/result.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

namespace Lectern {

class CentralPanes;
class CompareRunsDialog;
class DayNavigator;
class DayPresenter;
class JobErrorBar;
class JobController;
struct JobOutcome;
class ScoreChartView;
class TriageController;
class DigestView;
class ExportController;
class ImportController;
class FilterBar;
class PaperFilterProxy;
class PaperStateHub;
class PaperStore;
class PaperCountLabel;
class PaperTableModel;
class ProviderBatchController;
class ReaderView;
class RunNotifier;
class StoreChangeBatcher;
class Settings;

/// Wires the panes together and lays them out: day list, paper table, detail pane. Holds the GUI thread's
/// own store connection; long work goes to workers. Tests reach the parts by their objectNames
/// (testkit/windowparts.h), not through getters here.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Profile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Fetch, Score, Run, back-fill and provider batches: their actions, chaining, cancel and retry.
    [[nodiscard]] JobController *jobs() const { return m_jobs; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /// Selects @p arxivId in the table if the current filters show it.
    bool selectPaper(const QString &arxivId);
    /// Score ▸ Score as Provider Batch: submits the shown day (or the latest) as a provider batch.
    void scoreDayAsProviderBatch();
    /// Prompt templates of the profile, in the prompt editor.
    void editPrompts();
    void showAbout();
    void showSettings();
    /// File ▸ Export…: opens the ExportDialog (the shown day, a range, a month's overview or the papers the
    /// filter shows); the export runs in the background (ExportController).
    void exportDigest();
    /// View ▸ Compare Runs…: what moved between two scoring runs of the shown day (non-modal).
    void compareRuns();
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
    RunNotifier *m_notifier = nullptr;
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
