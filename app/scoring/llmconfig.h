// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace Lectern {

/// Which wire format a provider speaks. Local is the OpenAI format against a server on the user's side
/// (Ollama, llama.cpp server, vLLM): no key needed, no OpenAI-only parameters.
enum class LlmKind { OpenAi, Anthropic, Local };

/// "openai", "anthropic", "local" (the values of the scoring/provider setting).
[[nodiscard]] QString llmKindName(LlmKind kind);
[[nodiscard]] std::optional<LlmKind> parseLlmKind(QStringView name);
/// "OpenAI", "Anthropic", "the local server": for messages.
[[nodiscard]] QString llmKindLabel(LlmKind kind);

/// HTTP options for LLM requests: a transfer timeout long enough for a reasoning model that thinks in
/// silence (replies are not streamed, so nothing arrives until the answer is complete), four attempts,
/// backoff from 1 s, Retry-After honoured up to 2 minutes.
[[nodiscard]] HttpOptions llmHttpOptions();

/// Everything a provider needs to talk to one model.
struct LlmConfig
{
    LlmKind kind = LlmKind::OpenAi;
    QUrl baseUrl; ///< up to and including the version: https://api.openai.com/v1, http://localhost:11434/v1
    QString model;
    /// Sent only in a request header (Authorization or x-api-key); never logged, never in a message.
    QString apiKey;
    /// Ask for schema-constrained output (OpenAI json_schema strict, Anthropic forced tool use). Off for
    /// servers that lack it; the reply is then read as JSON lines or JSON in text.
    bool structuredOutput = true;
    /// OpenAI reasoning_effort ("minimal", "low", "medium", "high"); empty: not sent.
    QString reasoningEffort;
    /// Output token limit per request; 0: sized for the batch.
    int maxOutputTokens = 0;
    HttpOptions http = llmHttpOptions();
};

} // namespace Lectern
