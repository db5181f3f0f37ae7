// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <atomic>

namespace Lectern {

/// Posts a digest to chat rooms and scripts over HTTP (HttpClient): a Slack incoming webhook, a Matrix room
/// (client-server API) or any URL taking a JSON POST. Slack's and the generic webhook's URLs are secrets
/// (their path or query is the token), as is Matrix's access token: none is sent over plain http to
/// another machine, and no message or log line quotes them. A 429 is waited out as its Retry-After asks
/// (bounded), as are connection errors and 5xx; other 4xx end the attempt with the server's reason.
class WebhookSender final
{
public:
    explicit WebhookSender(HttpOptions options, const std::atomic_bool *cancel = nullptr);

    /// Slack: {"text": @p mrkdwn}.
    [[nodiscard]] Result<void> sendSlack(const QUrl &webhook, const QString &mrkdwn);
    /// Matrix: PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId} with a Bearer token. The
    /// same @p txnId never posts twice (the homeserver answers a repeat with the first event), so a retry
    /// or a second run of the same digest is harmless.
    [[nodiscard]] Result<void> sendMatrix(const QUrl &homeserver, const QString &room, const QString &token,
        const QString &txnId, const QString &text, const QString &html);
    /// Generic: POST @p json as application/json.
    [[nodiscard]] Result<void> sendJson(const QUrl &webhook, const QByteArray &json);

    /// The Matrix send URL for @p room and @p txnId (both percent-encoded).
    [[nodiscard]] static QUrl matrixSendUrl(
        const QUrl &homeserver, const QString &room, const QString &txnId);
    /// A webhook URL as messages name it: scheme and host only, the rest may be a token.
    [[nodiscard]] static QString secretUrlForDisplay(const QUrl &url);

private:
    /// Sends with the retry rule above; @p label names the target in messages, @p secrets are blanked out
    /// of anything the server says.
    Result<void> deliver(HttpRequest request, const QString &label, const QStringList &secrets);

    HttpOptions m_options;
    const std::atomic_bool *m_cancel;
};

} // namespace Lectern
