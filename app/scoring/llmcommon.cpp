// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmcommon.h"

#include "net/safeurl.h"
#include "scoring/apikeysource.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace Lectern::Llm {

namespace {

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

QString withColon(const QString &message)
{
    return message.isEmpty() ? QString() : QStringLiteral(": ") + message;
}

} // namespace

QJsonObject scoresSchema()
{
    const auto typed = [](const char *type, const char *description) {
        return QJsonObject {{QStringLiteral("type"), QLatin1StringView(type)},
            {QStringLiteral("description"), QLatin1StringView(description)}};
    };
    const QJsonObject entry {{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject {{QStringLiteral("ARXIVID"), typed("string", "the paper's id, copied exactly")},
                {QStringLiteral("COMMENT"), typed("string", "one short sentence: the topic it fits and why")},
                {QStringLiteral("RELEVANCE"), typed("integer", "whole number from 1 to 10")},
                {QStringLiteral("NOVELTY"), typed("integer", "whole number from 1 to 10")}}},
        {QStringLiteral("required"),
            QJsonArray {QStringLiteral("ARXIVID"), QStringLiteral("COMMENT"), QStringLiteral("RELEVANCE"),
                QStringLiteral("NOVELTY")}},
        {QStringLiteral("additionalProperties"), false}};
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject {{ScoresKey,
                QJsonObject {{QStringLiteral("type"), QStringLiteral("array")},
                    {QStringLiteral("description"),
                        QStringLiteral("one entry per paper of the batch, in the order given")},
                    {QStringLiteral("items"), entry}}}}},
        {QStringLiteral("required"), QJsonArray {QString(ScoresKey)}},
        {QStringLiteral("additionalProperties"), false}};
}

QJsonObject titleFilterSchema()
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject {{KeepKey,
                QJsonObject {{QStringLiteral("type"), QStringLiteral("array")},
                    {QStringLiteral("description"),
                        QStringLiteral("ids of the papers whose abstract is worth reading, copied exactly")},
                    {QStringLiteral("items"),
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}}}}}},
        {QStringLiteral("required"), QJsonArray {QString(KeepKey)}},
        {QStringLiteral("additionalProperties"), false}};
}

int titleFilterTokenBudget(int papers, const QString &reasoningEffort, int configured)
{
    const qint64 n = std::max(1, papers);
    qint64 budget = 200 + 12 * n;
    if (configured > 0)
        budget = std::min<qint64>(budget, configured);
    // Reasoning tokens count against the same limit (see outputTokenBudget).
    if (reasoningEffort == u"minimal")
        budget += 1024;
    else if (reasoningEffort == u"low")
        budget += 2048 + 50 * n;
    else if (reasoningEffort == u"medium")
        budget += 4096 + 100 * n;
    else if (reasoningEffort == u"high")
        budget += 8192 + 200 * n;
    return int(std::min<qint64>(budget, 64000));
}

int outputTokenBudget(int papers, const QString &reasoningEffort, int configured)
{
    if (configured > 0)
        return configured;
    const qint64 n = std::max(1, papers);
    // A compact entry with a 25-word comment is about 60 tokens; 150 leaves room for wordier models.
    qint64 budget = 400 + 150 * n;
    qint64 cap = 16384;
    // Reasoning tokens count against the same limit; too tight a limit truncates the reply.
    if (reasoningEffort == u"minimal") {
        budget += 1024;
        cap = 32000;
    } else if (reasoningEffort == u"low") {
        budget += 2048 + 300 * n;
        cap = 64000;
    } else if (reasoningEffort == u"medium") {
        budget += 4096 + 600 * n;
        cap = 64000;
    } else if (reasoningEffort == u"high") {
        budget += 8192 + 1200 * n;
        cap = 64000;
    }
    return int(std::min(budget, cap));
}

QUrl endpoint(const QUrl &base, QStringView path)
{
    QUrl url = base;
    QString p = url.path();
    while (p.endsWith(u'/'))
        p.chop(1);
    url.setPath(p + u'/' + path);
    return url;
}

ApiError apiError(const QByteArray &body)
{
    ApiError e;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString text = QString::fromUtf8(body.left(400)).trimmed();
        if (!text.startsWith(u'<')) // an HTML error page says nothing useful in one line
            e.message = text;
        return e;
    }
    const QJsonObject root = doc.object();
    const QJsonValue error = root.value(QStringLiteral("error"));
    if (error.isObject()) {
        const QJsonObject o = error.toObject();
        e.type = jsonText(o.value(QStringLiteral("type")));
        e.code = jsonText(o.value(QStringLiteral("code")));
        e.param = jsonText(o.value(QStringLiteral("param")));
        e.message = jsonText(o.value(QStringLiteral("message")));
        if (e.code.isEmpty())
            e.code =
                jsonText(o.value(QStringLiteral("details")).toObject().value(QStringLiteral("error_code")));
    } else if (error.isString()) {
        e.message = error.toString();
    } else {
        e.message = jsonText(root.value(QStringLiteral("message")));
    }
    return e;
}

std::optional<int> outputLimitFrom(const HttpResponse &response)
{
    if (response.status != 400)
        return std::nullopt;
    const QString message = apiError(response.body).message;
    static const QRegularExpression anthropic(QStringLiteral("max_tokens: \\d+ > (\\d+)"));
    static const QRegularExpression openai(QStringLiteral("supports at most (\\d+) completion tokens"));
    for (const QRegularExpression *re : {&anthropic, &openai}) {
        const auto m = re->match(message);
        if (m.hasMatch()) {
            bool ok = false;
            const int limit = m.captured(1).toInt(&ok);
            if (ok && limit > 0)
                return limit;
        }
    }
    return std::nullopt;
}

bool isQuotaExhausted(const HttpResponse &response)
{
    if (response.status < 400)
        return false;
    static const QStringList markers {QStringLiteral("insufficient_quota"),
        QStringLiteral("credit_balance_exhausted"), QStringLiteral("billing_hard_limit_reached"),
        QStringLiteral("enforced_spend_limit_reached")};
    const ApiError e = apiError(response.body);
    return markers.contains(e.code) || markers.contains(e.type);
}

bool shouldRetry(const HttpResponse &response)
{
    if (response.status == 0)
        return response.transient;
    const QByteArray hint = response.header("x-should-retry").trimmed().toLower();
    if (hint == "false")
        return false;
    if (isQuotaExhausted(response))
        return false;
    if (hint == "true")
        return true;
    const int s = response.status;
    return s == 408 || s == 409 || s == 429 || s >= 500;
}

QString sanitised(QString text, const QString &apiKey, int maxChars)
{
    if (apiKey.size() >= 4)
        text.replace(apiKey, QStringLiteral("[key]"));
    // Servers echo keys back partly masked ("sk-proj-****abcd"); even that stays out.
    static const QRegularExpression keyLike(QStringLiteral("\\bsk-[A-Za-z0-9_\\-*]{4,}"));
    text.replace(keyLike, QStringLiteral("[key]"));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    text = text.simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars - 1) + u'…';
    return text;
}

void clampUsage(TokenUsage &u)
{
    u.promptTokens = std::max<qint64>(0, u.promptTokens);
    u.completionTokens = std::max<qint64>(0, u.completionTokens);
    u.cachedPromptTokens = std::clamp<qint64>(u.cachedPromptTokens, 0, u.promptTokens);
    u.cacheWriteTokens = std::clamp<qint64>(u.cacheWriteTokens, 0, u.promptTokens - u.cachedPromptTokens);
    u.reasoningTokens = std::clamp<qint64>(u.reasoningTokens, 0, u.completionTokens);
}

QString sanitised(QString text, const LlmConfig &config, int maxChars)
{
    return sanitised(SafeUrl::redact(std::move(text), config.baseUrl), config.apiKey, maxChars);
}

QString withoutSecrets(QString text, const LlmConfig &config)
{
    if (text.isEmpty())
        return text;
    text = SafeUrl::redact(std::move(text), config.baseUrl);
    if (config.apiKey.size() >= 4)
        text.replace(config.apiKey, QStringLiteral("[key]"));
    return text;
}

QString replyModel(const QJsonValue &value, const QString &fallback)
{
    const QString m = sanitised(value.toString(), QString(), 100);
    return m.isEmpty() ? fallback : m;
}

void setFailure(BatchResult &r, const HttpResponse &response, const LlmConfig &config)
{
    r.items.clear();
    if (r.model.isEmpty())
        r.model = config.model;
    if (response.cancelled) {
        r.error = QStringLiteral("Cancelled");
        return;
    }
    const ApiError e = apiError(response.body);
    const QString server = sanitised(e.message, config);
    const QString who = llmKindLabel(config.kind);
    const QString where = SafeUrl::forDisplay(response.url);
    const int s = response.status;
    const QString attempts = response.attempts > 1
        ? QCoreApplication::translate("Lectern::Llm", " after %1 attempts").arg(response.attempts)
        : QString();

    if (s == 0) {
        r.error = sanitised(response.error, config, 400);
        if (config.kind == LlmKind::Local)
            r.error += QCoreApplication::translate("Lectern::Llm", ". Is the server running at %1?")
                           .arg(SafeUrl::forDisplay(config.baseUrl));
        return;
    }
    if (isQuotaExhausted(response)) {
        r.fatal = true;
        r.error = QCoreApplication::translate("Lectern::Llm",
            "%1 says the account is out of credit or over its spending limit (HTTP %2%3). "
            "Scoring stopped; add credit or raise the limit, then run again.")
                      .arg(who)
                      .arg(s)
                      .arg(withColon(server));
        return;
    }
    switch (s) {
    case 401:
        r.fatal = true;
        r.error = QCoreApplication::translate(
            "Lectern::Llm", "%1 refused the API key (HTTP 401%2). Check the key stored in Settings, or %3.")
                      .arg(who, withColon(server),
                          ApiKeySource::environmentVariables(config.kind).join(QStringLiteral(" / ")));
        return;
    case 403:
        r.fatal = true;
        r.error = QCoreApplication::translate(
            "Lectern::Llm", "%1 denied access (HTTP 403%2). The key may not be allowed to use model \"%3\".")
                      .arg(who, withColon(server), config.model);
        return;
    case 404:
        r.fatal = true;
        r.error = QCoreApplication::translate(
            "Lectern::Llm", "Not found (HTTP 404) at %1%2. Check the base URL and the model name \"%3\".")
                      .arg(where, withColon(server), config.model);
        return;
    case 413:
        r.fatal = true;
        r.error = QCoreApplication::translate(
            "Lectern::Llm", "%1 says the request is too large (HTTP 413%2). Lower the batch size.")
                      .arg(who, withColon(server));
        return;
    case 429:
        r.error =
            QCoreApplication::translate("Lectern::Llm", "%1 kept refusing for its rate limit (HTTP 429%2)%3.")
                .arg(who, withColon(server), attempts);
        return;
    default:
        break;
    }
    if (s >= 500) {
        r.error = QCoreApplication::translate("Lectern::Llm", "%1 is unavailable (HTTP %2%3)%4.")
                      .arg(who)
                      .arg(s)
                      .arg(withColon(server), attempts);
        return;
    }
    if (s == 408 || s == 409) {
        r.error =
            QCoreApplication::translate("Lectern::Llm", "%1 did not complete the request (HTTP %2%3)%4.")
                .arg(who)
                .arg(s)
                .arg(withColon(server), attempts);
        return;
    }
    if (s >= 400) {
        r.fatal = true;
        const bool tooLong = e.code == u"context_length_exceeded" || server.contains(u"context length") ||
            server.contains(u"prompt is too long");
        r.error = QCoreApplication::translate("Lectern::Llm", "%1 rejected the request (HTTP %2%3).%4")
                      .arg(who)
                      .arg(s)
                      .arg(withColon(server),
                          tooLong ? QCoreApplication::translate("Lectern::Llm",
                                        " The batch is too long for the model: lower the batch size.")
                                  : QString());
        return;
    }
    r.error =
        QCoreApplication::translate("Lectern::Llm", "Unexpected answer from %1 (HTTP %2).").arg(where).arg(s);
    return;
}

HttpResponse send(
    HttpRequest request, const LlmConfig &config, const std::atomic_bool *cancel, BatchResult &result)
{
    // NOTE: one client per request: the provider may be created on one thread and used on another, and a
    // QNetworkAccessManager must live and die on the thread that uses it.
    HttpClient http(config.http, cancel);
    int limited = 0;
    std::optional<qint64> askedWait;
    request.shouldRetry = [&](const HttpResponse &r) {
        if (r.status == 429)
            ++limited;
        if (const qint64 w = HttpClient::retryAfterMs(r, config.http.clock->nowUtc()); w >= 0)
            askedWait = w;
        return shouldRetry(r);
    };
    http.onRetry = [&](const QString &note) { result.warnings << sanitised(note, config, 400); };
    const HttpResponse response = http.send(request);
    result.rateLimit = RateLimitInfo::fromResponse(response, config.http.clock->nowUtc());
    result.rateLimit.rateLimitedAttempts = limited;
    if (!result.rateLimit.retryAfterMs)
        result.rateLimit.retryAfterMs = askedWait;
    return response;
}

} // namespace Lectern::Llm
