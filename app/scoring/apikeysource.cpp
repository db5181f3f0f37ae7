// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikeysource.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace Lectern {

ApiKeySource::ApiKeySource(KeyringLookup keyring)
    : m_keyring(std::move(keyring))
{ }

QStringList ApiKeySource::environmentVariables(LlmKind kind)
{
    switch (kind) {
    case LlmKind::OpenAi:
        return {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("LECTERN_API_KEY")};
    case LlmKind::Anthropic:
        return {QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("LECTERN_API_KEY")};
    case LlmKind::Local:
        return {QStringLiteral("LECTERN_API_KEY")};
    }
    return {};
}

bool ApiKeySource::isUsable(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

ApiKeySource::Key ApiKeySource::find(LlmKind kind) const
{
    const auto checked = [](const QString &raw, const QString &origin) {
        Key k;
        k.origin = origin;
        const QString value = raw.trimmed();
        if (isUsable(value))
            k.value = value;
        else
            k.problem = QCoreApplication::translate(
                "Lectern::ApiKeySource", "The key in %1 contains spaces or characters that cannot be sent")
                            .arg(origin);
        return k;
    };
    if (m_keyring) {
        const QString stored = m_keyring(kind);
        if (!stored.trimmed().isEmpty())
            return checked(stored, QStringLiteral("the keyring"));
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environmentVariables(kind)) {
        const QString value = env.value(name);
        if (!value.trimmed().isEmpty())
            return checked(value, QStringLiteral("environment variable %1").arg(name));
    }
    return {};
}

} // namespace Lectern
