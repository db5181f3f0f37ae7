// SPDX-License-Identifier: GPL-3.0-or-later
#include "fulltextsearchjob.h"

#include "store/paperstore.h"

#include <QStringList>

namespace Lectern {

FullTextSearchJob::FullTextSearchJob(QString databasePath, QString text, int limit)
    : m_databasePath(std::move(databasePath))
    , m_text(std::move(text))
    , m_limit(limit)
{ }

Result<QString> FullTextSearchJob::run()
{
    auto store = PaperStore::open(m_databasePath);
    if (!store)
        return Error {store.error()};
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    auto ids = store.value()->search(m_text, m_limit);
    if (!ids)
        return Error {ids.error()};
    if (isCancelled())
        return Error {QStringLiteral("Cancelled.")};
    const qsizetype n = ids->size();
    setResult(QVariant::fromValue(*ids));
    return QStringLiteral("%1 papers found").arg(n);
}

} // namespace Lectern
