// SPDX-License-Identifier: GPL-3.0-or-later
// AnthropicProvider against a stand-in Messages API server on 127.0.0.1 speaking Anthropic's wire format.
#include "scoring/anthropicprovider.h"

#include <testkit/llmtestsupport.h>
#include <testkit/manualclock.h>

#include <QDateTime>
#include <QJsonArray>
#include <QTest>
#include <QTimer>

using namespace Lectern;
using namespace Lectern::Test;

namespace {

const QByteArray Path = QByteArrayLiteral("/v1/messages");

LlmConfig anthropic(const LoopbackHttpServer &server)
{
    LlmConfig c;
    c.kind = LlmKind::Anthropic;
    c.baseUrl = server.url(QStringLiteral("/v1"));
    c.model = QStringLiteral("claude-haiku-4-5");
    c.apiKey = FakeKey;
    c.http = fastHttp();
    return c;
}

void verifyHeaders(const LoopbackHttpServer &server, const BatchResult &r)
{
    for (const auto &req : server.requests()) {
        QCOMPARE(req.headers.value("x-api-key"), FakeKey.toLatin1());
        QCOMPARE(req.headers.value("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(!req.headers.contains("authorization"));
        QVERIFY(!req.body.contains(FakeKey.toLatin1()));
        QVERIFY(!req.target.contains(FakeKey.toLatin1()));
    }
    QVERIFY(!r.error.contains(FakeKey));
    QVERIFY(!anyContains(r.warnings, FakeKey));
}

} // namespace

class TestAnthropicProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toolUseReply()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        const QByteArray reset = QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::ISODate).toLatin1();
        server.enqueue(Path,
            fixtureReply(200, "llm/anthropic/tool_use.json",
                {{"anthropic-ratelimit-requests-limit", "50"},
                    {"anthropic-ratelimit-requests-remaining", "49"},
                    {"anthropic-ratelimit-requests-reset", reset},
                    {"anthropic-ratelimit-input-tokens-limit", "50000"},
                    {"anthropic-ratelimit-input-tokens-remaining", "47700"}}));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.truncated);
        QCOMPARE(summary(r), QStringLiteral("2611.00001:9:7 2611.00002:5:4 2611.00003:1:3"));
        QCOMPARE(r.items.at(1).comment, QStringLiteral("Only the benchmark touches topic 2."));
        QCOMPARE(r.model, QStringLiteral("claude-haiku-4-5-20251001"));
        // input_tokens excludes the cache: the prompt is input + cache reads + cache writes.
        QCOMPARE(r.usage.promptTokens, 412 + 1890);
        QCOMPARE(r.usage.cachedPromptTokens, 1890);
        QCOMPARE(r.usage.cacheWriteTokens, 0);
        QCOMPARE(r.usage.completionTokens, 236);
        QCOMPARE(r.usage.reasoningTokens, 0);
        QCOMPARE(r.rateLimit.remainingRequests, std::optional<qint64>(49));
        QCOMPARE(r.rateLimit.remainingTokens, std::optional<qint64>(47700));
        QVERIFY(r.rateLimit.resetRequestsMs && *r.rateLimit.resetRequestsMs > 25000 &&
            *r.rateLimit.resetRequestsMs <= 30000);

        QCOMPARE(server.requests().size(), 1);
        verifyHeaders(server, r);
        const QJsonObject body = bodyOf(server.requests().first());
        QCOMPARE(body.value(u"model").toString(), QStringLiteral("claude-haiku-4-5"));
        QVERIFY(body.value(u"max_tokens").toInt() >= 300);
        const QJsonArray system = body.value(u"system").toArray();
        QCOMPARE(system.size(), 1);
        QCOMPARE(system.at(0).toObject().value(u"text").toString(), testPrompt().system);

        const QJsonArray messages = body.value(u"messages").toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).toObject().value(u"role").toString(), QStringLiteral("user"));
        const QJsonArray content = messages.at(0).toObject().value(u"content").toArray();
        QCOMPARE(content.size(), 2);
        // Static instructions first, marked for caching; the papers after, not cached.
        const QJsonObject instructions = content.at(0).toObject();
        QCOMPARE(instructions.value(u"text").toString(), testPrompt().instructions);
        QCOMPARE(instructions.value(u"cache_control").toObject().value(u"type").toString(),
            QStringLiteral("ephemeral"));
        const QJsonObject papers = content.at(1).toObject();
        QCOMPARE(papers.value(u"text").toString(), testPrompt().papers);
        QVERIFY(!papers.contains(u"cache_control"));

        const QJsonArray tools = body.value(u"tools").toArray();
        QCOMPARE(tools.size(), 1);
        QCOMPARE(tools.at(0).toObject().value(u"name").toString(), QStringLiteral("record_scores"));
        const QJsonObject schema = tools.at(0).toObject().value(u"input_schema").toObject();
        QCOMPARE(schema.value(u"type").toString(), QStringLiteral("object"));
        const QJsonObject item =
            schema.value(u"properties").toObject().value(u"papers").toObject().value(u"items").toObject();
        QCOMPARE(item.value(u"required").toArray().size(), 4);
        QCOMPARE(body.value(u"tool_choice").toObject(),
            (QJsonObject {{QStringLiteral("type"), QStringLiteral("tool")},
                {QStringLiteral("name"), QStringLiteral("record_scores")}}));
    }

    void jsonLinesInTextWithoutStructuredOutput()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/anthropic/text_jsonl.json"));
        LlmConfig c = anthropic(server);
        c.structuredOutput = false;
        AnthropicProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(summary(r), QStringLiteral("2611.00001:8:7 2611.00002:6:5 2611.00003:2:3"));
        QCOMPARE(r.usage.promptTokens, 405 + 1890);
        QCOMPARE(r.usage.cacheWriteTokens, 1890);
        QCOMPARE(r.usage.cachedPromptTokens, 0);
        QCOMPARE(r.usage.completionTokens, 150);
        const QJsonObject body = bodyOf(server.requests().first());
        QVERIFY(!body.contains(u"tools"));
        QVERIFY(!body.contains(u"tool_choice"));
    }

    void noInstructionsPutsTheCacheMarkOnTheSystemBlock()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/anthropic/tool_use.json"));
        AnthropicProvider provider(anthropic(server));
        RenderedPrompt p = testPrompt();
        p.instructions.clear();
        QVERIFY(provider.scoreBatch(batchOf(3), p, nullptr).error.isEmpty());
        const QJsonObject body = bodyOf(server.requests().first());
        QCOMPARE(body.value(u"system")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"cache_control")
                     .toObject()
                     .value(u"type")
                     .toString(),
            QStringLiteral("ephemeral"));
        const QJsonArray content =
            body.value(u"messages").toArray().at(0).toObject().value(u"content").toArray();
        QCOMPARE(content.size(), 1); // no empty text block, which Anthropic refuses
    }

    void truncatedAtMaxTokens()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/anthropic/max_tokens.json"));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.truncated);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(summary(r), QStringLiteral("2611.00001:9:7"));
        QVERIFY(anyContains(r.warnings, QStringLiteral("cut off")));
    }

    void refusal()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/anthropic/refusal.json"));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.items.isEmpty());
        QVERIFY(!r.fatal);
        QVERIFY2(r.error.contains(QStringLiteral("refused")), qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("I won't rate these.")));
        QCOMPARE(r.usage.completionTokens, 7);
    }

    void overloadedThenSuccess()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(529, "llm/anthropic/error_overloaded.json"));
        server.enqueue(Path, fixtureReply(200, "llm/anthropic/tool_use.json"));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.items.size(), 3);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(anyContains(r.warnings, QStringLiteral("HTTP 529")));
    }

    void overloadedUntilTheEnd()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(529, "llm/anthropic/error_overloaded.json"));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(!r.fatal);
        QCOMPARE(server.requests().size(), 3);
        QVERIFY2(r.error.contains(QStringLiteral("HTTP 529: Overloaded")), qPrintable(r.error));
    }

    void rateLimitRetryAfterThenSuccess()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(
            Path, fixtureReply(429, "llm/anthropic/error_rate_limit.json", {{"retry-after", "1"}}));
        server.enqueue(Path, fixtureReply(200, "llm/anthropic/tool_use.json"));
        Test::ManualClock time;
        server.useClock(time);
        LlmConfig c = anthropic(server);
        c.http.clock = &time;
        c.http.sleeper = &time;
        AnthropicProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const auto reqs = server.requestsTo(Path);
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(time.sleeps(), QList<int> {1000});
        QCOMPARE(reqs.at(1).receivedMs - reqs.at(0).receivedMs, 1000);
        QCOMPARE(r.rateLimit.rateLimitedAttempts, 1);
        QCOMPARE(r.rateLimit.retryAfterMs, std::optional<qint64>(1000));
        verifyHeaders(server, r);
    }

    void spendLimitIsFatalAfterOneRequest()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(
            Path, fixtureReply(429, "llm/anthropic/error_spend_limit.json", {{"retry-after", "1"}}));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.fatal);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(r.error.contains(QStringLiteral("spending limit")), qPrintable(r.error));
    }

    void authenticationErrorIsFatal()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(401, "llm/anthropic/error_authentication.json"));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.fatal);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(r.error.contains(QStringLiteral("refused the API key")), qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("invalid x-api-key")));
        verifyHeaders(server, r);
    }

    void invalidRequestIsFatal()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(400, "llm/anthropic/error_invalid_request.json"));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.fatal);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(r.error.contains(QStringLiteral(
                     "HTTP 400: messages.0.content.1.text: text content blocks must be non-empty")),
            qPrintable(r.error));
    }

    void outputLimitNamedByTheServerIsRespected()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(400, "llm/anthropic/error_output_limit.json"));
        server.enqueue(Path, fixtureReply(200, "llm/anthropic/tool_use.json"));
        server.enqueue(Path, fixtureReply(400, "llm/anthropic/error_output_limit.json"));
        LlmConfig c = anthropic(server);
        c.maxOutputTokens = 3400;
        AnthropicProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.items.size(), 3);
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(bodyOf(server.requests().at(0)).value(u"max_tokens").toInt(), 3400);
        QCOMPARE(bodyOf(server.requests().at(1)).value(u"max_tokens").toInt(), 2048);
        QVERIFY(anyContains(r.warnings, QStringLiteral("at most 2048 output tokens")));
        // Later batches stay within the limit; a second refusal of the same kind is final.
        const BatchResult again = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QCOMPARE(bodyOf(server.requests().at(2)).value(u"max_tokens").toInt(), 2048);
        QVERIFY(again.fatal);
        QCOMPARE(server.requests().size(), 3);
    }

    void garbageBody()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, reply(200, "{\"type\":\"message\",\"content\":"));
        AnthropicProvider provider(anthropic(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.items.isEmpty());
        QVERIFY(!r.fatal);
        QVERIFY(!r.error.isEmpty());
    }

    void slowServerIsCancelledPromptly()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        // Cancelled once the request is in flight; the answer and the transfer timeout are an hour away, so
        // only a prompt abort ends it (otherwise CTest's timeout fails the test).
        std::atomic_bool cancel {false};
        server.route(Path, [&](const LoopbackHttpServer::Request &) {
            cancel = true;
            LoopbackHttpServer::Response slow = fixtureReply(200, "llm/anthropic/tool_use.json");
            slow.delayMs = 3600 * 1000;
            return slow;
        });
        LlmConfig c = anthropic(server);
        c.http.timeoutMs = 3600 * 1000;
        AnthropicProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), &cancel);
        QVERIFY(r.items.isEmpty());
        QCOMPARE(r.error, QStringLiteral("Cancelled"));
    }

    void titleFilterThroughItsOwnTool()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        const auto message = [](const char *stop, const QJsonObject &block) {
            return QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("message")},
                                     {QStringLiteral("model"), QStringLiteral("claude-test")},
                                     {QStringLiteral("stop_reason"), QLatin1StringView(stop)},
                                     {QStringLiteral("content"), QJsonArray {block}},
                                     {QStringLiteral("usage"),
                                         QJsonObject {{QStringLiteral("input_tokens"), 200},
                                             {QStringLiteral("output_tokens"), 30}}}})
                .toJson(QJsonDocument::Compact);
        };
        server.enqueue(Path,
            reply(200,
                message("tool_use",
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("tool_use")},
                        {QStringLiteral("name"), QStringLiteral("record_titles_to_keep")},
                        {QStringLiteral("input"),
                            QJsonObject {{QStringLiteral("keep"),
                                QJsonArray {
                                    QStringLiteral("2611.00001"), QStringLiteral("2611.00003")}}}}})));
        server.enqueue(Path,
            reply(200,
                message("max_tokens",
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                        {QStringLiteral("text"), QStringLiteral("{\"keep\":[\"2611.00001\"")}})));
        AnthropicProvider provider(anthropic(server));
        QVERIFY(provider.supportsTitleFilter());
        const BatchResult r = provider.filterTitles(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(summary(r), QStringLiteral("2611.00001:-:- 2611.00003:-:-"));
        QCOMPARE(r.usage.promptTokens, 200);
        const QJsonObject body = bodyOf(server.requests().first());
        QCOMPARE(
            body.value(QStringLiteral("tool_choice")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("record_titles_to_keep"));
        // A cut-off list could drop papers it never reached: an error, so that the job keeps the batch.
        const BatchResult cut = provider.filterTitles(batchOf(3), testPrompt(), nullptr);
        QVERIFY(cut.truncated);
        QVERIFY(cut.items.isEmpty());
        QVERIFY(cut.error.contains(QStringLiteral("cut off")));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicProvider)
#include "test_anthropicprovider.moc"
