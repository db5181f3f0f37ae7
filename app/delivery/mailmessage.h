// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lectern {

/// One e-mail: the digest as plain text and as HTML, sent as multipart/alternative (MailSender).
struct MailMessage
{
    QString from;
    QStringList to;
    QString subject;
    QString text; ///< the text/plain part
    QString html; ///< the text/html part: self-contained, nothing remote
    QDateTime date;
    QString messageId; ///< without the angle brackets: "lectern.…@host"

    /// A bare address fit for SMTP and a header: one @, no spaces, no brackets, quotes, commas or line
    /// breaks (which would add a header or a recipient).
    [[nodiscard]] static bool isAddress(const QString &address);
    /// @p text as a header value: as it is when printable ASCII, else RFC 2047 encoded words (UTF-8,
    /// base64), each whole characters.
    [[nodiscard]] static QByteArray encodedHeader(const QString &text);
    /// The header lines (Date, From, To, Subject, Message-ID), without line ends.
    [[nodiscard]] QList<QByteArray> headers() const;
};

} // namespace Lectern
