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
    connect(m_runner, &JobRunner::finished, this, [this](const JobOutcome &outcome) {
        if (m_pending) {
            m_pending = false;
            startJob();
            return;
        }
        // A load superseded or cancelled meanwhile is dropped: the view never shows older records.
        if (outcome.ok() && m_jobGeneration == m_generation)
            Q_EMIT loaded(outcome.resultAs<PaperTableRows>());
        else if (!outcome.ok() && !outcome.cancelled())
            Q_EMIT failed(outcome.message);
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
    m_jobGeneration = m_generation;
    m_runner->start(new RecordsLoadJob(m_databasePath));
}

} // namespace Lectern
