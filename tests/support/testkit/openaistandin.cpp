// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaistandin.h"

#include "llmtestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Lectern::Test {

void OpenAiStandIn::install(LoopbackHttpServer &server)
{
    server.route(QByteArrayLiteral("/v1/chat/completions"),
        [this](const LoopbackHttpServer::Request &request) { return answer(request); });
}

int OpenAiStandIn::maxConcurrent(qint64 fromMs) const
{
    int most = 0;
    for (const Served &a : served) {
        if (a.receivedMs < fromMs)
            continue;
        int open = 0;
        for (const Served &b : served) {
            if (b.receivedMs <= a.receivedMs && a.receivedMs < b.answeredMs)
                ++open;
        }
        most = std::max(most, open);
    }
    return most;
}

QStringList OpenAiStandIn::idsIn(const QString &text, const QString &tag)
{
    const QRegularExpression re(u'<' + tag + QStringLiteral(" id=\"([^\"]+)\">"));
    QStringList ids;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString id = it.next().captured(1);
        if (id != u"...") // the sentence that introduces the blocks shows their form
            ids << id;
    }
    return ids;
}

QStringList OpenAiStandIn::scoredIds() const
{
    QStringList ids;
    for (const Served &s : served) {
        if (!s.titleFilter && s.status == 200)
            ids << s.ids;
    }
    return ids;
}

QList<OpenAiStandIn::Served> OpenAiStandIn::filtered(bool title) const
{
    QList<Served> out;
    for (const Served &s : served) {
        if (s.titleFilter == title)
            out << s;
    }
    return out;
}

LoopbackHttpServer::Response OpenAiStandIn::answer(const LoopbackHttpServer::Request &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    Served s;
    s.receivedMs = request.receivedMs;
    for (const QJsonValue &m : body.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject o = m.toObject();
        (o.value(QStringLiteral("role")).toString() == u"system" ? s.systemText : s.userText) +=
            o.value(QStringLiteral("content")).toString();
    }
    s.titleFilter = body.value(QStringLiteral("response_format"))
                        .toObject()
                        .value(QStringLiteral("json_schema"))
                        .toObject()
                        .value(QStringLiteral("name"))
                        .toString() == u"title_filter";
    s.ids = idsIn(s.userText, s.titleFilter ? QStringLiteral("title") : QStringLiteral("paper"));

    LoopbackHttpServer::Response r;
    r.delayMs = delayMs;
    r.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    if (shape)
        shape(int(served.size()), r);
    s.status = r.status;
    s.answeredMs = s.receivedMs + r.delayMs;
    if (r.status == 200) {
        QString content;
        if (s.titleFilter) {
            content = !garbageTitleReply.isEmpty()
                ? garbageTitleReply
                : QString::fromUtf8(QJsonDocument(
                      QJsonObject {{QStringLiteral("keep"), QJsonArray::fromStringList(titleVerdict(s.ids))}})
                                        .toJson(QJsonDocument::Compact));
        } else {
            QJsonArray items;
            for (const QString &id : std::as_const(s.ids)) {
                const Verdict v = verdicts(id);
                items.append(
                    QJsonObject {{QStringLiteral("ARXIVID"), id}, {QStringLiteral("COMMENT"), v.comment},
                        {QStringLiteral("RELEVANCE"), v.relevance}, {QStringLiteral("NOVELTY"), v.novelty}});
            }
            content = QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("papers"),
                    items}}).toJson(QJsonDocument::Compact));
        }
        const QJsonObject root = chatCompletion(QStringLiteral("chatcmpl-standin"),
            body.value(QStringLiteral("model")), content, promptTokens, completionTokens);
        r.body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    } else if (r.body.isEmpty()) {
        r.body = QByteArrayLiteral(
            R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})");
    }
    served << s;
    return r;
}

} // namespace Lectern::Test
