// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/batchdispatcher.h"

#include <QCoreApplication>
#include <QThread>

namespace Lectern {

namespace {

/// How long the run thread waits for a reply before it looks at the cancel flag and the pace again.
constexpr int kCollectMs = 50;

} // namespace

BatchDispatcher::BatchDispatcher(
    ScoringProviderFactory factory, const PromptTemplate &prompt, int threads, const std::atomic_bool *cancel)
    : m_factory(std::move(factory))
    , m_prompt(prompt)
    , m_cancel(cancel)
    , m_pace(threads)
{
    m_pool.setObjectName(QStringLiteral("lectern-scoring"));
    m_pool.setMaxThreadCount(std::max(1, threads));
    // Threads live as long as the run, each with its one provider, also through a long rate-limit hold.
    m_pool.setExpiryTimeout(-1);
    m_clock.start();
}

BatchDispatcher::~BatchDispatcher()
{
    // Requests in flight end soon after a cancel; their providers are dropped here, after the pool is idle.
    m_pool.waitForDone();
}

void BatchDispatcher::run(const Handlers &handlers)
{
    while (true) {
        if (m_cancel && *m_cancel)
            m_stopping = true;
        while (!m_stopping && !m_pending.empty() && m_pace.mayStart(m_inFlight, m_clock.elapsed())) {
            if (!handlers.admit(m_pending.front())) {
                m_stopping = true;
                break;
            }
            BatchTask task = std::move(m_pending.front());
            m_pending.pop_front();
            m_inFlightEstimate += task.estimate;
            ++m_inFlight;
            send(std::move(task));
        }
        // While held for a rate limit nothing may be in flight: the loop then only waits (and sees a
        // cancel within kCollectMs).
        if (m_inFlight == 0 && (m_stopping || m_pending.empty()))
            break;
        for (BatchReply &reply : collect(kCollectMs)) {
            --m_inFlight;
            m_inFlightEstimate -= reply.task.estimate;
            if (reply.result.rateLimit.known() || reply.result.error.isEmpty()) {
                const qint64 next = m_pending.empty() ? 0 : handlers.tokens(m_pending.front());
                m_pace.onReply(reply.result.rateLimit, m_inFlight, next, m_clock.elapsed());
            }
            handlers.handle(reply);
        }
    }
}

void BatchDispatcher::send(BatchTask task)
{
    m_pool.start([this, task = std::move(task)]() mutable {
        BatchResult result;
        QString createError;
        if (ScoringProvider *provider = providerOfThisThread(&createError); !provider) {
            result.fatal = true;
            result.error = QCoreApplication::translate(
                "Lectern::ScoringJob", "The scoring provider could not be created%1.")
                               .arg(createError.isEmpty() ? QString() : QStringLiteral(": ") + createError);
        } else {
            try {
                result = task.titles
                    ? provider->filterTitles(task.papers, m_prompt.renderTitleFilter(task.papers), m_cancel)
                    : provider->scoreBatch(task.papers, m_prompt.render(task.papers), m_cancel);
            } catch (const std::exception &e) {
                result = BatchResult {};
                result.fatal = true;
                result.error =
                    QCoreApplication::translate("Lectern::ScoringJob", "The scoring provider failed: %1")
                        .arg(QString::fromLocal8Bit(e.what()));
            }
        }
        QMutexLocker lock(&m_mutex);
        m_replies.push_back(BatchReply {std::move(task), std::move(result)});
        m_replied.wakeOne();
    });
}

ScoringProvider *BatchDispatcher::providerOfThisThread(QString *error)
{
    QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_providers.constFind(thread); it != m_providers.constEnd()) {
            *error = m_providerErrors.value(thread);
            return it->get();
        }
    }
    // Made outside the lock: only this thread asks for its own provider.
    std::shared_ptr<ScoringProvider> provider;
    QString failure;
    try {
        provider = m_factory();
    } catch (const std::exception &e) {
        failure = QString::fromLocal8Bit(e.what());
    }
    QMutexLocker lock(&m_mutex);
    m_providers.insert(thread, provider);
    if (!failure.isEmpty())
        m_providerErrors.insert(thread, failure);
    *error = failure;
    return provider.get();
}

std::vector<BatchReply> BatchDispatcher::collect(int waitMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_replies.empty())
        m_replied.wait(&m_mutex, QDeadlineTimer(waitMs));
    std::vector<BatchReply> out;
    while (!m_replies.empty()) {
        out.push_back(std::move(m_replies.front()));
        m_replies.pop_front();
    }
    return out;
}

} // namespace Lectern
