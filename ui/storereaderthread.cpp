// SPDX-License-Identifier: GPL-3.0-or-later
#include "storereaderthread.h"

#include "store/paperstore.h"

#include <QThread>

namespace Lectern {

StoreReaderThread::Connection::Connection(QString databasePath)
    : m_databasePath(std::move(databasePath))
{ }

StoreReaderThread::Connection::~Connection() = default;

PaperStore *StoreReaderThread::Connection::open()
{
    if (!m_store) {
        auto opened = PaperStore::open(m_databasePath);
        if (!opened) {
            m_openError = opened.error();
            return nullptr;
        }
        m_store = std::move(opened).value();
        ++m_opened;
    }
    return m_store.get();
}

void StoreReaderThread::Connection::close()
{
    m_store.reset();
}

StoreReaderThread::StoreReaderThread(QString databasePath, const QString &threadName, QObject *parent)
    : QObject(parent)
    , m_connection(std::make_shared<Connection>(std::move(databasePath)))
    , m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(threadName);
    m_context->moveToThread(m_thread);
    m_thread->start();
}

StoreReaderThread::~StoreReaderThread()
{
    // The connection closes on its own thread, after the reads queued before it; then the thread ends.
    QMetaObject::invokeMethod(
        m_context,
        [connection = m_connection] {
            connection->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

void StoreReaderThread::submit(std::function<std::function<void()>(Connection &)> work)
{
    QMetaObject::invokeMethod(
        m_context,
        [this, connection = m_connection, work = std::move(work)] {
            std::function<void()> then = work(*connection);
            // Queued to this object, which outlives the thread (its destructor waits for the thread); a
            // result still queued when the object goes is dropped with its other posted events.
            QMetaObject::invokeMethod(this, std::move(then), Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

int StoreReaderThread::connectionsOpened() const
{
    return m_connection->opened();
}

} // namespace Lectern
