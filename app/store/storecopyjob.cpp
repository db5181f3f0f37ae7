// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecopyjob.h"

#include "store/paperstore.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Lectern {

StoreCopyJob::StoreCopyJob(StoreLocation from, StoreLocation to, int chunkSize)
    : m_from(std::move(from))
    , m_to(std::move(to))
    , m_chunkSize(chunkSize)
{ }

Result<QString> StoreCopyJob::run()
{
    if (m_from.toString() == m_to.toString())
        return Error {QCoreApplication::translate(
            "Lectern::StoreCopyJob", "Nothing to copy: %1 is both the source and the target.")
                          .arg(m_from.toString())};
    // Opening creates a missing SQLite file: a mistyped source would copy an empty library.
    if (!m_from.isPostgres() && !QFileInfo(m_from.path()).isFile())
        return Error {
            QCoreApplication::translate("Lectern::StoreCopyJob", "There is no library at %1 to copy from.")
                .arg(m_from.path())};
    report(0, 0,
        QCoreApplication::translate("Lectern::StoreCopyJob", "Opening %1 and %2")
            .arg(m_from.toString(), m_to.toString()));
    auto source = PaperStore::open(m_from.toString());
    if (!source)
        return Error {source.error()};
    auto target = PaperStore::open(m_to.toString());
    if (!target)
        return Error {target.error()};

    StoreCopy copy(*source.value(), *target.value());
    copy.setChunkSize(m_chunkSize);
    copy.setCancelFlag(cancelFlag());
    copy.setProgress([this](int done, int total, const QString &message) { report(done, total, message); });
    auto summary = copy.run();
    if (!summary)
        return Error {summary.error()};
    setResult(QVariant::fromValue(*summary));
    return summary->report();
}

} // namespace Lectern
