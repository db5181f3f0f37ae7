// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Chat Completions stand-in for ScoringJob tests over loopback: it scores every paper block of a
// request (marks derived from the id), answers title-filter requests with the ids a test chooses, reports
// usage, adds headers, and keeps the times each request arrived and was due to be answered so that tests
// can measure concurrency on the server's side.

#include <testkit/loopbackhttpserver.h>

#include <QStringList>

#include <functional>
#include <utility>

namespace Lectern::Test {

class OpenAiStandIn final
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

    /// Relevance and novelty of a paper, with its comment; the default derives the marks from the id.
    struct Verdict
    {
        int relevance = 0;
        int novelty = 0;
        QString comment;
    };
    using Verdicts = std::function<Verdict(const QString &id)>;

    int delayMs = 0;
    Verdicts verdicts = [](const QString &id) {
        return Verdict {
            1 + id.right(2).toInt() % 10, 10 - id.right(1).toInt() % 10, QStringLiteral("Stand-in verdict")};
    };
    Shape shape;
    TitleVerdict titleVerdict = [](const QStringList &ids) { return ids; };
    QString garbageTitleReply; ///< when set, title-filter requests get this as the reply text
    qint64 promptTokens = 1000; ///< reported per request
    qint64 completionTokens = 100; ///< reported per request
    QList<Served> served;

    /// Routes /v1/chat/completions of @p server to this stand-in, which must outlive it.
    void install(LoopbackHttpServer &server);

    [[nodiscard]] QList<Served> scoring() const { return filtered(false); }
    [[nodiscard]] QList<Served> titleRequests() const { return filtered(true); }
    /// The ids of every paper sent for scoring (abstract requests), in the order they arrived.
    [[nodiscard]] QStringList scoredIds() const;

    /// Most requests the server was working on at once, among those received at or after @p fromMs.
    [[nodiscard]] int maxConcurrent(qint64 fromMs = 0) const;

    /// The ids of the <@p tag id="..."> blocks in @p text.
    static QStringList idsIn(const QString &text, const QString &tag);

private:
    [[nodiscard]] QList<Served> filtered(bool title) const;
    LoopbackHttpServer::Response answer(const LoopbackHttpServer::Request &request);
};

} // namespace Lectern::Test
