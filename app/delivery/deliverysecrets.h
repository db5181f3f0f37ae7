// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace Lectern {

/// The secrets the delivery channels need, found without ever touching the settings file, the database or
/// a command line. Order: the environment, the key file, then the system keyring (a lookup the UI layer
/// hands in: Settings ▸ Delivery stores them there; core has no keyring). The first that has the secret
/// wins, so a lab's systemd job with its environment file never depends on a desktop session's keyring:
///
///     # ~/.config/lectern/delivery-secrets (chmod 600), one "name = value" a line
///     smtp-password = …
///     matrix-token = …
///     slack-webhook-url = https://hooks.slack.com/services/…
///     webhook-url = https://example.org/hook?token=…
///
/// Like ~/.pgpass, a key file that others may read (or write) is refused with the chmod that fixes it.
class DeliverySecrets final
{
public:
    enum class Secret { SmtpPassword, MatrixToken, SlackWebhookUrl, WebhookUrl };
    /// The stored secret, or an empty string.
    using KeyringLookup = std::function<QString(Secret)>;

    struct Found
    {
        QString value; ///< empty when none was found
        QString origin; ///< "the keyring", "LECTERN_SMTP_PASSWORD", "the key file …": never the value
        QString problem; ///< why none can be used (a key file others can read)
    };

    explicit DeliverySecrets(QString keyFile, KeyringLookup keyring = {});

    [[nodiscard]] Found find(Secret secret) const;

    /// "smtp-password": the secret's name in the key file (and the keyring).
    [[nodiscard]] static QString keyName(Secret secret);
    /// "LECTERN_SMTP_PASSWORD".
    [[nodiscard]] static QString environmentVariable(Secret secret);
    [[nodiscard]] QString keyFile() const { return m_keyFile; }

    /// How this process reads one secret from the keyring (the command line's `deliver` and `run`): main()
    /// installs the UI layer's reader; without one there is no keyring.
    static void setKeyringReader(KeyringLookup reader);
    /// The keyring's secrets that the environment and @p keyFile lack, read now, on the calling thread
    /// (the delivery job's worker then only looks them up); none without a reader. A lab's job that has
    /// its secrets in its environment or key file never asks the keyring.
    [[nodiscard]] static KeyringLookup keyringFor(const QString &keyFile);

private:
    [[nodiscard]] Found fromKeyFile(Secret secret) const;

    QString m_keyFile;
    KeyringLookup m_keyring;
};

} // namespace Lectern
