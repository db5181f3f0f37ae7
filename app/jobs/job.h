// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace Lectern {

struct JobProgress
{
    int done = 0;
    int total = 0;
    QString message;
};

/// Lectern's one worker pattern. A Job does its work in run() on whatever thread execute() is called:
/// a JobRunner's own thread in the GUI, the main thread in the CLI. It reports progress and its end by
/// signal, and stops soon after cancel() from any thread.
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    /// Thread-safe.
    void cancel() { m_cancel = true; }
    [[nodiscard]] bool isCancelled() const { return m_cancel; }
    [[nodiscard]] const std::atomic_bool *cancelFlag() const { return &m_cancel; }

    /// Runs the job to its end on the calling thread, then emits finished().
    Q_INVOKABLE void execute();

Q_SIGNALS:
    void progress(const Lectern::JobProgress &progress);
    /// @p message is the summary on success, the reason otherwise.
    void finished(bool ok, const QString &message);

protected:
    /// The work. Returns a one-line summary, or an error the user can act on.
    virtual Result<QString> run() = 0;
    void report(int done, int total, const QString &message);

private:
    std::atomic_bool m_cancel {false};
};

/// Runs one Job at a time on a thread of its own. The job's signals arrive queued on the runner's thread.
class JobRunner final : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    /// Takes ownership of @p job and starts it. Refused (returns false) while another job runs.
    bool start(Job *job);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    /// Blocks until the current job ended (tests, shutdown). Returns false on timeout.
    bool wait(int timeoutMs);

Q_SIGNALS:
    void progress(const Lectern::JobProgress &progress);
    void finished(bool ok, const QString &message);

private:
    QThread *m_thread = nullptr;
    Job *m_job = nullptr;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::JobProgress)
