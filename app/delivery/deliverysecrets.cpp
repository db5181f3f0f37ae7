// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/deliverysecrets.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace Lectern {

DeliverySecrets::DeliverySecrets(QString keyFile, KeyringLookup keyring)
    : m_keyFile(std::move(keyFile))
    , m_keyring(std::move(keyring))
{ }

QString DeliverySecrets::keyName(Secret secret)
{
    switch (secret) {
    case Secret::SmtpPassword:
        return QStringLiteral("smtp-password");
    case Secret::MatrixToken:
        return QStringLiteral("matrix-token");
    case Secret::SlackWebhookUrl:
        return QStringLiteral("slack-webhook-url");
    case Secret::WebhookUrl:
        return QStringLiteral("webhook-url");
    }
    return {};
}

QString DeliverySecrets::environmentVariable(Secret secret)
{
    return QStringLiteral("LECTERN_") + keyName(secret).toUpper().replace(u'-', u'_');
}

namespace {

DeliverySecrets::KeyringLookup &keyringReader()
{
    static DeliverySecrets::KeyringLookup reader;
    return reader;
}

} // namespace

void DeliverySecrets::setKeyringReader(KeyringLookup reader)
{
    keyringReader() = std::move(reader);
}

DeliverySecrets::KeyringLookup DeliverySecrets::keyringFor(const QString &keyFile)
{
    if (!keyringReader())
        return {};
    const DeliverySecrets withoutKeyring(keyFile);
    QHash<int, QString> found;
    for (const Secret secret :
        {Secret::SmtpPassword, Secret::MatrixToken, Secret::SlackWebhookUrl, Secret::WebhookUrl}) {
        if (!withoutKeyring.find(secret).value.isEmpty())
            continue;
        if (const QString value = keyringReader()(secret); !value.isEmpty())
            found.insert(int(secret), value);
    }
    return [found](Secret secret) { return found.value(int(secret)); };
}

DeliverySecrets::Found DeliverySecrets::find(Secret secret) const
{
    const QString variable = environmentVariable(secret);
    const QString fromEnvironment = QProcessEnvironment::systemEnvironment().value(variable).trimmed();
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment,
            QCoreApplication::translate("Lectern::DeliverySecrets", "environment variable %1").arg(variable),
            {}};
    Found found = fromKeyFile(secret);
    if (!found.value.isEmpty())
        return found;
    // Last: a key file without the secret, or one refused, leaves it to the keyring.
    if (m_keyring) {
        const QString stored = m_keyring(secret).trimmed();
        if (!stored.isEmpty())
            return {stored, QCoreApplication::translate("Lectern::DeliverySecrets", "the keyring"), {}};
    }
    return found;
}

DeliverySecrets::Found DeliverySecrets::fromKeyFile(Secret secret) const
{
    Found found;
    if (m_keyFile.isEmpty() || !QFileInfo::exists(m_keyFile))
        return found;

    found.origin = QCoreApplication::translate("Lectern::DeliverySecrets", "the key file %1").arg(m_keyFile);
    // As libpq treats ~/.pgpass: a file others can read (or change) is not a secret any more.
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
        QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (QFile::permissions(m_keyFile) & others) {
        found.problem = QCoreApplication::translate("Lectern::DeliverySecrets",
            "The key file %1 can be read by others; it is ignored until only you "
            "can read it (chmod 600 %1)")
                            .arg(m_keyFile);
        return found;
    }
    QFile file(m_keyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        found.problem =
            QCoreApplication::translate("Lectern::DeliverySecrets", "The key file %1 cannot be read: %2")
                .arg(m_keyFile, file.errorString());
        return found;
    }
    const QString wanted = keyName(secret);
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0 && line.left(equals).trimmed() == wanted) {
            found.value = line.mid(equals + 1).trimmed();
            return found;
        }
    }
    found.origin.clear();
    return found;
}

} // namespace Lectern
