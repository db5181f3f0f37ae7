// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"
#include "jobs/job.h"

#include <QDate>
#include <QList>
#include <QMetaType>

namespace Lectern {

/// One day's papers as the window shows them: its records and, for a day that looks incomplete, why.
struct DayRecords
{
    QDate day;
    QList<PaperRecord> records;
    QString statusNote; ///< the day run's note on why it is not complete; empty when it is or has no run
};

/// Reads one day's records (PaperStore::recordsForDay) on a worker thread through a store connection of
/// its own: on PostgreSQL a server gone silent must not hold the click that switched the day. The outcome's
/// result is a DayRecords.
class DayRecordsJob final : public Job
{
    Q_OBJECT
public:
    DayRecordsJob(QString databasePath, QDate day);

protected:
    Result<QString> run() override;

private:
    QString m_databasePath;
    QDate m_day;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::DayRecords)
