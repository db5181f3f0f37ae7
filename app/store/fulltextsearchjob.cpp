// SPDX-License-Identifier: GPL-3.0-or-later
#include "fulltextsearchjob.h"

#include "store/paperstore.h"

#include <QList>

namespace Lectern {

FullTextSearchJob::FullTextSearchJob(QString databasePath, QString text)
    : m_databasePath(std::move(databasePath))
    , m_text(std::move(text))
{ }

Result<QString> FullTextSearchJob::run()
{
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    auto rows = store.value()->matchingRows(m_text);
    if (!rows)
        return Error {rows.error()};
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    const qsizetype n = rows->size();
    setResult(QVariant::fromValue(std::move(rows).value()));
    return QStringLiteral("%1 papers found").arg(n);
}

} // namespace Lectern
