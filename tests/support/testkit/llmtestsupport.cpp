// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmtestsupport.h"

#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Lectern::Test {

QList<Paper> batchOf(int n)
{
    QList<Paper> papers;
    for (int i = 1; i <= n; ++i)
        papers << makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QChar(u'0')));
    return papers;
}

RenderedPrompt testPrompt()
{
    RenderedPrompt p;
    p.system = QStringLiteral("SYSTEM: you screen papers for one researcher.");
    p.instructions = QStringLiteral("STATIC INSTRUCTIONS: rubrics and topics, the same for every batch.");
    p.papers =
        QStringLiteral("<paper id=\"2611.00001\">First</paper>\n<paper id=\"2611.00002\">Second</paper>\n"
                       "<paper id=\"2611.00003\">Third</paper>");
    p.hash = QStringLiteral("0123456789abcdef");
    return p;
}

HttpOptions fastHttp()
{
    HttpOptions o;
    o.initialBackoffMs = 30;
    o.maxBackoffMs = 200;
    o.timeoutMs = 5000;
    o.maxAttempts = 3;
    return o;
}

LoopbackHttpServer::Response reply(
    int status, const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers)
{
    LoopbackHttpServer::Response r;
    r.status = status;
    r.body = body;
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    r.headers = std::move(headers);
    return r;
}

LoopbackHttpServer::Response fixtureReply(
    int status, const char *path, QList<std::pair<QByteArray, QByteArray>> headers)
{
    return reply(status, fixture(QString::fromLatin1(path)), std::move(headers));
}

QJsonObject chatCompletion(const QString &id, const QJsonValue &model, const QString &content,
    qint64 promptTokens, qint64 completionTokens)
{
    const QJsonObject message {
        {QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), content}};
    return QJsonObject {{QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("chat.completion")}, {QStringLiteral("model"), model},
        {QStringLiteral("choices"),
            QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("message"), message},
                {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
        {QStringLiteral("usage"),
            QJsonObject {{QStringLiteral("prompt_tokens"), promptTokens},
                {QStringLiteral("completion_tokens"), completionTokens},
                {QStringLiteral("total_tokens"), promptTokens + completionTokens}}}};
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject bodyOf(const LoopbackHttpServer::Request &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QString summary(const BatchResult &r)
{
    QStringList parts;
    for (const ScoredItem &i : r.items) {
        parts << QStringLiteral("%1:%2:%3")
                     .arg(i.arxivId, i.relevance ? QString::number(*i.relevance) : QStringLiteral("-"),
                         i.novelty ? QString::number(*i.novelty) : QStringLiteral("-"));
    }
    return parts.join(u' ');
}

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list) {
        if (s.contains(needle))
            return true;
    }
    return false;
}

} // namespace Lectern::Test
