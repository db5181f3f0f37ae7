// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"

#include <QString>

namespace Lectern {

/// One full-text search of the search box (PaperStore::matchingRows: every word a prefix) on a worker
/// thread through a store connection of its own: over a large library a broad prefix takes longer than a
/// keystroke may hold the window. The matching papers' row ids are the outcome's result (QList<qint64>),
/// unranked: the table orders them by its own columns.
class FullTextSearchJob final : public Job
{
    Q_OBJECT
public:
    FullTextSearchJob(QString databasePath, QString text);

protected:
    Result<QString> run() override;

private:
    QString m_databasePath;
    QString m_text;
};

} // namespace Lectern
