// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"

#include <QObject>
#include <QSqlDriver>

#include <memory>

namespace Lectern {

class Database;

/// The connection a StoreChangeListener listens on, living on a thread of its own (never the GUI thread):
/// it opens, LISTENs, checks that the server still answers and hands on what it hears, each result by
/// signal. A server that goes silent without closing the connection (SIGSTOP, a network gone) would hold a
/// plain query until the operating system gives up on the socket, so the check waits for its answer at
/// most a given time (libpq's asynchronous query, polled with a deadline) and then calls the connection
/// lost; the connection options add TCP keepalives and a user timeout for the network case.
class ListeningConnection final : public QObject
{
    Q_OBJECT
public:
    explicit ListeningConnection(QObject *parent = nullptr);
    ~ListeningConnection() override;

    /// Connects to @p location and LISTENs on channel "lectern" and on the signed-in member's own channel:
    /// opened() or openFailed(). Call on the
    /// object's thread (QMetaObject::invokeMethod).
    void open(const StoreLocation &location);
    /// Asks the server for a trivial answer and waits at most @p answerTimeoutMs: alive(), or lost()
    /// after which the connection is closed.
    void check(int answerTimeoutMs);
    /// Closes the connection (on this object's thread, where it was opened).
    void close();

Q_SIGNALS:
    void opened();
    void openFailed(const QString &reason);
    void alive();
    void lost(const QString &reason);
    /// A notification on one of its channels (its payload), from another connection.
    void notified(const QString &payload);

private:
    void driverNotified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    /// Sends "SELECT 1" and reads its answer within @p timeoutMs; the reason it failed, else empty.
    QString askForAnswer(int timeoutMs);

    std::unique_ptr<Database> m_db;
    QString m_memberChannel; ///< the signed-in role's own channel (lectern_own_channel(), schema 19)
};

} // namespace Lectern
