// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainmenus.h"

#include "actionicon.h"
#include "filterbar.h"
#include "jobcontroller.h"
#include "providerbatchcontroller.h"
#include "triagecontroller.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

namespace Lectern {

QAction *MainMenus::addAction(QMenu *menu, const char *objectName, const QString &text,
    const QString &toolTip, void (MainMenus::*signal)())
{
    QAction *action = menu->addAction(text);
    if (objectName)
        action->setObjectName(QString::fromLatin1(objectName));
    if (!toolTip.isEmpty())
        action->setToolTip(toolTip);
    connect(action, &QAction::triggered, this, signal);
    return action;
}

MainMenus::MainMenus(QMainWindow *window, JobController *jobs, ProviderBatchController *batches,
    TriageController *triage, FilterBar *filters)
    : QObject(window)
{
    QMenuBar *bar = window->menuBar();
    auto *fileMenu = bar->addMenu(tr("&File"));
    fileMenu->addActions({jobs->fetchAction(), jobs->scoreAction(), jobs->runAction()});
    fileMenu->addAction(batches->submitAction());
    connect(batches->submitAction(), &QAction::triggered, this, &MainMenus::providerBatchRequested);
    fileMenu->addAction(batches->batchesAction());
    addAction(fileMenu, "actionPrompts", tr("Edit &Prompts…"),
        tr("The scoring prompt and your research topics"), &MainMenus::promptsRequested);
    QAction *exportAction = addAction(fileMenu, "actionExport", tr("&Export…"),
        tr("Write the day, a range of days, a month's overview or the papers the filter shows to "
           "Markdown, PDF, HTML, JSON, BibTeX, RIS or CSV (Ctrl+E)"),
        &MainMenus::exportRequested);
    exportAction->setIcon(ActionIcon::named(QStringLiteral("document-export")));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    addAction(fileMenu, "actionImport", tr("&Import Library…"),
        tr("Your papers from BibTeX, RIS, a Zotero library (zotero.sqlite) or a list of arXiv ids: the "
           "built-in scorer learns from them and counts them as known"),
        &MainMenus::importRequested)
        ->setIcon(ActionIcon::named(QStringLiteral("document-import")));
    fileMenu->addSeparator();
    QAction *prefs = addAction(fileMenu, "actionSettings", tr("&Settings…"),
        tr("Categories, topics, scorer, API key, thresholds"), &MainMenus::settingsRequested);
    prefs->setIcon(ActionIcon::named(QStringLiteral("configure")));
    // QKeySequence::Preferences is empty outside KDE and macOS: Ctrl+, everywhere, the platform's as well.
    QList<QKeySequence> prefKeys {QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Preferences)) {
        if (!prefKeys.contains(k))
            prefKeys << k;
    }
    prefs->setShortcuts(prefKeys);
    fileMenu->addSeparator();
    addAction(fileMenu, nullptr, tr("&Quit"), {}, &MainMenus::quitRequested)->setShortcut(QKeySequence::Quit);

    m_view = bar->addMenu(tr("&View"));
    QAction *prev = addAction(m_view, "actionPreviousDay", tr("&Previous Day"),
        tr("Show the previous announcement day (Alt+Left)"), &MainMenus::previousDayRequested);
    prev->setIcon(ActionIcon::named(QStringLiteral("go-previous")));
    prev->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    QAction *next = addAction(m_view, "actionNextDay", tr("&Next Day"),
        tr("Show the next announcement day (Alt+Right)"), &MainMenus::nextDayRequested);
    next->setIcon(ActionIcon::named(QStringLiteral("go-next")));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    QAction *find = m_view->addAction(tr("&Search"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, filters, &FilterBar::focusSearch);
    addAction(m_view, "actionCompareRuns", tr("&Compare Runs…"),
        tr("What moved between two scoring runs (model or prompt) of the shown day (Ctrl+Shift+C)"),
        &MainMenus::compareRunsRequested)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    bar->addMenu(tr("&Triage"))->addActions(triage->actions());

    auto *helpMenu = bar->addMenu(tr("&Help"));
    addAction(helpMenu, "actionAbout", tr("&About Lectern"), {}, &MainMenus::aboutRequested);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    addAction(helpMenu, "actionFirstRun", tr("Run First-Time &Setup…"),
        tr("Categories, topics and scorer, step by step"), &MainMenus::firstRunRequested);

    auto *toolbar = window->addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    // The words matter to a new user ("Run" fetches and scores); the arrows explain themselves.
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({jobs->fetchAction(), jobs->scoreAction(), jobs->runAction(), prev, next});
    for (QAction *arrow : {prev, next}) {
        if (auto *button = qobject_cast<QToolButton *>(toolbar->widgetForAction(arrow)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    toolbar->addSeparator();
    // The quick filters sit in the main toolbar; FilterBar drives them.
    for (QWidget *w : filters->quickFilters())
        toolbar->addWidget(w);
    window->addToolBarBreak();
    window->addToolBar(filters);
}

} // namespace Lectern
