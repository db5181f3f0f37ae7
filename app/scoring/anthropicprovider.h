// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/llmprovider.h"

#include <QJsonObject>

namespace Lectern {

/// Scores batches through Anthropic's Messages API. The system prompt is the system block; the user turn
/// holds the static instructions in a block marked for prompt caching (cache_control ephemeral) and the
/// papers in a second block after it. Structured output is a forced tool call whose input is the scores
/// array; with structured output off, the reply's text is read as JSON lines or JSON. A refusal that
/// names the model's output limit is answered by asking again within it.
class AnthropicProvider final : public LlmProvider
{
public:
    static constexpr const char *ApiVersion = "2023-06-01";

    explicit AnthropicProvider(LlmConfig config);

    /// The Messages request body for a batch (the params of a Message Batches request too).
    [[nodiscard]] QJsonObject requestBody(const QList<Paper> &papers, const RenderedPrompt &prompt,
        Purpose purpose = Purpose::Scores) const override;
    /// x-api-key, anthropic-version and Content-Type.
    [[nodiscard]] Headers headers() const override;
    /// Reads a Messages reply into @p result: scores, usage with cache reads and writes, truncation, refusal.
    /// For the title pre-filter, the items are the papers kept (no marks); a reply without a complete
    /// list of ids sets error, so that the caller keeps the batch.
    static void readMessage(const QJsonObject &message, const QList<Paper> &papers, BatchResult &result,
        Purpose purpose = Purpose::Scores);

protected:
    void readReply(const QJsonObject &reply, const QList<Paper> &papers, BatchResult &result,
        Purpose purpose) const override;
};

} // namespace Lectern
