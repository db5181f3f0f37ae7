// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Entry points for the LLM providers: build one from the settings or from explicit values, and test a
// connection for the settings dialog. The scoring job's provider factory calls these.

#include "scoring/apikeysource.h"
#include "scoring/llmconfig.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <atomic>
#include <memory>

namespace Lectern {

class Settings;

/// Whether @p model takes OpenAI's reasoning_effort: the o-series and the gpt-5 family (not its chat
/// variants). Router prefixes ("openai/gpt-5-mini") are ignored.
[[nodiscard]] bool isReasoningModel(const QString &model);

/// The reasoning_effort to send: the setting for OpenAI reasoning models, nothing otherwise (other
/// models and local servers refuse it or read other values).
[[nodiscard]] QString effectiveReasoningEffort(LlmKind kind, const QString &model, const QString &setting);

/// The configuration the settings describe (scoring/provider, its base URL and model, structured output,
/// reasoning effort) with the key from @p keys. An error for "builtin", or when a key is needed and
/// missing or unusable.
[[nodiscard]] Result<LlmConfig> llmConfigFromSettings(const Settings &settings, const ApiKeySource &keys);
/// The same for provider @p kind whatever scoring/provider says (a provider batch submitted before the
/// setting changed is still collected from its own provider).
[[nodiscard]] Result<LlmConfig> llmConfigFromSettings(
    const Settings &settings, const ApiKeySource &keys, LlmKind kind);

/// A provider for @p config, used as given. An error a user can act on when it cannot work: no model,
/// a bad URL, a missing key for OpenAI or Anthropic, a key that would travel unencrypted.
[[nodiscard]] Result<std::unique_ptr<ScoringProvider>> makeLlmProvider(const LlmConfig &config);

/// The same from explicit values; @p kind is "openai", "anthropic" or "local", and @p reasoningEffort is
/// passed through effectiveReasoningEffort().
[[nodiscard]] Result<std::unique_ptr<ScoringProvider>> makeLlmProvider(const QString &kind,
    const QUrl &baseUrl, const QString &model, const QString &apiKey, bool structuredOutput,
    const QString &reasoningEffort, const HttpOptions &http);

struct ConnectionTestResult
{
    bool ok = false;
    QString message; ///< one or two sentences for the settings dialog
    QStringList models; ///< the models the server lists, when it lists them
    bool modelListed = false; ///< the configured model is among them
    bool sampleScored = false; ///< the sample paper came back with valid scores
    TokenUsage sampleUsage;
    qint64 elapsedMs = 0;
};

/// Checks the base URL and key by listing the server's models (free), and with @p scoreSample also scores
/// one made-up paper (a few hundred tokens), which shows whether the server handles structured output.
[[nodiscard]] ConnectionTestResult testConnection(
    const LlmConfig &config, bool scoreSample, const std::atomic_bool *cancel = nullptr);

} // namespace Lectern
