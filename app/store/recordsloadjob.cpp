// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsloadjob.h"

#include "store/paperstore.h"

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
    auto records = store.value()->tableRowsForRange(m_from, m_to);
    if (!records)
        return Error {records.error()};
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    PaperTableRows rows;
    rows.records = std::move(records).value();
    // Here, not on the GUI thread: converting and ordering 100k titles and author lists takes a while.
    rows.orders = PaperTableOrders::of(rows.records);
    rows.categories = PaperTableRows::categoriesOf(rows.records);
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    const qsizetype n = rows.records.size();
    setResult(QVariant::fromValue(std::move(rows)));
    return QStringLiteral("%1 papers loaded").arg(n);
}

} // namespace Lectern
