// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace Lectern {

class JobRunner;

/// The search box's searches, in the background (FullTextSearchJob), one at a time: a search asked for
/// while one runs supersedes it — the running one is cancelled and its result dropped, and only the
/// latest text is searched next — so typing never queues a search per key and the window never shows
/// the result of an older text.
class FullTextSearch final : public QObject
{
    Q_OBJECT
public:
    explicit FullTextSearch(QString databasePath, QObject *parent = nullptr);

    void search(const QString &text);
    /// Drops the running search's result (the box was cleared).
    void cancel();
    [[nodiscard]] bool isBusy() const;
    /// Runs an event loop until no search runs or waits (tests, benchmarks); false on timeout.
    bool waitUntilIdle(int timeoutMs);

Q_SIGNALS:
    /// Every paper matching @p text, by row id (PaperRecord::rowId), in no order.
    void found(const QString &text, const QList<qint64> &rows);
    void failed(const QString &message);

private:
    void startJob();

    QString m_databasePath;
    JobRunner *m_runner;
    QString m_text; ///< the latest text asked for
    QString m_jobText; ///< the text the running job searches
    bool m_pending = false;
    bool m_dropped = false; ///< cancel() was called after the running job started
};

} // namespace Lectern
