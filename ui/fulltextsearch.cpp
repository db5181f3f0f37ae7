// SPDX-License-Identifier: GPL-3.0-or-later
#include "fulltextsearch.h"

#include "store/paperstore.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace Lectern {

/// What the worker thread keeps between searches.
struct FullTextSearch::Worker
{
    QString databasePath;
    std::unique_ptr<PaperStore> store; ///< opened at the first search, on the worker thread
    std::atomic<quint64> latest {0}; ///< the generation worth searching; older requests are skipped
    std::atomic_int opened {0};

    /// On the worker thread.
    Result<QList<qint64>> match(const QString &text)
    {
        if (!store) {
            auto open = PaperStore::open(databasePath);
            if (!open)
                return Error {open.error()};
            store = std::move(open).value();
            ++opened;
        }
        auto rows = store->matchingRows(text);
        if (!rows)
            store.reset(); // perhaps a lost connection: the next search opens another
        return rows;
    }
};

FullTextSearch::FullTextSearch(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_shared<Worker>())
    , m_thread(new QThread)
    , m_context(new QObject)
{
    m_worker->databasePath = std::move(databasePath);
    m_thread->setObjectName(QStringLiteral("lectern-search"));
    m_context->moveToThread(m_thread);
    m_thread->start();
}

FullTextSearch::~FullTextSearch()
{
    // Searches still queued are skipped; the connection closes on its own thread, then the thread ends.
    m_worker->latest = ++m_generation;
    QMetaObject::invokeMethod(
        m_context,
        [worker = m_worker] {
            worker->store.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

void FullTextSearch::search(const QString &text)
{
    const quint64 generation = ++m_generation;
    m_worker->latest = generation;
    ++m_outstanding;
    QMetaObject::invokeMethod(
        m_context,
        [this, worker = m_worker, generation, text] {
            // On the worker thread. A newer text typed meanwhile makes this one not worth the query.
            const bool skipped = worker->latest != generation;
            Result<QList<qint64>> rows =
                skipped ? Result<QList<qint64>>(QList<qint64>()) : worker->match(text);
            const QList<qint64> found = rows ? *rows : QList<qint64>();
            const QString error = rows ? QString() : rows.error();
            // Queued to this object, which outlives the thread (the destructor waits for it).
            QMetaObject::invokeMethod(
                this,
                [this, generation, text, found, error, skipped] {
                    searched(generation, text, found, error, skipped);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void FullTextSearch::searched(
    quint64 generation, const QString &text, const QList<qint64> &rows, const QString &error, bool skipped)
{
    --m_outstanding;
    // Only the latest text's result is shown.
    if (!skipped && generation == m_generation) {
        if (error.isEmpty())
            Q_EMIT found(text, rows);
        else
            Q_EMIT failed(error);
    }
    if (m_outstanding == 0)
        Q_EMIT idle();
}

void FullTextSearch::cancel()
{
    m_worker->latest = ++m_generation;
}

int FullTextSearch::connectionsOpened() const
{
    return m_worker->opened;
}

bool FullTextSearch::waitUntilIdle(int timeoutMs)
{
    if (!isBusy())
        return true;
    QEventLoop loop;
    connect(this, &FullTextSearch::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !isBusy();
}

} // namespace Lectern
