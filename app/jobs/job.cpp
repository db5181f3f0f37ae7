// SPDX-License-Identifier: GPL-3.0-or-later
#include "job.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

namespace Lectern {

Job::Job(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobOutcome>();
}

Job::~Job() = default;

JobOutcome Job::execute()
{
    JobOutcome outcome;
    if (m_cancel) {
        outcome.status = JobOutcome::Status::Cancelled;
        outcome.message = tr("Cancelled.");
    } else {
        const Result<QString> r = run();
        if (m_cancel && r.ok()) {
            outcome.status = JobOutcome::Status::Cancelled;
            outcome.message = tr("Cancelled.");
        } else {
            outcome.status = r.ok() ? JobOutcome::Status::Succeeded
                : m_cancel          ? JobOutcome::Status::Cancelled
                                    : JobOutcome::Status::Failed;
            outcome.message = r.ok() ? r.value() : r.error();
        }
    }
    outcome.result = m_result;
    Q_EMIT finished(outcome);
    return outcome;
}

void Job::report(int done, int total, const QString &message)
{
    Q_EMIT progress(JobProgress {done, total, message});
}

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
{ }

JobRunner::~JobRunner()
{
    // No event loop here: stop the job, let its thread end, and drop the finished() still queued to us.
    if (!m_thread)
        return;
    cancel();
    m_thread->quit();
    m_thread->wait();
    delete m_job;
    delete m_thread;
}

bool JobRunner::start(Job *job)
{
    if (m_thread) {
        delete job;
        return false;
    }
    m_job = job;
    m_thread = new QThread;
    m_thread->setObjectName(
        QStringLiteral("lectern-job-") + QString::fromLatin1(job->metaObject()->className()));
    job->setParent(nullptr);
    job->moveToThread(m_thread);
    connect(m_thread, &QThread::started, job, &Job::execute);
    connect(job, &Job::progress, this, &JobRunner::progress);
    connect(job, &Job::finished, this, [this, job](const JobOutcome &outcome) {
        // Queued here, on the runner's thread: the job's thread has finished its work.
        QThread *thread = m_thread;
        thread->quit();
        thread->wait();
        delete job;
        delete thread;
        m_thread = nullptr;
        m_job = nullptr;
        Q_EMIT finished(outcome);
    });
    m_thread->start();
    return true;
}

void JobRunner::cancel()
{
    if (m_job)
        m_job->cancel();
}

bool JobRunner::wait(int timeoutMs)
{
    if (!m_thread)
        return true;
    // The finished signal is queued to this thread: an event loop lets it through and ends with it.
    QEventLoop loop;
    connect(this, &JobRunner::finished, &loop, &QEventLoop::quit);
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return m_thread == nullptr;
}

} // namespace Lectern
