// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pieces shared by the OpenAI and Anthropic providers: request sizing, the reply schema, and the reading
// of error replies. Internal to app/scoring.

#include "net/httpclient.h"
#include "scoring/llmconfig.h"
#include "scoring/scoringprovider.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace Lectern::Llm {

/// Name of the array in the structured reply, and of the Anthropic tool that carries it.
inline constexpr QLatin1StringView ScoresKey {"papers"};
inline constexpr QLatin1StringView ScoresTool {"record_scores"};

/// Name of the title pre-filter's id list, and of the structured-output schema that carries it.
inline constexpr QLatin1StringView KeepKey {"keep"};
inline constexpr QLatin1StringView TitleFilterSchemaName {"title_filter"};
inline constexpr QLatin1StringView TitleFilterTool {"record_titles_to_keep"};

/// {"keep": [id, ...]}, the title pre-filter's reply.
[[nodiscard]] QJsonObject titleFilterSchema();

/// Output tokens to allow for a title pre-filter batch: an id is about 8 tokens, plus room for reasoning.
[[nodiscard]] int titleFilterTokenBudget(int papers, const QString &reasoningEffort, int configured);

/// {"papers": [{ARXIVID, COMMENT, RELEVANCE, NOVELTY}]}, every property required, nothing else allowed
/// (what OpenAI's strict mode demands).
[[nodiscard]] QJsonObject scoresSchema();

/// Output tokens to allow for a batch: the compact reply per paper, plus room for reasoning.
[[nodiscard]] int outputTokenBudget(int papers, const QString &reasoningEffort, int configured);

/// @p base with @p path appended ("https://api.openai.com/v1" + "chat/completions").
[[nodiscard]] QUrl endpoint(const QUrl &base, QStringView path);

/// The error object of a failed reply, as OpenAI ({"error": {...}}), Anthropic ({"type": "error",
/// "error": {...}}) and OpenAI-compatible servers ({"error": "text"}) send it.
struct ApiError
{
    QString type;
    QString code;
    QString param;
    QString message;
};
[[nodiscard]] ApiError apiError(const QByteArray &body);

/// The output limit a 400 reply names when the request asked for more than the model can give
/// ("max_tokens: 99999 > 64000", "supports at most 16384 completion tokens").
[[nodiscard]] std::optional<int> outputLimitFrom(const HttpResponse &response);

/// The account is out of credit or over its spending limit: retrying cannot help.
[[nodiscard]] bool isQuotaExhausted(const HttpResponse &response);

/// Retry rule for LLM APIs: x-should-retry when the server sends it; never when out of credit; otherwise
/// connection errors, 408, 409, 429 and 5xx (529 "overloaded" included).
[[nodiscard]] bool shouldRetry(const HttpResponse &response);

/// @p text with every occurrence of the key replaced, control characters removed and length capped:
/// server messages go to the user and the log, the key never does.
[[nodiscard]] QString sanitised(QString text, const QString &apiKey, int maxChars = 300);
/// The same for text from the server at @p config: its key, and the secrets its base URL may carry (a
/// gateway's user info and query), which a server may quote back.
[[nodiscard]] QString sanitised(QString text, const LlmConfig &config, int maxChars = 300);
/// @p text with @p config's key and base URL secrets removed, and nothing else changed: for messages that
/// were already sanitised without knowing the connection (the static reply readers).
[[nodiscard]] QString withoutSecrets(QString text, const LlmConfig &config);

/// Usage as a server reported it, made consistent: no negative counts, no more cached tokens than prompt
/// tokens, no more reasoning tokens than completion tokens.
void clampUsage(TokenUsage &usage);

/// The model name a reply reports, kept printable and short; @p fallback when it names none.
[[nodiscard]] QString replyModel(const QJsonValue &value, const QString &fallback);

/// Fills @p result for a request that got no usable reply: a message that says what to do, and whether
/// the whole run must stop.
void setFailure(BatchResult &result, const HttpResponse &response, const LlmConfig &config);

/// Sends @p request with the LLM retry rule, noting each retry in @p result's warnings and each 429 in
/// its rate-limit info.
[[nodiscard]] HttpResponse send(
    HttpRequest request, const LlmConfig &config, const std::atomic_bool *cancel, BatchResult &result);

} // namespace Lectern::Llm
