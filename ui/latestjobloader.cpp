// SPDX-License-Identifier: GPL-3.0-or-later
#include "latestjobloader.h"

#include "jobs/job.h"

namespace Lectern {

LatestJobLoader::LatestJobLoader(std::function<Job *()> makeJob, QObject *parent)
    : QObject(parent)
    , m_makeJob(std::move(makeJob))
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
            Q_EMIT loaded(outcome.result);
        else if (!outcome.ok() && !outcome.cancelled())
            Q_EMIT failed(outcome.message);
    });
}

void LatestJobLoader::load()
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

void LatestJobLoader::cancel()
{
    ++m_generation;
    m_pending = false;
    m_runner->cancel();
}

bool LatestJobLoader::isLoading() const
{
    return m_runner->isRunning();
}

void LatestJobLoader::startJob()
{
    m_jobGeneration = m_generation;
    m_runner->start(m_makeJob());
}

} // namespace Lectern
