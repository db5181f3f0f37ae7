// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QSqlDriver>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace Lectern {

class Database;

/// What another client changed in a shared store: a day fetched or scored, or a shared note.
struct StoreChange
{
    enum class Kind { DayFetched, DayScored, SharedNote };
    Kind kind = Kind::DayFetched;
    QDate day; ///< the day the change belongs to (a note's: its paper's latest listing); may be invalid
    QString arxivId; ///< the paper of a shared note; empty for days

    /// The payload of a notification on channel "lectern" (JSON {kind, day, paper}); nothing when it is
    /// not one of ours.
    [[nodiscard]] static std::optional<StoreChange> fromPayload(const QString &payload);
};

/// Tells a running client what other clients changed, as it happens: on PostgreSQL the store announces
/// every fetched day, every score and every shared note on channel "lectern" in the transaction that makes
/// it (schema 15's triggers), and this listener holds a connection of its own that LISTENs (on the thread
/// that opens it, which must run an event loop: the GUI thread). A connection of its own, because one that
/// also runs queries lets libpq read notifications while waiting for a result, and the driver then never
/// hears of them. An SQLite file has one client: there is nothing to hear and listen() does nothing.
///
/// A server that restarts (or a network that drops) ends the session, and with it the LISTEN: every
/// checkInterval() the listener asks its connection for a trivial answer; when none comes it says so
/// (connectionLost) and tries to connect again after 1, 2, 4, 8, 16 s, then every 30 s. Once listening
/// again it says so (reconnected): what other clients changed meanwhile was announced to nobody, so
/// the client reads what it shows again.
class StoreChangeListener final : public QObject
{
    Q_OBJECT
public:
    /// How the listener waits before an attempt to reconnect: by default a timer on this object; a test
    /// records the wait and runs the attempt when it wants (no wall-clock time in a test).
    using Scheduler = std::function<void(int ms, std::function<void()> attempt)>;

    explicit StoreChangeListener(QObject *parent = nullptr);
    ~StoreChangeListener() override;

    /// Starts listening to the store at @p location (PostgreSQL only; SQLite succeeds without listening).
    Result<void> listen(const StoreLocation &location);
    [[nodiscard]] bool isListening() const { return m_db != nullptr; }

    /// The waits before each attempt to reconnect, in ms; the last one repeats.
    [[nodiscard]] static QList<int> reconnectDelays();
    void setScheduler(Scheduler scheduler);
    /// How often the connection is checked while listening, in ms (0: never; a test calls
    /// checkConnection() itself). Default 10 s.
    void setCheckInterval(int ms);
    [[nodiscard]] int checkInterval() const { return m_checkInterval; }
    /// Whether the listening connection still answers. When it does not, it is dropped, connectionLost is
    /// emitted and the first attempt to reconnect is scheduled. False while reconnecting.
    bool checkConnection();

Q_SIGNALS:
    /// Another client committed @p change.
    void changed(const Lectern::StoreChange &change);
    /// The listening connection is gone (@p reason: the server's or the driver's words); changes are not
    /// heard until reconnected.
    void connectionLost(const QString &reason);
    /// Listening again after connectionLost: what changed meanwhile was not heard.
    void reconnected();

private:
    /// Opens the connection and LISTENs on it.
    Result<void> connectAndListen();
    void scheduleAttempt();
    void attemptReconnect();
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    StoreLocation m_location;
    std::unique_ptr<Database> m_db;
    Scheduler m_scheduler;
    QTimer *m_checkTimer;
    int m_checkInterval = 10000;
    int m_attempts = 0; ///< failed attempts since the connection was lost
    bool m_reconnecting = false;
};

} // namespace Lectern
