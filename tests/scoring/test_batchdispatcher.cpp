// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/batchdispatcher.h"

#include <testkit/fixtures.h>

#include <QSet>
#include <QTest>
#include <QThread>

#include <condition_variable>
#include <mutex>

using namespace Lectern;

namespace {

/// What the providers of one dispatcher saw, shared by all of them.
struct Calls
{
    std::mutex mutex;
    std::condition_variable changed;
    int running = 0;
    int maxRunning = 0;
    int gate = 0; ///< the first calls wait until this many run at once (0: none wait)
    int created = 0;
    QStringList sent; ///< first paper id of each batch, in the order the calls began
    QSet<Qt::HANDLE> threads;
    QSet<const void *> providers;
};

class RecordingProvider final : public ScoringProvider
{
public:
    explicit RecordingProvider(std::shared_ptr<Calls> calls)
        : m_calls(std::move(calls))
    { }
    QString model() const override { return QStringLiteral("recording-model"); }
    BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *) override
    {
        {
            std::unique_lock lock(m_calls->mutex);
            m_calls->sent << papers.first().arxivId;
            m_calls->threads.insert(QThread::currentThreadId());
            m_calls->providers.insert(this);
            m_calls->maxRunning = std::max(m_calls->maxRunning, ++m_calls->running);
            m_calls->changed.notify_all();
            // The first calls meet here: proof that that many run at once, whatever the clock says.
            if (m_calls->gate > 0) {
                m_calls->changed.wait_for(lock, std::chrono::seconds(20),
                    [&] { return m_calls->running >= m_calls->gate || m_calls->gate == 0; });
                m_calls->gate = 0;
            }
            --m_calls->running;
        }
        BatchResult r;
        r.model = model();
        r.usage.promptTokens = prompt.papers.size();
        for (const Paper &p : papers)
            r.items << ScoredItem {p.arxivId, 5, 5, QString()};
        return r;
    }
    bool supportsTitleFilter() const override { return true; }
    BatchResult filterTitles(
        const QList<Paper> &papers, const RenderedPrompt &, const std::atomic_bool *) override
    {
        BatchResult r;
        r.items << ScoredItem {papers.first().arxivId, std::nullopt, std::nullopt, QStringLiteral("title")};
        return r;
    }

private:
    std::shared_ptr<Calls> m_calls;
};

ScoringProviderFactory factoryFor(const std::shared_ptr<Calls> &calls)
{
    return [calls]() -> std::unique_ptr<ScoringProvider> {
        {
            std::lock_guard lock(calls->mutex);
            ++calls->created;
        }
        return std::make_unique<RecordingProvider>(calls);
    };
}

QList<BatchTask> tasks(int n, int size = 2)
{
    QList<BatchTask> out;
    for (int i = 0; i < n; ++i) {
        BatchTask t;
        for (int j = 0; j < size; ++j)
            t.papers << Test::makePaper(
                QStringLiteral("2611.%1").arg(i * size + j + 1, 5, 10, QLatin1Char('0')));
        out << t;
    }
    return out;
}

BatchDispatcher::Handlers acceptAll(QList<BatchReply> &replies)
{
    BatchDispatcher::Handlers h;
    h.admit = [](BatchTask &) { return true; };
    h.tokens = [](const BatchTask &t) { return qint64(t.papers.size()) * 100; };
    h.handle = [&replies](BatchReply &r) { replies << r; };
    return h;
}

const PromptTemplate &prompt()
{
    static const PromptTemplate p = PromptTemplate::defaults();
    return p;
}

} // namespace

class TestBatchDispatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsUpToItsThreadLimitWithOneProviderPerThread()
    {
        auto calls = std::make_shared<Calls>();
        calls->gate = 3;
        QList<BatchReply> replies;
        {
            BatchDispatcher dispatcher(factoryFor(calls), prompt(), 3, nullptr);
            for (const BatchTask &t : tasks(9))
                dispatcher.append(t);
            dispatcher.run(acceptAll(replies));
            QVERIFY(dispatcher.pending().empty());
            QCOMPARE(dispatcher.inFlight(), 0);
            QCOMPARE(dispatcher.pace().configured(), 3);
        }
        QCOMPARE(replies.size(), 9);
        QCOMPARE(calls->maxRunning, 3);
        QCOMPARE(calls->created, 3);
        QCOMPARE(calls->threads.size(), 3);
        QCOMPARE(calls->providers.size(), 3);
        QVERIFY(!calls->threads.contains(QThread::currentThreadId()));
        QSet<QString> answered;
        for (const BatchReply &r : replies) {
            QCOMPARE(r.result.items.size(), 2);
            answered.insert(r.task.papers.first().arxivId);
        }
        QCOMPARE(answered.size(), 9);
    }

    void aRefusedTaskHoldsTheRestBack()
    {
        auto calls = std::make_shared<Calls>();
        QList<BatchReply> replies;
        BatchDispatcher dispatcher(factoryFor(calls), prompt(), 1, nullptr);
        for (const BatchTask &t : tasks(5))
            dispatcher.append(t);
        BatchDispatcher::Handlers h = acceptAll(replies);
        int admitted = 0;
        h.admit = [&](BatchTask &t) {
            t.estimate = 0.5;
            return ++admitted <= 2;
        };
        dispatcher.run(h);
        QCOMPARE(replies.size(), 2);
        QCOMPARE(calls->sent.size(), 2);
        QVERIFY(dispatcher.isStopping());
        QCOMPARE(dispatcher.pending().size(), size_t(3));
        QCOMPARE(dispatcher.pending().front().papers.first().arxivId, QStringLiteral("2611.00005"));
        QCOMPARE(dispatcher.inFlightEstimate(), 0.0);
    }

    void tasksQueuedByTheHandlerGoOutInTheirPlace()
    {
        auto calls = std::make_shared<Calls>();
        QList<BatchReply> replies;
        BatchDispatcher dispatcher(factoryFor(calls), prompt(), 1, nullptr);
        const QList<BatchTask> three = tasks(3);
        for (const BatchTask &t : three)
            dispatcher.append(t);
        BatchDispatcher::Handlers h = acceptAll(replies);
        h.handle = [&](BatchReply &r) {
            replies << r;
            if (replies.size() == 1) {
                BatchTask retry {{Test::makePaper(QStringLiteral("2611.00099"))}, 2};
                dispatcher.prepend(retry);
                BatchTask titles {{Test::makePaper(QStringLiteral("2611.00098"))}, 1, true};
                dispatcher.append(titles);
            }
        };
        dispatcher.run(h);
        QCOMPARE(calls->sent,
            QStringList({QStringLiteral("2611.00001"), QStringLiteral("2611.00099"),
                QStringLiteral("2611.00003"), QStringLiteral("2611.00005")}));
        QCOMPARE(replies.size(), 5);
        // The title task went to filterTitles(), after the others.
        QVERIFY(replies.last().task.titles);
        QCOMPARE(replies.last().result.items.first().comment, QStringLiteral("title"));
        QCOMPARE(replies.at(1).task.attempt, 2);
    }

    void aCancelStopsNewTasks()
    {
        auto calls = std::make_shared<Calls>();
        std::atomic_bool cancel {false};
        QList<BatchReply> replies;
        BatchDispatcher dispatcher(factoryFor(calls), prompt(), 1, &cancel);
        for (const BatchTask &t : tasks(5))
            dispatcher.append(t);
        BatchDispatcher::Handlers h = acceptAll(replies);
        h.handle = [&](BatchReply &r) {
            replies << r;
            cancel = true;
        };
        dispatcher.run(h);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(dispatcher.pending().size(), size_t(4));
        QVERIFY(dispatcher.isStopping());
    }

    void aProviderThatCannotBeMadeFailsEachTaskFatally()
    {
        QList<BatchReply> replies;
        BatchDispatcher dispatcher(
            []() -> std::unique_ptr<ScoringProvider> { throw std::runtime_error("no key"); }, prompt(), 1,
            nullptr);
        for (const BatchTask &t : tasks(2))
            dispatcher.append(t);
        dispatcher.run(acceptAll(replies));
        QCOMPARE(replies.size(), 2);
        for (const BatchReply &r : replies) {
            QVERIFY(r.result.fatal);
            QCOMPARE(r.result.error, QStringLiteral("The scoring provider could not be created: no key."));
        }
    }
};

QTEST_GUILESS_MAIN(TestBatchDispatcher)
#include "test_batchdispatcher.moc"
