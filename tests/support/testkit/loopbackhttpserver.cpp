// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopbackhttpserver.h"

#include "util/clock.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Lectern::Test {

quint16 closedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed when the probe goes
}

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

LoopbackHttpServer::~LoopbackHttpServer() = default;

bool LoopbackHttpServer::listen(quint16 port)
{
    m_clock.start();
    return m_server->listen(QHostAddress::LocalHost, port);
}

void LoopbackHttpServer::useClock(const Clock &clock)
{
    m_manualClock = &clock;
    m_manualStartMs = clock.msecsSinceEpoch();
}

QUrl LoopbackHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(path));
}

void LoopbackHttpServer::enqueue(const QByteArray &path, const Response &response)
{
    m_queued[path].append(response);
}

void LoopbackHttpServer::serve(const QByteArray &path, const QByteArray &body, int status)
{
    Response r;
    r.status = status;
    r.body = body;
    enqueue(path, r);
}

void LoopbackHttpServer::route(const QByteArray &path, Handler handler)
{
    m_handlers.insert(path, std::move(handler));
}

void LoopbackHttpServer::routePrefix(const QByteArray &prefix, Handler handler)
{
    m_prefixHandlers.append({prefix, std::move(handler)});
}

QList<LoopbackHttpServer::Request> LoopbackHttpServer::requestsTo(const QByteArray &path) const
{
    QList<Request> out;
    for (const Request &r : m_requests) {
        if (r.path() == path)
            out << r;
    }
    return out;
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buf = m_buffers[socket];
    buf += socket->readAll();
    const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request req;
    const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    req.method = requestLine.value(0);
    req.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            req.headers.insert(
                lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = req.headers.value("content-length").toLongLong();
    if (buf.size() < headerEnd + 4 + length)
        return; // body still arriving
    req.body = buf.mid(headerEnd + 4, length);
    buf.remove(0, headerEnd + 4 + length);
    req.receivedMs = m_manualClock ? m_manualClock->msecsSinceEpoch() - m_manualStartMs : m_clock.elapsed();
    m_requests << req;
    answer(socket, req);
}

void LoopbackHttpServer::answer(QTcpSocket *socket, const Request &request)
{
    Response resp;
    const QByteArray path = request.path();
    if (auto it = m_queued.find(path); it != m_queued.end() && !it->isEmpty()) {
        resp = it->size() > 1 ? it->takeFirst() : it->first();
    } else if (auto h = m_handlers.find(path); h != m_handlers.end()) {
        resp = (*h)(request);
    } else {
        resp.status = 404;
        resp.body = "no route for " + path;
        for (const auto &[prefix, handler] : m_prefixHandlers) {
            if (path.startsWith(prefix)) {
                resp = handler(request);
                break;
            }
        }
    }
    auto send = [socket, resp] {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (resp.dropConnection) {
            socket->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) + " Status\r\n";
        for (const auto &[name, value] : resp.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(resp.body.size()) + "\r\nConnection: close\r\n\r\n";
        out += resp.body;
        socket->write(out);
        socket->disconnectFromHost();
    };
    if (m_holding) {
        // The socket may be gone by the release.
        m_held.append([socket = QPointer<QTcpSocket>(socket), send] {
            if (socket)
                send();
        });
    } else if (resp.delayMs > 0) {
        QTimer::singleShot(resp.delayMs, socket, send);
    } else {
        send();
    }
}

void LoopbackHttpServer::release()
{
    m_holding = false;
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (const auto &send : held)
        send();
}

} // namespace Lectern::Test
