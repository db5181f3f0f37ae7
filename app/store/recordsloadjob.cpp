// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsloadjob.h"

#include "store/paperstore.h"
#include "store/tablerowvisit.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
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

} // namespace

Result<std::optional<QList<PaperRecord>>> RecordsLoadJob::changedInPlace(PaperStore &store)
{
    // Row id -> place in m_shown (-1: not shown); the ids are dense, so a vector.
    std::vector<int> shownAt;
    for (qsizetype i = 0; i < m_shown.size(); ++i) {
        const qint64 id = m_shown.at(i).rowId;
        if (id <= 0)
            return std::optional<QList<PaperRecord>> {};
        if (size_t(id) >= shownAt.size())
            shownAt.resize(size_t(id) + 1, -1);
        shownAt[size_t(id)] = int(i);
    }
    QList<PaperRecord> changed;
    qsizetype matched = 0;
    bool inPlace = true;
    auto read = visitTableRows(store, {}, {}, [&](PaperRecord &&r) {
        const int at = r.rowId > 0 && size_t(r.rowId) < shownAt.size() ? shownAt[size_t(r.rowId)] : -1;
        if (at < 0 || !samePlace(r, m_shown.at(at)) || isCancelled()) {
            inPlace = false;
            return false;
        }
        ++matched;
        if (!sameRest(r, m_shown.at(at))) {
            changed << std::move(r);
            if (changed.size() > kMaxInPlaceRows) {
                inPlace = false;
                return false;
            }
        }
        return true;
    });
    if (!read)
        return Error {read.error()};
    // Each row read is one shown row (the store reads each id once): as many means the same set.
    if (!inPlace || matched != m_shown.size())
        return std::optional<QList<PaperRecord>> {};
    return std::optional<QList<PaperRecord>> {std::move(changed)};
}

QList<PaperRecord> RecordsLoadJob::merged(QList<PaperRecord> fresh) const
{
    QHash<QString, qsizetype> shownAt;
    shownAt.reserve(m_shown.size());
    for (qsizetype i = 0; i < m_shown.size(); ++i)
        shownAt.insert(m_shown.at(i).paper.arxivId, i);
    std::vector<bool> replaced(size_t(m_shown.size()), false);
    QList<PaperRecord> out;
    out.reserve(m_shown.size() + fresh.size());
    for (PaperRecord &r : fresh) {
        if (auto at = shownAt.constFind(r.paper.arxivId); at != shownAt.constEnd()) {
            // A paper is one row, as of its latest listing: a later day's row stays (its score and state
            // are the paper's, the same as read here).
            if (m_shown.at(*at).paper.announced > r.paper.announced) {
                r.paper.announced = m_shown.at(*at).paper.announced;
                r.paper.announceType = m_shown.at(*at).paper.announceType;
            }
            replaced[size_t(*at)] = true;
        }
        out << std::move(r);
    }
    for (qsizetype i = 0; i < m_shown.size(); ++i) {
        if (!replaced[size_t(i)])
            out << m_shown.at(i);
    }
    // The order of PaperStore::tableRowsForRange(): newest listing first, then by row id.
    std::sort(out.begin(), out.end(), [](const PaperRecord &a, const PaperRecord &b) {
        if (a.paper.announced != b.paper.announced)
            return a.paper.announced > b.paper.announced;
        return a.rowId < b.rowId;
    });
    return out;
}

Result<QString> RecordsLoadJob::run()
{
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    PaperTableRows rows;
    if (m_compare) {
        auto changed = changedInPlace(*store.value());
        if (!changed)
            return Error {changed.error()};
        if (changed->has_value()) {
            // The shown rows are let go of here: held until the job is deleted, they would make the
            // model copy its whole list when it replaces the first changed row.
            PaperRowChanges out;
            out.read = m_shown.size();
            m_shown = {};
            if (isCancelled())
                return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
            out.records = std::move(**changed);
            const qsizetype n = out.records.size();
            setResult(QVariant::fromValue(std::move(out)));
            return QStringLiteral("%1 papers changed").arg(n);
        }
        m_shown = {};
    }
    if (m_update) {
        QList<PaperRecord> fresh;
        for (const QDate &day : std::as_const(m_changedDays)) {
            auto records = store.value()->tableRowsForRange(day, day);
            if (!records)
                return Error {records.error()};
            fresh << std::move(records).value();
        }
        if (isCancelled())
            return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
        rows.read = fresh.size();
        rows.records = merged(std::move(fresh));
        m_shown = {};
    } else {
        auto records = store.value()->tableRowsForRange(m_from, m_to);
        if (!records)
            return Error {records.error()};
        rows.records = std::move(records).value();
        rows.read = rows.records.size();
    }
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
