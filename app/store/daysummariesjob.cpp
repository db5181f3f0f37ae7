// SPDX-License-Identifier: GPL-3.0-or-later
#include "daysummariesjob.h"

#include "store/paperstore.h"

#include <QCoreApplication>

namespace Lectern {

DaySummariesJob::DaySummariesJob(QString databasePath)
    : m_databasePath(std::move(databasePath))
{ }

Result<QString> DaySummariesJob::run()
{
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    auto days = store.value()->daySummaries();
    if (!days)
        return Error {days.error()};
    if (isCancelled())
        return Error {QCoreApplication::translate("Lectern::Job", "Cancelled.")};
    const qsizetype n = days->size();
    setResult(QVariant::fromValue(std::move(days).value()));
    return QStringLiteral("%1 days counted").arg(n);
}

} // namespace Lectern
