// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Chat Completions stand-in for ScoringJob tests over loopback: it scores every paper block of a
// request (marks derived from the id), answers title-filter requests with the ids a test chooses, reports
// usage, adds headers, and keeps the times each request arrived and was due to be answered so that tests
// can measure concurrency on the server's side.

#include "support/loopbackhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>

namespace Lectern::Test {

class OpenAiStandIn
{
public:
    struct Served
    {
        qint64 receivedMs = 0;
        qint64 answeredMs = 0; ///< when the reply was due (received + delay)
        int status = 200;
        bool titleFilter = false;
        QStringList ids; ///< paper ids in the request
        QString userText;
        QString systemText;
    };
    /// Extra headers and status for the n-th request (0-based); status 200 gets a normal reply.
    using Shape = std::function<void(int n, LoopbackHttpServer::Response &response)>;
    /// The ids a title-filter request keeps, from the ids it holds; the reply text as is when it returns
    /// a string starting with '!'.
    using TitleVerdict = std::function<QStringList(const QStringList &ids)>;

    int delayMs = 0;
    Shape shape;
    TitleVerdict titleVerdict = [](const QStringList &ids) { return ids; };
    QString garbageTitleReply; ///< when set, title-filter requests get this as the reply text
    qint64 promptTokens = 1000; ///< reported per request
    qint64 completionTokens = 100; ///< reported per request
    QList<Served> served;

    void install(LoopbackHttpServer &server)
    {
        server.route(QByteArrayLiteral("/v1/chat/completions"),
            [this](const LoopbackHttpServer::Request &request) { return answer(request); });
    }

    [[nodiscard]] QList<Served> scoring() const { return filtered(false); }
    [[nodiscard]] QList<Served> titleRequests() const { return filtered(true); }

    /// Most requests the server was working on at once, among those received at or after @p fromMs.
    [[nodiscard]] int maxConcurrent(qint64 fromMs = 0) const
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

    static QStringList idsIn(const QString &text, const QString &tag)
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

private:
    QList<Served> filtered(bool title) const
    {
        QList<Served> out;
        for (const Served &s : served) {
            if (s.titleFilter == title)
                out << s;
        }
        return out;
    }

    LoopbackHttpServer::Response answer(const LoopbackHttpServer::Request &request)
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
                    : QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("keep"),
                                                          QJsonArray::fromStringList(titleVerdict(s.ids))}})
                                            .toJson(QJsonDocument::Compact));
            } else {
                QJsonArray items;
                for (const QString &id : std::as_const(s.ids))
                    items.append(QJsonObject {{QStringLiteral("ARXIVID"), id},
                        {QStringLiteral("COMMENT"), QStringLiteral("Stand-in verdict")},
                        {QStringLiteral("RELEVANCE"), 1 + id.right(2).toInt() % 10},
                        {QStringLiteral("NOVELTY"), 10 - id.right(1).toInt() % 10}});
                content = QString::fromUtf8(QJsonDocument(
                    QJsonObject {{QStringLiteral("papers"),
                        items}}).toJson(QJsonDocument::Compact));
            }
            const QJsonObject message {
                {QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), content}};
            const QJsonObject root {{QStringLiteral("id"), QStringLiteral("chatcmpl-standin")},
                {QStringLiteral("object"), QStringLiteral("chat.completion")},
                {QStringLiteral("model"), body.value(QStringLiteral("model"))},
                {QStringLiteral("choices"),
                    QJsonArray {
                        QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("message"), message},
                            {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
                {QStringLiteral("usage"),
                    QJsonObject {{QStringLiteral("prompt_tokens"), promptTokens},
                        {QStringLiteral("completion_tokens"), completionTokens},
                        {QStringLiteral("total_tokens"), promptTokens + completionTokens}}}};
            r.body = QJsonDocument(root).toJson(QJsonDocument::Compact);
        } else if (r.body.isEmpty()) {
            r.body = QByteArrayLiteral(
                R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})");
        }
        served << s;
        return r;
    }
};

} // namespace Lectern::Test
