// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"

#include <QString>

namespace Lectern {

/// One full-text search (PaperStore::search: FTS5, every word a prefix, best match first by bm25) on a
/// worker thread through a store connection of its own: over a large library a broad prefix takes longer
/// than a keystroke may hold the window. The ids found are the outcome's result (QStringList).
class FullTextSearchJob final : public Job
{
    Q_OBJECT
public:
    FullTextSearchJob(QString databasePath, QString text, int limit);

protected:
    Result<QString> run() override;

private:
    QString m_databasePath;
    QString m_text;
    int m_limit;
};

} // namespace Lectern
