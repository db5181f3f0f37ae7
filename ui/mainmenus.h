// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace Lectern {

class FilterBar;
class JobController;
class ProviderBatchController;
class TriageController;

/// The window's menu bar and main toolbar: the controllers' own actions (fetch, score, run, batches,
/// triage) placed in menus, and the window's commands as signals, so that this knows no MainWindow and
/// the window keeps only its wiring.
class MainMenus final : public QObject
{
    Q_OBJECT
public:
    MainMenus(QMainWindow *window, JobController *jobs, ProviderBatchController *batches,
        TriageController *triage, FilterBar *filters);

    [[nodiscard]] QMenu *viewMenu() const { return m_view; }

Q_SIGNALS:
    void providerBatchRequested();
    void promptsRequested();
    void exportRequested();
    void importRequested();
    void settingsRequested();
    void quitRequested();
    void previousDayRequested();
    void nextDayRequested();
    void compareRunsRequested();
    void aboutRequested();
    void firstRunRequested();

private:
    QAction *addAction(QMenu *menu, const char *objectName, const QString &text, const QString &toolTip,
        void (MainMenus::*signal)());

    QMenu *m_view = nullptr;
};

} // namespace Lectern
