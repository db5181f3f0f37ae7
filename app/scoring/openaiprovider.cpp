// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaiprovider.h"

#include "scoring/apikeysource.h"
#include "scoring/llmcommon.h"
#include "util/logging.h"

#include <QCoreApplication>
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
    // Each optional parameter may cost a round on top of an output-limit refusal.
    : LlmProvider(std::move(config), QStringLiteral("chat/completions"),
          QStringLiteral("Chat Completions answer"), int(optionalParameters().size()) + 1)
{ }

LlmProvider::Headers OpenAiProvider::headers() const
{
    Headers h {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
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
    tokens = withinOutputCap(tokens);
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

bool OpenAiProvider::adaptTo(
    const HttpResponse &response, const QJsonObject &sent, int round, BatchResult &result)
{
    const QString refused = refusedParameter(response, sent);
    if (refused.isEmpty() || m_refused.contains(refused) || round >= optionalParameters().size())
        return false;
    m_refused.insert(refused);
    result.warnings << QStringLiteral("%1 does not accept the parameter %2; sent again without it")
                           .arg(llmKindLabel(m_config.kind), refused);
    return true;
}

void OpenAiProvider::readReply(
    const QJsonObject &reply, const QList<Paper> &papers, BatchResult &result, Purpose purpose) const
{
    readCompletion(reply, papers, result, purpose);
}

void OpenAiProvider::readCompletion(
    const QJsonObject &completion, const QList<Paper> &papers, BatchResult &result, Purpose purpose)
{
    if (completion.value(QStringLiteral("error")).isObject()) {
        // Some routers answer 200 with an error object.
        setServerError(result,
            completion.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString());
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
        noteMissingUsage(result);
    }

    const QJsonArray choices = completion.value(QStringLiteral("choices")).toArray();
    if (choices.isEmpty() || !choices.first().isObject()) {
        result.error =
            QCoreApplication::translate("Lectern::OpenAiProvider", "The reply holds no answer (no choices).");
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

    if (finish == u"length")
        noteTruncated(result);
    else if (finish == u"content_filter")
        result.warnings << QCoreApplication::translate(
            "Lectern::OpenAiProvider", "The provider's content filter cut the reply short");
    if (!refusal.isEmpty() &&
        noteRefusal(result, Llm::sanitised(refusal, QString()), text.trimmed().isEmpty()))
        return;
    readVerdicts(papers, purpose, text, QJsonArray(), result);
}

} // namespace Lectern
