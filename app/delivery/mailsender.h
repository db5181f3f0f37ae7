// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/mailmessage.h"
#include "util/result.h"

#include <QString>

#include <atomic>

namespace Lectern {

/// Where and how mail leaves: an SMTP server reached through libcurl.
struct MailServer
{
    QString url; ///< smtp://host[:port] (STARTTLS) or smtps://host[:port] (TLS from the start)
    QString user; ///< empty: no authentication
    QString password;
    /// smtp:// must upgrade with STARTTLS (CURLUSESSL_ALL); off only for a server on this machine.
    bool requireTls = true;
    QString caFile; ///< the CA that signed a lab server's own certificate; empty: the system's
    int connectTimeoutMs = 15000;
    int timeoutMs = 120000; ///< the whole conversation
};

/// Sends MailMessages over SMTP with libcurl: TLS (STARTTLS required, or implicit TLS), AUTH with the
/// user's password, and the body built with curl's MIME API as multipart/alternative of text/plain and
/// text/html (UTF-8, quoted-printable). Blocking, cancellable through the flag; for worker threads.
class MailSender final
{
public:
    explicit MailSender(const std::atomic_bool *cancel = nullptr);

    /// Refuses a server URL it would not use (another scheme, no host, plain SMTP to another machine, a
    /// password in the URL); the message says what to change.
    [[nodiscard]] static Result<void> check(const MailServer &server);
    /// Sends @p message; an error names the server (no user info) and the cause, never the password.
    [[nodiscard]] Result<void> send(const MailServer &server, const MailMessage &message) const;

private:
    const std::atomic_bool *m_cancel;
};

} // namespace Lectern
