// SPDX-License-Identifier: GPL-3.0-or-later
#include "anthropicprovider.h"

#include "scoring/apikeysource.h"
#include "scoring/llmcommon.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Lectern {

namespace {

QJsonObject textBlock(const QString &text, bool cached)
{
    QJsonObject block {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
    if (cached)
        block.insert(QStringLiteral("cache_control"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("ephemeral")}});
    return block;
}

} // namespace

AnthropicProvider::AnthropicProvider(LlmConfig config)
    : LlmProvider(std::move(config), QStringLiteral("messages"), QStringLiteral("Messages answer"), 2)
{ }

LlmProvider::Headers AnthropicProvider::headers() const
{
    Headers h {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("anthropic-version"), QByteArray(ApiVersion)}};
    // A key that could break the header line is not sent at all; the server's 401 then says so.
    if (ApiKeySource::isUsable(m_config.apiKey))
        h.append({QByteArrayLiteral("x-api-key"), m_config.apiKey.toLatin1()});
    return h;
}

QJsonObject AnthropicProvider::requestBody(
    const QList<Paper> &papers, const RenderedPrompt &prompt, Purpose purpose) const
{
    const bool titles = purpose == Purpose::TitleFilter;
    // Anthropic refuses empty text blocks, and the cache breakpoint goes on the last static block: it
    // covers the tool definition, the system prompt and the instructions, everything but the papers.
    const int maxTokens = withinOutputCap(titles
            ? Llm::titleFilterTokenBudget(int(papers.size()), QString(), m_config.maxOutputTokens)
            : Llm::outputTokenBudget(int(papers.size()), QString(), m_config.maxOutputTokens));
    QJsonArray content;
    if (!prompt.instructions.isEmpty())
        content.append(textBlock(prompt.instructions, true));
    content.append(textBlock(prompt.papers, false));

    QJsonObject body {{QStringLiteral("model"), m_config.model}, {QStringLiteral("max_tokens"), maxTokens},
        {QStringLiteral("messages"),
            QJsonArray {QJsonObject {
                {QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), content}}}},
        // The same paper should get the same marks on every run.
        {QStringLiteral("temperature"), 0}};
    if (!prompt.system.isEmpty())
        body.insert(
            QStringLiteral("system"), QJsonArray {textBlock(prompt.system, prompt.instructions.isEmpty())});

    if (m_config.structuredOutput && titles) {
        body.insert(QStringLiteral("tools"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QString(Llm::TitleFilterTool)},
                {QStringLiteral("description"),
                    QStringLiteral("Record the ids of the papers whose abstract is worth reading.")},
                {QStringLiteral("input_schema"), Llm::titleFilterSchema()}}});
        body.insert(QStringLiteral("tool_choice"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("tool")},
                {QStringLiteral("name"), QString(Llm::TitleFilterTool)}});
    } else if (m_config.structuredOutput) {
        body.insert(QStringLiteral("tools"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QString(Llm::ScoresTool)},
                {QStringLiteral("description"),
                    QStringLiteral("Record the relevance and novelty marks of every paper in the batch.")},
                {QStringLiteral("input_schema"), Llm::scoresSchema()}}});
        body.insert(QStringLiteral("tool_choice"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("tool")},
                {QStringLiteral("name"), QString(Llm::ScoresTool)}});
    }
    return body;
}

void AnthropicProvider::readReply(
    const QJsonObject &reply, const QList<Paper> &papers, BatchResult &result, Purpose purpose) const
{
    readMessage(reply, papers, result, purpose);
}

void AnthropicProvider::readMessage(
    const QJsonObject &message, const QList<Paper> &papers, BatchResult &result, Purpose purpose)
{
    const QLatin1StringView tool = purpose == Purpose::TitleFilter ? Llm::TitleFilterTool : Llm::ScoresTool;
    if (message.value(QStringLiteral("type")).toString() == u"error") {
        setServerError(result,
            message.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString());
        return;
    }
    result.model = Llm::replyModel(message.value(QStringLiteral("model")), result.model);

    const QJsonValue usageValue = message.value(QStringLiteral("usage"));
    if (usageValue.isObject()) {
        const QJsonObject u = usageValue.toObject();
        // input_tokens leaves out what was read from or written to the cache.
        const qint64 input = std::max<qint64>(0, u.value(QStringLiteral("input_tokens")).toInteger());
        const qint64 cacheRead =
            std::max<qint64>(0, u.value(QStringLiteral("cache_read_input_tokens")).toInteger());
        const qint64 cacheWrite =
            std::max<qint64>(0, u.value(QStringLiteral("cache_creation_input_tokens")).toInteger());
        result.usage.promptTokens = input + cacheRead + cacheWrite;
        result.usage.cachedPromptTokens = cacheRead;
        result.usage.cacheWriteTokens = cacheWrite;
        result.usage.completionTokens = u.value(QStringLiteral("output_tokens")).toInteger();
        Llm::clampUsage(result.usage);
    } else {
        noteMissingUsage(result);
    }

    QJsonArray toolInputs;
    QString text;
    for (const QJsonValue &v : message.value(QStringLiteral("content")).toArray()) {
        const QJsonObject block = v.toObject();
        const QString type = block.value(QStringLiteral("type")).toString();
        if (type == u"tool_use" && block.value(QStringLiteral("name")).toString() == tool)
            toolInputs.append(block.value(QStringLiteral("input")));
        else if (type == u"text")
            text += block.value(QStringLiteral("text")).toString() + u'\n';
    }

    const QString stop = message.value(QStringLiteral("stop_reason")).toString();
    if (stop == u"max_tokens")
        noteTruncated(result);
    if (stop == u"refusal") {
        const QString why = text.trimmed().isEmpty()
            ? QCoreApplication::translate("Lectern::LlmProvider", "no reason given")
            : Llm::sanitised(text, QString());
        if (noteRefusal(result, why, toolInputs.isEmpty()))
            return;
    }
    readVerdicts(papers, purpose, text, toolInputs, result);
}

} // namespace Lectern
