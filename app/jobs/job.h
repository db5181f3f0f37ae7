// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QObject>
#include <QString>
#include <QVariant>

#include <atomic>

class QThread;

namespace Lectern {

struct JobProgress
{
    int done = 0;
    int total = 0;
    QString message;
};

/// How a job ended, as one value delivered by a queued signal: whether it succeeded, failed or was
/// cancelled, the one-line summary or the reason, and the job kind's own result (FetchSummary,
/// ScoringSummary, ProviderBatchResult, the loaded records, the written file…), so that nothing is read
/// from the job object after the fact or copied across threads by hand.
struct JobOutcome
{
    enum class Status { Succeeded, Failed, Cancelled };
    Status status = Status::Failed;
    QString message; ///< the summary on success, the reason otherwise ("Cancelled." when cancelled)
    QVariant result; ///< the job kind's value; empty when the job has none or failed before it

    [[nodiscard]] bool ok() const { return status == Status::Succeeded; }
    [[nodiscard]] bool cancelled() const { return status == Status::Cancelled; }
    /// The job kind's value, or a default-constructed one.
    template<typename T> [[nodiscard]] T resultAs() const { return result.value<T>(); }
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

    /// Runs the job to its end on the calling thread, emits finished() and returns the same outcome.
    Q_INVOKABLE Lectern::JobOutcome execute();

Q_SIGNALS:
    void progress(const Lectern::JobProgress &progress);
    void finished(const Lectern::JobOutcome &outcome);

protected:
    /// The work. Returns a one-line summary, or an error the user can act on.
    virtual Result<QString> run() = 0;
    void report(int done, int total, const QString &message);
    /// The job kind's result, handed on in the outcome (also when the job fails or is cancelled after it
    /// was set: a partial summary is still worth showing).
    void setResult(QVariant result) { m_result = std::move(result); }

private:
    std::atomic_bool m_cancel {false};
    QVariant m_result;
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
    /// Runs an event loop until the current job's finished() has been delivered (tests, shutdown); no
    /// polling. Returns false on timeout (@p timeoutMs < 0: no timeout).
    bool wait(int timeoutMs);

Q_SIGNALS:
    void progress(const Lectern::JobProgress &progress);
    void finished(const Lectern::JobOutcome &outcome);

private:
    QThread *m_thread = nullptr;
    Job *m_job = nullptr;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::JobProgress)
Q_DECLARE_METATYPE(Lectern::JobOutcome)
