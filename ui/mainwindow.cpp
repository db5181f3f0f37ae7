// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "arxiv/fetchjob.h"
#include "comparerunsdialog.h"
#include "config/settings.h"
#include "daynavigator.h"
#include "daystatusbar.h"
#include "detailpane.h"
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
#include "mainmenus.h"
#include "models/paperfilterproxy.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "noteeditor.h"
#include "profileproblemsbanner.h"
#include "prompteditordialog.h"
#include "providerbatchcontroller.h"
#include "readerview.h"
#include "recordsloader.h"
#include "runnotifier.h"
#include "scorechartview.h"
#include "scoring/authormatcher.h"
#include "settingsdialog.h"
#include "store/paperstore.h"
#include "triagecontroller.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Lectern {

namespace {

// Window layout is not a user setting; it lives beside the settings file, in the same profile.
QString uiStatePath(const Profile &profile)
{
    QString path = profile.settingsPath();
    path.replace(QStringLiteral("lectern.ini"), QStringLiteral("window-state.ini"));
    return path;
}

} // namespace

MainWindow::MainWindow(const Profile &profile, QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_settings(std::make_unique<Settings>(profile.settingsPath()))
    , m_model(new PaperTableModel(this))
    , m_proxy(new PaperFilterProxy(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_tabs(new QTabWidget(this))
    , m_digest(new DigestView(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Lectern"));

    auto store = PaperStore::open(profile.databasePath());
    if (store)
        m_store = std::move(store).value();
    else
        m_storeError = store.error();
    m_hub = new PaperStateHub(m_store.get(), this);
    m_jobs = new JobController(profile, *m_settings, m_store.get(), this);

    m_proxy->setSourceModel(m_model);

    m_reader = new ReaderView(m_model, m_proxy, m_hub, this);
    m_table = m_reader->table();
    m_dayStatus = m_reader->dayStatus();
    m_triage = m_reader->triage();
    m_triage->setMarkReadAfterMs(m_settings->integer(Keys::UiMarkReadAfterMs));
    connect(m_reader, &ReaderView::message, this, [this](const QString &m) { statusBar()->showMessage(m); });
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Reader and digest"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_reader, tr("&Reader"));
    m_tabs->addTab(m_digest, tr("&Digest"));
    m_digest->setSettings(DigestSettings::fromSettings(*m_settings));
    m_digest->setHub(m_hub);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);
    m_navigator = new DayNavigator(this);
    connect(m_navigator, &DayNavigator::daySelected, this, &MainWindow::showDay);
    connect(m_navigator, &DayNavigator::emptyDayPicked, this, [this](const QDate &day) {
        statusBar()->showMessage(
            tr("No papers are stored for %1; still showing %2. The day's bar offers a back-fill for partial "
               "days; lectern backfill fetches past days.")
                .arg(QLocale().toString(day, QLocale::LongFormat),
                    m_allDays ? tr("all days") : QLocale().toString(m_day, QLocale::LongFormat)),
            8000);
    });
    m_mainSplitter->addWidget(m_navigator);
    m_errorBar = new JobErrorBar(this);
    connect(m_errorBar, &JobErrorBar::retryRequested, this, [this] {
        if (m_retry)
            m_retry();
    });
    auto *rightPane = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(rightPane);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    rightLayout->addWidget(m_errorBar);
    m_profileProblems = new ProfileProblemsBanner(profile, *m_settings, this);
    rightLayout->addWidget(m_profileProblems);
    rightLayout->addWidget(m_stack, 1);
    m_mainSplitter->addWidget(rightPane);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({220, 900});
    setCentralWidget(m_mainSplitter);
    m_countLabel->setObjectName(QStringLiteral("paperCount"));
    statusBar()->addPermanentWidget(m_countLabel);
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
    connect(m_jobs, &JobController::notice, this,
        [this](const QString &message, int timeoutMs) { statusBar()->showMessage(message, timeoutMs); });
    m_batches = new ProviderBatchController(m_profile, *m_settings, m_jobs, this);
    m_exporter = new ExportController(profile.databasePath(), *m_settings, statusBar(), this);
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
    m_recordsLoader = new RecordsLoader(profile.databasePath(), this);
    connect(m_filters, &FilterBar::allDaysToggled, this, &MainWindow::setAllDays);
    connect(m_recordsLoader, &RecordsLoader::loaded, this, &MainWindow::allDaysLoaded);
    connect(m_recordsLoader, &RecordsLoader::failed, this, [this](const QString &m) {
        statusBar()->showMessage(tr("The papers of all days could not be read: %1").arg(m));
    });
    m_filters->setStore(m_store.get());
    connect(m_filters, &FilterBar::message, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(m_reader->detail(), &DetailPane::authorClicked, m_filters, &FilterBar::setAuthor);
    connect(m_reader->detail(), &DetailPane::followAuthorRequested, this, &MainWindow::followAuthor);
    m_chart = new ScoreChartView(this);
    m_chart->setThresholds(m_filters->relevanceThreshold(), m_filters->noveltyThreshold());
    connect(m_filters, &FilterBar::thresholdsChanged, m_chart, &ScoreChartView::setThresholds);
    auto *chartDock = new QDockWidget(tr("Scores"), this);
    chartDock->setObjectName(QStringLiteral("scoreDock"));
    chartDock->setWidget(m_chart);
    addDockWidget(Qt::RightDockWidgetArea, chartDock);
    chartDock->hide(); // View ▸ Score Chart shows it
    connect(m_chart, &ScoreChartView::paperClicked, this, &MainWindow::selectPaper);
    auto *menus = new MainMenus(this, m_jobs, m_batches, m_triage, m_filters);
    connect(menus, &MainMenus::providerBatchRequested, this, &MainWindow::scoreDayAsProviderBatch);
    connect(menus, &MainMenus::promptsRequested, this, &MainWindow::editPrompts);
    connect(menus, &MainMenus::exportRequested, this, &MainWindow::exportDigest);
    m_importer = new ImportController(profile.databasePath(), *m_settings, statusBar(), this);
    connect(menus, &MainMenus::importRequested, m_importer, &ImportController::chooseFile);
    connect(m_importer, &ImportController::imported, this, &MainWindow::reload); // the library's marks
    connect(menus, &MainMenus::settingsRequested, this, &MainWindow::showSettings);
    connect(menus, &MainMenus::quitRequested, this, &QWidget::close);
    connect(menus, &MainMenus::previousDayRequested, this, &MainWindow::showPreviousDay);
    connect(menus, &MainMenus::nextDayRequested, this, &MainWindow::showNextDay);
    connect(menus, &MainMenus::compareRunsRequested, this, &MainWindow::compareRuns);
    connect(menus, &MainMenus::aboutRequested, this, &MainWindow::showAbout);
    connect(menus, &MainMenus::firstRunRequested, this, &MainWindow::runFirstRunAssistant);
    auto *chartAction = chartDock->toggleViewAction();
    chartAction->setText(tr("Score &Chart"));
    chartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    chartAction->setToolTip(
        tr("Relevance × novelty of the day's papers; click a point to select the paper (Ctrl+G)"));
    menus->viewMenu()->addAction(chartAction);

    connect(m_empty, &EmptyStateWidget::fetchRequested, m_jobs, &JobController::fetchToday);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateStatus);

    restoreUiState();
    reload();

    // The morning: fetch on start-up when today's announcement is not in yet (setting; off by default).
    if (m_store && m_settings->flag(Keys::UiAutoRunAtStart)) {
        auto run = m_store->dayRun(FetchRequest::arxivToday());
        if (run && !run->has_value()) {
            m_autoRunScheduled = true;
            QTimer::singleShot(0, m_jobs, &JobController::fetchToday);
        }
    }
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
        m_empty->setMessage(tr("The database could not be opened:\n%1").arg(m_storeError));
        m_empty->fetchButton()->setEnabled(false);
        m_stack->setCurrentWidget(m_empty);
        updateStatus();
        return;
    }
    auto days = m_store->daySummaries();
    if (!days) {
        statusBar()->showMessage(days.error());
        return;
    }
    m_navigator->setDays(*days);
    refreshTags();
    if (days->isEmpty()) {
        m_day = {};
        m_jobs->setShownDay({});
        m_model->setRecords({});
        m_stack->setCurrentWidget(m_empty);
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
    const bool complete = m_navigator->isComplete(day);
    QString why;
    if (!complete) {
        if (auto run = m_store->dayRun(day); run && run->has_value())
            why = (*run)->statusNote;
    }
    m_dayStatus->showDay(day, complete, why);
    m_stack->setCurrentWidget(m_tabs);
    if (!m_followingDigest)
        m_digest->showDay(day);
    m_navigator->showDay(day);
    if (m_compare)
        m_compare->setDay(day);
    setWindowTitle(tr("Lectern — %1").arg(QLocale().toString(day, QLocale::LongFormat)));
    selectFirstRow();
}

void MainWindow::showRecords(QList<PaperRecord> records)
{
    // The chart is the shown day's; thousands of points from all days would only slow it down.
    if (!m_allDays)
        m_chart->setRecords(records);
    QStringList categories;
    for (const PaperRecord &r : records) {
        for (const QString &c : r.paper.categories) {
            if (!categories.contains(c))
                categories << c;
        }
    }
    categories.sort();
    m_filters->setCategories(categories);
    m_model->setRecords(std::move(records));
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
    m_recordsLoader->load();
    statusBar()->showMessage(tr("Loading the papers of all days…"));
}

void MainWindow::allDaysLoaded(const QList<PaperRecord> &records)
{
    if (!m_allDays)
        return;
    showRecords(records);
    m_dayStatus->hide(); // it speaks of one day
    m_stack->setCurrentWidget(m_tabs);
    setWindowTitle(tr("Lectern — all days"));
    statusBar()->clearMessage();
    selectFirstRow();
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
    m_empty->fetchButton()->setEnabled(false);
    m_dayStatus->backfillButton()->setEnabled(false);
    m_batches->jobStarted();
}

void MainWindow::jobFinished(const JobOutcome &outcome, bool jumpToLatest)
{
    m_empty->fetchButton()->setEnabled(m_store != nullptr);
    m_dayStatus->backfillButton()->setEnabled(true);
    // A cancel is the user's own doing: say it was cancelled, not that it failed.
    m_lastJobMessage = outcome.ok() ? outcome.message
        : outcome.cancelled()       ? tr("Cancelled; nothing after that point was stored.")
                                    : tr("Failed: %1").arg(outcome.message);
    // Non-modal: the morning session goes on; the message stays until the next one.
    statusBar()->showMessage(m_lastJobMessage);
    if (!outcome.ok())
        m_empty->setMessage(m_lastJobMessage);
    if (jumpToLatest)
        m_day = {};
    reload();
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

void MainWindow::followAuthor(const QString &name)
{
    QStringList followed = m_settings->stringList(Keys::TopicsFollowedAuthors);
    if (name.trimmed().isEmpty())
        return;
    // "Peter Richtárik" is already followed as "P. Richtarik": no second entry for the same person.
    for (const QString &f : std::as_const(followed)) {
        if (AuthorMatcher::sameAuthor(f, name)) {
            statusBar()->showMessage(tr("You already follow %1 (as %2).").arg(name, f), 5000);
            return;
        }
    }
    followed << name;
    if (auto r = m_settings->setValue(Keys::TopicsFollowedAuthors, followed); !r) {
        statusBar()->showMessage(r.error());
        return;
    }
    statusBar()->showMessage(tr("Following %1: their papers come first in the digest.").arg(name), 5000);
}

DayCalendar *MainWindow::dayCalendar() const
{
    return m_navigator->calendar();
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
            m_tabs->setCurrentWidget(m_reader);
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
    if (dialog.exec() == QDialog::Accepted) {
        if (m_compare)
            m_compare->setOptions(CompareRunsOptions::fromSettings(*m_settings));
        m_triage->setMarkReadAfterMs(m_settings->integer(Keys::UiMarkReadAfterMs));
        m_filters->setThresholds(m_settings->integer(Keys::ScoringRelevanceThreshold),
            m_settings->integer(Keys::ScoringNoveltyThreshold));
        m_batches->updateAvailability();
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
    if (!m_store) {
        m_countLabel->setText(tr("No database"));
        return;
    }
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    const qsizetype days = m_navigator->days().size();
    QString text = !m_allDays ? tr("%1 of %2 papers").arg(shown).arg(all)
        : days == 1           ? tr("%1 of %2 papers, the one stored day").arg(shown).arg(all)
                              : tr("%1 of %2 papers, all %3 days").arg(shown).arg(all).arg(days);
    // An empty table must say why, not just stay blank.
    if (shown == 0 && all > 0)
        text += tr(" — no paper matches the search and filters");
    m_countLabel->setText(text);
}

void MainWindow::restoreUiState()
{
    QSettings state(uiStatePath(m_profile), QSettings::IniFormat);
    if (!restoreGeometry(state.value(QStringLiteral("geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(state.value(QStringLiteral("windowState")).toByteArray());
    m_mainSplitter->restoreState(state.value(QStringLiteral("mainSplitter")).toByteArray());
    m_reader->restoreSplit(state.value(QStringLiteral("readerSplitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(state.value(QStringLiteral("tableHeader")).toByteArray());
}

void MainWindow::saveUiState()
{
    QSettings state(uiStatePath(m_profile), QSettings::IniFormat);
    state.setValue(QStringLiteral("geometry"), saveGeometry());
    state.setValue(QStringLiteral("windowState"), saveState());
    state.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    state.setValue(QStringLiteral("readerSplitter"), m_reader->saveState());
    state.setValue(QStringLiteral("tableHeader"), m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Notes whose save failed (a full disk) would be lost with the window: ask first.
    if (!m_reader->mayClose(m_digest->closeNote() ? 0 : 1)) {
        event->ignore();
        return;
    }
    m_jobs->cancel();
    saveUiState();
    event->accept();
}

} // namespace Lectern
