// SPDX-License-Identifier: GPL-3.0-or-later
#include "daypresenter.h"

#include "centralpanes.h"
#include "daynavigator.h"
#include "daystatusbar.h"
#include "digestview.h"
#include "emptystatewidget.h"
#include "filterbar.h"
#include "jobcontroller.h"
#include "latestjobloader.h"
#include "models/paperstatehub.h"
#include "models/papertablemodel.h"
#include "noteeditor.h"
#include "papercountlabel.h"
#include "readerview.h"
#include "scorechartview.h"
#include "store/daysummariesjob.h"
#include "store/paperstore.h"
#include "store/recordsloadjob.h"
#include "storechangebatcher.h"
#include "storereaderthread.h"

#include <QItemSelectionModel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>

#include <algorithm>
#include <utility>

namespace Lectern {

DayPresenter::DayPresenter(
    PaperStore *store, QString storeError, const QString &storePath, const Views &views, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_storeError(std::move(storeError))
    , m_views(views)
    , m_dayStatus(views.reader->dayStatus())
{
    setObjectName(QStringLiteral("dayPresenter"));
    m_dayLoader =
        new LatestJobLoader([this, storePath] { return new DayRecordsJob(storePath, m_request.day); }, this);
    connect(m_dayLoader, &LatestJobLoader::loaded, this,
        [this](const QVariant &loaded) { dayLoaded(loaded.value<DayRecords>()); });
    connect(m_dayLoader, &LatestJobLoader::failed, this, [this](const QString &m) {
        busy(false);
        Q_EMIT message(tr("The papers of %1 could not be read: %2")
                           .arg(QLocale().toString(m_request.day, QLocale::LongFormat), m),
            0);
        if (m_changesPending)
            finishStoreChanges();
    });
    m_recordsLoader = new LatestJobLoader(
        [this, storePath] {
            // Read again beside rows shown: compared with them, so that only the rows changed, added or
            // gone are held twice.
            return m_allDaysShown ? new RecordsLoadJob(storePath, m_views.model->records())
                                  : new RecordsLoadJob(storePath);
        },
        this);
    connect(m_recordsLoader, &LatestJobLoader::loaded, this, [this](const QVariant &rows) {
        if (rows.metaType() == QMetaType::fromType<PaperRowChanges>())
            allDaysChanged(rows.value<PaperRowChanges>());
        else
            allDaysLoaded(rows.value<PaperTableRows>());
    });
    connect(m_recordsLoader, &LatestJobLoader::failed, this, [this](const QString &m) {
        Q_EMIT message(tr("The papers of all days could not be read: %1").arg(m), 0);
    });
    m_allDaysUpdater = new LatestJobLoader(
        [this, storePath] {
            return new RecordsLoadJob(storePath, m_views.model->records(),
                QList<QDate>(m_changedDays.cbegin(), m_changedDays.cend()));
        },
        this);
    connect(m_allDaysUpdater, &LatestJobLoader::loaded, this, [this](const QVariant &rows) {
        // Only the newest request's rows come here, and it read every day changed so far.
        m_changedDays.clear();
        if (rows.metaType() == QMetaType::fromType<PaperRowChanges>())
            allDaysChanged(rows.value<PaperRowChanges>());
        else
            allDaysLoaded(rows.value<PaperTableRows>());
    });
    connect(m_allDaysUpdater, &LatestJobLoader::failed, this, [this](const QString &m) {
        Q_EMIT message(tr("The papers of all days could not be read: %1").arg(m), 0);
    });
    // The day list comes at once, its counts (every listing read) a moment later from a worker.
    m_dayCounter = new LatestJobLoader([storePath] { return new DaySummariesJob(storePath); }, this);
    connect(m_dayCounter, &LatestJobLoader::loaded, this,
        [this](const QVariant &days) { m_views.navigator->updateCounts(days.value<QList<DaySummary>>()); });
    connect(m_dayCounter, &LatestJobLoader::failed, this, [this](const QString &m) {
        Q_EMIT message(tr("The days' papers could not be counted: %1").arg(m), 0);
    });

    connect(m_views.navigator, &DayNavigator::daySelected, this, &DayPresenter::showDay);
    connect(m_views.navigator, &DayNavigator::emptyDayPicked, this, [this](const QDate &day) {
        Q_EMIT message(
            tr("No papers are stored for %1; still showing %2. The day's bar offers a back-fill for partial "
               "days; lectern backfill fetches past days.")
                .arg(QLocale().toString(day, QLocale::LongFormat),
                    m_allDays ? tr("all days") : QLocale().toString(m_day, QLocale::LongFormat)),
            8000);
    });
    connect(m_views.digest, &DigestView::dayShown, this, &DayPresenter::followDigest);
    connect(m_views.filters, &FilterBar::allDaysToggled, this, &DayPresenter::setAllDays);
}

bool DayPresenter::isLoadingDay() const
{
    return m_dayLoader->isLoading();
}

void DayPresenter::reloadLatest()
{
    startReload(true);
}

void DayPresenter::reload()
{
    startReload(false);
}

void DayPresenter::startReload(bool latest)
{
    CentralPanes *panes = m_views.panes;
    if (!m_store) {
        panes->emptyState()->setMessage(tr("The database could not be opened:\n%1").arg(m_storeError));
        panes->emptyState()->fetchButton()->setEnabled(false);
        panes->showEmptyState();
        updateStatus();
        return;
    }
    // A day the user asked for and is still waiting for wins over the one shown, and over the latest.
    const QDate shown = isLoadingDay() && !m_request.refresh ? m_request.day : latest ? QDate() : m_day;
    const quint64 generation = ++m_reloadGeneration;
    const quint64 userRequests = m_userRequests;
    ++m_reloadsOutstanding;
    storeReader()->read<Reloaded>(
        [shown](PaperStore &store) -> Result<Reloaded> {
            Reloaded read;
            auto days = store.dayList();
            if (!days)
                return Error {days.error()};
            read.days = std::move(days).value();
            if (read.days.isEmpty())
                return read;
            const auto at = std::find_if(read.days.cbegin(), read.days.cend(),
                [&shown](const DaySummary &d) { return shown.isValid() && d.date == shown; });
            const DaySummary &want = at != read.days.cend() ? *at : read.days.front();
            read.day.day = want.date;
            auto records = store.recordsForDay(want.date);
            if (!records)
                return Error {records.error()};
            read.day.records = std::move(records).value();
            if (!want.complete) {
                if (auto run = store.dayRun(want.date); run && run->has_value())
                    read.day.statusNote = (*run)->statusNote;
            }
            return read;
        },
        [this, generation, latest, userRequests](const Result<Reloaded> &read) {
            --m_reloadsOutstanding;
            if (generation != m_reloadGeneration)
                return; // a newer reload is on its way
            if (!read)
                Q_EMIT message(read.error(), 0);
            else
                applyReload(*read, latest, userRequests);
            // Other clients' first day (an empty store before) counts as shown once it is.
            if (m_changesPending && !isLoadingDay())
                finishStoreChanges();
        });
}

void DayPresenter::applyReload(const Reloaded &read, bool latest, quint64 userRequests)
{
    CentralPanes *panes = m_views.panes;
    m_views.navigator->setDays(read.days);
    m_dayCounter->load();
    refreshTagsLater();
    if (read.days.isEmpty()) {
        m_day = {};
        m_views.jobs->setShownDay({});
        m_views.model->setRecords({});
        panes->showEmptyState();
        updateStatus();
        return;
    }
    QDate want = read.day.day;
    if (m_userRequests != userRequests) {
        // The user picked a day while the reload was read: theirs wins where it is still stored.
        const QDate shown = isLoadingDay() && !m_request.refresh ? m_request.day : m_day;
        want = shown.isValid() && m_views.navigator->contains(shown) ? shown : read.days.first().date;
    }
    if (m_allDays) {
        m_day = want;
        m_views.jobs->setShownDay(want);
        updateAllDays({}, true);
        return;
    }
    if (want != read.day.day) {
        // The user's day is on its way, or came after this reload began: read then, it is as new.
        const bool onItsWay = isLoadingDay() && !m_request.refresh && m_request.day == want;
        if (!onItsWay && want != m_day) {
            requestDay({want, false, false});
        } else {
            // The list was set anew: it marks the user's day again.
            const QSignalBlocker quiet(m_views.navigator);
            m_views.navigator->showDay(want);
        }
        return;
    }
    // The same day again (a job ended): the user stays on the paper they were reading.
    const QString reading = !latest && want == m_day ? m_views.reader->currentArxivId() : QString();
    dropDayLoad();
    applyDay(read.day, false, reading);
}

StoreReaderThread *DayPresenter::storeReader()
{
    // One connection for both, in the order asked: a burst of other clients' changes read after a reload
    // sees at least what the reload saw.
    if (!m_storeReader)
        m_storeReader =
            new StoreReaderThread(m_store->database().path(), QStringLiteral("lectern-days"), this);
    return m_storeReader;
}

void DayPresenter::showDay(const QDate &day)
{
    if (!m_store)
        return;
    if (m_allDays) {
        // Picking a day in the list leaves "All days".
        m_allDays = false;
        dropAllDaysLoads();
        m_views.filters->setAllDays(false);
        m_day = {};
    }
    if (day == m_day) {
        // Back to the shown day before another one came: that one is not wanted any more.
        if (isLoadingDay() && !m_request.refresh) {
            dropDayLoad();
            m_views.navigator->showDay(m_day);
        }
        return;
    }
    if (isLoadingDay() && !m_request.refresh && m_request.day == day)
        return; // on its way
    requestDay({day, false, false});
}

void DayPresenter::followDigest(const QDate &day)
{
    if (!m_store || (day == m_day && !m_allDays))
        return;
    if (m_allDays) {
        m_allDays = false;
        dropAllDaysLoads();
        m_views.filters->setAllDays(false);
        m_day = {};
    }
    requestDay({day, false, true});
}

void DayPresenter::requestDay(const DayRequest &request)
{
    m_request = request;
    if (!request.refresh) {
        ++m_userRequests;
        busy(true);
    }
    m_dayLoader->load();
}

void DayPresenter::dropDayLoad()
{
    m_dayLoader->cancel();
    busy(false);
    if (m_changesPending)
        finishStoreChanges();
}

void DayPresenter::busy(bool on)
{
    // The table keeps the day before until the new one comes; the cursor and the status bar say it is
    // on its way.
    if (on) {
        m_views.panes->setCursor(Qt::BusyCursor);
        Q_EMIT message(
            tr("Reading the papers of %1…").arg(QLocale().toString(m_request.day, QLocale::LongFormat)), 0);
    } else {
        m_views.panes->unsetCursor();
    }
}

void DayPresenter::dayLoaded(const DayRecords &loaded)
{
    if (m_allDays)
        return;
    const DayRequest request = m_request;
    if (request.refresh) {
        if (loaded.day == m_day)
            applyRefresh(loaded);
    } else {
        busy(false);
        Q_EMIT message({}, 0);
        applyDay(loaded, request.fromDigest, {});
    }
    if (m_changesPending)
        finishStoreChanges();
}

void DayPresenter::applyDay(const DayRecords &loaded, bool fromDigest, const QString &keep)
{
    const QDate day = loaded.day;
    m_day = day;
    m_views.jobs->setShownDay(day);
    showRecords(loaded.records);
    m_dayStatus->showDay(day, m_views.navigator->isComplete(day), loaded.statusNote);
    m_views.panes->showPapers();
    if (!fromDigest)
        m_views.digest->showDay(day);
    m_views.navigator->showDay(day);
    Q_EMIT titleChanged(tr("Lectern — %1").arg(QLocale().toString(day, QLocale::LongFormat)));
    m_views.reader->selectFirstRow();
    if (!keep.isEmpty())
        m_views.reader->restoreSelection(keep);
    updateStatus();
    Q_EMIT dayShown(day);
}

void DayPresenter::applyRefresh(const DayRecords &loaded)
{
    m_views.chart->setRecords(loaded.records);
    m_views.filters->setCategoriesOf(loaded.records);
    m_views.reader->refreshRecords(loaded.records);
    m_dayStatus->showDay(loaded.day, m_views.navigator->isComplete(loaded.day), loaded.statusNote);
    m_views.digest->refresh();
}

void DayPresenter::showRecords(QList<PaperRecord> records)
{
    // The chart is the shown day's; thousands of points from all days would only slow it down.
    if (!m_allDays)
        m_views.chart->setRecords(records);
    m_views.filters->setCategoriesOf(records);
    m_views.model->setRecords(std::move(records));
}

void DayPresenter::showStoreChanges(const StoreChangeBatch &batch)
{
    if (!m_store)
        return;
    const bool daysChanged = batch.daysChanged();
    if (daysChanged && !m_day.isValid()) {
        // Nothing was shown (an empty store): the new day is shown as at start, the changes once it is.
        m_changesPending = true;
        reload();
        return;
    }
    // The member's own state, and the text of their shared notes another member may have edited.
    const QSet<QString> ids = batch.memberStates | batch.sharedNotes;
    ++m_changeReadsOutstanding;
    // Bursts are read in the order they came, each applied whole: a later one names other papers.
    storeReader()->read<StoreChangeReads>(
        [daysChanged, ids](PaperStore &store) -> Result<StoreChangeReads> {
            StoreChangeReads reads;
            if (daysChanged) {
                auto days = store.dayList();
                if (!days)
                    return Error {days.error()};
                reads.days = std::move(days).value();
            }
            for (const QString &id : ids) {
                auto state = store.state(id);
                if (!state)
                    return Error {state.error()};
                reads.states << std::move(state).value();
            }
            return reads;
        },
        [this, batch](const Result<StoreChangeReads> &reads) {
            --m_changeReadsOutstanding;
            if (!reads) {
                Q_EMIT message(reads.error(), 0);
                return;
            }
            applyStoreChanges(batch, *reads);
        });
}

void DayPresenter::applyStoreChanges(const StoreChangeBatch &batch, const StoreChangeReads &reads)
{
    bool rowsComing = false;
    if (reads.days) {
        m_dayCounter->load();
        {
            // The list's reset must not count as the user picking a day (it would leave "All days").
            const QSignalBlocker quiet(m_views.navigator);
            m_views.navigator->setDays(*reads.days);
            m_views.navigator->showDay(isLoadingDay() && !m_request.refresh ? m_request.day : m_day);
        }
        // "All days" is read again in the background (a burst of notices is one reload, and a newer one
        // replaces a load under way); the rows it brings keep the user's place.
        if (m_allDays) {
            updateAllDays(batch.days, batch.reconnected || batch.undatedDays);
        } else if (isLoadingDay() && !m_request.refresh) {
            // A day the user asked for is on its way: read it again, with these changes.
            m_dayLoader->load();
            rowsComing = true;
        } else if (batch.touches(m_day)) {
            requestDay({m_day, true, false});
            rowsComing = true;
        }
    }
    for (const PaperState &stored : reads.states)
        followStoredState(stored);
    const QSet<QString> &notes = batch.sharedNotes;
    for (const QString &id : notes)
        m_views.reader->refreshPaper(id);
    if (!notes.isEmpty())
        m_views.digest->refresh();
    updateStatus();
    m_changesPending = rowsComing;
    if (!rowsComing)
        Q_EMIT storeChangesShown();
}

void DayPresenter::finishStoreChanges()
{
    m_changesPending = false;
    updateStatus();
    Q_EMIT storeChangesShown();
}

void DayPresenter::followStoredState(const PaperState &stored)
{
    const int row = m_views.model->rowOf(stored.arxivId);
    if (row < 0)
        return;
    // This window's own saves are announced to it too: only a difference is news.
    const PaperState &shown = m_views.model->recordAt(row)->state;
    if (shown.starred != stored.starred || shown.read != stored.read || shown.dismissed != stored.dismissed ||
        shown.note != stored.note || shown.tags != stored.tags)
        m_views.hub->announce(stored);
}

void DayPresenter::setAllDays(bool on)
{
    if (!m_store || on == m_allDays)
        return;
    m_views.filters->setAllDays(on);
    if (!on) {
        m_allDays = false;
        dropAllDaysLoads();
        const QDate day = m_day;
        m_day = {};
        requestDay({day, false, false});
        return;
    }
    dropDayLoad();
    m_allDays = true;
    m_allDaysShown = false;
    m_recordsLoader->load();
    Q_EMIT message(tr("Loading the papers of all days…"), 0);
}

void DayPresenter::updateAllDays(const QSet<QDate> &days, bool whole)
{
    if (whole || !m_allDaysShown || m_recordsLoader->isLoading()) {
        // The whole read brings every change: an update on its way would start from older rows.
        m_allDaysUpdater->cancel();
        m_changedDays.clear();
        m_recordsLoader->load();
        return;
    }
    m_changedDays |= days;
    m_allDaysUpdater->load();
}

void DayPresenter::dropAllDaysLoads()
{
    m_recordsLoader->cancel();
    m_allDaysUpdater->cancel();
    m_changedDays.clear();
}

void DayPresenter::allDaysChanged(const PaperRowChanges &changes)
{
    // Compared with the rows shown when the read began, which only a read of "All days" shown asks for.
    if (!m_allDays || !m_allDaysShown)
        return;
    m_allDaysRowsRead = changes.read;
    const std::optional<QStringList> categories = changes.categories;
    if (!m_views.reader->applyRowChanges(changes)) {
        // The table changed since the read began: read again beside the rows it holds now.
        m_recordsLoader->load();
        return;
    }
    if (categories)
        m_views.filters->setCategories(*categories);
    updateStatus();
}

void DayPresenter::allDaysLoaded(const PaperTableRows &rows)
{
    if (!m_allDays)
        return;
    m_allDaysRowsRead = rows.read;
    if (m_allDaysShown) {
        m_views.filters->setCategories(rows.categories);
        m_views.reader->replaceRecordsKeepingPlace(rows.records, rows.orders);
        updateStatus();
        return;
    }
    m_allDaysShown = true;
    // The categories were gathered on the loading thread, beside the orders.
    m_views.filters->setCategories(rows.categories);
    m_views.model->setRecords(rows.records, rows.orders);
    m_dayStatus->hide(); // it speaks of one day
    m_views.panes->showPapers();
    Q_EMIT titleChanged(tr("Lectern — all days"));
    Q_EMIT message({}, 0);
    updateStatus();
    // The first paper is read whole (and compared, "More like this") on the next turn of the event loop:
    // together with mapping the table's 100k rows in this one it held the window past 50 ms. A paper the
    // user picked meanwhile stays picked.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_allDays && !m_views.reader->table()->selectionModel()->hasSelection())
                m_views.reader->selectFirstRow();
        },
        Qt::QueuedConnection);
}

void DayPresenter::showPreviousDay()
{
    const QDate from = isLoadingDay() && !m_request.refresh ? m_request.day : m_day;
    if (const QDate day = m_views.navigator->previousDay(from); day.isValid())
        showDay(day);
    else
        Q_EMIT message(tr("This is the first stored day."), 4000);
}

void DayPresenter::showNextDay()
{
    const QDate from = isLoadingDay() && !m_request.refresh ? m_request.day : m_day;
    if (const QDate day = m_views.navigator->nextDay(from); day.isValid())
        showDay(day);
    else
        Q_EMIT message(tr("This is the latest stored day."), 4000);
}

void DayPresenter::showTags(const QStringList &tags)
{
    m_views.reader->noteEditor()->setKnownTags(tags);
    m_views.filters->setTags(tags);
}

void DayPresenter::refreshTagsLater()
{
    if (!m_store)
        return;
    if (!m_tagReader)
        m_tagReader = new StoreReaderThread(m_store->database().path(), QStringLiteral("lectern-tags"), this);
    const quint64 generation = ++m_tagsGeneration;
    ++m_tagsOutstanding;
    m_tagReader->read<QStringList>([](PaperStore &store) { return store.allTags(); },
        [this, generation](const Result<QStringList> &tags) {
            --m_tagsOutstanding;
            // A failed read leaves the lists as they were: the next change asks again.
            if (generation == m_tagsGeneration && tags)
                showTags(*tags);
        });
}

void DayPresenter::updateStatus()
{
    if (m_store)
        m_views.count->setScope(m_allDays, m_views.navigator->days().size());
    else
        m_views.count->setNoDatabase();
}

} // namespace Lectern
