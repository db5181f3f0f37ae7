// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmconfig.h"

#include <QCoreApplication>

namespace Lectern {

HttpOptions llmHttpOptions()
{
    HttpOptions o;
    o.userAgent = HttpClient::userAgentFor(QString());
    o.timeoutMs = 300000;
    o.maxAttempts = 4;
    o.initialBackoffMs = 1000;
    o.maxBackoffMs = 60000;
    o.maxRetryAfterMs = 120000;
    o.maxBytes = 8ll * 1024 * 1024;
    return o;
}

QString llmKindName(LlmKind kind)
{
    switch (kind) {
    case LlmKind::OpenAi:
        return QStringLiteral("openai");
    case LlmKind::Anthropic:
        return QStringLiteral("anthropic");
    case LlmKind::Local:
        return QStringLiteral("local");
    }
    return {};
}

std::optional<LlmKind> parseLlmKind(QStringView name)
{
    for (const LlmKind k : {LlmKind::OpenAi, LlmKind::Anthropic, LlmKind::Local}) {
        if (name.trimmed().compare(llmKindName(k), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QString llmKindLabel(LlmKind kind)
{
    switch (kind) {
    case LlmKind::OpenAi:
        return QStringLiteral("OpenAI");
    case LlmKind::Anthropic:
        return QStringLiteral("Anthropic");
    case LlmKind::Local:
        return QCoreApplication::translate("Lectern::LlmConfig", "The local server");
    }
    return {};
}

} // namespace Lectern
