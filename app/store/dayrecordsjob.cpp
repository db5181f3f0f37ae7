// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayrecordsjob.h"

#include "store/paperstore.h"

#include <QCoreApplication>

namespace Lectern {

DayRecordsJob::DayRecordsJob(QString databasePath, QDate day)
    : m_databasePath(std::move(databasePath))
    , m_day(day)
{ }

Result<QString> DayRecordsJob::run()
{
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    auto records = store.value()->recordsForDay(m_day);
    if (!records)
        return Error {records.error()};
    if (isCancelled())
        return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
    DayRecords out;
    out.day = m_day;
    out.records = std::move(records).value();
    auto run = store.value()->dayRun(m_day);
    if (!run)
        return Error {run.error()};
    if (run->has_value() && !(*run)->complete)
        out.statusNote = (*run)->statusNote;
    const qsizetype n = out.records.size();
    setResult(QVariant::fromValue(std::move(out)));
    return QStringLiteral("%1 papers loaded").arg(n);
}

} // namespace Lectern
