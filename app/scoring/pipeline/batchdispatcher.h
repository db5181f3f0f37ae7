// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "scoring/adaptiveparallelism.h"
#include "scoring/prompttemplate.h"
#include "scoring/scoringprovider.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

class QThread;

namespace Lectern {

/// One request of a direct run: an abstract batch or a title pre-filter batch.
struct BatchTask
{
    QList<Paper> papers;
    int attempt = 1; ///< 2: papers missing from an earlier reply, sent once more
    bool titles = false; ///< a title pre-filter batch
    double estimate = 0; ///< USD, set when it goes out
    qint64 estimatedPromptTokens = 0; ///< the unscaled prompt estimate of an abstract batch
};

/// A task and what its request returned.
struct BatchReply
{
    BatchTask task;
    BatchResult result;
};

/// Sends the batches of a direct run on a QThreadPool whose thread limit is the configured parallelism,
/// with AdaptiveParallelism deciding how many are in flight below it. Each pool thread gets its own
/// provider from the factory (a provider serves one thread at a time). Replies come back to the thread
/// that calls run(), which is the only one to call the handlers: they may store, queue more tasks and
/// stop the run without locks.
class BatchDispatcher final
{
public:
    struct Handlers
    {
        /// Called for the next task before it goes out (its estimate may be set here); false holds it and
        /// every later one back and stops the run (the daily budget).
        std::function<bool(BatchTask &task)> admit;
        /// Prompt and completion tokens the task is expected to take, for the pace.
        std::function<qint64(const BatchTask &task)> tokens;
        /// A reply, on the run() thread.
        std::function<void(BatchReply &reply)> handle;
    };

    /// @p prompt renders each task's request; @p threads is the most batches ever in flight.
    BatchDispatcher(ScoringProviderFactory factory, const PromptTemplate &prompt, int threads,
        const std::atomic_bool *cancel);
    ~BatchDispatcher();
    Q_DISABLE_COPY_MOVE(BatchDispatcher)

    void append(BatchTask task) { m_pending.push_back(std::move(task)); }
    void prepend(BatchTask task) { m_pending.push_front(std::move(task)); }
    /// No new task goes out; those in flight still come back to the handler.
    void stop() { m_stopping = true; }
    [[nodiscard]] bool isStopping() const { return m_stopping; }
    [[nodiscard]] int inFlight() const { return m_inFlight; }
    /// The estimates (USD) of the tasks in flight.
    [[nodiscard]] double inFlightEstimate() const { return m_inFlightEstimate; }
    [[nodiscard]] const std::deque<BatchTask> &pending() const { return m_pending; }
    [[nodiscard]] const AdaptiveParallelism &pace() const { return m_pace; }

    /// Sends tasks while the pace allows and hands each reply to the handler, until nothing is in flight
    /// and the queue is empty or the run stopped (a cancel stops it too). Tasks never sent stay pending().
    void run(const Handlers &handlers);

private:
    void send(BatchTask task);
    [[nodiscard]] ScoringProvider *providerOfThisThread(QString *error);
    [[nodiscard]] std::vector<BatchReply> collect(int waitMs);

    ScoringProviderFactory m_factory;
    const PromptTemplate &m_prompt;
    const std::atomic_bool *m_cancel;
    AdaptiveParallelism m_pace;
    QElapsedTimer m_clock;
    std::deque<BatchTask> m_pending;
    int m_inFlight = 0;
    double m_inFlightEstimate = 0;
    bool m_stopping = false;

    QMutex m_mutex; ///< guards m_providers, m_replies
    QWaitCondition m_replied;
    QHash<QThread *, std::shared_ptr<ScoringProvider>> m_providers; ///< null: the factory failed
    QHash<QThread *, QString> m_providerErrors;
    std::deque<BatchReply> m_replies;
    QThreadPool m_pool; ///< declared last: destroyed (and waited for) first
};

} // namespace Lectern
