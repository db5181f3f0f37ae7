// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace Lectern {

class StoreReaderThread;

/// The search box's searches, on a worker thread of their own that keeps one store connection for all of
/// them (PaperStore::matchingRows): opening a connection for each keystroke cost about 20 ms on
/// PostgreSQL. A search asked for while one runs supersedes it — its result is dropped, and of the texts
/// typed meanwhile only the latest is searched next — so typing never queues a search per key and the
/// window never shows the result of an older text.
class FullTextSearch final : public QObject
{
    Q_OBJECT
public:
    explicit FullTextSearch(QString databasePath, QObject *parent = nullptr);
    ~FullTextSearch() override;

    void search(const QString &text);
    /// Drops the running search's result (the box was cleared).
    void cancel();
    [[nodiscard]] bool isBusy() const { return m_outstanding > 0; }
    /// Runs an event loop until no search runs or waits (tests, benchmarks); false on timeout.
    bool waitUntilIdle(int timeoutMs);
    /// Store connections the worker opened so far: one for all searches, another only after one failed.
    [[nodiscard]] int connectionsOpened() const;

Q_SIGNALS:
    /// Every paper matching @p text, by row id (PaperRecord::rowId), in no order.
    void found(const QString &text, const QList<qint64> &rows);
    void failed(const QString &message);
    /// No search runs or waits any more.
    void idle();

private:
    StoreReaderThread *m_reader;
    /// The generation worth searching, read on the worker: older requests are skipped.
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_generation = 0; ///< of the latest search asked for (or of cancel())
    int m_outstanding = 0; ///< searches asked for whose answer has not come back
};

} // namespace Lectern
