// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/webhooksender.h"

#include "net/safeurl.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Lectern {

namespace {

/// What a server said about a refusal, short: Matrix's {"errcode", "error"}, Slack's plain text.
QString serverReason(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QString reason;
    if (!json.isEmpty()) {
        reason = json.value(u"errcode").toString();
        const QString error = json.value(u"error").toString();
        if (!error.isEmpty())
            reason += (reason.isEmpty() ? QString() : QStringLiteral(": ")) + error;
    } else {
        reason = QString::fromUtf8(body.left(200)).simplified();
    }
    return reason.left(200);
}

QString blanked(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.size() >= 4)
            text.replace(secret, QStringLiteral("…"));
    }
    return text;
}

} // namespace

WebhookSender::WebhookSender(HttpOptions options, const std::atomic_bool *cancel)
    : m_options(std::move(options))
    , m_cancel(cancel)
{ }

QString WebhookSender::secretUrlForDisplay(const QUrl &url)
{
    return url.scheme() + QStringLiteral("://") + url.host() + QStringLiteral("/…");
}

QUrl WebhookSender::matrixSendUrl(const QUrl &homeserver, const QString &room, const QString &txnId)
{
    QString base = homeserver.toString(QUrl::FullyEncoded | QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + QStringLiteral("/_matrix/client/v3/rooms/") +
            QString::fromLatin1(QUrl::toPercentEncoding(room)) + QStringLiteral("/send/m.room.message/") +
            QString::fromLatin1(QUrl::toPercentEncoding(txnId)),
        QUrl::StrictMode);
}

Result<void> WebhookSender::sendSlack(const QUrl &webhook, const QString &mrkdwn)
{
    HttpRequest request;
    request.url = webhook;
    request.method = "POST";
    request.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    request.body =
        QJsonDocument(QJsonObject {{QStringLiteral("text"), mrkdwn}}).toJson(QJsonDocument::Compact);
    return deliver(request,
        QCoreApplication::translate("Lectern::WebhookSender", "the Slack webhook %1")
            .arg(secretUrlForDisplay(webhook)),
        {webhook.toString(), webhook.toString(QUrl::FullyEncoded), webhook.path(), webhook.query()});
}

Result<void> WebhookSender::sendJson(const QUrl &webhook, const QByteArray &json)
{
    HttpRequest request;
    request.url = webhook;
    request.method = "POST";
    request.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    request.body = json;
    return deliver(request,
        QCoreApplication::translate("Lectern::WebhookSender", "the JSON webhook %1")
            .arg(secretUrlForDisplay(webhook)),
        {webhook.toString(), webhook.toString(QUrl::FullyEncoded), webhook.path(), webhook.query()});
}

Result<void> WebhookSender::sendMatrix(const QUrl &homeserver, const QString &room, const QString &token,
    const QString &txnId, const QString &text, const QString &html)
{
    if (room.isEmpty())
        return Error {QCoreApplication::translate(
            "Lectern::WebhookSender", "No Matrix room is set (delivery/matrix/room, e.g. !abc:example.org)")};
    HttpRequest request;
    request.url = matrixSendUrl(homeserver, room, txnId);
    request.method = "PUT";
    request.headers = {
        {"Content-Type", "application/json; charset=utf-8"}, {"Authorization", "Bearer " + token.toUtf8()}};
    request.body = QJsonDocument(
        QJsonObject {{QStringLiteral("msgtype"), QStringLiteral("m.text")}, {QStringLiteral("body"), text},
            {QStringLiteral("format"), QStringLiteral("org.matrix.custom.html")},
            {QStringLiteral("formatted_body"),
                html}}).toJson(QJsonDocument::Compact);
    return deliver(request,
        QCoreApplication::translate("Lectern::WebhookSender", "the Matrix room %1 on %2")
            .arg(room, SafeUrl::forDisplay(homeserver)),
        {token});
}

Result<void> WebhookSender::deliver(HttpRequest request, const QString &label, const QStringList &secrets)
{
    if (!request.url.isValid() || request.url.host().isEmpty())
        return Error {QCoreApplication::translate("Lectern::WebhookSender", "%1 is not a valid http(s) URL")
                          .arg(label)};
    // The URL or the token is the key: encrypted, or to this machine only (as the LLM keys).
    if (!SafeUrl::mayCarryKey(request.url))
        return Error {QCoreApplication::translate(
            "Lectern::WebhookSender", "Refusing to send a token to %1 over plain http; use https")
                          .arg(label)};

    // One attempt at a time here, not HttpClient's retries: its retry notes name the URL, which for a
    // webhook is the secret.
    HttpOptions once = m_options;
    once.maxAttempts = 1;
    HttpClient client(once, m_cancel);
    for (int attempt = 1;; ++attempt) {
        const HttpResponse response = client.send(request);
        if (response.ok())
            return {};
        if (response.cancelled)
            return Error {QCoreApplication::translate("Lectern::WebhookSender", "Cancelled: %1").arg(label)};
        QString why;
        if (response.status == 0) {
            // Qt's network error, with the URL our label replaces.
            why = SafeUrl::redact(response.error, request.url);
            why.replace(SafeUrl::forDisplay(request.url), label);
            why = blanked(why, secrets);
        } else {
            const QString reason = blanked(serverReason(response.body), secrets);
            why = QCoreApplication::translate("Lectern::WebhookSender", "%1 answered HTTP %2%3")
                      .arg(label)
                      .arg(response.status)
                      .arg(reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason));
            if (response.status == 401 || response.status == 403)
                why += QStringLiteral(": the token or webhook URL was refused");
            else if (response.status == 404)
                why += QStringLiteral(": no such webhook or room");
        }
        if (!response.transient || attempt >= m_options.maxAttempts)
            return Error {attempt > 1
                    ? QCoreApplication::translate("Lectern::WebhookSender", "%1 (after %2 attempts)")
                          .arg(why)
                          .arg(attempt)
                    : why};
        qint64 waitMs = HttpClient::retryAfterMs(response, m_options.clock->nowUtc());
        if (waitMs > m_options.maxRetryAfterMs)
            return Error {QCoreApplication::translate(
                "Lectern::WebhookSender", "%1; it asks to wait %2 s, longer than Lectern waits")
                              .arg(why)
                              .arg(waitMs / 1000)};
        if (waitMs < 0)
            waitMs =
                std::min<qint64>(qint64(m_options.initialBackoffMs) << (attempt - 1), m_options.maxBackoffMs);
        qCInfo(lcApp).noquote() << QStringLiteral("%1; retrying in %2 s").arg(why).arg(waitMs / 1000.0);
        if (!m_options.sleeper->sleep(int(waitMs), m_cancel))
            return Error {QCoreApplication::translate("Lectern::WebhookSender", "Cancelled: %1").arg(label)};
    }
}

} // namespace Lectern
