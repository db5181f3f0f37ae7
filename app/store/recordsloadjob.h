// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/papertableorders.h"
#include "jobs/job.h"

#include <QDate>
#include <QList>

namespace Lectern {

/// Reads the papers of a range of days (all days by default) on a worker thread, through a store
/// connection of its own: many stored days must not freeze the window. The lean rows
/// (PaperStore::tableRowsForRange), with their orders for the table's text sorts, are the outcome's
/// result (PaperTableRows).
class RecordsLoadJob final : public Job
{
    Q_OBJECT
public:
    explicit RecordsLoadJob(QString databasePath, QDate from = {}, QDate to = {});
    /// Reads only @p changedDays' rows again (other clients fetched or scored them) and merges them into
    /// @p shown, the rows the table holds: at 100k papers the whole read is seconds of work for each burst
    /// of another client's changes, a day's few hundred rows are not.
    RecordsLoadJob(QString databasePath, QList<PaperRecord> shown, QList<QDate> changedDays);

protected:
    Result<QString> run() override;

private:
    /// @p fresh (the changed days' rows) over m_shown, in the table's order.
    [[nodiscard]] QList<PaperRecord> merged(QList<PaperRecord> fresh) const;

    QString m_databasePath;
    QDate m_from;
    QDate m_to;
    bool m_update = false;
    QList<PaperRecord> m_shown;
    QList<QDate> m_changedDays;
};

} // namespace Lectern
