// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/llmconfig.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Lectern {

/// Finds the API key for a provider. Order: the keyring (a lookup the UI layer installs; core has no
/// keyring), then the environment:
///   openai    OPENAI_API_KEY, then LECTERN_API_KEY
///   anthropic ANTHROPIC_API_KEY, then LECTERN_API_KEY
///   local     LECTERN_API_KEY only (a vendor's key is never sent to a server of the user's choosing)
/// Keys are never taken from a command line. A key with spaces inside or characters outside printable
/// ASCII is refused: it would be wrong, or split the request header.
class ApiKeySource final
{
public:
    /// Returns the stored key for a provider, or an empty string.
    using KeyringLookup = std::function<QString(LlmKind)>;

    struct Key
    {
        QString value; ///< empty when none was found
        QString origin; ///< "the keyring", "environment variable OPENAI_API_KEY": for messages, never the key
        QString problem; ///< why a key that was found cannot be used
    };

    ApiKeySource() = default;
    explicit ApiKeySource(KeyringLookup keyring);

    [[nodiscard]] Key find(LlmKind kind) const;
    /// The environment variables read for @p kind, in order.
    [[nodiscard]] static QStringList environmentVariables(LlmKind kind);
    /// A key fit for an HTTP header: printable ASCII, no spaces.
    [[nodiscard]] static bool isUsable(const QString &key);

private:
    KeyringLookup m_keyring;
};

} // namespace Lectern
