// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/clock.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace Lectern {

struct HttpResponse;

struct HttpRequest
{
    QUrl url;
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    /// Pass through the process-wide arXiv gate: one request at a time, a minimum interval apart.
    bool arxivGate = false;
    /// Pass through the process-wide gate of this name (one per API with a rate limit per client, e.g.
    /// "semanticscholar"): one request at a time, starts at least gateIntervalMs apart. Empty: none.
    QByteArray gate;
    int gateIntervalMs = 0;
    /// Replaces the default decision whether a failed attempt is worth retrying (HttpResponse::transient),
    /// for APIs whose errors say more than the status: an OpenAI 429 "insufficient_quota" must not be
    /// retried, a 409 may be.
    std::function<bool(const HttpResponse &)> shouldRetry;

    [[nodiscard]] static HttpRequest get(const QUrl &url)
    {
        HttpRequest r;
        r.url = url;
        return r;
    }
};

struct HttpResponse
{
    QUrl url;
    int status = 0; ///< 0 when no HTTP answer came
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< names lower-cased
    QString error; ///< empty on success; names the URL and the status or network error
    bool cancelled = false;
    bool transient = false; ///< worth retrying: connection error, timeout, 408, 429, 5xx
    /// No connection could be made at all (refused, host not found, no route): nothing listens there, and
    /// every other request to the same host will fail the same way.
    bool unreachable = false;
    int attempts = 0;

    [[nodiscard]] bool ok() const { return error.isEmpty() && !cancelled && status >= 200 && status < 400; }
    [[nodiscard]] QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct HttpOptions
{
    QByteArray userAgent = QByteArrayLiteral("Lectern");
    int timeoutMs = 60000; ///< no data for this long: give up on the attempt
    qint64 maxBytes = 64ll * 1024 * 1024;
    int maxAttempts = 4;
    int initialBackoffMs = 2000; ///< doubled each retry, plus up to half again of jitter
    int maxBackoffMs = 120000;
    /// A refused connection (or no route) is tried once more after this short wait (a server restarting),
    /// then reported: minutes of backoff only delay saying that nothing listens. Host not found is not
    /// retried at all.
    int unreachableRetryMs = 1500;
    int maxRetryAfterMs = 300000; ///< a server asking for a longer wait ends the request with a message
    int arxivIntervalMs = 3000; ///< gap between two requests to arXiv (its terms: one every 3 s)
    /// Where the time comes from (HTTP-date Retry-After, politeness gaps) and how waits happen (backoff,
    /// Retry-After, gates). Not owned; tests pass a manual clock so that they never wait on wall time.
    const Clock *clock = &Clock::system();
    Sleeper *sleeper = &Sleeper::system();
};

/// The one HTTP client every part of Lectern uses. Blocking from the caller's point of view, so it
/// belongs on worker threads: it runs a local event loop while the request is in flight. Retries
/// timeouts, dropped connections, 408, 429 and 5xx with exponential backoff and jitter, honouring
/// Retry-After; a refused connection or no route once after a short wait; never retries other 4xx nor a
/// host that is not found. Cancellation through the atomic flag is honoured at any point, including
/// during waits.
class HttpClient final
{
public:
    explicit HttpClient(HttpOptions options, const std::atomic_bool *cancel = nullptr);
    ~HttpClient();
    Q_DISABLE_COPY_MOVE(HttpClient)

    [[nodiscard]] HttpResponse send(const HttpRequest &request);
    [[nodiscard]] const HttpOptions &options() const { return m_options; }

    /// Called before each wait for a retry, with a message for the user ("HTTP 429, retrying in 30 s").
    std::function<void(const QString &)> onRetry;

    /// Milliseconds asked for by a Retry-After value (delta-seconds or HTTP-date, counted from @p now); -1
    /// when absent or invalid.
    [[nodiscard]] static qint64 retryAfterMs(
        const QByteArray &value, const QDateTime &now = Clock::system().nowUtc());
    /// The wait a response asks for: retry-after-ms (sent by OpenAI, more precise) first, then Retry-After.
    [[nodiscard]] static qint64 retryAfterMs(
        const HttpResponse &response, const QDateTime &now = Clock::system().nowUtc());
    /// User-Agent naming Lectern, its version and the user's contact address (arXiv asks for one).
    [[nodiscard]] static QByteArray userAgentFor(const QString &contact);

private:
    HttpResponse attempt(const HttpRequest &request);

    HttpOptions m_options;
    const std::atomic_bool *m_cancel;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace Lectern
