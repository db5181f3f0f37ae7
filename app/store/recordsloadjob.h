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

protected:
    Result<QString> run() override;

private:
    QString m_databasePath;
    QDate m_from;
    QDate m_to;
};

} // namespace Lectern
