// SPDX-License-Identifier: GPL-3.0-or-later
#include "job.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace Lectern {

Job::Job(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<JobProgress>();
}

Job::~Job() = default;

void Job::execute()
{
    Result<QString> r = Error {QStringLiteral("Cancelled.")};
    if (!m_cancel)
        r = run();
    if (m_cancel && r.ok())
        Q_EMIT finished(false, QStringLiteral("Cancelled."));
    else
        Q_EMIT finished(r.ok(), r.ok() ? r.value() : r.error());
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
    cancel();
    wait(-1);
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
    connect(job, &Job::finished, this, [this, job](bool ok, const QString &message) {
        // Queued here, on the runner's thread: the job's thread has finished its work.
        QThread *thread = m_thread;
        thread->quit();
        thread->wait();
        delete job;
        delete thread;
        m_thread = nullptr;
        m_job = nullptr;
        Q_EMIT finished(ok, message);
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
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    while (m_thread) {
        if (deadline.hasExpired())
            return false;
        // The finished signal is queued to this thread: let it through.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

} // namespace Lectern
