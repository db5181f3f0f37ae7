// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "authorfollower.h"
#include "centralpanes.h"
#include "comparerunsdialog.h"
#include "config/settings.h"
#include "daynavigator.h"
#include "daypresenter.h"
#include "daystatusbar.h"
#include "detailpane.h"
#include "dialogkeyboardreturn.h"
#include "digest/digestloader.h"
#include "digestview.h"
#include "emptystatewidget.h"
#include "exportcontroller.h"
#include "filterbar.h"
#include "firstrunwizard.h"
#include "importcontroller.h"
#include "jobcontroller.h"
#include "joberrorbar.h"
#include "jobs/job.h"
#include "jobstatusindicator.h"
#include "keyringstore.h"
#include "mainmenus.h"
#include "models/paperfilterproxy.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "noteeditor.h"
#include "papercountlabel.h"
#include "profileproblemsbanner.h"
#include "prompteditordialog.h"
#include "providerbatchcontroller.h"
#include "readerview.h"
#include "runnotifier.h"
#include "scorechartdock.h"
#include "scorechartview.h"
#include "settingsdialog.h"
#include "store/paperstore.h"
#include "storechangebatcher.h"
#include "triagecontroller.h"
#include "windowstatefile.h"

#include <QCloseEvent>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

#include <utility>

namespace Lectern {

MainWindow::MainWindow(const Profile &profile, QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_settings(std::make_unique<Settings>(profile.settingsPath()))
    , m_model(new PaperTableModel(this))
    , m_proxy(new PaperFilterProxy(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Lectern"));

    if (!m_profile.hasSessionStore())
        m_profile.useStore(m_profile.storeFor(*m_settings));
    // The keyring's password for a server (in memory only, for every connection of this process).
    KeyringStore::loadStorePassword(StoreLocation::parse(m_profile.store()));
    auto store = PaperStore::open(m_profile.store());
    if (store)
        m_store = std::move(store).value();
    else
        m_storeError = store.error();
    m_hub = new PaperStateHub(m_store.get(), this);
    m_hub->setObjectName(QStringLiteral("paperStateHub"));
    m_jobs = new JobController(m_profile, *m_settings, m_store.get(), this);

    m_model->setObjectName(QStringLiteral("paperModel"));
    m_proxy->setObjectName(QStringLiteral("paperProxy"));
    m_proxy->setSourceModel(m_model);
    m_panes =
        new CentralPanes(m_model, m_proxy, m_hub, new ProfileProblemsBanner(profile, *m_settings), this);
    setCentralWidget(m_panes);
    m_reader = m_panes->reader();
    m_digest = m_panes->digest();
    m_navigator = m_panes->navigator();
    m_errorBar = m_panes->errorBar();
    m_triage = m_reader->triage();
    m_triage->setMarkReadAfterMs(m_settings->integer(Keys::UiMarkReadAfterMs));
    connect(m_reader, &ReaderView::message, this, [this](const QString &m) { statusBar()->showMessage(m); });
    m_digest->setSettings(DigestSettings::fromSettings(*m_settings));
    connect(m_errorBar, &JobErrorBar::retryRequested, this, [this] {
        if (m_retry)
            m_retry();
    });
    m_count = new PaperCountLabel(m_proxy, this);
    statusBar()->addPermanentWidget(m_count);
    statusBar()->addPermanentWidget(new JobStatusIndicator(m_jobs, statusBar()));
    connect(m_jobs, &JobController::started, this, &MainWindow::jobStarted);
    connect(m_jobs, &JobController::finished, this, &MainWindow::jobFinished);
    connect(m_jobs, &JobController::failed, this, [this](const QString &summary, const QString &details) {
        m_retry = [this] { m_jobs->retry(); };
        m_errorBar->showError(summary, details);
    });
    m_notifier = new RunNotifier(this);
    connect(m_jobs, &JobController::actionEnded, this, [this](bool ok, const QString &message) {
        m_notifier->setEnabled(m_settings->flag(Keys::UiNotify));
        m_notifier->runEnded(ok, message);
    });
    connect(m_jobs, &JobController::notice, statusBar(), &QStatusBar::showMessage);
    m_batches = new ProviderBatchController(m_profile, *m_settings, m_jobs, this);
    m_exporter = new ExportController(m_profile.store(), *m_settings, statusBar(), this);
    connect(
        m_exporter, &ExportController::failed, this, [this](const QString &summary, const QString &details) {
            m_retry = [this] { m_exporter->retry(); };
            m_errorBar->showError(summary, details);
        });
    connect(m_reader->dayStatus(), &DayStatusBar::backfillRequested, m_jobs, &JobController::backfillDay);
    connect(m_digest, &DigestView::message, this, [this](const QString &m) { statusBar()->showMessage(m); });
    connect(m_hub, &PaperStateHub::changed, this, &MainWindow::paperStateChanged);

    m_filters = new FilterBar(m_proxy, this);
    m_filters->setThresholds(m_settings->integer(Keys::ScoringRelevanceThreshold),
        m_settings->integer(Keys::ScoringNoveltyThreshold));
    m_filters->setStore(m_store.get());
    connect(m_filters, &FilterBar::message, statusBar(), &QStatusBar::showMessage);
    auto *follower = new AuthorFollower(*m_settings, this);
    connect(m_reader->detail(), &DetailPane::authorClicked, m_filters, &FilterBar::setAuthor);
    connect(m_filters, &FilterBar::listRequested, m_reader, &ReaderView::focusList);
    connect(m_reader->detail(), &DetailPane::followAuthorRequested, follower, &AuthorFollower::follow);
    connect(follower, &AuthorFollower::message, statusBar(), &QStatusBar::showMessage);
    m_reader->detail()->setFollowedAuthors(m_settings->stringList(Keys::TopicsFollowedAuthors));
    connect(follower, &AuthorFollower::followedChanged, this, [this](const QStringList &names) {
        m_reader->detail()->setFollowedAuthors(names);
        m_reader->refreshPaper(m_reader->currentArxivId());
    });
    auto *chartDock = new ScoreChartDock(this);
    addDockWidget(Qt::RightDockWidgetArea, chartDock);
    m_chart = chartDock->chart();
    m_chart->setThresholds(m_filters->relevanceThreshold(), m_filters->noveltyThreshold());
    connect(m_filters, &FilterBar::thresholdsChanged, m_chart, &ScoreChartView::setThresholds);
    connect(m_chart, &ScoreChartView::paperClicked, this, &MainWindow::selectPaper);
    m_days = new DayPresenter(m_store.get(), m_storeError, m_profile.store(),
        {m_panes, m_reader, m_digest, m_panes->navigator(), m_filters, m_chart, m_model, m_hub, m_jobs,
            m_count},
        this);
    connect(m_days, &DayPresenter::message, statusBar(), &QStatusBar::showMessage);
    connect(m_days, &DayPresenter::titleChanged, this, &QWidget::setWindowTitle);
    connect(m_days, &DayPresenter::dayShown, this, [this](const QDate &day) {
        if (m_compare)
            m_compare->setDay(day);
    });
    auto *menus = new MainMenus(this, m_jobs, m_batches, m_triage, m_filters);
    connect(menus, &MainMenus::providerBatchRequested, this, &MainWindow::scoreDayAsProviderBatch);
    connect(menus, &MainMenus::promptsRequested, this, &MainWindow::editPrompts);
    connect(menus, &MainMenus::exportRequested, this, &MainWindow::exportDigest);
    m_importer = new ImportController(m_profile.store(), *m_settings, statusBar(), this);
    connect(menus, &MainMenus::importRequested, m_importer, &ImportController::chooseFile);
    connect(m_importer, &ImportController::imported, m_days, &DayPresenter::reload); // the library's marks
    connect(menus, &MainMenus::settingsRequested, this, &MainWindow::showSettings);
    connect(menus, &MainMenus::quitRequested, this, &QWidget::close);
    connect(menus, &MainMenus::previousDayRequested, m_days, &DayPresenter::showPreviousDay);
    connect(menus, &MainMenus::nextDayRequested, m_days, &DayPresenter::showNextDay);
    connect(menus, &MainMenus::compareRunsRequested, this, &MainWindow::compareRuns);
    connect(menus, &MainMenus::aboutRequested, this, &MainWindow::showAbout);
    connect(menus, &MainMenus::firstRunRequested, this, &MainWindow::runFirstRunAssistant);
    menus->viewMenu()->addAction(chartDock->toggleViewAction());
    connect(m_panes->emptyState(), &EmptyStateWidget::fetchRequested, m_jobs, &JobController::fetchToday);
    new DialogKeyboardReturn(this, [this] {
        if (m_reader->isVisible())
            m_reader->takeKeyboard();
    });

    // Live updates from the other clients of a lab's store; a burst of notices is shown once.
    m_storeChanges = new StoreChangeBatcher(m_store.get(), this);
    connect(m_storeChanges, &StoreChangeBatcher::message, statusBar(), &QStatusBar::showMessage);
    connect(m_storeChanges, &StoreChangeBatcher::batchReady, m_days, &DayPresenter::showStoreChanges);

    WindowStateFile(m_profile, *this, *m_panes, *m_reader).restore();
    m_days->reload();

    if (m_settings->flag(Keys::UiAutoRunAtStart))
        m_jobs->fetchTodayIfMissing();
}

MainWindow::~MainWindow()
{
    // Children outlive the members: save the note while the store still exists.
    m_reader->closeNoteEditor();
}

void MainWindow::runFirstRunAssistant()
{
    FirstRunWizard wizard(*m_settings, m_profile.promptsDir(), this);
    if (wizard.exec() != QDialog::Accepted)
        return;
    m_filters->setThresholds(m_settings->integer(Keys::ScoringRelevanceThreshold),
        m_settings->integer(Keys::ScoringNoveltyThreshold));
    if (wizard.fetchNow())
        m_jobs->fetchToday();
}

void MainWindow::jobStarted()
{
    m_errorBar->hide();
    m_panes->keepKeyboardWhileBusy();
    m_panes->emptyState()->showIntroduction(); // not the last job's "Cancelled" while this one runs
    m_panes->emptyState()->fetchButton()->setEnabled(false);
    m_reader->dayStatus()->backfillButton()->setEnabled(false);
    m_batches->jobStarted();
}

void MainWindow::jobFinished(const JobOutcome &outcome, bool jumpToLatest)
{
    m_panes->emptyState()->fetchButton()->setEnabled(m_store != nullptr);
    m_reader->dayStatus()->backfillButton()->setEnabled(true);
    // A cancel is the user's own doing: say it was cancelled, not that it failed.
    const QString message = outcome.ok() ? outcome.message
        : outcome.cancelled()            ? tr("Cancelled; nothing after that point was stored.")
                                         : tr("Failed: %1").arg(outcome.message);
    // Non-modal: the morning session goes on; the message stays until the next one.
    statusBar()->showMessage(message);
    if (!outcome.ok())
        m_panes->emptyState()->setMessage(message);
    if (jumpToLatest)
        m_days->reloadLatest();
    else
        m_days->reload();
    // A fetch stored papers, a run trained the built-in model: "More like this" compares with them too.
    if (outcome.ok())
        m_reader->refreshSimilarIndex();
    m_batches->jobEnded(outcome);
}

void MainWindow::scoreDayAsProviderBatch()
{
    if (!m_store || m_jobs->isRunning())
        return;
    m_batches->submitDay(m_jobs->dayToScore());
}

void MainWindow::editPrompts()
{
    const QString dayLabel = m_days->allDays()
        ? tr("all %n stored day(s)", nullptr, int(m_navigator->days().size()))
        : QLocale().toString(m_days->day(), QStringLiteral("ddd d MMM yyyy"));
    if (const QString error = PromptEditorDialog::editProfilePrompts(
            m_profile, *m_settings, m_model->rowCount(), dayLabel, this);
        !error.isEmpty())
        statusBar()->showMessage(error);
}

bool MainWindow::selectPaper(const QString &arxivId)
{
    return m_reader->selectPaper(arxivId);
}

void MainWindow::compareRuns()
{
    if (!m_compare) {
        m_compare = new CompareRunsDialog(m_store.get(), this);
        connect(m_compare, &CompareRunsDialog::paperActivated, this, [this](const QString &arxivId) {
            m_panes->tabs()->setCurrentWidget(m_reader);
            if (!selectPaper(arxivId))
                statusBar()->showMessage(tr("%1 is hidden by the filters.").arg(arxivId), 5000);
            activateWindow();
        });
    }
    m_compare->setOptions(CompareRunsOptions::fromSettings(*m_settings));
    m_compare->setDay(m_days->day());
    m_compare->show();
    m_compare->raise();
    m_compare->activateWindow();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(*m_settings, this);
    dialog.setStore(m_profile.store());
    if (dialog.exec() == QDialog::Accepted) {
        if (m_compare)
            m_compare->setOptions(CompareRunsOptions::fromSettings(*m_settings));
        m_triage->setMarkReadAfterMs(m_settings->integer(Keys::UiMarkReadAfterMs));
        m_filters->setThresholds(m_settings->integer(Keys::ScoringRelevanceThreshold),
            m_settings->integer(Keys::ScoringNoveltyThreshold));
        m_batches->updateAvailability();
        m_reader->detail()->setFollowedAuthors(m_settings->stringList(Keys::TopicsFollowedAuthors));
        m_reader->refreshPaper(m_reader->currentArxivId());
    }
}

void MainWindow::exportDigest()
{
    if (!m_store || !m_days->day().isValid()) {
        statusBar()->showMessage(tr("No day to export."), 5000);
        return;
    }
    ExportDialog::Context context;
    context.day = m_days->day();
    if (auto tags = m_store->allTags())
        context.tags = *tags;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (const PaperRecord *r = m_model->recordAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()))
            context.shownIds.insert(r->paper.arxivId);
    }
    // All days: the papers come from any stored day (the list is newest first).
    const QList<DaySummary> &days = m_navigator->days();
    context.shownFrom = m_days->allDays() && !days.isEmpty() ? days.back().date : m_days->day();
    context.shownTo = m_days->allDays() && !days.isEmpty() ? days.front().date : m_days->day();
    context.digestFilter = m_digest->filter();
    m_exporter->openDialog(std::move(context), this);
}

void MainWindow::paperStateChanged(const PaperState &state)
{
    // The reader, digest and note editor follow the hub themselves; the chart and the tag lists here.
    m_chart->setStarred(state.arxivId, state.starred);
    m_days->refreshTagsLater();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Lectern"),
        tr("<h3>Lectern %1</h3><p>The daily arXiv triage: fetch the day's papers, score them for "
           "relevance and novelty, read, star, note and export a digest.</p>"
           "<p>Built with Qt %2.</p><p>Profile: %3</p>")
            .arg(QStringLiteral(LECTERN_VERSION), QString::fromLatin1(qVersion()),
                m_profile.describe().toHtmlEscaped()));
}

bool MainWindow::event(QEvent *event)
{
    // Every menu entry the mouse or keyboard crosses sends a status tip, an empty one too, and QMainWindow
    // shows it in place of the status message: a job's result or error would vanish unread. Lectern sets
    // no status tips (tooltips say what an action does), so none is shown.
    if (event->type() == QEvent::StatusTip)
        return true;
    return QMainWindow::event(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Without a window manager nobody gives a new window the keyboard: the first keys of the morning went
    // nowhere until a click. Asked once, at the first show (Qt activates it when X has mapped it); a window
    // manager may still decline, as it should when the user has moved on meanwhile.
    if (!m_shownBefore && !event->spontaneous()) {
        m_shownBefore = true;
        activateWindow();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Notes whose save failed (a full disk) would be lost with the window: ask first.
    if (!m_reader->mayClose(m_digest->closeNote() ? 0 : 1)) {
        event->ignore();
        return;
    }
    m_jobs->cancel();
    WindowStateFile(m_profile, *this, *m_panes, *m_reader).save();
    event->accept();
}

} // namespace Lectern
