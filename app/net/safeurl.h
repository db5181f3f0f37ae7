// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Lectern {

/// URLs where secrets may ride along. A gateway URL such as https://gw/v1?api-key=… or https://user:pass@gw
/// carries a key in its query or user info; an API key in a header must only travel encrypted.
class SafeUrl final
{
public:
    /// The URL for an error message or a log line: no user info, no query, no fragment.
    [[nodiscard]] static QString forDisplay(const QUrl &url);
    /// @p text with every spelling of @p url in it (as Qt's own network errors quote it) replaced by
    /// forDisplay(url), and its user info and query values, quoted on their own, replaced by "…".
    [[nodiscard]] static QString redact(QString text, const QUrl &url);
    /// Whether an API key may be sent to @p url: https, or http to this machine (a local server).
    [[nodiscard]] static bool mayCarryKey(const QUrl &url);
};

} // namespace Lectern
