// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: the real main window, offscreen, on a generated library (LibraryGenerator), timed from the
// user's action to the settled view (the action's signals delivered, background work done, the table
// repainted): cold start, switching day, "All days", each keystroke of a search over all days, combined
// filters, sorting by each column, selecting a paper, opening the Digest tab. After each: peak RSS
// (VmHWM) and the longest stall of the GUI thread's event loop during the action.
//
//   LECTERN_BENCH_PAPERS=100000 QT_QPA_PLATFORM=offscreen ./build/tests/bench_window
//
// The library is generated once per size into LECTERN_BENCH_DIR (default: a folder in the temporary
// directory) and reused. The test run runs this once at a tiny size (bench_window_tiny) so it cannot rot.
// LECTERN_BENCH_STORE=postgres: the same library generated through the store into a database of a
// throwaway PostgreSQL server (the tests' PostgresCluster, started for this run and gone after it), and a
// profile whose store/ settings name it. LECTERN_BENCH_PGDATA=DIR keeps that server's cluster in DIR
// (one database per size, generated once) and reuses it in later runs, as LECTERN_BENCH_DIR does for
// SQLite.
#include "config/profile.h"
#include "config/settings.h"
#include "jobs/job.h"
#include "library/librarygenerator.h"
#include "models/paperfilterproxy.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "store/paperstore.h"
#include "store/recordsloadjob.h"
#include "ui/daypresenter.h"
#include "ui/detailpane.h"
#include "ui/digestview.h"
#include "ui/filterbar.h"
#include "ui/fulltextsearch.h"
#include "ui/mainwindow.h"
#include "ui/readerview.h"

#include <testkit/fixtures.h>
#include <testkit/postgrescluster.h>
#include <testkit/profilebuilder.h>
#include <testkit/windowparts.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <cstdio>
#include <memory>

using namespace Lectern;

namespace {

int g_papers = 10000;
bool g_failed = false; ///< a benchmark found the window wrong: the run exits 1 (the test run checks it)
QString g_profileDir;
std::unique_ptr<MainWindow> g_window;

// /proc/self/status in MB: VmHWM (peak resident set) or VmRSS (now).
double statusMegabytes(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return double(line.mid(int(qstrlen(field)) + 1).trimmed().split(' ').first().toLongLong()) /
                1024.0;
    }
    return -1;
}

/// The longest time the GUI thread's event loop went without turning: a timer that should fire every
/// few milliseconds, and the largest gap between two of its firings beyond that.
class StallMonitor
{
public:
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer,
            [this] { m_longest = std::max(m_longest, m_sinceLast.restart() - kIntervalMs); });
        m_timer.start();
        m_sinceLast.start();
    }
    void reset()
    {
        QCoreApplication::processEvents();
        m_longest = 0;
        m_sinceLast.restart();
    }
    /// As reset(), without turning the event loop: what was posted so far stays for the next turn.
    void restart()
    {
        m_longest = 0;
        m_sinceLast.restart();
    }
    /// The longest stall since reset(), counting the time since the last firing.
    qint64 longest()
    {
        QCoreApplication::processEvents();
        return std::max(m_longest, m_sinceLast.elapsed() - kIntervalMs);
    }

private:
    static constexpr qint64 kIntervalMs = 5;
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    qint64 m_longest = 0;
};
StallMonitor *g_stalls = nullptr;

/// The longest single event the GUI thread handled (outermost deliveries only): what held the window
/// at one go, where the stall above can also count two events handled in one turn of the loop, or the
/// benchmark's own waiting between them.
class BenchApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ms = clock.elapsed();
        --m_depth;
        if (ms > m_longest) {
            m_longest = ms;
            m_longestWhat = QString::fromLatin1(receiver->metaObject()->className()) + u' ' +
                QString::number(int(event->type()));
        }
        return handled;
    }
    void resetLongest()
    {
        m_longest = 0;
        m_longestWhat.clear();
    }
    [[nodiscard]] qint64 longest() const { return m_longest; }
    [[nodiscard]] QString longestWhat() const { return m_longestWhat; }

private:
    int m_depth = 0;
    qint64 m_longest = 0;
    QString m_longestWhat;
};
BenchApplication *g_app = nullptr;
qint64 g_worstEvent = 0; ///< the longest event over a benchmark's iterations; report() prints and resets it

/// Runs the event loop until @p done; it sleeps until the next event (a worker's queued signal), never
/// polls.
template<typename Done> void waitUntil(Done done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

/// The window's parts the benchmarks drive, looked up by name once (testkit/windowparts.h) so that no
/// lookup is timed.
struct Parts
{
    explicit Parts(const MainWindow &w)
        : table(Test::paperView(w))
        , model(Test::paperModel(w))
        , proxy(Test::paperProxy(w))
        , reader(Test::reader(w))
        , detail(Test::detailPane(w))
        , filters(Test::filterBar(w))
        , days(Test::days(w))
        , tabs(Test::tabs(w))
        , digest(Test::digestView(w))
    { }

    QTableView *table;
    PaperTableModel *model;
    PaperFilterProxy *proxy;
    ReaderView *reader;
    DetailPane *detail;
    FilterBar *filters;
    DayPresenter *days;
    QTabWidget *tabs;
    DigestView *digest;
};

/// Delivers what is posted, then has the table and detail pane painted, as the screen would show them:
/// as paint events of their own (as the window gets them), so that the longest event is the window's.
void settle(const Parts &w)
{
    QCoreApplication::processEvents();
    w.table->viewport()->update();
    if (w.detail->isVisible())
        w.detail->viewport()->update();
    QCoreApplication::processEvents();
}

/// Times one action: @p act, then @p done awaited, then the view settled. Records the stall.
template<typename Act, typename Done> double timed(const Parts &w, Act act, Done done, qint64 &worstStall)
{
    g_stalls->reset();
    g_app->resetLongest();
    QElapsedTimer clock;
    clock.start();
    act();
    waitUntil(done);
    settle(w);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    worstStall = std::max(worstStall, g_stalls->longest());
    g_worstEvent = std::max(g_worstEvent, g_app->longest());
    return seconds;
}

void report(benchmark::State &state, qint64 worstStall)
{
    state.counters["peak_MB"] = statusMegabytes("VmHWM:");
    state.counters["rss_MB"] = statusMegabytes("VmRSS:");
    state.counters["stall_ms"] = double(worstStall);
    state.counters["event_ms"] = double(g_worstEvent);
    g_worstEvent = 0;
    state.counters["papers"] = g_papers;
}

MainWindow &window()
{
    if (!g_window) {
        g_window = std::make_unique<MainWindow>(Profile::inDirectory(g_profileDir));
        g_window->resize(1280, 800);
        g_window->show();
        if (!Test::waitForDay(*g_window, 600000))
            qFatal("the window's day was not read");
        settle(Parts(*g_window));
    }
    return *g_window;
}

void toAllDays(const Parts &w, bool on)
{
    if (w.days->allDays() == on)
        return;
    w.filters->scopeChooser()->setCurrentIndex(on ? 1 : 0);
    // All days is complete when the loader's rows are in the model; one day when its rows came.
    waitUntil([&] { return on ? w.model->rowCount() == g_papers : !w.days->isLoadingDay(); });
    settle(w);
}

} // namespace

// The cold start is timed from the constructor: its own function, the window does not exist before.
static void BM_ColdStartToFirstPaint(benchmark::State &state)
{
    // Two stalls: the whole start as one block (construction, show and first paint, before main() could
    // even enter the event loop), and the longest once the window exists (from show()), when a user
    // could already be pressing keys.
    qint64 stall = 0;
    qint64 shownStall = 0;
    double constructMs = 0;
    for (auto _ : state) {
        g_window.reset();
        QCoreApplication::processEvents();
        g_stalls->reset();
        QElapsedTimer clock;
        clock.start();
        g_window = std::make_unique<MainWindow>(Profile::inDirectory(g_profileDir));
        g_window->resize(1280, 800);
        const double thisConstruct = double(clock.nsecsElapsed()) / 1e6;
        constructMs = std::max(constructMs, thisConstruct);
        // No event could be handled while the constructor ran: its time is a stall of its own.
        const qint64 constructed = qint64(thisConstruct);
        g_stalls->restart();
        g_app->resetLongest();
        g_window->show();
        // The day list and the first day's papers are read on a worker: the first paint is theirs.
        const bool shown = Test::waitForDay(*g_window, 600000);
        settle(Parts(*g_window));
        g_worstEvent = std::max(g_worstEvent, g_app->longest());
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
        shownStall = std::max(shownStall, g_stalls->longest());
        stall = std::max({stall, shownStall, constructed});
        if (!shown || Test::paperModel(*g_window)->rowCount() == 0) {
            g_failed = true;
            state.SkipWithError("the window shows no paper");
        }
    }
    state.counters["construct_ms"] = constructMs;
    state.counters["shown_stall_ms"] = double(shownStall);
    report(state, stall);
}

static void BM_SwitchDay(benchmark::State &state)
{
    const Parts w(window());
    toAllDays(w, false);
    qint64 stall = 0;
    bool back = true;
    for (auto _ : state) {
        const QDate before = w.days->day();
        state.SetIterationTime(timed(
            w, [&] { back ? w.days->showPreviousDay() : w.days->showNextDay(); },
            [&] { return w.days->day() != before; }, stall));
        back = !back;
    }
    report(state, stall);
}

/// Switches the scope chooser to "All days" (or back to the shown day) from the other scope.
void switchScope(benchmark::State &state, bool allDays)
{
    const Parts w(window());
    qint64 stall = 0;
    for (auto _ : state) {
        state.PauseTiming();
        toAllDays(w, !allDays);
        state.ResumeTiming();
        state.SetIterationTime(timed(
            w, [&] { w.filters->scopeChooser()->setCurrentIndex(allDays ? 1 : 0); },
            [&] { return allDays ? w.model->rowCount() == g_papers : w.model->rowCount() < g_papers; },
            stall));
    }
    report(state, stall);
}

static void BM_AllDays(benchmark::State &state)
{
    switchScope(state, true);
}

// Leaving "All days" for the shown day: 100k rows give way to a few hundred.
static void BM_BackToOneDay(benchmark::State &state)
{
    switchScope(state, false);
}

static void BM_SearchKeystrokeAllDays(benchmark::State &state)
{
    const Parts w(window());
    toAllDays(w, true);
    QLineEdit *search = w.filters->searchField();
    const QString word = QStringLiteral("learning");
    qint64 stall = 0;
    qsizetype typed = 0;
    for (auto _ : state) {
        if (typed == word.size()) {
            state.PauseTiming();
            search->clear();
            settle(w);
            typed = 0;
            state.ResumeTiming();
        }
        const QChar key = word.at(typed++);
        state.SetIterationTime(timed(
            w, [&] { QTest::keyClick(search, key.toLatin1()); },
            [&] { return !w.filters->fullTextSearch()->isBusy(); }, stall));
    }
    state.counters["shown"] = w.proxy->rowCount();
    search->clear();
    settle(w);
    report(state, stall);
}

static void BM_CombinedFiltersAllDays(benchmark::State &state)
{
    const Parts w(window());
    toAllDays(w, true);
    FilterBar *bar = w.filters;
    qint64 stall = 0;
    for (auto _ : state) {
        double seconds = 0;
        // Minimum relevance, a tag, a category and a word: four actions, each to its settled view.
        seconds += timed(
            w, [&] { bar->minimumRelevance()->setValue(5); }, [] { return true; }, stall);
        seconds += timed(
            w,
            [&] {
                bar->tagChooser()->setCurrentIndex(bar->tagChooser()->findText(QStringLiteral("to-read")));
            },
            [] { return true; }, stall);
        seconds += timed(
            w,
            [&] {
                bar->categoryChooser()->setCurrentIndex(
                    bar->categoryChooser()->findText(QStringLiteral("cs.LG")));
            },
            [] { return true; }, stall);
        seconds += timed(
            w, [&] { bar->searchField()->setText(QStringLiteral("model")); },
            [&] { return !bar->fullTextSearch()->isBusy(); }, stall);
        state.SetIterationTime(seconds / 4); // per action
        state.PauseTiming();
        state.counters["shown"] = w.proxy->rowCount();
        bar->searchField()->clear();
        bar->categoryChooser()->setCurrentIndex(0);
        bar->tagChooser()->setCurrentIndex(0);
        bar->minimumRelevance()->setValue(0);
        settle(w);
        state.ResumeTiming();
    }
    report(state, stall);
}

static void BM_SortAllDays(benchmark::State &state)
{
    const Parts w(window());
    toAllDays(w, true);
    const int column = int(state.range(0));
    qint64 stall = 0;
    bool descending = false;
    for (auto _ : state) {
        descending = !descending;
        state.SetIterationTime(timed(
            w, [&] { w.table->sortByColumn(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder); },
            [] { return true; }, stall));
    }
    state.SetLabel(w.model->headerData(column, Qt::Horizontal).toString().toStdString());
    report(state, stall);
}

static void BM_SelectPaperAllDays(benchmark::State &state)
{
    const Parts w(window());
    toAllDays(w, true);
    QTableView *table = w.table;
    qint64 stall = 0;
    int row = 0;
    const int rows = w.proxy->rowCount();
    for (auto _ : state) {
        row = (row + 7919) % std::max(1, rows);
        const QString id = w.proxy->index(row, 0).data(ArxivIdRole).toString();
        state.SetIterationTime(timed(
            w, [&] { table->setCurrentIndex(w.proxy->index(row, TitleColumn)); },
            [&] { return w.detail->currentArxivId() == id && !w.reader->isReadingDetails(); }, stall));
    }
    report(state, stall);
}

// "More like this": the index is built at idle priority after the first selection (not timed here: its
// build time is a counter); then selecting a paper also asks the index for its nearest papers. The peak
// RSS after it is the window's with the index in memory.
static void BM_SelectPaperWithSimilarAllDays(benchmark::State &state)
{
    const Parts w(window());
    toAllDays(w, true);
    QTableView *table = w.table;
    QElapsedTimer build;
    build.start();
    table->setCurrentIndex(w.proxy->index(1, TitleColumn));
    waitUntil([&] { return w.reader->hasSimilarIndex(); });
    const double buildSeconds = double(build.elapsed()) / 1000.0;
    qint64 stall = 0;
    int row = 0;
    const int rows = w.proxy->rowCount();
    bool listed = true;
    for (auto _ : state) {
        row = (row + 7919) % std::max(1, rows);
        const QString id = w.proxy->index(row, 0).data(ArxivIdRole).toString();
        state.SetIterationTime(timed(
            w, [&] { table->setCurrentIndex(w.proxy->index(row, TitleColumn)); },
            [&] { return w.detail->currentArxivId() == id && !w.reader->isReadingDetails(); }, stall));
        listed = listed && w.detail->toHtml().contains(QStringLiteral("lectern:paper"));
    }
    if (!listed) {
        g_failed = true;
        state.SkipWithError("no \"More like this\" list was shown");
    }
    state.counters["index_build_s"] = buildSeconds;
    report(state, stall);
}

// Issue 14: "All days" after another client's work on one day reads only that day's rows and compares them
// with those shown (Arg 1), where it read every row again. Every row read again (after a reconnect) is
// compared with those shown: another client has marked a day's worth of papers read (Arg 0), or fetched a
// new day of 250 papers (Arg 2), and only the rows changed or added are handed over (PaperRowChanges) and
// put in place in the window, whose time and stall are measured once (apply_ms). RecordsLoadJob as the
// window's worker runs it, here on the benchmark's thread (the window's GUI thread is not involved). The
// peak RSS after it is the process's: no step here holds a second set of every row. Arg 2 adds papers to
// the profile: copy it before each run.
static void BM_AllDaysReadAgain(benchmark::State &state)
{
    const Parts w(window());
    toAllDays(w, true);
    QList<PaperRecord> shown = w.model->records();
    const QDate day = shown.isEmpty() ? QDate() : shown.first().paper.announced;
    const QString store = Test::paperStateHub(window())->store()->database().path();
    // Written through a connection of the benchmark's own, as another client would: the shown rows (and
    // the window's model) keep the old states.
    constexpr qsizetype kChanged = 250;
    qsizetype changed = 0;
    if (state.range(0) != 1) {
        auto other = PaperStore::open(store);
        if (!other) {
            g_failed = true;
            state.SkipWithError("the store could not be opened");
            return;
        }
        if (state.range(0) == 0) {
            for (qsizetype i = 0; i < shown.size() && changed < kChanged; ++i) {
                PaperState s = shown.at(i).state;
                if (!s.note.isEmpty() || s.noteShared)
                    continue;
                s.read = !s.read;
                if (!other.value()->saveState(s)) {
                    g_failed = true;
                    state.SkipWithError("a state could not be saved");
                    return;
                }
                ++changed;
            }
        } else {
            // A new day's papers, ids from a month no generated day uses.
            QList<Paper> papers;
            for (qsizetype i = 0; i < kChanged; ++i) {
                Paper p = Test::makePaper(
                    QStringLiteral("9912.%1").arg(i + 1, 5, 10, QChar(u'0')), 1, day.addDays(1));
                p.title = QStringLiteral("A paper of the next day, number %1").arg(i + 1);
                papers << p;
            }
            if (!other.value()->upsertPapers(papers)) {
                g_failed = true;
                state.SkipWithError("the new day could not be stored");
                return;
            }
            changed = kChanged;
        }
    }
    // The next day's papers go again at the end (their listings, states and scores with them: ON DELETE
    // CASCADE), whatever happens meanwhile.
    const auto deleteNextDay = qScopeGuard([&] {
        if (state.range(0) != 2)
            return;
        auto other = PaperStore::open(store);
        QSqlQuery gone(other ? other.value()->database().sql() : QSqlDatabase());
        if (!other || !gone.exec(QStringLiteral("DELETE FROM papers WHERE arxiv_id LIKE '9912.%'")))
            std::fprintf(stderr, "the next day's papers could not be deleted: remove the library\n");
    });
    qsizetype read = 0;
    PaperRowChanges last;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<RecordsLoadJob> job;
        if (state.range(0) == 1)
            job = std::make_unique<RecordsLoadJob>(store, shown, QList<QDate> {day});
        else
            job = std::make_unique<RecordsLoadJob>(store, shown);
        const JobOutcome outcome = job->execute();
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
        last = outcome.resultAs<PaperRowChanges>();
        read = last.read;
        bool right = outcome.result.metaType() == QMetaType::fromType<PaperRowChanges>();
        if (state.range(0) == 0)
            right = right && last.changed.size() == changed && last.added.isEmpty() && read == g_papers;
        else if (state.range(0) == 2)
            right = right && last.added.size() == changed && last.removed.isEmpty() && last.orders &&
                read == g_papers + changed;
        if (!outcome.ok() || !right) {
            g_failed = true;
            state.SkipWithError("the rows read again are not the library's");
            break;
        }
    }
    state.counters["rows_read"] = double(read);
    state.counters["rows_handed_over"] = double(last.size());
    qint64 stall = 0;
    if (state.range(0) != 1 && !g_failed) {
        // The window puts the rows in place as DayPresenter does, timed once with its stall; the
        // benchmark's copy of the rows let go first, or the model would copy every row to change one.
        shown = {};
        const int before = w.model->rowCount();
        bool applied = false;
        const double ms = timed(
            w, [&] { applied = w.reader->applyRowChanges(last); }, [] { return true; }, stall);
        state.counters["apply_ms"] = ms * 1000;
        if (!applied || w.model->rowCount() != before + last.added.size()) {
            g_failed = true;
            state.SkipWithError("the window did not put the rows in place");
        }
    }
    report(state, stall);
}

static void BM_OpenDigestTab(benchmark::State &state)
{
    // The latest day: about 70 of its papers pass the digest's thresholds (LibraryGenerator's marks).
    const Parts w(window());
    toAllDays(w, false);
    qint64 stall = 0;
    for (auto _ : state) {
        state.PauseTiming();
        w.tabs->setCurrentIndex(0);
        w.digest->showDay(w.days->day()); // hidden: marks it to be rendered when shown
        settle(w);
        state.ResumeTiming();
        state.SetIterationTime(timed(
            w, [&] { w.tabs->setCurrentWidget(w.digest); },
            // The page is read and built on a worker; settled once it is on screen and painted.
            [&] {
                if (w.digest->isRendering())
                    return false;
                w.digest->repaint();
                return true;
            },
            stall));
    }
    w.tabs->setCurrentIndex(0);
    report(state, stall);
}

namespace {

std::unique_ptr<Test::PostgresCluster> g_cluster;
bool g_noPostgres = false; ///< asked for PostgreSQL where it cannot start: the run is skipped (exit 77)
std::unique_ptr<QTemporaryDir> g_postgresProfile;

/// Writes the library through the store and says how long it took; @p where names the store in the
/// report. @p mergeSearchIndex: merge SQLite's FTS5 segments afterwards, as a back-fill would.
bool generateInto(PaperStore &store, const QString &where, bool mergeSearchIndex)
{
    QElapsedTimer clock;
    clock.start();
    LibraryGenerator::Options options;
    options.papers = g_papers;
    auto written = LibraryGenerator(options).write(store);
    if (!written || (mergeSearchIndex && !store.optimizeSearchIndex())) {
        std::fprintf(stderr, "generating failed: %s\n", written ? "" : qPrintable(written.error()));
        return false;
    }
    std::fprintf(stderr, "generated %d papers in %s in %.1f s\n", g_papers, qPrintable(where),
        double(clock.elapsed()) / 1000.0);
    return true;
}

/// Generates the library through the store into a new database of a throwaway server (or reuses the one
/// of a kept cluster, LECTERN_BENCH_PGDATA), and a profile naming it.
bool preparePostgresProfile()
{
    const QString kept = qEnvironmentVariable("LECTERN_BENCH_PGDATA");
    g_cluster = kept.isEmpty() ? std::make_unique<Test::PostgresCluster>()
                               : std::make_unique<Test::PostgresCluster>(kept);
    auto location = kept.isEmpty() ? g_cluster->createDatabase()
                                   : g_cluster->database(QStringLiteral("lectern_bench_%1").arg(g_papers));
    if (!location) {
        std::fprintf(stderr, "PostgreSQL cannot run here: %s\n", qPrintable(location.error()));
        g_noPostgres = true;
        return false;
    }
    g_postgresProfile = std::make_unique<QTemporaryDir>();
    g_profileDir = g_postgresProfile->path();
    const QString built = Test::ProfileBuilder(g_profileDir)
                              .withSetting(Keys::StoreBackend, QStringLiteral("postgres"))
                              .withSetting(Keys::StoreHost, location->host())
                              .withSetting(Keys::StorePort, location->port())
                              .withSetting(Keys::StoreDatabase, location->database())
                              .withSetting(Keys::StoreUser, location->user())
                              .withSetting(Keys::UiFirstRunDone, true)
                              .build();
    if (!built.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(built));
        return false;
    }
    auto store = PaperStore::open(location->toString());
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return false;
    }
    if (auto stats = store.value()->stats(); stats && stats->papers != 0) {
        if (stats->papers == g_papers)
            return true;
        std::fprintf(stderr, "%s holds %lld papers, not %d: drop it\n", qPrintable(location->toString()),
            stats->papers, g_papers);
        return false;
    }
    return generateInto(*store.value(), QStringLiteral("PostgreSQL ") + location->toString(), false);
}

bool prepareProfile()
{
    const QByteArray papers = qgetenv("LECTERN_BENCH_PAPERS");
    if (!papers.isEmpty())
        g_papers = papers.toInt();
    if (qEnvironmentVariable("LECTERN_BENCH_STORE") == u"postgres")
        return preparePostgresProfile();
    QString base = qEnvironmentVariable("LECTERN_BENCH_DIR");
    if (base.isEmpty())
        base = QDir::temp().filePath(QStringLiteral("lectern-bench"));
    g_profileDir = QDir(base).filePath(QString::number(g_papers));
    const Profile profile = Profile::inDirectory(g_profileDir);
    auto store = PaperStore::open(profile.databasePath());
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return false;
    }
    auto stats = store.value()->stats();
    if (stats && stats->papers == g_papers)
        return true;
    if (stats && stats->papers != 0) {
        std::fprintf(stderr, "%s holds %lld papers, not %d: remove it\n", qPrintable(g_profileDir),
            stats->papers, g_papers);
        return false;
    }
    return generateInto(*store.value(), g_profileDir, true);
}

} // namespace

int main(int argc, char **argv)
{
    BenchApplication app(argc, argv);
    g_app = &app;
    if (!prepareProfile())
        return g_noPostgres ? 77 : 1;
    StallMonitor stalls;
    g_stalls = &stalls;
    const int iterations = qEnvironmentVariableIntValue("LECTERN_BENCH_ITERATIONS") > 0
        ? qEnvironmentVariableIntValue("LECTERN_BENCH_ITERATIONS")
        : 5;
    auto add = [&](const char *name, void (*fn)(benchmark::State &), int times) {
        return benchmark::RegisterBenchmark(name, fn)->Iterations(times)->UseManualTime()->Unit(
            benchmark::kMillisecond);
    };
    add("ColdStartToFirstPaint", BM_ColdStartToFirstPaint, std::max(1, iterations / 2));
    add("SwitchDay", BM_SwitchDay, iterations);
    add("AllDays", BM_AllDays, std::max(1, iterations / 2));
    add("BackToOneDay", BM_BackToOneDay, std::max(1, iterations / 2));
    add("SearchKeystrokeAllDays", BM_SearchKeystrokeAllDays, 8);
    add("CombinedFiltersAllDays", BM_CombinedFiltersAllDays, std::max(1, iterations / 2));
    auto *sort = add("SortAllDays", BM_SortAllDays, 2);
    for (int column = 0; column < PaperColumnCount; ++column)
        sort->Arg(column);
    add("SelectPaperAllDays", BM_SelectPaperAllDays, iterations);
    add("SelectPaperWithSimilarAllDays", BM_SelectPaperWithSimilarAllDays, iterations);
    add("OpenDigestTab", BM_OpenDigestTab, iterations);
    add("AllDaysReadAgain", BM_AllDaysReadAgain, std::max(1, iterations / 2))->Arg(0)->Arg(1)->Arg(2);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_window.reset();
    g_cluster.reset(); // the window's connections are closed: the server stops
    return g_failed ? 1 : 0;
}
