// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Lectern {
class Clock;
}

namespace Lectern::Test {

/// A loopback port nothing listens on (bound, read and closed again; 0 if none could be bound): where a
/// test needs a server that is down.
[[nodiscard]] quint16 closedLoopbackPort();

/// A stand-in HTTP/1.1 server on 127.0.0.1 for tests: canned or computed responses per path, delays,
/// and a log of every request with the time it arrived. It lives on the test's thread; clients that
/// block with a local event loop on the same thread (HttpClient) are served from within that loop.
class LoopbackHttpServer final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; ///< path and query as sent
        QHash<QByteArray, QByteArray> headers; ///< lower-cased names
        QByteArray body;
        qint64 receivedMs = 0; ///< since the server started (or useClock() was called), on its clock
        [[nodiscard]] QByteArray path() const { return target.split('?').first(); }
    };
    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0; ///< wait before answering (slow server)
        bool dropConnection = false; ///< close without answering
    };
    using Handler = std::function<Response(const Request &)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    /// Listens on 127.0.0.1, on @p port (0: any free one; a test reopens a port it found refused).
    [[nodiscard]] bool listen(quint16 port = 0);
    /// Request times from now on read @p clock (a ManualClock shared with the client) instead of the wall
    /// clock, so that a test compares them exactly. Not owned.
    void useClock(const Clock &clock);
    [[nodiscard]] QUrl url(const QString &path = {}) const;

    /// Responses for @p path served in order; the last one repeats.
    void enqueue(const QByteArray &path, const Response &response);
    /// Serves @p body (status 200) at @p path.
    void serve(const QByteArray &path, const QByteArray &body, int status = 200);
    /// A handler for @p path, used when no queued response is left.
    void route(const QByteArray &path, Handler handler);
    /// A handler for every path starting with @p prefix that has no route of its own (a Matrix room's
    /// send path, which ends in a transaction id the client makes).
    void routePrefix(const QByteArray &prefix, Handler handler);

    /// Answers from now on wait until release(), which sends them in the order they were due: a test
    /// holds a client in the middle of its work while it starts another.
    void hold() { m_holding = true; }
    void release();

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    [[nodiscard]] QList<Request> requestsTo(const QByteArray &path) const;
    void clearLog() { m_requests.clear(); }

private:
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Request &request);

    QTcpServer *m_server;
    QElapsedTimer m_clock;
    const Clock *m_manualClock = nullptr;
    qint64 m_manualStartMs = 0;
    QHash<QByteArray, QList<Response>> m_queued;
    QHash<QByteArray, Handler> m_handlers;
    QList<std::pair<QByteArray, Handler>> m_prefixHandlers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    bool m_holding = false;
    QList<std::function<void()>> m_held;
};

} // namespace Lectern::Test
