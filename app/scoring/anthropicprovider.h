// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/llmconfig.h"
#include "scoring/scoringprovider.h"

#include <QJsonObject>

namespace Lectern {

/// Scores batches through Anthropic's Messages API. The system prompt is the system block; the user turn
/// holds the static instructions in a block marked for prompt caching (cache_control ephemeral) and the
/// papers in a second block after it. Structured output is a forced tool call whose input is the scores
/// array; with structured output off, the reply's text is read as JSON lines or JSON. A refusal that
/// names the model's output limit is answered by asking again within it.
class AnthropicProvider final : public ScoringProvider
{
public:
    static constexpr const char *ApiVersion = "2023-06-01";

    /// What a request asks for: marks for the papers, or the title pre-filter's list of ids to keep.
    enum class Purpose { Scores, TitleFilter };

    explicit AnthropicProvider(LlmConfig config);

    [[nodiscard]] QString model() const override { return m_config.model; }
    [[nodiscard]] BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override;
    [[nodiscard]] bool supportsTitleFilter() const override { return true; }
    [[nodiscard]] BatchResult filterTitles(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override;

    [[nodiscard]] const LlmConfig &config() const { return m_config; }
    /// The Messages request body for a batch (the params of a Message Batches request too).
    [[nodiscard]] QJsonObject requestBody(
        const QList<Paper> &papers, const RenderedPrompt &prompt, Purpose purpose = Purpose::Scores) const;
    /// x-api-key, anthropic-version and Content-Type.
    [[nodiscard]] QList<std::pair<QByteArray, QByteArray>> headers() const;
    /// Reads a Messages reply into @p result: scores, usage with cache reads and writes, truncation, refusal.
    /// For the title pre-filter, the items are the papers kept (no marks); a reply without a complete
    /// list of ids sets error, so that the caller keeps the batch.
    static void readMessage(const QJsonObject &message, const QList<Paper> &papers, BatchResult &result,
        Purpose purpose = Purpose::Scores);

private:
    [[nodiscard]] BatchResult send(const QList<Paper> &papers, const RenderedPrompt &prompt,
        const std::atomic_bool *cancel, Purpose purpose);

    LlmConfig m_config;
    int m_outputCap = 0; ///< the model's output limit, once a refusal named it
};

} // namespace Lectern
