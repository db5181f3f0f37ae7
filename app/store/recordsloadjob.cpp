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
    const qsizetype n = records->size();
    setResult(QVariant::fromValue(*records));
    return QStringLiteral("%1 papers loaded").arg(n);
}

} // namespace Lectern
