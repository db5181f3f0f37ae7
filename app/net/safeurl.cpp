// SPDX-License-Identifier: GPL-3.0-or-later
#include "safeurl.h"

#include <QHostAddress>
#include <QUrlQuery>

#include <algorithm>

namespace Lectern {

QString SafeUrl::forDisplay(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString SafeUrl::redact(QString text, const QUrl &url)
{
    const QString safe = forDisplay(url);
    // Longest first, so that a full spelling is not left half-replaced by a shorter one.
    for (const QString &spelling : {url.toString(QUrl::FullyEncoded), url.toString(), url.toDisplayString(),
             url.toString(QUrl::RemoveUserInfo), url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded)}) {
        if (!spelling.isEmpty() && spelling != safe)
            text.replace(spelling, safe);
    }
    if (const QString query = url.query(QUrl::FullyEncoded); !query.isEmpty())
        text.replace(query, QStringLiteral("…"));
    if (const QString query = url.query(QUrl::PrettyDecoded); !query.isEmpty())
        text.replace(query, QStringLiteral("…"));
    // A server may quote one part on its own ("invalid api-key …"): the user info and every query value,
    // however spelled. Shorter ones are no secret worth the damage to the text.
    QStringList parts;
    for (const auto format : {QUrl::FullyDecoded, QUrl::FullyEncoded}) {
        parts << url.password(format) << url.userName(format);
        for (const auto &[name, value] : QUrlQuery(url).queryItems(format))
            parts << value;
    }
    std::sort(
        parts.begin(), parts.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &part : std::as_const(parts)) {
        if (part.size() >= 4)
            text.replace(part, QStringLiteral("…"));
    }
    return text;
}

bool SafeUrl::mayCarryKey(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return true;
    if (scheme != u"http")
        return false;
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace Lectern
