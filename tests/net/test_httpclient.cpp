// SPDX-License-Identifier: GPL-3.0-or-later
// HttpClient against a real HTTP server on 127.0.0.1.
#include "net/headernumber.h"
#include "net/httpclient.h"
#include "net/safeurl.h"
#include "scoring/ratelimit.h"
#include "scoring/semanticscholarclient.h"

#include <testkit/loopbackhttpserver.h>
#include <testkit/manualclock.h>

#include <QTcpServer>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace Lectern;
using Server = Test::LoopbackHttpServer;

namespace {

// Every wait (backoff, Retry-After, gates) goes to @p time: recorded, never slept.
HttpOptions fastOptions(Test::ManualClock &time)
{
    HttpOptions o;
    o.clock = &time;
    o.sleeper = &time;
    o.userAgent = HttpClient::userAgentFor(QStringLiteral("reader@example.org"));
    o.initialBackoffMs = 30;
    o.maxBackoffMs = 200;
    o.timeoutMs = 2000;
    o.arxivIntervalMs = 0;
    return o;
}

Server::Response respond(
    int status, const QByteArray &body = {}, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    Server::Response r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getWithUserAgent()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/ok", respond(200, "hello", {{"ETag", "\"v1\""}}));
        HttpClient http(fastOptions(time));
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/ok"))));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.body, QByteArray("hello"));
        QCOMPARE(r.header("etag"), QByteArray("\"v1\""));
        QCOMPARE(r.attempts, 1);
        const QByteArray ua = server.requests().first().headers.value("user-agent");
        QVERIFY2(ua.startsWith("Lectern/" LECTERN_VERSION), ua.constData());
        QVERIFY(ua.contains("mailto:reader@example.org"));
    }

    void retryAfterIsHonoured()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/limited", respond(429, "Rate exceeded.", {{"Retry-After", "1"}}));
        server.enqueue("/limited", respond(200, "finally"));
        HttpClient http(fastOptions(time));
        QStringList notes;
        http.onRetry = [&](const QString &n) { notes << n; };
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/limited"))));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.body, QByteArray("finally"));
        const auto reqs = server.requestsTo("/limited");
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(time.sleeps(), QList<int> {1000});
        QCOMPARE(reqs.at(1).receivedMs - reqs.at(0).receivedMs, 1000);
        QCOMPARE(notes.size(), 1);
        QVERIFY(notes.first().contains(QStringLiteral("HTTP 429")));
    }

    void serverErrorsGiveUpWithAClearMessage()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/down", respond(503, "busy"));
        HttpOptions o = fastOptions(time);
        o.maxAttempts = 3;
        HttpClient http(o);
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/down"))));
        QVERIFY(!r.ok());
        QCOMPARE(server.requestsTo("/down").size(), 3);
        QVERIFY2(
            r.error.contains(server.url(QStringLiteral("/down")).toDisplayString()), qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("HTTP 503")));
        QVERIFY(r.error.contains(QStringLiteral("after 3 attempts")));
        // Exponential backoff from initialBackoffMs (30), plus up to half again of jitter.
        const QList<int> waits = time.sleeps();
        QCOMPARE(waits.size(), 2);
        QVERIFY2(waits.at(0) >= 30 && waits.at(0) <= 45, qPrintable(QString::number(waits.at(0))));
        QVERIFY2(waits.at(1) >= 60 && waits.at(1) <= 90, qPrintable(QString::number(waits.at(1))));
    }

    void clientErrorsAreNotRetried()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/missing", respond(404));
        server.enqueue("/bad", respond(400));
        HttpClient http(fastOptions(time));
        QCOMPARE(http.send(HttpRequest::get(server.url(QStringLiteral("/missing")))).status, 404);
        QCOMPARE(http.send(HttpRequest::get(server.url(QStringLiteral("/bad")))).status, 400);
        QCOMPARE(server.requests().size(), 2);
    }

    void connectionRefusedIsRetriedThenReported()
    {
        Test::ManualClock time;
        const quint16 port = Test::closedLoopbackPort();
        QVERIFY(port != 0);
        HttpOptions o = fastOptions(time);
        o.maxAttempts = 2;
        HttpClient http(o);
        const HttpResponse r =
            http.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(port))));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.status, 0);
        QVERIFY2(r.error.contains(QStringLiteral("127.0.0.1")), qPrintable(r.error));
    }

    // Issue 15.9: a refused connection was retried with the full backoff (30 s, 87 s… for arXiv), so a
    // server that is down took minutes to report. Now one quick retry, then the error.
    void connectionRefusedGetsOneQuickRetry()
    {
        Test::ManualClock time;
        const quint16 port = Test::closedLoopbackPort();
        QVERIFY(port != 0);
        HttpOptions o = fastOptions(time);
        o.maxAttempts = 4;
        o.initialBackoffMs = 30000;
        o.maxBackoffMs = 120000;
        HttpClient http(o);
        QStringList notes;
        http.onRetry = [&notes](const QString &note) { notes << note; };
        const HttpResponse r =
            http.send(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/rss").arg(port))));
        QVERIFY(!r.ok());
        QVERIFY(r.unreachable);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(time.sleeps(), QList<int> {o.unreachableRetryMs});
        QCOMPARE(notes.size(), 1);
        QVERIFY2(r.error.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("after 2 attempts")), qPrintable(r.error));
    }

    // A server that answers slowly or not at all keeps the polite backoff: it is there, just busy.
    void timeoutsKeepTheFullBackoff()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        Server::Response slow = respond(200, "late");
        slow.delayMs = 1500;
        server.enqueue("/slow", slow);
        HttpOptions o = fastOptions(time);
        o.timeoutMs = 300;
        o.maxAttempts = 2;
        o.initialBackoffMs = 5000;
        o.maxBackoffMs = 5000;
        HttpClient http(o);
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/slow"))));
        QVERIFY(!r.ok());
        QVERIFY(!r.unreachable);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(time.sleeps().size(), 1);
        QVERIFY(time.sleeps().first() >= 5000);
    }

    // Issue 15.9: offline, the first fetch retried "host not found" for minutes before it said so.
    void hostNotFoundIsReportedAtOnce()
    {
        Test::ManualClock time;
        HttpOptions o = fastOptions(time);
        o.maxAttempts = 4;
        HttpClient http(o);
        // .invalid never resolves (RFC 2606): the reply is HostNotFoundError, without any network.
        const HttpResponse r =
            http.send(HttpRequest::get(QUrl(QStringLiteral("http://lectern-test.invalid/rss"))));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 1);
        QVERIFY(!r.transient);
        QVERIFY(r.unreachable);
        QVERIFY2(r.error.contains(QStringLiteral("lectern-test.invalid")), qPrintable(r.error));
    }

    void responseSizeIsBounded()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/big", respond(200, QByteArray(300 * 1024, 'x')));
        HttpOptions o = fastOptions(time);
        o.maxBytes = 100 * 1024;
        HttpClient http(o);
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/big"))));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("larger than")), qPrintable(r.error));
        QVERIFY(r.body.isEmpty());
    }

    void slowServerTimesOut()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        Server::Response slow = respond(200, "late");
        slow.delayMs = 3000;
        server.enqueue("/slow", slow);
        HttpOptions o = fastOptions(time);
        o.timeoutMs = 300;
        o.maxAttempts = 2;
        HttpClient http(o);
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/slow"))));
        // Both attempts timed out: no HTTP answer, so the late 200 was never waited for.
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.status, 0);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(time.sleeps().size(), 1); // one backoff between the attempts
    }

    void cancelStopsWaitingAndFurtherRequests()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/limited", respond(429, "Rate exceeded.", {{"Retry-After", "30"}}));
        std::atomic_bool cancel {false};
        HttpClient http(fastOptions(time), &cancel);
        // The user cancels while the client waits out the Retry-After.
        time.onSleep = [&](int) { cancel = true; };
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/limited"))));
        QVERIFY(r.cancelled);
        QCOMPARE(time.sleeps(), QList<int> {30000});
        QCOMPARE(server.requests().size(), 1);
        // A cancelled client sends nothing more.
        const HttpResponse again = http.send(HttpRequest::get(server.url(QStringLiteral("/limited"))));
        QVERIFY(again.cancelled);
        QCOMPARE(server.requests().size(), 1);
    }

    void cancelAbortsARequestInFlight()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        // The answer would take an hour and so would the transfer timeout: only the abort on cancel ends
        // the request (a client that ignored it would hang until CTest's timeout fails the test).
        std::atomic_bool cancel {false};
        server.route("/slow", [&](const Server::Request &) {
            cancel = true; // the user cancels once the request is in flight
            Server::Response slow = respond(200, "late");
            slow.delayMs = 3600 * 1000;
            return slow;
        });
        HttpOptions o = fastOptions(time);
        o.timeoutMs = 3600 * 1000;
        HttpClient http(o, &cancel);
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/slow"))));
        QVERIFY(r.cancelled);
        QCOMPARE(r.status, 0);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(time.sleeps().isEmpty());
    }

    void arxivGateSpacesRequests()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/rss/a", respond(200, "a"));
        server.enqueue("/rss/b", respond(200, "b"));
        server.enqueue("/rss/c", respond(200, "c"));
        HttpOptions o = fastOptions(time);
        o.arxivIntervalMs = 400;
        HttpClient http(o);
        for (const char *p : {"/rss/a", "/rss/b", "/rss/c"}) {
            HttpRequest req = HttpRequest::get(server.url(QString::fromLatin1(p)));
            req.arxivGate = true;
            QVERIFY(http.send(req).ok());
        }
        const auto &reqs = server.requests();
        QCOMPARE(reqs.size(), 3);
        QCOMPARE(reqs.at(0).receivedMs, 0);
        for (int i = 1; i < 3; ++i)
            QCOMPARE(reqs.at(i).receivedMs - reqs.at(i - 1).receivedMs, 400);
    }

    void namedGatesAreSeparate()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        for (const char *p : {"/s2/a", "/s2/b", "/other"})
            server.enqueue(p, respond(200, "x"));
        HttpClient http(fastOptions(time));
        const auto send = [&](const char *path, const QByteArray &gate) {
            HttpRequest req = HttpRequest::get(server.url(QString::fromLatin1(path)));
            req.gate = gate;
            req.gateIntervalMs = 1500;
            return http.send(req).ok();
        };
        QVERIFY(send("/s2/a", "test-s2"));
        QVERIFY(send("/other", "test-other")); // its own gate: not held back by test-s2
        QVERIFY(send("/s2/b", "test-s2"));
        const auto &reqs = server.requests();
        QCOMPARE(reqs.size(), 3);
        QCOMPARE(reqs.at(1).receivedMs, reqs.at(0).receivedMs); // no wait at all
        QCOMPARE(reqs.at(2).receivedMs - reqs.at(0).receivedMs, 1500);
    }

    void retryAfterValues()
    {
        QCOMPARE(HttpClient::retryAfterMs("120"), 120000);
        QCOMPARE(HttpClient::retryAfterMs(" 0 "), 0);
        QCOMPARE(HttpClient::retryAfterMs(""), -1);
        QCOMPARE(HttpClient::retryAfterMs("soon"), -1);
        const QDateTime now(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::UTC);
        QCOMPARE(
            HttpClient::retryAfterMs(now.addSecs(600).toString(Qt::RFC2822Date).toLatin1(), now), 600000);
        QCOMPARE(HttpClient::retryAfterMs(now.addSecs(-60).toString(Qt::RFC2822Date).toLatin1(), now), 0);
        // A response's HTTP-date counts from the client's clock.
        Test::ManualClock time(now);
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/dated",
            respond(503, "", {{"Retry-After", now.addSecs(20).toString(Qt::RFC2822Date).toLatin1()}}));
        server.enqueue("/dated", respond(200, "ok"));
        HttpClient http(fastOptions(time));
        QVERIFY(http.send(HttpRequest::get(server.url(QStringLiteral("/dated")))).ok());
        QCOMPARE(time.sleeps(), QList<int> {20000});
    }

    // Issue 12.4: header numbers are the server's text. Huge, negative, fractional, NaN and garbage values
    // give a bounded wait or none, never an overflow (which a sanitizer build turns into an abort).
    void hostileHeaderNumbers_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("ms");
        const qint64 max = HeaderNumber::MaxWaitMs;
        QTest::newRow("huge seconds") << QByteArray("retry-after") << QByteArray("99999999999999999") << max;
        QTest::newRow("more than 64 bits")
            << QByteArray("retry-after") << QByteArray("999999999999999999999999999999") << max;
        QTest::newRow("negative seconds") << QByteArray("retry-after") << QByteArray("-5") << qint64(-1);
        QTest::newRow("fractional seconds") << QByteArray("retry-after") << QByteArray("1.5") << qint64(1500);
        QTest::newRow("garbage seconds") << QByteArray("retry-after") << QByteArray("12abc") << qint64(-1);
        QTest::newRow("ms exponent") << QByteArray("retry-after-ms") << QByteArray("1e300") << max;
        QTest::newRow("ms infinity") << QByteArray("retry-after-ms") << QByteArray("inf") << qint64(-1);
        QTest::newRow("ms nan") << QByteArray("retry-after-ms") << QByteArray("nan") << qint64(-1);
        QTest::newRow("ms negative") << QByteArray("retry-after-ms") << QByteArray("-1e300") << qint64(-1);
        QTest::newRow("ms fraction") << QByteArray("retry-after-ms") << QByteArray("250.4") << qint64(250);
        QTest::newRow("ms hex") << QByteArray("retry-after-ms") << QByteArray("0x10") << qint64(-1);
        QTest::newRow("far date") << QByteArray("retry-after")
                                  << QDateTime(QDate(9999, 12, 31), QTime(23, 59), QTimeZone::UTC)
                                         .toString(Qt::RFC2822Date)
                                         .toLatin1()
                                  << max;
    }
    void hostileHeaderNumbers()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(qint64, ms);
        HttpResponse r;
        r.status = 429;
        r.headers.insert(header, value);
        QCOMPARE(HttpClient::retryAfterMs(r), ms);
        const RateLimitInfo info = RateLimitInfo::fromResponse(r);
        QCOMPARE(info.retryAfterMs.value_or(-1), ms);
    }

    void hostileRateLimitNumbers()
    {
        const qint64 max = HeaderNumber::MaxWaitMs;
        QCOMPARE(RateLimitInfo::parseDurationMs("99999999999999999999h").value_or(-1), max);
        QCOMPARE(RateLimitInfo::parseDurationMs("1e300").value_or(-1), max);
        QCOMPARE(RateLimitInfo::parseDurationMs("inf").value_or(-1), -1);
        QCOMPARE(RateLimitInfo::parseDurationMs("nan").value_or(-1), -1);
        QCOMPARE(RateLimitInfo::parseDurationMs("-3s").value_or(-1), -1);
        QCOMPARE(RateLimitInfo::parseDurationMs("1.5.5s").value_or(-1), -1);
        HttpResponse r;
        r.status = 200;
        r.headers.insert("x-ratelimit-remaining-requests", "99999999999999999999999");
        r.headers.insert("x-ratelimit-limit-tokens", "-4");
        r.headers.insert("x-ratelimit-remaining-tokens", "12.5");
        r.headers.insert("anthropic-ratelimit-requests-reset", "9999-12-31T23:59:59Z");
        const RateLimitInfo info = RateLimitInfo::fromResponse(r);
        QCOMPARE(info.remainingRequests.value_or(-1), HeaderNumber::MaxCount);
        QVERIFY(!info.limitTokens);
        QVERIFY(!info.remainingTokens);
        QCOMPARE(info.resetRequestsMs.value_or(-1), max);
    }

    // Issue 12.5: a gateway URL may carry a key in its query or user info; no error message names it.
    void errorsDoNotQuoteTheUrlsSecrets()
    {
        Server server;
        QVERIFY(server.listen());
        server.enqueue("/v1/models", respond(500, "down"));
        QUrl url = server.url(QStringLiteral("/v1/models"));
        url.setQuery(QStringLiteral("api-key=sk-gw-SECRET-1"));
        url.setUserInfo(QStringLiteral("user:pw-SECRET-2"));
        Test::ManualClock time;
        HttpOptions once = fastOptions(time);
        once.maxAttempts = 1;
        HttpClient single(once);
        const HttpResponse failed = single.send(HttpRequest::get(url));
        QVERIFY(!failed.ok());
        QVERIFY2(!failed.error.contains(QStringLiteral("SECRET")), qPrintable(failed.error));
        QVERIFY2(failed.error.contains(QStringLiteral("/v1/models")), qPrintable(failed.error));
        // A refused connection: Qt's own message quotes the URL.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        QUrl refused = url;
        refused.setPort(closed.serverPort());
        closed.close();
        const HttpResponse unreachable = single.send(HttpRequest::get(refused));
        QVERIFY(!unreachable.ok());
        QVERIFY2(!unreachable.error.contains(QStringLiteral("SECRET")), qPrintable(unreachable.error));
        QCOMPARE(SafeUrl::redact(QStringLiteral("Error transferring %1 - x").arg(url.toString()), url),
            QStringLiteral("Error transferring %1 - x").arg(SafeUrl::forDisplay(url)));
        // A server that quotes the secrets on their own, decoded (test_secretssweep does it end to end).
        const QUrl gateway(QStringLiteral("https://me:pa%24%24word@gw.example/v1?api-key=SECRET%2B1&v=2"));
        QCOMPARE(SafeUrl::redact(QStringLiteral("bad key SECRET+1 or password pa$$word for me"), gateway),
            QStringLiteral("bad key … or password … for me"));
    }

    // Issue 12.5: every key follows the LLM keys' rule: https, or http to this machine only.
    void keysTravelOnlyEncrypted()
    {
        QVERIFY(SafeUrl::mayCarryKey(QUrl(QStringLiteral("https://api.semanticscholar.org/graph/v1"))));
        QVERIFY(SafeUrl::mayCarryKey(QUrl(QStringLiteral("http://localhost:8080/v1"))));
        QVERIFY(SafeUrl::mayCarryKey(QUrl(QStringLiteral("http://127.0.0.1:8080/v1"))));
        QVERIFY(SafeUrl::mayCarryKey(QUrl(QStringLiteral("http://[::1]:8080/v1"))));
        QVERIFY(!SafeUrl::mayCarryKey(QUrl(QStringLiteral("http://api.semanticscholar.org/graph/v1"))));
        QVERIFY(!SafeUrl::mayCarryKey(QUrl(QStringLiteral("http://localhost.example.org/v1"))));
        QVERIFY(!SafeUrl::mayCarryKey(QUrl(QStringLiteral("ftp://127.0.0.1/v1"))));
        // The client refuses before it connects (192.0.2.1 is a documentation address: nothing answers).
        Test::ManualClock time;
        HttpClient http(fastOptions(time));
        SemanticScholarClient s2(
            http, QUrl(QStringLiteral("http://192.0.2.1:9/graph/v1")), QStringLiteral("s2-secret-key-42"));
        const auto r = s2.paperAuthors({QStringLiteral("2611.00001")});
        QVERIFY(!r.ok());
        // Refused, not tried: a connection attempt would end in a timeout error and retries.
        QVERIFY2(r.error().contains(QStringLiteral("unencrypted")), qPrintable(r.error()));
        QVERIFY(!r.error().contains(QStringLiteral("s2-secret")));
        QVERIFY(time.sleeps().isEmpty());
    }

    void retryAfterMsComesFirst()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        // retry-after-ms is the precise value; the coarse Retry-After alone would mean a 30 s wait.
        server.enqueue("/limited", respond(429, "", {{"retry-after-ms", "250"}, {"Retry-After", "30"}}));
        server.enqueue("/limited", respond(200, "ok"));
        HttpClient http(fastOptions(time));
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/limited"))));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(time.sleeps(), QList<int> {250});
        const auto reqs = server.requestsTo("/limited");
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(reqs.at(1).receivedMs - reqs.at(0).receivedMs, 250);
    }

    void perRequestRetryRule()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/quota", respond(429, R"({"error":{"code":"insufficient_quota"}})"));
        server.enqueue("/conflict", respond(409, "busy"));
        server.enqueue("/conflict", respond(200, "ok"));
        HttpClient http(fastOptions(time));
        const auto rule = [](const HttpResponse &resp) {
            return !resp.body.contains("insufficient_quota") && (resp.transient || resp.status == 409);
        };
        HttpRequest quota = HttpRequest::get(server.url(QStringLiteral("/quota")));
        quota.shouldRetry = rule;
        const HttpResponse q = http.send(quota);
        QCOMPARE(q.status, 429);
        QVERIFY(!q.transient);
        QCOMPARE(server.requestsTo("/quota").size(), 1);

        HttpRequest conflict = HttpRequest::get(server.url(QStringLiteral("/conflict")));
        conflict.shouldRetry = rule;
        const HttpResponse c = http.send(conflict);
        QVERIFY2(c.ok(), qPrintable(c.error));
        QCOMPARE(c.attempts, 2);
        // Without the rule a 409 is final.
        server.enqueue("/plain409", respond(409, "busy"));
        QCOMPARE(http.send(HttpRequest::get(server.url(QStringLiteral("/plain409")))).attempts, 1);
    }

    // The one real wait of this file: the system sleeper returns as soon as cancel is set. Broken, it would
    // sleep for an hour and CTest's timeout would fail the test.
    void systemSleeperStopsOnCancel()
    {
        QVERIFY(Sleeper::system().sleep(0, nullptr));
        std::atomic_bool cancel {false};
        QTimer::singleShot(0, this, [&] { cancel = true; });
        QVERIFY(!Sleeper::system().sleep(3600 * 1000, &cancel));
        QVERIFY(!Sleeper::system().sleep(1, &cancel)); // already cancelled: no wait at all
    }

    void tooLongRetryAfterEndsTheRequest()
    {
        Test::ManualClock time;
        Server server;
        QVERIFY(server.listen());
        server.useClock(time);
        server.enqueue("/later", respond(503, "", {{"Retry-After", "86400"}}));
        HttpClient http(fastOptions(time));
        const HttpResponse r = http.send(HttpRequest::get(server.url(QStringLiteral("/later"))));
        QVERIFY(!r.ok());
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(r.error.contains(QStringLiteral("wait 86400 s")), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "test_httpclient.moc"
