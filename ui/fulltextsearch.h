// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

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
    /// Searches find at most @p limit papers (the best by bm25).
    explicit FullTextSearch(QString databasePath, int limit, QObject *parent = nullptr);

    void search(const QString &text);
    /// Drops the running search's result (the box was cleared).
    void cancel();
    [[nodiscard]] bool isBusy() const;
    /// Runs an event loop until no search runs or waits (tests, benchmarks); false on timeout.
    bool waitUntilIdle(int timeoutMs);

Q_SIGNALS:
    /// The ids found for @p text, best first.
    void found(const QString &text, const QStringList &ids);
    void failed(const QString &message);

private:
    void startJob();

    QString m_databasePath;
    int m_limit;
    JobRunner *m_runner;
    QString m_text; ///< the latest text asked for
    QString m_jobText; ///< the text the running job searches
    bool m_pending = false;
    bool m_dropped = false; ///< cancel() was called after the running job started
};

} // namespace Lectern
