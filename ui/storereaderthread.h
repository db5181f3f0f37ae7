// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Lectern {

class PaperStore;

/// A worker thread with a store connection of its own, kept from one read to the next, for the window's
/// small reads that must not wait on the GUI thread (a search, the selected paper's details): a silent
/// server holds the worker, never the window, and opening a connection per read cost about 20 ms on
/// PostgreSQL. Reads run one after another in the order asked; a read that fails on a kept connection is
/// tried once more on a new one (the server may have restarted meanwhile).
class StoreReaderThread final : public QObject
{
    Q_OBJECT
public:
    StoreReaderThread(QString databasePath, const QString &threadName, QObject *parent = nullptr);
    /// Reads still queued run without their result being handed on; then the thread ends.
    ~StoreReaderThread() override;

    /// Runs @p read on the worker thread with its connection and hands what it returns to @p done on this
    /// object's thread.
    template<typename T>
    void read(std::function<Result<T>(PaperStore &)> read, std::function<void(const Result<T> &)> done)
    {
        submit([read = std::move(read), done = std::move(done)](Connection &c) -> std::function<void()> {
            const auto attempt = [&]() -> Result<T> {
                PaperStore *store = c.open();
                if (!store)
                    return Error {c.openError()};
                return read(*store);
            };
            const bool kept = c.isOpen();
            Result<T> result = attempt();
            // A kept connection may have been lost meanwhile (the server restarted): once more on a new one.
            if (!result && kept) {
                c.close();
                result = attempt();
            }
            if (!result)
                c.close();
            return [done, result = std::move(result)] { done(result); };
        });
    }

    /// Store connections opened so far: one for all reads, another only after one failed.
    [[nodiscard]] int connectionsOpened() const;

    /// The worker thread's side: the connection, opened when first needed.
    class Connection
    {
    public:
        explicit Connection(QString databasePath);
        ~Connection();
        /// The connection, opened now if it is not; null when it cannot be (openError() says why).
        PaperStore *open();
        [[nodiscard]] QString openError() const { return m_openError; }
        [[nodiscard]] bool isOpen() const { return bool(m_store); }
        void close();
        [[nodiscard]] int opened() const { return m_opened; }

    private:
        QString m_databasePath;
        std::unique_ptr<PaperStore> m_store;
        QString m_openError;
        std::atomic_int m_opened {0};
    };

private:
    /// @p work runs on the worker thread; what it returns runs on this object's thread.
    void submit(std::function<std::function<void()>(Connection &)> work);

    std::shared_ptr<Connection> m_connection; ///< used on the worker thread only, but for its counter
    QThread *m_thread;
    QObject *m_context; ///< lives on m_thread: what runs there is queued to it
};

} // namespace Lectern
