// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "authorfollower.h"
#include "centralpanes.h"
#include "comparerunsdialog.h"
#include "config/settings.h"
#include "daynavigator.h"
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
#include "latestjobloader.h"
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
#include "store/daysummariesjob.h"
#include "store/paperstore.h"
#include "store/recordsloadjob.h"
#include "storechangebatcher.h"
#include "triagecontroller.h"
#include "windowstatefile.h"

#include <QCloseEvent>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
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
    m_jobs = new JobController(m_profile, *m_settings, m_store.get(), this);

    m_proxy->setSourceModel(m_model);
    m_panes =
        new CentralPanes(m_model, m_proxy, m_hub, new ProfileProblemsBanner(profile, *m_settings), this);
    setCentralWidget(m_panes);
    m_reader = m_panes->reader();
    m_digest = m_panes->digest();
    m_navigator = m_panes->navigator();
    m_errorBar = m_panes->errorBar();
    m_dayStatus = m_reader->dayStatus();
    m_triage = m_reader->triage();
    m_triage->setMarkReadAfterMs(m_settings->integer(Keys::UiMarkReadAfterMs));
    connect(m_reader, &ReaderView::message, this, [this](const QString &m) { statusBar()->showMessage(m); });
    m_digest->setSettings(DigestSettings::fromSettings(*m_settings));
    connect(m_navigator, &DayNavigator::daySelected, this, &MainWindow::showDay);
    connect(m_navigator, &DayNavigator::emptyDayPicked, this, [this](const QDate &day) {
        statusBar()->showMessage(
            tr("No papers are stored for %1; still showing %2. The day's bar offers a back-fill for partial "
               "days; lectern backfill fetches past days.")
                .arg(QLocale().toString(day, QLocale::LongFormat),
                    m_allDays ? tr("all days") : QLocale().toString(m_day, QLocale::LongFormat)),
            8000);
    });
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
    connect(m_dayStatus, &DayStatusBar::backfillRequested, m_jobs, &JobController::backfillDay);
    connect(m_digest, &DigestView::message, this, [this](const QString &m) { statusBar()->showMessage(m); });
    connect(m_digest, &DigestView::dayShown, this, [this](const QDate &day) {
        m_followingDigest = true;
        showDay(day);
        m_followingDigest = false;
    });
    connect(m_hub, &PaperStateHub::changed, this, &MainWindow::paperStateChanged);

    m_filters = new FilterBar(m_proxy, this);
    m_filters->setThresholds(m_settings->integer(Keys::ScoringRelevanceThreshold),
        m_settings->integer(Keys::ScoringNoveltyThreshold));
    const QString storePath = m_profile.store();
    m_recordsLoader = new LatestJobLoader([storePath] { return new RecordsLoadJob(storePath); }, this);
    connect(m_filters, &FilterBar::allDaysToggled, this, &MainWindow::setAllDays);
    connect(m_recordsLoader, &LatestJobLoader::loaded, this,
        [this](const QVariant &rows) { allDaysLoaded(rows.value<PaperTableRows>()); });
    connect(m_recordsLoader, &LatestJobLoader::failed, this, [this](const QString &m) {
        statusBar()->showMessage(tr("The papers of all days could not be read: %1").arg(m));
    });
    // The day list comes at once, its counts (every listing read) a moment later from a worker.
    m_dayCounter = new LatestJobLoader([storePath] { return new DaySummariesJob(storePath); }, this);
    connect(m_dayCounter, &LatestJobLoader::loaded, this,
        [this](const QVariant &days) { m_navigator->updateCounts(days.value<QList<DaySummary>>()); });
    connect(m_dayCounter, &LatestJobLoader::failed, this, [this](const QString &m) {
        statusBar()->showMessage(tr("The days' papers could not be counted: %1").arg(m));
    });
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
    auto *menus = new MainMenus(this, m_jobs, m_batches, m_triage, m_filters);
    connect(menus, &MainMenus::providerBatchRequested, this, &MainWindow::scoreDayAsProviderBatch);
    connect(menus, &MainMenus::promptsRequested, this, &MainWindow::editPrompts);
    connect(menus, &MainMenus::exportRequested, this, &MainWindow::exportDigest);
    m_importer = new ImportController(m_profile.store(), *m_settings, statusBar(), this);
    connect(menus, &MainMenus::importRequested, m_importer, &ImportController::chooseFile);
    connect(m_importer, &ImportController::imported, this, &MainWindow::reload); // the library's marks
    connect(menus, &MainMenus::settingsRequested, this, &MainWindow::showSettings);
    connect(menus, &MainMenus::quitRequested, this, &QWidget::close);
    connect(menus, &MainMenus::previousDayRequested, this, &MainWindow::showPreviousDay);
    connect(menus, &MainMenus::nextDayRequested, this, &MainWindow::showNextDay);
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
    connect(m_storeChanges, &StoreChangeBatcher::batchReady, this, &MainWindow::showStoreChanges);

    WindowStateFile(m_profile, *this, *m_panes, *m_reader).restore();
    reload();

    m_autoRunScheduled = m_settings->flag(Keys::UiAutoRunAtStart) && m_jobs->fetchTodayIfMissing();
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

void MainWindow::reload()
{
    if (!m_store) {
        m_panes->emptyState()->setMessage(tr("The database could not be opened:\n%1").arg(m_storeError));
        m_panes->emptyState()->fetchButton()->setEnabled(false);
        m_panes->showEmptyState();
        updateStatus();
        return;
    }
    auto days = m_store->dayList();
    if (!days) {
        statusBar()->showMessage(days.error());
        return;
    }
    m_navigator->setDays(*days);
    m_dayCounter->load();
    refreshTags();
    if (days->isEmpty()) {
        m_day = {};
        m_jobs->setShownDay({});
        m_model->setRecords({});
        m_panes->showEmptyState();
        updateStatus();
        return;
    }
    const QDate want = m_day.isValid() && m_navigator->contains(m_day) ? m_day : days->first().date;
    // The same day again (a job ended): the user stays on the paper they were reading.
    const QString reading = want == m_day ? m_reader->currentArxivId() : QString();
    if (m_allDays) {
        m_day = want;
        m_jobs->setShownDay(want);
        m_recordsLoader->load();
        return;
    }
    m_day = {};
    showDay(want);
    if (!reading.isEmpty())
        m_reader->restoreSelection(reading);
}

void MainWindow::showDay(const QDate &day)
{
    if (!m_store)
        return;
    if (m_allDays) {
        // Picking a day in the list leaves "All days".
        m_allDays = false;
        m_recordsLoader->cancel();
        m_filters->setAllDays(false);
        m_day = {};
    }
    if (day == m_day)
        return;
    auto records = m_store->recordsForDay(day);
    if (!records) {
        statusBar()->showMessage(records.error());
        return;
    }
    m_day = day;
    m_jobs->setShownDay(day);
    showRecords(std::move(records).value());
    showDayStatus(day);
    m_panes->showPapers();
    if (!m_followingDigest)
        m_digest->showDay(day);
    m_navigator->showDay(day);
    if (m_compare)
        m_compare->setDay(day);
    setWindowTitle(tr("Lectern — %1").arg(QLocale().toString(day, QLocale::LongFormat)));
    selectFirstRow();
}

void MainWindow::showDayStatus(const QDate &day)
{
    const bool complete = m_navigator->isComplete(day);
    QString why;
    if (!complete) {
        if (auto run = m_store->dayRun(day); run && run->has_value())
            why = (*run)->statusNote;
    }
    m_dayStatus->showDay(day, complete, why);
}

void MainWindow::showStoreChanges(const StoreChangeBatch &batch)
{
    if (!m_store)
        return;
    const bool daysChanged = batch.daysChanged();
    const bool shownDayChanged = batch.touches(m_day);
    const QSet<QString> &notes = batch.sharedNotes;
    const QSet<QString> &states = batch.memberStates;
    if (daysChanged && !m_day.isValid()) {
        // Nothing was shown (an empty store): the new day is shown as at start.
        reload();
    } else if (daysChanged) {
        auto days = m_store->dayList();
        if (!days) {
            statusBar()->showMessage(days.error());
            return;
        }
        m_dayCounter->load();
        {
            // The list's reset must not count as the user picking a day (it would leave "All days").
            const QSignalBlocker quiet(m_navigator);
            m_navigator->setDays(*days);
            m_navigator->showDay(m_day);
        }
        // "All days" is read again in the background (a burst of notices is one reload, and a newer one
        // replaces a load under way); the rows it brings keep the user's place.
        if (m_allDays) {
            m_recordsLoader->load();
        } else if (shownDayChanged) {
            auto records = m_store->recordsForDay(m_day);
            if (!records) {
                statusBar()->showMessage(records.error());
                return;
            }
            m_chart->setRecords(*records);
            m_filters->setCategoriesOf(*records);
            m_reader->refreshRecords(std::move(records).value());
            showDayStatus(m_day);
            m_digest->refresh();
        }
    }
    // The member's own state, and the text of their shared notes another member may have edited.
    for (const QString &id : states | notes)
        followStoredState(id);
    for (const QString &id : notes)
        m_reader->refreshPaper(id);
    if (!notes.isEmpty())
        m_digest->refresh();
    updateStatus();
    Q_EMIT storeChangesShown();
}

StoreChangeListener *MainWindow::storeChanges() const
{
    return m_storeChanges->listener();
}

void MainWindow::followStoredState(const QString &arxivId)
{
    const int row = m_model->rowOf(arxivId);
    if (row < 0)
        return;
    auto stored = m_hub->state(arxivId);
    if (!stored) {
        statusBar()->showMessage(stored.error());
        return;
    }
    // This window's own saves are announced to it too: only a difference is news.
    const PaperState &shown = m_model->recordAt(row)->state;
    if (shown.starred != stored->starred || shown.read != stored->read ||
        shown.dismissed != stored->dismissed || shown.note != stored->note || shown.tags != stored->tags)
        m_hub->announce(*stored);
}

void MainWindow::showRecords(QList<PaperRecord> records, PaperTableOrders orders)
{
    // The chart is the shown day's; thousands of points from all days would only slow it down.
    if (!m_allDays)
        m_chart->setRecords(records);
    m_filters->setCategoriesOf(records);
    m_model->setRecords(std::move(records), std::move(orders));
}

void MainWindow::showRows(PaperTableRows rows)
{
    // The categories were gathered on the loading thread, beside the orders.
    m_filters->setCategories(rows.categories);
    m_model->setRecords(std::move(rows.records), std::move(rows.orders));
}

void MainWindow::selectFirstRow()
{
    m_reader->selectFirstRow();
    updateStatus();
}

void MainWindow::setAllDays(bool on)
{
    if (!m_store || on == m_allDays)
        return;
    m_filters->setAllDays(on);
    if (!on) {
        m_allDays = false;
        m_recordsLoader->cancel();
        const QDate day = m_day;
        m_day = {};
        showDay(day);
        return;
    }
    m_allDays = true;
    m_allDaysShown = false;
    m_recordsLoader->load();
    statusBar()->showMessage(tr("Loading the papers of all days…"));
}

void MainWindow::allDaysLoaded(const PaperTableRows &rows)
{
    if (!m_allDays)
        return;
    if (m_allDaysShown) {
        m_filters->setCategories(rows.categories);
        m_reader->replaceRecordsKeepingPlace(rows.records, rows.orders);
        updateStatus();
        return;
    }
    m_allDaysShown = true;
    showRows(rows);
    m_dayStatus->hide(); // it speaks of one day
    m_panes->showPapers();
    setWindowTitle(tr("Lectern — all days"));
    statusBar()->clearMessage();
    updateStatus();
    // The first paper is read whole (and compared, "More like this") on the next turn of the event loop:
    // together with mapping the table's 100k rows in this one it held the window past 50 ms. A paper the
    // user picked meanwhile stays picked.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_allDays && !paperView()->selectionModel()->hasSelection())
                m_reader->selectFirstRow();
        },
        Qt::QueuedConnection);
}

void MainWindow::showPreviousDay()
{
    if (const QDate day = m_navigator->previousDay(m_day); day.isValid())
        showDay(day);
    else
        statusBar()->showMessage(tr("This is the first stored day."), 4000);
}

void MainWindow::showNextDay()
{
    if (const QDate day = m_navigator->nextDay(m_day); day.isValid())
        showDay(day);
    else
        statusBar()->showMessage(tr("This is the latest stored day."), 4000);
}

void MainWindow::jobStarted()
{
    m_errorBar->hide();
    m_panes->keepKeyboardWhileBusy();
    m_panes->emptyState()->showIntroduction(); // not the last job's "Cancelled" while this one runs
    m_panes->emptyState()->fetchButton()->setEnabled(false);
    m_dayStatus->backfillButton()->setEnabled(false);
    m_batches->jobStarted();
}

void MainWindow::jobFinished(const JobOutcome &outcome, bool jumpToLatest)
{
    m_panes->emptyState()->fetchButton()->setEnabled(m_store != nullptr);
    m_dayStatus->backfillButton()->setEnabled(true);
    // A cancel is the user's own doing: say it was cancelled, not that it failed.
    m_lastJobMessage = outcome.ok() ? outcome.message
        : outcome.cancelled()       ? tr("Cancelled; nothing after that point was stored.")
                                    : tr("Failed: %1").arg(outcome.message);
    // Non-modal: the morning session goes on; the message stays until the next one.
    statusBar()->showMessage(m_lastJobMessage);
    if (!outcome.ok())
        m_panes->emptyState()->setMessage(m_lastJobMessage);
    if (jumpToLatest)
        m_day = {};
    reload();
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
    const QString dayLabel = m_allDays ? tr("all %n stored day(s)", nullptr, int(m_navigator->days().size()))
                                       : QLocale().toString(m_day, QStringLiteral("ddd d MMM yyyy"));
    if (const QString error = PromptEditorDialog::editProfilePrompts(
            m_profile, *m_settings, m_model->rowCount(), dayLabel, this);
        !error.isEmpty())
        statusBar()->showMessage(error);
}

bool MainWindow::selectPaper(const QString &arxivId)
{
    return m_reader->selectPaper(arxivId);
}

DayCalendar *MainWindow::dayCalendar() const
{
    return m_navigator->calendar();
}

QTableView *MainWindow::paperView() const
{
    return m_reader->table();
}

QTabWidget *MainWindow::tabs() const
{
    return m_panes->tabs();
}

QLabel *MainWindow::profileProblems() const
{
    return m_panes->profileProblems();
}

DetailPane *MainWindow::detailPane() const
{
    return m_reader->detail();
}

NoteEditor *MainWindow::noteEditor() const
{
    return m_reader->noteEditor();
}

CompareRunsDialog *MainWindow::compareRunsDialog() const
{
    return m_compare;
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
    m_compare->setDay(m_day);
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
    if (!m_store || !m_day.isValid()) {
        statusBar()->showMessage(tr("No day to export."), 5000);
        return;
    }
    ExportDialog::Context context;
    context.day = m_day;
    if (auto tags = m_store->allTags())
        context.tags = *tags;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (const PaperRecord *r = m_model->recordAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()))
            context.shownIds.insert(r->paper.arxivId);
    }
    // All days: the papers come from any stored day (the list is newest first).
    const QList<DaySummary> &days = m_navigator->days();
    context.shownFrom = m_allDays && !days.isEmpty() ? days.back().date : m_day;
    context.shownTo = m_allDays && !days.isEmpty() ? days.front().date : m_day;
    context.digestFilter = m_digest->filter();
    m_exporter->openDialog(std::move(context), this);
}

Result<void> MainWindow::exportCurrentDay(const QString &path, ExportFormat format)
{
    if (!m_store || !m_day.isValid())
        return Error {tr("No day to export.")};
    auto digest =
        DigestLoader::day(*m_store, m_day, DigestSettings::fromSettings(*m_settings), m_digest->filter());
    if (!digest)
        return Error {digest.error()};
    auto bytes = DigestExporter::render({*digest}, format, DigestExporter::options(*m_settings));
    if (!bytes)
        return Error {bytes.error()};
    return DigestExporter::save(path, *bytes);
}

void MainWindow::paperStateChanged(const PaperState &state)
{
    // The reader, digest and note editor follow the hub themselves; the chart and the tag lists here.
    m_chart->setStarred(state.arxivId, state.starred);
    refreshTags();
}

void MainWindow::refreshTags()
{
    if (!m_store)
        return;
    if (auto tags = m_store->allTags()) {
        m_reader->noteEditor()->setKnownTags(*tags);
        m_filters->setTags(*tags);
    }
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

void MainWindow::updateStatus()
{
    if (m_store)
        m_count->setScope(m_allDays, m_navigator->days().size());
    else
        m_count->setNoDatabase();
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
