// SPDX-License-Identifier: GPL-3.0-or-later
#include "anthropicprovider.h"

#include "net/safeurl.h"
#include "scoring/apikeysource.h"
#include "scoring/llmcommon.h"
#include "scoring/scorereplyparser.h"
#include "scoring/titlereplyparser.h"
#include "util/logging.h"

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
    : m_config(std::move(config))
{ }

QList<std::pair<QByteArray, QByteArray>> AnthropicProvider::headers() const
{
    QList<std::pair<QByteArray, QByteArray>> h {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
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
    int maxTokens = titles
        ? Llm::titleFilterTokenBudget(int(papers.size()), QString(), m_config.maxOutputTokens)
        : Llm::outputTokenBudget(int(papers.size()), QString(), m_config.maxOutputTokens);
    if (m_outputCap > 0)
        maxTokens = std::min(maxTokens, m_outputCap);
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

BatchResult AnthropicProvider::scoreBatch(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel)
{
    return send(papers, prompt, cancel, Purpose::Scores);
}

BatchResult AnthropicProvider::filterTitles(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel)
{
    return send(papers, prompt, cancel, Purpose::TitleFilter);
}

BatchResult AnthropicProvider::send(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel, Purpose purpose)
{
    BatchResult result;
    result.model = m_config.model;
    if (papers.isEmpty())
        return result;
    if (cancel && *cancel) {
        result.error = QStringLiteral("Cancelled");
        return result;
    }
    HttpRequest request;
    request.url = Llm::endpoint(m_config.baseUrl, u"messages");
    request.method = QByteArrayLiteral("POST");
    request.headers = headers();
    HttpResponse response;
    for (int round = 0;; ++round) {
        const QJsonObject body = requestBody(papers, prompt, purpose);
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        response = Llm::send(request, m_config, cancel, result);
        if (response.ok())
            break;
        // Asked for more output than the model can give: once more within its limit.
        const auto cap = Llm::outputLimitFrom(response);
        if (cap && *cap < body.value(QStringLiteral("max_tokens")).toInt() && round < 2) {
            m_outputCap = *cap;
            result.warnings << QStringLiteral(
                "The model gives at most %1 output tokens; sent again within that limit")
                                   .arg(*cap);
            continue;
        }
        Llm::setFailure(result, response, m_config);
        if (!response.cancelled)
            qCWarning(lcLlm).noquote() << result.error;
        return result;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        result.error = QStringLiteral("The reply from %1 is not a Messages answer (%2).")
                           .arg(SafeUrl::forDisplay(request.url), pe.errorString());
        return result;
    }
    readMessage(doc.object(), papers, result, purpose);
    qCDebug(lcLlm) << "batch of" << papers.size() << "scored" << result.items.size() << "with"
                   << result.usage.promptTokens << "+" << result.usage.completionTokens << "tokens";
    return result;
}

void AnthropicProvider::readMessage(
    const QJsonObject &message, const QList<Paper> &papers, BatchResult &result, Purpose purpose)
{
    const QLatin1StringView tool = purpose == Purpose::TitleFilter ? Llm::TitleFilterTool : Llm::ScoresTool;
    if (message.value(QStringLiteral("type")).toString() == u"error") {
        const QString text =
            message.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        result.error =
            QStringLiteral("The server answered with an error: %1").arg(Llm::sanitised(text, QString()));
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
        result.warnings << QStringLiteral(
            "The reply reports no token usage; this batch's tokens and cost are unknown");
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
    if (stop == u"max_tokens") {
        result.truncated = true;
        result.warnings << QStringLiteral(
            "The reply was cut off at the output limit; papers it did not reach are missing");
    }
    if (stop == u"refusal") {
        const QString why =
            text.trimmed().isEmpty() ? QStringLiteral("no reason given") : Llm::sanitised(text, QString());
        result.warnings << QStringLiteral("The model refused: %1").arg(why);
        if (toolInputs.isEmpty()) {
            result.error = QStringLiteral("The model refused to score this batch: %1").arg(why);
            return;
        }
    }

    if (purpose == Purpose::TitleFilter) {
        const TitleReplyParser titleParser(papers);
        const ParsedTitleVerdict verdict =
            toolInputs.isEmpty() ? titleParser.parseText(text) : titleParser.parseJson(toolInputs.first());
        result.warnings += verdict.warnings;
        if (result.truncated) {
            result.error = QStringLiteral("The title pre-filter's reply was cut off.");
        } else if (!verdict.found) {
            result.error = QStringLiteral("The title pre-filter's reply holds no list of ids: \"%1\"")
                               .arg(Llm::sanitised(text, QString(), 120));
        } else {
            for (const QString &id : verdict.keep)
                result.items << ScoredItem {id, std::nullopt, std::nullopt, QString()};
        }
        return;
    }
    const ScoreReplyParser parser(papers);
    const ParsedScores parsed = toolInputs.isEmpty() ? parser.parseText(text) : parser.parseJson(toolInputs);
    result.items = parsed.items;
    result.warnings += parsed.warnings;
    if (!parsed.foundJson && !result.truncated) {
        result.error = text.trimmed().isEmpty() ? QStringLiteral("The reply is empty.")
                                                : QStringLiteral("The reply holds no scores in JSON: \"%1\"")
                                                      .arg(Llm::sanitised(text, QString(), 120));
    }
}

} // namespace Lectern
