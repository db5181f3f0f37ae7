// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/mailmessage.h"

#include <QLocale>
#include <QRegularExpression>

namespace Lectern {

bool MailMessage::isAddress(const QString &address)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^[^\s<>@,;:"()\[\]\\]+@[^\s<>@,;:"()\[\]\\]+$)"));
    return pattern.match(address).hasMatch();
}

QByteArray MailMessage::encodedHeader(const QString &text)
{
    bool plain = true;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
            plain = false;
    }
    if (plain)
        return text.toLatin1();
    // Encoded words of at most 45 bytes of UTF-8 each (75 characters once encoded), split between
    // characters: a word must decode on its own.
    QByteArray out;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += ' ';
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        QString character = text.mid(i, length);
        // Line breaks would end the header: a space instead.
        if (character == u"\r" || character == u"\n")
            character = QStringLiteral(" ");
        const QByteArray bytes = character.toUtf8();
        if (chunk.size() + bytes.size() > 45)
            flush();
        chunk += bytes;
        i += length - 1;
    }
    flush();
    return out;
}

QList<QByteArray> MailMessage::headers() const
{
    // RFC 5322 dates are English whatever the locale.
    const QString dateText =
        QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")) +
        QStringLiteral(" +0000");
    return {"Date: " + dateText.toLatin1(), "From: " + from.toLatin1(), "To: " + to.join(u", ").toLatin1(),
        "Subject: " + encodedHeader(subject), "Message-ID: <" + messageId.toLatin1() + '>'};
}

} // namespace Lectern
