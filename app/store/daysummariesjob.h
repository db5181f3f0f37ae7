// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/daysummary.h"
#include "jobs/job.h"

#include <QList>
#include <QMetaType>

namespace Lectern {

/// Counts every stored day's papers and how each was scored (PaperStore::daySummaries) on a worker
/// thread, through a store connection of its own: at 100k papers the counts read every listing, which
/// would hold up the window's start. The outcome's result is the QList<DaySummary>.
class DaySummariesJob final : public Job
{
    Q_OBJECT
public:
    explicit DaySummariesJob(QString databasePath);

protected:
    Result<QString> run() override;

private:
    QString m_databasePath;
};

} // namespace Lectern

Q_DECLARE_METATYPE(QList<Lectern::DaySummary>)
