// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/daysummary.h"
#include "domain/paperrecord.h"
#include "domain/paperstate.h"
#include "domain/papertableorders.h"
#include "store/dayrecordsjob.h"

#include <QDate>
#include <QObject>
#include <QSet>

#include <optional>

namespace Lectern {

class CentralPanes;
class DayNavigator;
class DayStatusBar;
class DigestView;
class FilterBar;
class JobController;
class LatestJobLoader;
class PaperCountLabel;
class PaperStateHub;
class PaperStore;
class PaperTableModel;
class ReaderView;
class ScoreChartView;
class StoreReaderThread;
struct PaperRowChanges;
struct StoreChangeBatch;

/// Which day the window shows and how it gets there: the day list, the shown day's papers (read by a worker,
/// the newest request winning), "All days", previous and next day, and other clients' changes as they are
/// announced. The table, detail pane, chart, digest and day bar follow it.
class DayPresenter final : public QObject
{
    Q_OBJECT
public:
    /// The panes the presenter fills; all outlive it.
    struct Views
    {
        CentralPanes *panes = nullptr;
        ReaderView *reader = nullptr;
        DigestView *digest = nullptr;
        DayNavigator *navigator = nullptr;
        FilterBar *filters = nullptr;
        ScoreChartView *chart = nullptr;
        PaperTableModel *model = nullptr;
        PaperStateHub *hub = nullptr;
        JobController *jobs = nullptr;
        PaperCountLabel *count = nullptr;
    };

    /// @p store is the window's own connection (null when the database could not be opened, @p storeError
    /// says why); workers open @p storePath.
    DayPresenter(PaperStore *store, QString storeError, const QString &storePath, const Views &views,
        QObject *parent = nullptr);

    /// The day shown (for "All days", the day the table was on).
    [[nodiscard]] QDate day() const { return m_day; }
    [[nodiscard]] bool allDays() const { return m_allDays; }
    /// Why the window's store could not be opened, as the empty state says; empty when it is open.
    [[nodiscard]] QString storeError() const { return m_storeError; }
    /// Whether a day's papers are being read (the busy indication is on).
    [[nodiscard]] bool isLoadingDay() const;
    /// The rows the last "All days" load read from the store: all of them at first, then only those of the
    /// days other clients changed.
    [[nodiscard]] qsizetype allDaysRowsRead() const { return m_allDaysRowsRead; }

public Q_SLOTS:
    /// Re-reads the day list and the shown day (at start, after the window's own job) on a worker: a silent
    /// server must not hold the window. The newest reload wins; on the same day the selected paper is kept,
    /// and a day the user picked meanwhile wins over the one read.
    void reload();
    /// reload(), on the latest day.
    void reloadLatest();
    /// Whether reload()'s reads are under way (the day shown may still change when they come).
    [[nodiscard]] bool isReloading() const { return m_reloadsOutstanding > 0; }
    /// Shows @p day: its papers are read by a worker; until they come the table shows the day before.
    void showDay(const QDate &day);
    /// The digest's own navigation went to @p day: the rest follows without telling the digest again.
    void followDigest(const QDate &day);
    /// "All days": the table holds the papers of every stored day, read in the background.
    void setAllDays(bool on);
    void showPreviousDay();
    void showNextDay();
    /// Live updates: shows what other clients changed (a burst of notices at once). The day list and the
    /// named papers' states are read on a worker (a silent server must not hold the window); the rows
    /// follow through the day loaders.
    void showStoreChanges(const StoreChangeBatch &batch);
    /// The tags in use, for the note editor's completion and the tag filter, read on a worker (after a
    /// reload or a triage action: the window does not wait for the query); the newest request wins.
    void refreshTagsLater();
    [[nodiscard]] bool isReadingTags() const { return m_tagsOutstanding > 0; }
    /// Whether what other clients changed (the day list, the named papers' states) is being read.
    [[nodiscard]] bool isReadingStoreChanges() const { return m_changeReadsOutstanding > 0; }
    /// The paper count's scope.
    void updateStatus();

Q_SIGNALS:
    /// A day's papers are shown (a switch of day the user asked for, or a reload).
    void dayShown(const QDate &day);
    /// Other clients' changes are shown: the day list, the table, the detail pane and the digest were read
    /// again, the user's selection, scroll position and unsaved note left as they were.
    void storeChangesShown();
    /// For the status bar; an empty text clears it.
    void message(const QString &text, int timeoutMs);
    void titleChanged(const QString &title);

private:
    /// Hands @p tags to the note editor's completion and the tag filter.
    void showTags(const QStringList &tags);
    /// What the day loader was last asked for.
    struct DayRequest
    {
        QDate day;
        bool refresh = false; ///< the shown day again after other clients' work: the user's place kept
        bool fromDigest = false; ///< the digest already shows the day
    };

    void requestDay(const DayRequest &request);
    /// What reload() read: the day list and, unless it is empty, the papers of the day it chose.
    struct Reloaded
    {
        QList<DaySummary> days;
        DayRecords day;
    };
    void startReload(bool latest);
    [[nodiscard]] StoreReaderThread *storeReader();
    /// Shows what reload() read; @p userRequests: m_userRequests when the reload began.
    void applyReload(const Reloaded &read, bool latest, quint64 userRequests);
    void dayLoaded(const DayRecords &loaded);
    /// Puts @p loaded in the panes; @p keep: the paper to select again (a reload of the same day).
    void applyDay(const DayRecords &loaded, bool fromDigest, const QString &keep);
    /// Refreshes the shown day's rows, the user's place kept (another client's work).
    void applyRefresh(const DayRecords &loaded);
    void showRecords(QList<PaperRecord> records);
    void allDaysLoaded(const PaperTableRows &rows);
    /// A re-read of "All days" found rows changed, added or gone: they are put in place (no reset), the
    /// user's place kept.
    void allDaysChanged(const PaperRowChanges &changes);
    /// Reads "All days" again: whole, or only @p days when the rows are shown already.
    void updateAllDays(const QSet<QDate> &days, bool whole);
    /// Stops reading "All days" (the table shows one day again).
    void dropAllDaysLoads();
    void busy(bool on);
    /// Drops a day's records on their way (another day or "All days" is shown instead).
    void dropDayLoad();
    /// What showStoreChanges() read for a burst.
    struct StoreChangeReads
    {
        std::optional<QList<DaySummary>> days; ///< the day list, when days were fetched or scored
        QList<PaperState> states; ///< the stored state of each paper the burst named
    };
    void applyStoreChanges(const StoreChangeBatch &batch, const StoreChangeReads &reads);
    /// Shows @p stored where it differs from its row's state (the member's other client changed it, or
    /// another member the text of the member's own shared note).
    void followStoredState(const PaperState &stored);
    void finishStoreChanges();

    PaperStore *m_store;
    QString m_storeError;
    Views m_views;
    DayStatusBar *m_dayStatus;
    QDate m_day;
    bool m_allDays = false;
    /// "All days" rows are shown: a new load (other clients' work) keeps the user's place.
    bool m_allDaysShown = false;
    /// Other clients' changes wait for the shown day's rows before they count as shown.
    bool m_changesPending = false;
    DayRequest m_request;
    LatestJobLoader *m_dayLoader; ///< the shown day's records
    LatestJobLoader *m_recordsLoader; ///< "All days"' rows
    /// "All days" after other clients' work: only the changed days' rows, merged into those shown.
    LatestJobLoader *m_allDaysUpdater;
    QSet<QDate> m_changedDays; ///< the days the next update reads again
    qsizetype m_allDaysRowsRead = 0;
    LatestJobLoader *m_dayCounter; ///< the day list's counts
    StoreReaderThread *m_tagReader = nullptr; ///< refreshTagsLater()'s, made at its first use
    quint64 m_tagsGeneration = 0;
    int m_tagsOutstanding = 0;
    /// reload()'s and showStoreChanges()'s reads, made at its first use (storeReader()).
    StoreReaderThread *m_storeReader = nullptr;
    quint64 m_reloadGeneration = 0;
    int m_reloadsOutstanding = 0;
    /// Days the user asked for (a click, the digest, leaving "All days"): a reload that began before the
    /// last one does not take the user back to the day it chose.
    quint64 m_userRequests = 0;
    int m_changeReadsOutstanding = 0;
};

} // namespace Lectern
