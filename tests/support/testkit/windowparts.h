// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QString>

class QLabel;
class QTabWidget;
class QTableView;

namespace Lectern {
class CompareRunsDialog;
class DayCalendar;
class DayPresenter;
class DetailPane;
class DigestView;
class ExportController;
class FilterBar;
class ImportController;
class JobErrorBar;
class NoteEditor;
class PaperFilterProxy;
class PaperStateHub;
class PaperTableModel;
class ProviderBatchController;
class ReaderView;
class RunNotifier;
class ScoreChartView;
class StoreChangeListener;
class TriageController;
} // namespace Lectern

namespace Lectern::Test {

/// The one child of @p root (searched recursively) of @p type named @p name. A part that is missing, or
/// there twice, ends the test run with a message naming it (qFatal): a renamed objectName is a broken test,
/// not a null pointer a few lines on.
[[nodiscard]] QObject *findPart(const QObject &root, const QMetaObject &type, const QString &name);

template<typename T> [[nodiscard]] T *part(const QObject &root, const QString &name)
{
    return static_cast<T *>(findPart(root, T::staticMetaObject, name));
}

// The main window's parts by the objectNames production code gives them: the window keeps no getters for
// tests. State comes from its owner: the shown day from days() (DayPresenter::day(), allDays(),
// storeError()), a job's outcome from the status bar or the JobController.
[[nodiscard]] QTableView *paperView(const QObject &window);
[[nodiscard]] PaperTableModel *paperModel(const QObject &window);
[[nodiscard]] PaperFilterProxy *paperProxy(const QObject &window);
/// Every change of a paper's state goes through it; its store() is the window's own connection.
[[nodiscard]] PaperStateHub *paperStateHub(const QObject &window);
[[nodiscard]] ReaderView *reader(const QObject &window);
[[nodiscard]] DetailPane *detailPane(const QObject &window);
[[nodiscard]] NoteEditor *noteEditor(const QObject &window);
[[nodiscard]] TriageController *triage(const QObject &window);
[[nodiscard]] DigestView *digestView(const QObject &window);
[[nodiscard]] QTabWidget *tabs(const QObject &window);
[[nodiscard]] FilterBar *filterBar(const QObject &window);
[[nodiscard]] ScoreChartView *scoreChart(const QObject &window);
[[nodiscard]] DayPresenter *days(const QObject &window);
[[nodiscard]] DayCalendar *dayCalendar(const QObject &window);
[[nodiscard]] JobErrorBar *jobErrorBar(const QObject &window);
[[nodiscard]] QLabel *profileProblems(const QObject &window);
[[nodiscard]] ExportController *exporter(const QObject &window);
[[nodiscard]] ImportController *importer(const QObject &window);
[[nodiscard]] ProviderBatchController *providerBatches(const QObject &window);
[[nodiscard]] RunNotifier *runNotifier(const QObject &window);
[[nodiscard]] StoreChangeListener *storeChanges(const QObject &window);
/// Waits until @p window shows its day: the day list, the shown day's papers and the tags, which the window
/// reads on workers at start and after its own job (DayPresenter::reload()), are in. False on a timeout.
[[nodiscard]] bool waitForDay(const QObject &window, int timeoutMs = 20000);
/// Once View ▸ Compare Runs… opened it (before, the window has none: findChild() is null).
[[nodiscard]] CompareRunsDialog *compareRunsDialog(const QObject &window);

} // namespace Lectern::Test
