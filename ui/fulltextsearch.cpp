// SPDX-License-Identifier: GPL-3.0-or-later
#include "fulltextsearch.h"

#include "jobs/job.h"
#include "store/fulltextsearchjob.h"

#include <QDeadlineTimer>

namespace Lectern {

FullTextSearch::FullTextSearch(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::finished, this, [this](const JobOutcome &outcome) {
        const bool current = !m_dropped && !m_pending && m_jobText == m_text;
        if (m_pending) {
            m_pending = false;
            startJob();
        }
        if (!current)
            return;
        if (outcome.ok())
            Q_EMIT found(m_jobText, outcome.resultAs<QList<qint64>>());
        else if (!outcome.cancelled())
            Q_EMIT failed(outcome.message);
    });
}

void FullTextSearch::search(const QString &text)
{
    m_text = text;
    if (m_runner->isRunning()) {
        // One search at a time: the latest text starts when this one has stopped.
        m_pending = true;
        m_runner->cancel();
        return;
    }
    startJob();
}

void FullTextSearch::cancel()
{
    m_pending = false;
    m_dropped = true;
    m_runner->cancel();
}

bool FullTextSearch::isBusy() const
{
    return m_runner->isRunning();
}

bool FullTextSearch::waitUntilIdle(int timeoutMs)
{
    // A search ending may start the one that waited (the runner is busy again at once): wait on until
    // none runs, within one deadline.
    const QDeadlineTimer deadline(timeoutMs);
    while (m_runner->isRunning()) {
        if (deadline.hasExpired())
            return false;
        m_runner->wait(int(deadline.remainingTime()));
    }
    return true;
}

void FullTextSearch::startJob()
{
    m_jobText = m_text;
    m_dropped = false;
    m_runner->start(new FullTextSearchJob(m_databasePath, m_jobText));
}

} // namespace Lectern
