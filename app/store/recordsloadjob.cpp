// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsloadjob.h"

#include "store/paperstore.h"

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
