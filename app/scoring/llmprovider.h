// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "scoring/llmconfig.h"
#include "scoring/scoringprovider.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Lectern {

/// What the LLM providers share: one request per batch sent with the LLM retry rule, a refusal that names
/// the model's output limit answered by asking again within it, the reply parsed as JSON, failures turned
/// into messages a user can act on (Llm::setFailure), and the reading of the verdicts out of the reply's
/// text or structured output. OpenAiProvider and AnthropicProvider supply only the endpoint, the headers,
/// the request body and where a reply keeps its usage and text.
class LlmProvider : public ScoringProvider
{
public:
    /// What a request asks for: marks for the papers, or the title pre-filter's list of ids to keep.
    enum class Purpose { Scores, TitleFilter };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    [[nodiscard]] QString model() const override { return m_config.model; }
    [[nodiscard]] BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override;
    [[nodiscard]] bool supportsTitleFilter() const override { return true; }
    [[nodiscard]] BatchResult filterTitles(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override;

    [[nodiscard]] const LlmConfig &config() const { return m_config; }
    /// The request body for a batch (a provider batch's request carries the same).
    [[nodiscard]] virtual QJsonObject requestBody(const QList<Paper> &papers, const RenderedPrompt &prompt,
        Purpose purpose = Purpose::Scores) const = 0;
    /// Every request's headers, the key among them when it can travel in one.
    [[nodiscard]] virtual Headers headers() const = 0;

protected:
    /// @p path: the endpoint below the base URL; @p replyKind names a reply in messages ("Messages
    /// answer"); @p capRounds: the rounds within which an output-limit refusal is answered.
    LlmProvider(LlmConfig config, QString path, QString replyKind, int capRounds);

    /// Reads a reply the server accepted into @p result.
    virtual void readReply(
        const QJsonObject &reply, const QList<Paper> &papers, BatchResult &result, Purpose purpose) const = 0;
    /// A refusal the provider can answer by changing its request; true: send again (in round @p round).
    virtual bool adaptTo(
        const HttpResponse &response, const QJsonObject &sent, int round, BatchResult &result);
    /// @p tokens within the model's output limit, once a refusal named it.
    [[nodiscard]] int withinOutputCap(int tokens) const;

    // The reading both reply formats share.
    static void setServerError(BatchResult &result, const QString &message);
    static void noteMissingUsage(BatchResult &result);
    static void noteTruncated(BatchResult &result);
    /// Notes the model's refusal; when the reply holds nothing else, sets the error and returns true.
    static bool noteRefusal(BatchResult &result, const QString &why, bool nothingElse);
    /// The verdicts of @p papers from @p structured output (a tool's input, when there is one) or else
    /// from the reply's @p text; a reply without them sets error.
    static void readVerdicts(const QList<Paper> &papers, Purpose purpose, const QString &text,
        const QJsonArray &structured, BatchResult &result);

    LlmConfig m_config;

private:
    [[nodiscard]] BatchResult send(const QList<Paper> &papers, const RenderedPrompt &prompt,
        const std::atomic_bool *cancel, Purpose purpose);

    QString m_path;
    QString m_replyKind;
    int m_capRounds;
    int m_outputCap = 0; ///< the model's output limit, once a refusal named it
};

} // namespace Lectern
