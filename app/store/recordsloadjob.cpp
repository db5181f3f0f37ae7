// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsloadjob.h"

#include "store/paperstore.h"
#include "store/tablerowvisit.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <vector>

namespace Lectern {

RecordsLoadJob::RecordsLoadJob(QString databasePath, QDate from, QDate to)
    : m_databasePath(std::move(databasePath))
    , m_from(from)
    , m_to(to)
{ }

RecordsLoadJob::RecordsLoadJob(QString databasePath, QList<PaperRecord> shown, QList<QDate> changedDays)
    : m_databasePath(std::move(databasePath))
    , m_update(true)
    , m_shown(std::move(shown))
    , m_changedDays(std::move(changedDays))
{ }

RecordsLoadJob::RecordsLoadJob(QString databasePath, QList<PaperRecord> shown)
    : m_databasePath(std::move(databasePath))
    , m_compare(true)
    , m_shown(std::move(shown))
{ }

namespace {

/// What places a row in the table and in its sorts' orders and category list: a row that differs only
/// elsewhere (state, note, marks) can replace the shown one in place.
bool samePlace(const PaperRecord &a, const PaperRecord &b)
{
    return a.rowId == b.rowId && a.lean == b.lean && a.paper == b.paper && a.authorLines == b.authorLines &&
        a.state.tags == b.state.tags;
}

/// Every field of two rows in the same place (samePlace): equal, the shown row stays.
bool sameRest(const PaperRecord &a, const PaperRecord &b)
{
    return a.state == b.state && a.score == b.score;
}

/// The store's order of "All days" (PaperStore::tableRowsForRange): newest listing first, then by row id.
bool storeOrderBefore(const PaperRecord &a, const PaperRecord &b)
{
    if (a.paper.announced != b.paper.announced)
        return a.paper.announced > b.paper.announced;
    return a.rowId < b.rowId;
}

} // namespace

Result<std::optional<PaperRowChanges>> RecordsLoadJob::changesFrom(PaperStore &store)
{
    using Changes = std::optional<PaperRowChanges>;
    const qsizetype most = changesInPlaceAtMost(m_shown.size());
    // Row id -> place in m_shown (-1: not shown); the ids are dense, so a vector.
    std::vector<int> shownAt;
    for (qsizetype i = 0; i < m_shown.size(); ++i) {
        const qint64 id = m_shown.at(i).rowId;
        if (id <= 0)
            return Changes {}; // rows not from a store: nothing to match them by
        if (size_t(id) >= shownAt.size())
            shownAt.resize(size_t(id) + 1, -1);
        shownAt[size_t(id)] = int(i);
    }
    PaperRowChanges out;
    out.shownRows = m_shown.size();
    std::vector<bool> seen(size_t(m_shown.size()), false);
    QSet<qint64> addedIds;
    bool places = false; // a changed row's place in a sort's order or in the categories may have moved
    bool tooMany = false;
    const auto visit = [&](PaperRecord &&r) {
        ++out.read;
        if (isCancelled())
            return false;
        const int at = r.rowId > 0 && size_t(r.rowId) < shownAt.size() ? shownAt[size_t(r.rowId)] : -1;
        if (at < 0) {
            // Days are read newest first: a paper listed on two of them comes first as of its latest.
            if (!addedIds.contains(r.rowId)) {
                addedIds.insert(r.rowId);
                out.added << std::move(r);
            }
        } else if (!seen[size_t(at)]) {
            seen[size_t(at)] = true;
            const PaperRecord &shown = m_shown.at(at);
            // A paper is one row, as of its latest listing: read for an older day, it keeps a later one.
            if (shown.paper.announced > r.paper.announced) {
                r.paper.announced = shown.paper.announced;
                r.paper.announceType = shown.paper.announceType;
            }
            const bool samePlaces = samePlace(r, shown);
            if (!samePlaces || !sameRest(r, shown)) {
                places = places || !samePlaces;
                out.changed << std::move(r);
                out.changedAt << at;
            }
        }
        tooMany = out.changed.size() + out.added.size() > most;
        return !tooMany;
    };
    if (m_compare) {
        if (auto read = visitTableRows(store, {}, {}, visit); !read)
            return Error {read.error()};
    } else {
        QList<QDate> days = m_changedDays;
        std::sort(days.begin(), days.end(), std::greater<>());
        for (const QDate &day : std::as_const(days)) {
            if (auto read = visitTableRows(store, day, day, visit); !read)
                return Error {read.error()};
            if (tooMany || isCancelled())
                break;
        }
    }
    if (isCancelled())
        return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
    if (tooMany)
        return Changes {};
    // Gone: every shown row not read again, or (only some days read) not read again for its day.
    const QSet<QDate> daysRead(m_changedDays.cbegin(), m_changedDays.cend());
    for (qsizetype i = 0; i < m_shown.size(); ++i) {
        if (!seen[size_t(i)] && (m_compare || daysRead.contains(m_shown.at(i).paper.announced))) {
            out.removed << int(i);
            out.removedRowIds << m_shown.at(i).rowId;
        }
    }
    if (out.size() > most)
        return Changes {};
    // Changed rows in the shown order (the window signals them in ranges). New rows at the end, in the
    // store's order: there the window's list of 100k rows grows in place (realloc), where opening it at the
    // top for a new day moved every record into a new array (114 ms and 55 MB more); the table's proxy
    // sorts them among the others, so the model's own order is never seen.
    if (!out.changedAt.isEmpty()) {
        std::vector<int> byPlace(size_t(out.changed.size()));
        std::iota(byPlace.begin(), byPlace.end(), 0);
        std::sort(byPlace.begin(), byPlace.end(),
            [&out](int a, int b) { return out.changedAt.at(a) < out.changedAt.at(b); });
        QList<PaperRecord> changed;
        QList<int> changedAt;
        changed.reserve(out.changed.size());
        changedAt.reserve(out.changed.size());
        for (const int i : byPlace) {
            changed << std::move(out.changed[i]);
            changedAt << out.changedAt.at(i);
        }
        out.changed = std::move(changed);
        out.changedAt = std::move(changedAt);
    }
    std::sort(out.added.begin(), out.added.end(), storeOrderBefore);
    out.addedAt.fill(int(m_shown.size()), out.added.size());
    if (places || !out.added.isEmpty() || !out.removed.isEmpty()) {
        // The rows as the window will hold them after the changes (PaperTableModel::applyChanges), for the
        // sorts' orders: made here, as for a whole read, and not on the GUI thread.
        std::vector<const PaperRecord *> after;
        after.reserve(size_t(m_shown.size() + out.added.size() - out.removed.size()));
        qsizetype added = 0;
        qsizetype changed = 0;
        qsizetype removed = 0;
        for (qsizetype i = 0; i <= m_shown.size(); ++i) {
            for (; added < out.added.size() && out.addedAt.at(added) == i; ++added)
                after.push_back(&out.added.at(added));
            if (i == m_shown.size())
                break;
            if (removed < out.removed.size() && out.removed.at(removed) == i) {
                ++removed;
                continue;
            }
            if (changed < out.changed.size() && out.changedAt.at(changed) == i)
                after.push_back(&out.changed.at(changed++));
            else
                after.push_back(&m_shown.at(i));
        }
        if (isCancelled())
            return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
        out.orders = PaperTableOrders::of(after);
        out.categories = PaperTableRows::categoriesOf(after);
    }
    return Changes {std::move(out)};
}

Result<QString> RecordsLoadJob::run()
{
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    PaperTableRows rows;
    if (m_compare || m_update) {
        auto changes = changesFrom(*store.value());
        // The shown rows are let go of here: held until the job is deleted, they would make the model copy
        // its whole list when it puts the first change in place.
        m_shown = {};
        if (!changes)
            return Error {changes.error()};
        if (changes->has_value()) {
            const qsizetype n = (*changes)->size();
            setResult(QVariant::fromValue(std::move(**changes)));
            return QStringLiteral("%1 papers changed").arg(n);
        }
    }
    // The first read, or too many changes to put in place: every row.
    auto records = store.value()->tableRowsForRange(m_from, m_to);
    if (!records)
        return Error {records.error()};
    rows.records = std::move(records).value();
    rows.read = rows.records.size();
    if (isCancelled())
        return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
    // Here, not on the GUI thread: converting and ordering 100k titles and author lists takes a while.
    rows.orders = PaperTableOrders::of(rows.records);
    rows.categories = PaperTableRows::categoriesOf(rows.records);
    if (isCancelled())
        return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
    const qsizetype n = rows.records.size();
    setResult(QVariant::fromValue(std::move(rows)));
    return QStringLiteral("%1 papers loaded").arg(n);
}

} // namespace Lectern
