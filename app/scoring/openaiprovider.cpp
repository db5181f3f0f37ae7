// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaiprovider.h"

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

/// Optional request parameters a compatible server may not know; each can be dropped after a refusal.
const QStringList &optionalParameters()
{
    static const QStringList names {QStringLiteral("reasoning_effort"), QStringLiteral("response_format"),
        QStringLiteral("prompt_cache_key"), QStringLiteral("temperature"),
        QStringLiteral("max_completion_tokens")};
    return names;
}

/// The optional parameter a 400 reply complains about, if it names one that was sent.
QString refusedParameter(const HttpResponse &response, const QJsonObject &sent)
{
    if (response.status != 400)
        return {};
    const Llm::ApiError e = Llm::apiError(response.body);
    for (const QString &name : optionalParameters()) {
        if (!sent.contains(name))
            continue;
        if (e.param == name || e.param.startsWith(name + u'.'))
            return name;
        if (e.param.isEmpty() &&
            (e.message.contains(u'\'' + name + u'\'') || e.message.contains(u'`' + name + u'`') ||
                e.message.contains(u'"' + name + u'"')))
            return name;
    }
    return {};
}

/// Message content is a string, or (some compatible servers) an array of text parts.
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject o = part.toObject();
        if (o.value(QStringLiteral("text")).isString())
            text += o.value(QStringLiteral("text")).toString();
    }
    return text;
}

} // namespace

OpenAiProvider::OpenAiProvider(LlmConfig config)
    : m_config(std::move(config))
{ }

QList<std::pair<QByteArray, QByteArray>> OpenAiProvider::headers() const
{
    QList<std::pair<QByteArray, QByteArray>> h {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    // A key that could break the header line is not sent at all; the server's 401 then says so.
    if (ApiKeySource::isUsable(m_config.apiKey))
        h.append(
            {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_config.apiKey.toLatin1()});
    return h;
}

QJsonObject OpenAiProvider::requestBody(
    const QList<Paper> &papers, const RenderedPrompt &prompt, Purpose purpose) const
{
    const bool titles = purpose == Purpose::TitleFilter;
    QJsonArray messages;
    if (!prompt.system.isEmpty())
        messages.append(QJsonObject {
            {QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), prompt.system}});
    // Static instructions first, papers last: the shared prefix is what the provider caches.
    const QString user =
        prompt.instructions.isEmpty() ? prompt.papers : prompt.instructions + u"\n\n" + prompt.papers;
    messages.append(
        QJsonObject {{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), user}});

    QJsonObject body {{QStringLiteral("model"), m_config.model}, {QStringLiteral("messages"), messages}};
    const auto allowed = [this](const char *name) { return !m_refused.contains(QLatin1StringView(name)); };

    if (m_config.structuredOutput && allowed("response_format")) {
        body.insert(QStringLiteral("response_format"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("json_schema")},
                {QStringLiteral("json_schema"),
                    QJsonObject {
                        {QStringLiteral("name"),
                            titles ? QString(Llm::TitleFilterSchemaName) : QStringLiteral("paper_scores")},
                        {QStringLiteral("strict"), true},
                        {QStringLiteral("schema"),
                            titles ? Llm::titleFilterSchema() : Llm::scoresSchema()}}}});
    }
    int tokens = titles
        ? Llm::titleFilterTokenBudget(int(papers.size()), m_config.reasoningEffort, m_config.maxOutputTokens)
        : Llm::outputTokenBudget(int(papers.size()), m_config.reasoningEffort, m_config.maxOutputTokens);
    if (m_outputCap > 0)
        tokens = std::min(tokens, m_outputCap);
    // OpenAI wants max_completion_tokens (max_tokens is refused by its reasoning models); servers of
    // the older kind know only max_tokens.
    if (m_config.kind == LlmKind::Local || !allowed("max_completion_tokens"))
        body.insert(QStringLiteral("max_tokens"), tokens);
    else
        body.insert(QStringLiteral("max_completion_tokens"), tokens);
    if (!m_config.reasoningEffort.isEmpty() && allowed("reasoning_effort"))
        body.insert(QStringLiteral("reasoning_effort"), m_config.reasoningEffort);
    // Routes every batch of the same prompt to the same cache on OpenAI's side.
    if (m_config.kind == LlmKind::OpenAi && !prompt.hash.isEmpty() && allowed("prompt_cache_key"))
        body.insert(QStringLiteral("prompt_cache_key"), QString(u"lectern-" + prompt.hash.left(56)));
    // Local models sample by default; scores should not change from one run to the next.
    if (m_config.kind == LlmKind::Local && allowed("temperature"))
        body.insert(QStringLiteral("temperature"), 0);
    return body;
}

BatchResult OpenAiProvider::scoreBatch(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel)
{
    return send(papers, prompt, cancel, Purpose::Scores);
}

BatchResult OpenAiProvider::filterTitles(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel)
{
    return send(papers, prompt, cancel, Purpose::TitleFilter);
}

BatchResult OpenAiProvider::send(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel, Purpose purpose)
{
    BatchResult result;
    result.model = m_config.model;
    if (papers.isEmpty())
        return result;

    for (int round = 0;; ++round) {
        if (cancel && *cancel) {
            result.error = QStringLiteral("Cancelled");
            return result;
        }
        const QJsonObject body = requestBody(papers, prompt, purpose);
        HttpRequest request;
        request.url = Llm::endpoint(m_config.baseUrl, u"chat/completions");
        request.method = QByteArrayLiteral("POST");
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers = headers();
        const HttpResponse response = Llm::send(request, m_config, cancel, result);
        if (response.ok()) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(response.body, &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                result.error = QStringLiteral("The reply from %1 is not a Chat Completions answer (%2).")
                                   .arg(SafeUrl::forDisplay(request.url), pe.errorString());
                return result;
            }
            readCompletion(doc.object(), papers, result, purpose);
            qCDebug(lcLlm) << "batch of" << papers.size() << "scored" << result.items.size() << "with"
                           << result.usage.promptTokens << "+" << result.usage.completionTokens << "tokens";
            return result;
        }
        // Asked for more output than the model can give: once more within its limit.
        const int sent = body.value(QStringLiteral("max_completion_tokens"))
                             .toInt(body.value(QStringLiteral("max_tokens")).toInt());
        if (const auto cap = Llm::outputLimitFrom(response); cap && *cap < sent && round < 6) {
            m_outputCap = *cap;
            result.warnings << QStringLiteral(
                "The model gives at most %1 output tokens; sent again within that limit")
                                   .arg(*cap);
            continue;
        }
        const QString refused = refusedParameter(response, body);
        if (!refused.isEmpty() && !m_refused.contains(refused) && round < optionalParameters().size()) {
            m_refused.insert(refused);
            result.warnings << QStringLiteral("%1 does not accept the parameter %2; sent again without it")
                                   .arg(llmKindLabel(m_config.kind), refused);
            continue;
        }
        Llm::setFailure(result, response, m_config);
        if (!response.cancelled)
            qCWarning(lcLlm).noquote() << result.error;
        return result;
    }
}

void OpenAiProvider::readCompletion(
    const QJsonObject &completion, const QList<Paper> &papers, BatchResult &result, Purpose purpose)
{
    if (completion.value(QStringLiteral("error")).isObject()) {
        // Some routers answer 200 with an error object.
        const QString message =
            completion.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        result.error =
            QStringLiteral("The server answered with an error: %1").arg(Llm::sanitised(message, QString()));
        return;
    }
    result.model = Llm::replyModel(completion.value(QStringLiteral("model")), result.model);

    const QJsonValue usageValue = completion.value(QStringLiteral("usage"));
    if (usageValue.isObject()) {
        const QJsonObject u = usageValue.toObject();
        result.usage.promptTokens = u.value(QStringLiteral("prompt_tokens")).toInteger();
        result.usage.completionTokens = u.value(QStringLiteral("completion_tokens")).toInteger();
        // The details are optional and may be null; older and compatible servers leave them out.
        result.usage.cachedPromptTokens = u.value(QStringLiteral("prompt_tokens_details"))
                                              .toObject()
                                              .value(QStringLiteral("cached_tokens"))
                                              .toInteger();
        result.usage.reasoningTokens = u.value(QStringLiteral("completion_tokens_details"))
                                           .toObject()
                                           .value(QStringLiteral("reasoning_tokens"))
                                           .toInteger();
        Llm::clampUsage(result.usage);
    } else {
        result.warnings << QStringLiteral(
            "The reply reports no token usage; this batch's tokens and cost are unknown");
    }

    const QJsonArray choices = completion.value(QStringLiteral("choices")).toArray();
    if (choices.isEmpty() || !choices.first().isObject()) {
        result.error = QStringLiteral("The reply holds no answer (no choices).");
        return;
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
    const QString finish = choice.value(QStringLiteral("finish_reason")).toString();
    QString text = contentText(message.value(QStringLiteral("content")));
    if (text.trimmed().isEmpty()) {
        // A model that answered through a tool call although none was asked for.
        const QJsonArray calls = message.value(QStringLiteral("tool_calls")).toArray();
        for (const QJsonValue &call : calls)
            text += call.toObject()
                        .value(QStringLiteral("function"))
                        .toObject()
                        .value(QStringLiteral("arguments"))
                        .toString() +
                u'\n';
    }
    const QString refusal = message.value(QStringLiteral("refusal")).toString().trimmed();

    if (finish == u"length") {
        result.truncated = true;
        result.warnings << QStringLiteral(
            "The reply was cut off at the output limit; papers it did not reach are missing");
    } else if (finish == u"content_filter") {
        result.warnings << QStringLiteral("The provider's content filter cut the reply short");
    }
    if (!refusal.isEmpty()) {
        result.warnings << QStringLiteral("The model refused: %1").arg(Llm::sanitised(refusal, QString()));
        if (text.trimmed().isEmpty()) {
            result.error = QStringLiteral("The model refused to score this batch: %1")
                               .arg(Llm::sanitised(refusal, QString()));
            return;
        }
    }

    if (purpose == Purpose::TitleFilter) {
        const ParsedTitleVerdict verdict = TitleReplyParser(papers).parseText(text);
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
    const ParsedScores parsed = ScoreReplyParser(papers).parseText(text);
    result.items = parsed.items;
    result.warnings += parsed.warnings;
    if (!parsed.foundJson && !result.truncated) {
        result.error = text.trimmed().isEmpty() ? QStringLiteral("The reply is empty.")
                                                : QStringLiteral("The reply holds no scores in JSON: \"%1\"")
                                                      .arg(Llm::sanitised(text, QString(), 120));
    }
}

} // namespace Lectern
