// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/llmconfig.h"
#include "scoring/scoringprovider.h"

#include <QJsonObject>
#include <QSet>

namespace Lectern {

/// Scores batches through the Chat Completions API: OpenAI itself and the servers that speak its format
/// (Ollama, llama.cpp server, vLLM, OpenRouter). The system prompt goes first and the user message holds
/// the static instructions before the papers, so that automatic prompt caching covers the shared part.
/// Structured output (json_schema, strict) unless turned off; any reply is validated by ScoreReplyParser.
/// A server that rejects an optional parameter (reasoning_effort, response_format, prompt_cache_key,
/// temperature, max_completion_tokens) once gets the request again without it, and never again after;
/// one that names the model's output limit gets it again within that limit.
class OpenAiProvider final : public ScoringProvider
{
public:
    explicit OpenAiProvider(LlmConfig config);

    [[nodiscard]] QString model() const override { return m_config.model; }
    [[nodiscard]] BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override;

    [[nodiscard]] const LlmConfig &config() const { return m_config; }
    /// The Chat Completions request body for a batch (the body of a Batch API line too).
    [[nodiscard]] QJsonObject requestBody(const QList<Paper> &papers, const RenderedPrompt &prompt) const;
    /// Content-Type, and the key as a bearer token when there is one.
    [[nodiscard]] QList<std::pair<QByteArray, QByteArray>> headers() const;
    /// Reads a chat.completion object into @p result: scores, usage, truncation, refusal.
    static void readCompletion(
        const QJsonObject &completion, const QList<Paper> &papers, BatchResult &result);

private:
    LlmConfig m_config;
    QSet<QString> m_refused; ///< optional parameters this server rejected
    int m_outputCap = 0; ///< the model's output limit, once a refusal named it
};

} // namespace Lectern
