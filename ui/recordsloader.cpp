// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsloader.h"

#include "jobs/job.h"
#include "store/recordsloadjob.h"

namespace Lectern {

RecordsLoader::RecordsLoader(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::finished, this, [this](bool ok, const QString &message) {
        if (m_pending) {
            m_pending = false;
            startJob();
            return;
        }
        if (!ok && message != u"Cancelled.")
            Q_EMIT failed(message);
    });
}

void RecordsLoader::load()
{
    ++m_generation;
    if (m_runner->isRunning()) {
        // One job at a time: the next starts when this one has stopped.
        m_pending = true;
        m_runner->cancel();
        return;
    }
    startJob();
}

void RecordsLoader::cancel()
{
    ++m_generation;
    m_pending = false;
    m_runner->cancel();
}

bool RecordsLoader::isLoading() const
{
    return m_runner->isRunning();
}

void RecordsLoader::startJob()
{
    auto *job = new RecordsLoadJob(m_databasePath);
    const quint64 generation = m_generation;
    connect(job, &RecordsLoadJob::loaded, this, [this, generation](const QList<PaperRecord> &records) {
        if (generation == m_generation && !m_pending)
            Q_EMIT loaded(records);
    });
    m_runner->start(job);
}

} // namespace Lectern
