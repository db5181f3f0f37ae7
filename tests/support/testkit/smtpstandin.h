// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace Lectern::Test {

/// The loopback SMTP server of the delivery tests (tests/delivery/smtpstandin.py, Python 3 stdlib): one
/// user and password accepted through AUTH PLAIN or LOGIN, STARTTLS or TLS from the first byte when given
/// a certificate. It lives as long as this object (it stops when its stdin closes); port() is 0 when it
/// did not start.
class SmtpStandIn final
{
public:
    struct Options
    {
        bool startTls = true; ///< offer STARTTLS (needs the certificate)
        bool implicitTls = false;
        QString user = QStringLiteral("lab");
        QString password;
        QString auth = QStringLiteral("PLAIN LOGIN");
    };

    /// @p cert and @p key: PEM files for STARTTLS or implicit TLS; without them the server speaks plain
    /// SMTP only.
    explicit SmtpStandIn(const Options &options, const QString &cert = {}, const QString &key = {});
    ~SmtpStandIn();
    SmtpStandIn(const SmtpStandIn &) = delete;
    SmtpStandIn &operator=(const SmtpStandIn &) = delete;

    /// The script, for a test's check that it exists.
    [[nodiscard]] static QString script();
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString url(const QString &scheme = QStringLiteral("smtp")) const;
    /// What Python's email module read in each message received, in order.
    [[nodiscard]] QList<QJsonObject> messages() const;
    /// The bytes of message @p n (from 1) as received.
    [[nodiscard]] QByteArray raw(int n) const;
    [[nodiscard]] QString errors();

private:
    QTemporaryDir m_out;
    QProcess m_process;
    int m_port = 0;
};

/// The leaf part of @p type (e.g. "text/plain") in a message read by the stand-in.
[[nodiscard]] QString partText(const QJsonObject &message, const QString &type);

} // namespace Lectern::Test
