// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/mailsender.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>

#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace Lectern {

namespace {

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/// The server as a message names it: scheme, host and port, never user info.
QString serverName(const QString &url)
{
    const QUrl parsed(url);
    QUrl shown;
    shown.setScheme(parsed.scheme());
    shown.setHost(parsed.host());
    shown.setPort(parsed.port());
    return shown.toString();
}

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
    void operator()(curl_mime *mime) const { curl_mime_free(mime); }
};

int progressCallback(void *cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *flag = static_cast<const std::atomic_bool *>(cancel);
    return flag && *flag ? 1 : 0; // non-zero aborts the transfer
}

/// What went wrong, in the user's terms; curl's own detail (its error buffer) is added when it says more.
QString explain(CURLcode code, const MailServer &server)
{
    const QString where = serverName(server.url);
    switch (code) {
    case CURLE_LOGIN_DENIED:
        return QCoreApplication::translate(
            "Lectern::MailSender", "the server %1 refused the user name or password (user %2)")
            .arg(where, server.user);
    case CURLE_USE_SSL_FAILED:
        return QCoreApplication::translate("Lectern::MailSender",
            "the server %1 does not offer STARTTLS and TLS is required; use smtps:// or "
            "a server that offers TLS")
            .arg(where);
    case CURLE_COULDNT_CONNECT:
        return QCoreApplication::translate(
            "Lectern::MailSender", "could not connect to %1 (is the server running, is the port right?)")
            .arg(where);
    case CURLE_COULDNT_RESOLVE_HOST:
        return QCoreApplication::translate("Lectern::MailSender", "the host of %1 was not found").arg(where);
    case CURLE_OPERATION_TIMEDOUT:
        return QCoreApplication::translate("Lectern::MailSender", "%1 did not answer in time").arg(where);
    case CURLE_PEER_FAILED_VERIFICATION:
        return QCoreApplication::translate("Lectern::MailSender",
            "the certificate of %1 could not be verified (a server with its own "
            "certificate needs delivery/email/caFile)")
            .arg(where);
    case CURLE_SSL_CACERT_BADFILE:
        return QCoreApplication::translate("Lectern::MailSender", "the CA file %1 cannot be read")
            .arg(server.caFile);
    case CURLE_SSL_CONNECT_ERROR:
        return QCoreApplication::translate("Lectern::MailSender", "the TLS handshake with %1 failed")
            .arg(where);
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return QCoreApplication::translate("Lectern::MailSender", "the connection to %1 broke off")
            .arg(where);
    case CURLE_ABORTED_BY_CALLBACK:
        return QCoreApplication::translate("Lectern::MailSender", "cancelled");
    default:
        return QCoreApplication::translate("Lectern::MailSender", "%1 failed: %2")
            .arg(where, QString::fromUtf8(curl_easy_strerror(code)));
    }
}

QByteArray crlf(const QString &text)
{
    QString lines = text;
    lines.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    return lines.replace(u'\n', QStringLiteral("\r\n")).toUtf8();
}

} // namespace

MailSender::MailSender(const std::atomic_bool *cancel)
    : m_cancel(cancel)
{ }

Result<void> MailSender::check(const MailServer &server)
{
    const QUrl url(server.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (server.url.isEmpty())
        return Error {QStringLiteral(
            "No SMTP server is set (delivery/email/server, e.g. smtp://mail.example.org:587)")};
    if (!url.isValid() || (scheme != u"smtp" && scheme != u"smtps") || url.host().isEmpty())
        return Error {QCoreApplication::translate(
            "Lectern::MailSender", "The SMTP server %1 is not an smtp:// or smtps:// URL with a host")
                          .arg(serverName(server.url))};
    if (!url.userInfo().isEmpty())
        return Error {QCoreApplication::translate("Lectern::MailSender",
            "The SMTP server URL holds a user name or password; put the user in "
            "delivery/email/user and the password in the key file")};
    if (scheme == u"smtp" && !server.requireTls && !isLoopback(url.host()))
        return Error {QCoreApplication::translate("Lectern::MailSender",
            "Plain SMTP without TLS is only allowed to a server on this machine; "
            "%1 needs delivery/email/requireTls on")
                          .arg(serverName(server.url))};
    if (!server.user.isEmpty() && server.password.isEmpty())
        return Error {QCoreApplication::translate("Lectern::MailSender",
            "No SMTP password for user %1 (smtp-password in the key file, or "
            "LECTERN_SMTP_PASSWORD)")
                          .arg(server.user)};
    return {};
}

Result<void> MailSender::send(const MailServer &server, const MailMessage &message) const
{
    if (auto checked = check(server); !checked)
        return checked;
    if (!MailMessage::isAddress(message.from))
        return Error {QCoreApplication::translate(
            "Lectern::MailSender", "The sender address \"%1\" is not an e-mail address")
                          .arg(message.from)};
    if (message.to.isEmpty())
        return Error {QCoreApplication::translate("Lectern::MailSender", "No recipient (delivery/email/to)")};
    for (const QString &to : message.to) {
        if (!MailMessage::isAddress(to))
            return Error {QCoreApplication::translate(
                "Lectern::MailSender", "The recipient \"%1\" is not an e-mail address")
                              .arg(to)};
    }

    initialiseCurlOnce();
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return Error {QCoreApplication::translate("Lectern::MailSender", "libcurl could not be initialised")};
    CURL *c = curl.get();
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = server.url.toUtf8();
    const QByteArray user = server.user.toUtf8();
    const QByteArray password = server.password.toUtf8();
    const QByteArray caFile = server.caFile.toUtf8();
    const QByteArray from = '<' + message.from.toLatin1() + '>';

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); // worker threads: no SIGALRM for timeouts
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(server.connectTimeoutMs));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(server.timeoutMs));
    // smtp:// must upgrade to TLS unless the user turned that off for a server on this machine (check()).
    curl_easy_setopt(c, CURLOPT_USE_SSL, server.requireTls ? long(CURLUSESSL_ALL) : long(CURLUSESSL_NONE));
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    std::unique_ptr<curl_slist, CurlDeleter> recipients;
    for (const QString &to : message.to) {
        const QByteArray address = '<' + to.toLatin1() + '>';
        recipients.reset(curl_slist_append(recipients.release(), address.constData()));
    }
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());

    std::unique_ptr<curl_slist, CurlDeleter> headers;
    QList<QByteArray> lines = message.headers();
    // The top level's type: curl's MIME API writes its own boundary after it (otherwise multipart/mixed).
    lines << QByteArrayLiteral("Content-Type: multipart/alternative");
    for (const QByteArray &line : std::as_const(lines))
        headers.reset(curl_slist_append(headers.release(), line.constData()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

    // multipart/alternative: text, then HTML, so that a client shows the last part it can.
    std::unique_ptr<curl_mime, CurlDeleter> mime(curl_mime_init(c));
    // Mail lines end in CRLF; curl's quoted-printable encoder would spell a bare LF as "=0A".
    const QByteArray text = crlf(message.text);
    const QByteArray html = crlf(message.html);
    curl_mimepart *part = curl_mime_addpart(mime.get());
    curl_mime_data(part, text.constData(), size_t(text.size()));
    curl_mime_type(part, "text/plain; charset=utf-8");
    curl_mime_encoder(part, "quoted-printable");
    part = curl_mime_addpart(mime.get());
    curl_mime_data(part, html.constData(), size_t(html.size()));
    curl_mime_type(part, "text/html; charset=utf-8");
    curl_mime_encoder(part, "quoted-printable");
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progressCallback);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic_bool *>(m_cancel));

    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK)
        return {};
    QString detail = QString::fromUtf8(errorBuffer).trimmed();
    QString message_ = explain(code, server);
    // curl's detail may quote the server's reply; never the password or the URL's user info.
    if (!detail.isEmpty() && !message_.contains(detail)) {
        if (!server.password.isEmpty())
            detail.replace(server.password, QStringLiteral("…"));
        message_ += QStringLiteral(" (%1)").arg(detail);
    }
    return Error {QCoreApplication::translate("Lectern::MailSender", "E-mail not sent: %1").arg(message_)};
}

} // namespace Lectern
