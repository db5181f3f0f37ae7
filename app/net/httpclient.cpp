// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "headernumber.h"
#include "safeurl.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <map>
#include <memory>

namespace Lectern {

namespace {

/// Process-wide politeness gate: one request in flight, starts at least the interval apart. Every arXiv
/// request (RSS, API, OAI-PMH) from any thread goes through the "arxiv" one; other APIs have their own.
class PolitenessGate
{
public:
    /// The gate of @p name on @p timeline: its times are read on one clock (a test's manual clock has
    /// gates of its own, so that no wall-clock state holds it back, nor its state anyone else).
    static PolitenessGate &named(const QByteArray &name, quint64 timeline)
    {
        static QMutex registryMutex;
        static std::map<std::pair<QByteArray, quint64>, std::unique_ptr<PolitenessGate>> gates;
        QMutexLocker lock(&registryMutex);
        std::unique_ptr<PolitenessGate> &gate = gates[{name, timeline}];
        if (!gate)
            gate = std::make_unique<PolitenessGate>();
        return *gate;
    }

    bool acquire(int intervalMs, const std::atomic_bool *cancel, const Clock &clock, Sleeper &sleeper)
    {
        for (;;) {
            qint64 waitMs = 0;
            {
                QMutexLocker lock(&m_mutex);
                const qint64 now = clock.msecsSinceEpoch();
                if (!m_busy && now >= m_nextAllowed) {
                    m_busy = true;
                    m_nextAllowed = now + intervalMs;
                    return true;
                }
                waitMs = m_busy ? 50 : m_nextAllowed - now;
            }
            if (!sleeper.sleep(int(std::min<qint64>(waitMs, 200)), cancel))
                return false;
        }
    }

    void release()
    {
        QMutexLocker lock(&m_mutex);
        m_busy = false;
    }

private:
    QMutex m_mutex;
    bool m_busy = false;
    qint64 m_nextAllowed = 0;
};

bool retryableStatus(int status)
{
    return status == 408 || status == 429 || status >= 500;
}

bool retryableNetworkError(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    // Not HostNotFoundError: a name that does not resolve means no network (or a typo in a base URL), and
    // minutes of backoff only delay saying so; the user's Retry is the next attempt.
    default:
        return false;
    }
}

/// No connection was made at all. Qt reports "no route to host" and "network unreachable" as
/// UnknownNetworkError (its catch-all for socket errors); a dropped or timed-out connection has its own
/// codes and keeps the full backoff.
bool unreachableNetworkError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::HostNotFoundError ||
        e == QNetworkReply::UnknownNetworkError;
}

} // namespace

HttpClient::HttpClient(HttpOptions options, const std::atomic_bool *cancel)
    : m_options(std::move(options))
    , m_cancel(cancel)
    , m_nam(std::make_unique<QNetworkAccessManager>())
{
    m_nam->setAutoDeleteReplies(false);
}

HttpClient::~HttpClient() = default;

QByteArray HttpClient::userAgentFor(const QString &contact)
{
    QByteArray ua = QByteArrayLiteral(
        "Lectern/" LECTERN_VERSION " (arXiv daily triage; https://github.com/lectern-app/lectern");
    if (!contact.trimmed().isEmpty())
        ua += QByteArrayLiteral("; mailto:") + contact.trimmed().toUtf8();
    ua += ')';
    return ua;
}

qint64 HttpClient::retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    // Delta-seconds, bounded (a server's "99999999999999999" must not overflow), else an HTTP-date.
    if (const auto ms = HeaderNumber::secondsAsWaitMs(v))
        return *ms;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::clamp<qint64>(now.msecsTo(when), 0, HeaderNumber::MaxWaitMs);
}

qint64 HttpClient::retryAfterMs(const HttpResponse &response, const QDateTime &now)
{
    if (const auto ms = HeaderNumber::millisecondsAsWaitMs(response.header("retry-after-ms")))
        return *ms;
    return retryAfterMs(response.header("retry-after"), now);
}

HttpResponse HttpClient::send(const HttpRequest &request)
{
    HttpResponse response;
    for (int attemptNo = 1;; ++attemptNo) {
        if (m_cancel && *m_cancel) {
            response.cancelled = true;
            response.error = QCoreApplication::translate("Lectern::HttpClient", "Cancelled: %1")
                                 .arg(SafeUrl::forDisplay(request.url));
            return response;
        }
        const quint64 timeline = m_options.clock->timeline();
        PolitenessGate *gate = request.arxivGate
            ? &PolitenessGate::named(QByteArrayLiteral("arxiv"), timeline)
            : request.gate.isEmpty() ? nullptr
                                     : &PolitenessGate::named(request.gate, timeline);
        const int intervalMs = request.arxivGate ? m_options.arxivIntervalMs : request.gateIntervalMs;
        if (gate && !gate->acquire(intervalMs, m_cancel, *m_options.clock, *m_options.sleeper)) {
            response.cancelled = true;
            response.error = QCoreApplication::translate("Lectern::HttpClient", "Cancelled: %1")
                                 .arg(SafeUrl::forDisplay(request.url));
            return response;
        }
        response = attempt(request);
        if (gate)
            gate->release();
        response.attempts = attemptNo;
        if (response.cancelled || response.ok())
            return response;
        if (request.shouldRetry)
            response.transient = request.shouldRetry(response);

        // Nothing listens: one quick retry covers a server restarting, more only delay saying so.
        const int attemptsAllowed =
            response.unreachable ? std::min(m_options.maxAttempts, 2) : m_options.maxAttempts;
        if (!response.transient || attemptNo >= attemptsAllowed) {
            if (attemptNo > 1)
                response.error +=
                    QCoreApplication::translate("Lectern::HttpClient", " (after %1 attempts)").arg(attemptNo);
            return response;
        }
        qint64 waitMs = retryAfterMs(response, m_options.clock->nowUtc());
        if (waitMs > m_options.maxRetryAfterMs) {
            response.error += QCoreApplication::translate(
                "Lectern::HttpClient", "; the server asks to wait %1 s before trying again")
                                  .arg(waitMs / 1000);
            return response;
        }
        if (response.unreachable) {
            waitMs = m_options.unreachableRetryMs;
        } else if (waitMs < 0) {
            const qint64 base = std::min<qint64>(
                qint64(m_options.initialBackoffMs) << (attemptNo - 1), m_options.maxBackoffMs);
            waitMs = base + QRandomGenerator::global()->bounded(base / 2 + 1);
        }
        const QString note = QCoreApplication::translate("Lectern::HttpClient", "%1; retrying in %2 s")
                                 .arg(response.error)
                                 .arg(double(waitMs) / 1000.0, 0, 'f', 1);
        qCInfo(lcFetch).noquote() << note;
        if (onRetry)
            onRetry(note);
        if (!m_options.sleeper->sleep(int(waitMs), m_cancel)) {
            response.cancelled = true;
            response.error = QCoreApplication::translate("Lectern::HttpClient", "Cancelled: %1")
                                 .arg(SafeUrl::forDisplay(request.url));
            return response;
        }
    }
}

HttpResponse HttpClient::attempt(const HttpRequest &request)
{
    HttpResponse response;
    response.url = request.url;
    // Errors and logs name the request without its query and user info: a gateway URL may carry a key.
    const QString what =
        QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), SafeUrl::forDisplay(request.url));

    QNetworkRequest req(request.url);
    req.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);
    req.setTransferTimeout(m_options.timeoutMs);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);

    std::unique_ptr<QNetworkReply> reply(
        m_nam->sendCustomRequest(req, request.method, request.body.isEmpty() ? QByteArray() : request.body));
    QEventLoop loop;
    bool tooLarge = false;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        if (response.body.size() + reply->bytesAvailable() > m_options.maxBytes) {
            tooLarge = true;
            reply->abort();
            return;
        }
        response.body += reply->readAll();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (m_cancel && *m_cancel)
            reply->abort();
    });
    poll.start();
    if (!reply->isFinished())
        loop.exec();
    if (!tooLarge && reply->bytesAvailable() > 0)
        response.body += reply->readAll();

    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);

    if (tooLarge) {
        response.error =
            QCoreApplication::translate("Lectern::HttpClient", "%1 failed: the response is larger than %2 MB")
                .arg(what)
                .arg(m_options.maxBytes / 1048576);
        response.body.clear();
        return response;
    }
    if (m_cancel && *m_cancel) {
        response.cancelled = true;
        response.error = QCoreApplication::translate("Lectern::HttpClient", "Cancelled: %1")
                             .arg(SafeUrl::forDisplay(request.url));
        return response;
    }
    if (response.status == 0) {
        response.error = QCoreApplication::translate("Lectern::HttpClient", "%1 failed: %2")
                             .arg(what, SafeUrl::redact(reply->errorString(), request.url));
        // OperationCanceled without our cancel flag is the transfer timeout.
        response.transient =
            retryableNetworkError(reply->error()) || reply->error() == QNetworkReply::OperationCanceledError;
        response.unreachable = unreachableNetworkError(reply->error());
        return response;
    }
    if (response.status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        response.transient = retryableStatus(response.status);
        response.error = QCoreApplication::translate("Lectern::HttpClient", "%1 failed: HTTP %2%3")
                             .arg(what)
                             .arg(response.status)
                             .arg(reason.isEmpty() ? QString() : u' ' + reason);
    }
    return response;
}

} // namespace Lectern
