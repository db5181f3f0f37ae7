// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/llmprovider.h"

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
class OpenAiProvider final : public LlmProvider
{
public:
    explicit OpenAiProvider(LlmConfig config);

    /// The Chat Completions request body for a batch (the body of a Batch API line too).
    [[nodiscard]] QJsonObject requestBody(const QList<Paper> &papers, const RenderedPrompt &prompt,
        Purpose purpose = Purpose::Scores) const override;
    /// Content-Type, and the key as a bearer token when there is one.
    [[nodiscard]] Headers headers() const override;
    /// Reads a chat.completion object into @p result: scores, usage, truncation, refusal.
    /// For the title pre-filter, the items are the papers kept (no marks); a reply without a complete
    /// list of ids (none found, or cut off) sets error, so that the caller keeps the batch.
    static void readCompletion(const QJsonObject &completion, const QList<Paper> &papers, BatchResult &result,
        Purpose purpose = Purpose::Scores);

protected:
    void readReply(const QJsonObject &reply, const QList<Paper> &papers, BatchResult &result,
        Purpose purpose) const override;
    /// A compatible server that rejects an optional parameter gets the request again without it.
    bool adaptTo(
        const HttpResponse &response, const QJsonObject &sent, int round, BatchResult &result) override;

private:
    QSet<QString> m_refused; ///< optional parameters this server rejected
};

} // namespace Lectern
