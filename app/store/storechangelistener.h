// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

#include <functional>
#include <optional>

class QThread;
class QTimer;

namespace Lectern {

class ListeningConnection;

/// What another client changed in a shared store: a day fetched or scored, a shared note, or the signed-in
/// member's own state of a paper (from their other window or machine).
struct StoreChange
{
    enum class Kind { DayFetched, DayScored, SharedNote, MemberState };
    Kind kind = Kind::DayFetched;
    QDate day; ///< the day the change belongs to (a note's: its paper's latest listing); may be invalid
    QString arxivId; ///< the paper of a shared note or of the member's state; empty for days

    /// The payload of a notification on channel "lectern" or the member's own (JSON {kind, day, paper});
    /// nothing when it is not one of ours.
    [[nodiscard]] static std::optional<StoreChange> fromPayload(const QString &payload);
};

/// Tells a running client what other clients changed, as it happens: on PostgreSQL the store announces
/// every fetched day, every score and every shared note on channel "lectern" in the transaction that makes
/// it (schema 15's triggers), and this listener holds a connection of its own that LISTENs. A connection
/// of its own, because one that also runs queries lets libpq read notifications while waiting for a
/// result, and the driver then never hears of them; on a thread of its own (a ListeningConnection), so
/// that a server gone silent never holds the GUI thread: every result comes back by queued signal. An
/// SQLite file has one client: there is nothing to hear and listen() does nothing.
///
/// A server that restarts (or a network that drops) ends the session, and with it the LISTEN: every
/// checkInterval() the listener asks its connection for a trivial answer, waiting answerTimeout() at most;
/// when none comes it says so (connectionLost) and tries to connect again after 1, 2, 4, 8, 16 s, then
/// every 30 s, each wait up to a quarter longer at random so that a lab's clients do not all come back
/// at the same instant. Once listening again it says so (reconnected): what other clients changed
/// meanwhile was announced to nobody, so the client reads what it shows again.
class StoreChangeListener final : public QObject
{
    Q_OBJECT
public:
    /// How the listener waits before an attempt to reconnect: by default a timer on this object; a test
    /// records the wait and runs the attempt when it wants (no wall-clock time in a test).
    using Scheduler = std::function<void(int ms, std::function<void()> attempt)>;

    explicit StoreChangeListener(QObject *parent = nullptr);
    ~StoreChangeListener() override;

    /// Starts listening to the store at @p location in the background (PostgreSQL only; SQLite: nothing):
    /// listening() once it does, cannotListen() when it cannot.
    void listen(const StoreLocation &location);
    [[nodiscard]] bool isListening() const { return m_listening; }

    /// The waits before each attempt to reconnect, in ms, before their jitter; the last one repeats.
    [[nodiscard]] static QList<int> reconnectDelays();
    /// @p base with up to a quarter more, drawn from @p random.
    [[nodiscard]] static int withJitter(int base, QRandomGenerator &random);
    void setScheduler(Scheduler scheduler);
    /// Seeds the jitter's random numbers (a test's waits are then the same on every run).
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }
    /// How often the connection is checked while listening, in ms (0: never; a test calls
    /// checkConnection() itself). Default 10 s.
    void setCheckInterval(int ms);
    [[nodiscard]] int checkInterval() const { return m_checkInterval; }
    /// How long a check waits for the server's answer before the connection counts as lost. Default 5 s.
    void setAnswerTimeout(int ms) { m_answerTimeout = ms; }
    [[nodiscard]] int answerTimeout() const { return m_answerTimeout; }
    /// Asks the listening connection, on its thread, whether the server still answers: connectionChecked()
    /// when it does; when it does not, connectionLost() and the first attempt to reconnect is scheduled.
    /// Nothing while not listening or while a check is under way.
    void checkConnection();
    /// The thread the listening connection lives and runs its queries on (null before listen()).
    [[nodiscard]] QThread *connectionThread() const { return m_thread; }
    /// The listening connection itself (on connectionThread()), for a test that watches where its
    /// signals are emitted.
    [[nodiscard]] ListeningConnection *connection() const { return m_connection; }

Q_SIGNALS:
    /// Another client committed @p change.
    void changed(const Lectern::StoreChange &change);
    /// listen() succeeded: changes are heard from now on.
    void listening();
    /// listen() failed (@p reason: why); nothing is heard and no attempt follows.
    void cannotListen(const QString &reason);
    /// A check found the server answering.
    void connectionChecked();
    /// The listening connection is gone (@p reason: the server's or the driver's words); changes are not
    /// heard until reconnected.
    void connectionLost(const QString &reason);
    /// An attempt to reconnect failed (@p reason); the next one is scheduled.
    void reconnectFailed(const QString &reason);
    /// Listening again after connectionLost: what changed meanwhile was not heard.
    void reconnected();

private:
    void startThread();
    void opened();
    void openFailed(const QString &reason);
    void lost(const QString &reason);
    void scheduleAttempt();
    void attemptReconnect();
    void notified(const QString &payload);

    StoreLocation m_location;
    QThread *m_thread = nullptr;
    ListeningConnection *m_connection = nullptr;
    Scheduler m_scheduler;
    QTimer *m_checkTimer;
    QRandomGenerator m_random;
    int m_checkInterval = 10000;
    int m_answerTimeout = 5000;
    int m_attempts = 0; ///< failed attempts since the connection was lost
    bool m_listening = false;
    bool m_opening = false; ///< an open (first or again) is under way on the connection's thread
    bool m_checking = false;
    bool m_reconnecting = false;
};

} // namespace Lectern
