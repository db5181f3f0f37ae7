// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsloadjob.h"

#include "store/paperstore.h"

#include <thread>

namespace Lectern {

RecordsLoadJob::RecordsLoadJob(QString databasePath, QDate from, QDate to)
    : m_databasePath(std::move(databasePath))
    , m_from(from)
    , m_to(to)
{ }

Result<QString> RecordsLoadJob::run()
{
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    auto days = store.value()->days(); // newest first
    if (!days)
        return Error {days.error()};
    QList<QDate> inRange;
    for (const QDate &d : std::as_const(*days)) {
        if ((!m_from.isValid() || d >= m_from) && (!m_to.isValid() || d <= m_to))
            inRange << d;
    }
    // Two halves of the days side by side, the older on a thread and connection of its own: reading and
    // converting 100k rows is most of "All days", and it splits evenly.
    Result<QList<PaperRecord>> older = QList<PaperRecord>();
    std::thread olderReader;
    QDate newerFrom;
    if (inRange.size() >= 2) {
        newerFrom = inRange.at(inRange.size() / 2 - 1);
        const QDate olderTo = newerFrom.addDays(-1);
        olderReader = std::thread([this, olderTo, &older] {
            auto own = PaperStore::open(m_databasePath);
            older = own ? own.value()->tableRowsForRange(m_from, m_to, {}, olderTo)
                        : Result<QList<PaperRecord>>(Error {own.error()});
        });
    }
    auto records = store.value()->tableRowsForRange(m_from, m_to, newerFrom, {});
    if (olderReader.joinable())
        olderReader.join();
    if (!records)
        return Error {records.error()};
    if (!older)
        return Error {older.error()};
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    PaperTableRows rows;
    rows.records = std::move(records).value();
    QList<PaperRecord> olderRows = std::move(older).value();
    rows.records.reserve(rows.records.size() + olderRows.size());
    for (PaperRecord &r : olderRows)
        rows.records << std::move(r);
    olderRows = {};
    // Here, not on the GUI thread: converting and ordering 100k titles and author lists takes a while.
    rows.orders = PaperTableOrders::of(rows.records);
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    const qsizetype n = rows.records.size();
    setResult(QVariant::fromValue(std::move(rows)));
    return QStringLiteral("%1 papers loaded").arg(n);
}

} // namespace Lectern
