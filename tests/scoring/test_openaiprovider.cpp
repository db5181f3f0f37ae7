// SPDX-License-Identifier: GPL-3.0-or-later
// OpenAiProvider against a stand-in Chat Completions server on 127.0.0.1 speaking OpenAI's wire format.
#include "scoring/openaiprovider.h"

#include <testkit/llmtestsupport.h>
#include <testkit/manualclock.h>

#include <QJsonArray>
#include <QTest>
#include <QTimer>

using namespace Lectern;
using namespace Lectern::Test;

namespace {

const QByteArray Path = QByteArrayLiteral("/v1/chat/completions");

LlmConfig openAi(const LoopbackHttpServer &server)
{
    LlmConfig c;
    c.kind = LlmKind::OpenAi;
    c.baseUrl = server.url(QStringLiteral("/v1/"));
    c.model = QStringLiteral("gpt-5-mini");
    c.apiKey = FakeKey;
    c.reasoningEffort = QStringLiteral("minimal");
    c.http = fastHttp();
    return c;
}

void verifyKeyOnlyInHeader(const LoopbackHttpServer &server, const BatchResult &r)
{
    for (const auto &req : server.requests()) {
        QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer ") + FakeKey.toLatin1());
        QVERIFY(!req.body.contains(FakeKey.toLatin1()));
        QVERIFY(!req.target.contains(FakeKey.toLatin1()));
    }
    QVERIFY(!r.error.contains(FakeKey));
    QVERIFY(!anyContains(r.warnings, FakeKey));
}

} // namespace

class TestOpenAiProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void structuredReply()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path,
            fixtureReply(200, "llm/openai/structured.json",
                {{"x-ratelimit-limit-requests", "5000"}, {"x-ratelimit-remaining-requests", "4999"},
                    {"x-ratelimit-limit-tokens", "2000000"}, {"x-ratelimit-remaining-tokens", "1997655"},
                    {"x-ratelimit-reset-requests", "12ms"}, {"x-ratelimit-reset-tokens", "6m0s"}}));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.fatal);
        QVERIFY(!r.truncated);
        QCOMPARE(summary(r), QStringLiteral("2611.00001:9:7 2611.00002:5:4 2611.00003:1:3"));
        QCOMPARE(r.items.first().comment,
            QStringLiteral("Fits topic 1: a new routing rule for sparse mixtures, tested at scale."));
        QCOMPARE(r.model, QStringLiteral("gpt-5-mini-2025-08-07"));
        QCOMPARE(provider.model(), QStringLiteral("gpt-5-mini"));
        // Usage exactly as reported, cached and reasoning tokens included.
        QCOMPARE(r.usage.promptTokens, 2345);
        QCOMPARE(r.usage.cachedPromptTokens, 1920);
        QCOMPARE(r.usage.completionTokens, 210);
        QCOMPARE(r.usage.reasoningTokens, 64);
        QCOMPARE(r.usage.cacheWriteTokens, 0);
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'|')));
        // Rate-limit headers for the job to pace itself.
        QCOMPARE(r.rateLimit.remainingRequests, std::optional<qint64>(4999));
        QCOMPARE(r.rateLimit.limitTokens, std::optional<qint64>(2000000));
        QCOMPARE(r.rateLimit.remainingTokens, std::optional<qint64>(1997655));
        QCOMPARE(r.rateLimit.resetRequestsMs, std::optional<qint64>(12));
        QCOMPARE(r.rateLimit.resetTokensMs, std::optional<qint64>(360000));
        QCOMPARE(r.rateLimit.rateLimitedAttempts, 0);

        QCOMPARE(server.requests().size(), 1);
        const auto &req = server.requests().first();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.path(), Path);
        QCOMPARE(req.headers.value("content-type"), QByteArray("application/json"));
        verifyKeyOnlyInHeader(server, r);

        const QJsonObject body = bodyOf(req);
        QCOMPARE(body.value(u"model").toString(), QStringLiteral("gpt-5-mini"));
        const QJsonArray messages = body.value(u"messages").toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value(u"role").toString(), QStringLiteral("system"));
        QCOMPARE(messages.at(0).toObject().value(u"content").toString(), testPrompt().system);
        QCOMPARE(messages.at(1).toObject().value(u"role").toString(), QStringLiteral("user"));
        // The static part first (cached by the provider), the papers last.
        const QString user = messages.at(1).toObject().value(u"content").toString();
        QVERIFY(user.startsWith(testPrompt().instructions));
        QVERIFY(user.endsWith(testPrompt().papers));

        const QJsonObject format = body.value(u"response_format").toObject();
        QCOMPARE(format.value(u"type").toString(), QStringLiteral("json_schema"));
        const QJsonObject jsonSchema = format.value(u"json_schema").toObject();
        QCOMPARE(jsonSchema.value(u"strict").toBool(), true);
        QCOMPARE(jsonSchema.value(u"name").toString(), QStringLiteral("paper_scores"));
        const QJsonObject schema = jsonSchema.value(u"schema").toObject();
        QCOMPARE(schema.value(u"type").toString(), QStringLiteral("object"));
        QCOMPARE(schema.value(u"additionalProperties").toBool(true), false);
        QCOMPARE(schema.value(u"required").toArray(), QJsonArray {QStringLiteral("papers")});
        const QJsonObject items =
            schema.value(u"properties").toObject().value(u"papers").toObject().value(u"items").toObject();
        QCOMPARE(items.value(u"additionalProperties").toBool(true), false);
        QStringList required;
        for (const QJsonValue &v : items.value(u"required").toArray())
            required << v.toString();
        required.sort();
        QCOMPARE(required,
            (QStringList {QStringLiteral("ARXIVID"), QStringLiteral("COMMENT"), QStringLiteral("NOVELTY"),
                QStringLiteral("RELEVANCE")}));
        QCOMPARE(
            items.value(u"properties").toObject().value(u"RELEVANCE").toObject().value(u"type").toString(),
            QStringLiteral("integer"));
        QCOMPARE(items.value(u"properties").toObject().keys(), required);

        QCOMPARE(body.value(u"reasoning_effort").toString(), QStringLiteral("minimal"));
        QCOMPARE(body.value(u"prompt_cache_key").toString(), QStringLiteral("lectern-0123456789abcdef"));
        const int maxTokens = body.value(u"max_completion_tokens").toInt();
        QVERIFY2(maxTokens >= 3 * 100 && maxTokens <= 16384, qPrintable(QString::number(maxTokens)));
        QVERIFY(!body.contains(u"max_tokens"));
        QVERIFY(!body.contains(u"temperature"));
    }

    void outputLimitGrowsWithTheBatch()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/openai/structured.json"));
        LlmConfig c = openAi(server);
        c.reasoningEffort.clear();
        OpenAiProvider provider(c);
        QVERIFY(provider.scoreBatch(batchOf(3), testPrompt(), nullptr).error.isEmpty());
        QVERIFY(provider.scoreBatch(batchOf(30), testPrompt(), nullptr).error.isEmpty());
        const int small = bodyOf(server.requests().at(0)).value(u"max_completion_tokens").toInt();
        const int large = bodyOf(server.requests().at(1)).value(u"max_completion_tokens").toInt();
        QVERIFY2(large >= small + 27 * 100, qPrintable(QStringLiteral("%1 %2").arg(small).arg(large)));
        QVERIFY(!bodyOf(server.requests().at(0)).contains(u"reasoning_effort"));
    }

    void localServerJsonLinesWithoutStructuredOutput()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/openai/jsonl_text.json"));
        LlmConfig c = openAi(server);
        c.kind = LlmKind::Local;
        c.model = QStringLiteral("llama3.1:8b");
        c.apiKey.clear();
        c.reasoningEffort.clear();
        c.structuredOutput = false;
        OpenAiProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(summary(r), QStringLiteral("2611.00001:8:6 2611.00002:6:5 2611.00003:2:4"));
        QCOMPARE(r.usage.promptTokens, 1500);
        QCOMPARE(r.usage.completionTokens, 96);
        QCOMPARE(r.usage.cachedPromptTokens, 0);
        QCOMPARE(r.usage.reasoningTokens, 0);

        const auto &req = server.requests().first();
        QVERIFY(!req.headers.contains("authorization"));
        const QJsonObject body = bodyOf(req);
        QVERIFY(!body.contains(u"response_format"));
        QVERIFY(!body.contains(u"prompt_cache_key"));
        QVERIFY(!body.contains(u"reasoning_effort"));
        QVERIFY(body.value(u"max_tokens").toInt() > 0);
        QVERIFY(!body.contains(u"max_completion_tokens"));
        QCOMPARE(body.value(u"temperature").toInt(-1), 0);
    }

    void fencedJsonInText()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/openai/fenced.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(summary(r), QStringLiteral("2611.00001:9:8 2611.00002:4:5 2611.00003:1:2"));
        QCOMPARE(r.items.first().comment, QStringLiteral("Fits topic 1 {mixtures}."));
        // Null details objects are no usage at all for them.
        QCOMPARE(r.usage.promptTokens, 1800);
        QCOMPARE(r.usage.cachedPromptTokens, 0);
    }

    void truncatedReplyKeepsWhatIsComplete()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/openai/length.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.truncated);
        QVERIFY(!r.fatal);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(summary(r), QStringLiteral("2611.00001:9:7 2611.00002:5:4"));
        QVERIFY(anyContains(r.warnings, QStringLiteral("cut off")));
        QCOMPARE(r.usage.completionTokens, 120);
        QCOMPARE(r.usage.reasoningTokens, 40);
    }

    void refusal()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/openai/refusal.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.items.isEmpty());
        QVERIFY(!r.fatal);
        QVERIFY2(r.error.contains(QStringLiteral("refused")), qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("I can't help with rating these documents.")));
        QCOMPARE(r.usage.promptTokens, 2345); // a refusal is billed too
        QCOMPARE(server.requests().size(), 1);
    }

    void untrustedReply()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(200, "llm/openai/untrusted.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(4), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        // 2611.00003 had no valid score and is missing (to be retried), 2611.09999 was never asked for,
        // 2611.00001 got two different verdicts (8/6, then 2/2) and is asked again on its own.
        QCOMPARE(summary(r), QStringLiteral("2611.00002:-:7 2611.00004:-:5"));
        QCOMPARE(r.conflicting, QStringList {QStringLiteral("2611.00001")});
        QVERIFY(anyContains(r.warnings, QStringLiteral("2611.00001 got two different verdicts")));
        QVERIFY(anyContains(r.warnings, QStringLiteral("2611.09999")));
        QVERIFY(anyContains(r.warnings, QStringLiteral("Relevance of 2611.00002 is 11")));
        QVERIFY(anyContains(r.warnings, QStringLiteral("Novelty of 2611.00003 is \"high\"")));
        QVERIFY(anyContains(r.warnings, QStringLiteral("Relevance of 2611.00003 is 8.5")));
        QVERIFY(anyContains(r.warnings, QStringLiteral("Relevance of 2611.00004 is 0")));
    }

    void rateLimitRetryAfterThenSuccess()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(429, "llm/openai/error_rate_limit.json", {{"Retry-After", "1"}}));
        server.enqueue(Path, fixtureReply(200, "llm/openai/structured.json"));
        Test::ManualClock time;
        server.useClock(time);
        LlmConfig c = openAi(server);
        c.http.clock = &time;
        c.http.sleeper = &time;
        OpenAiProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.items.size(), 3);
        const auto reqs = server.requestsTo(Path);
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(time.sleeps(), QList<int> {1000});
        QCOMPARE(reqs.at(1).receivedMs - reqs.at(0).receivedMs, 1000);
        QCOMPARE(reqs.at(0).body, reqs.at(1).body);
        QCOMPARE(r.rateLimit.rateLimitedAttempts, 1);
        QCOMPARE(r.rateLimit.retryAfterMs, std::optional<qint64>(1000));
        QVERIFY(anyContains(r.warnings, QStringLiteral("HTTP 429")));
        verifyKeyOnlyInHeader(server, r);
    }

    void serverErrorThenSuccess()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(500, "llm/openai/error_server.json"));
        server.enqueue(Path, fixtureReply(200, "llm/openai/structured.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.items.size(), 3);
        QCOMPARE(server.requests().size(), 2);
    }

    void serverErrorsExhaustRetriesWithoutStoppingTheRun()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(503, "llm/openai/error_server.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.items.isEmpty());
        QVERIFY(!r.fatal);
        QCOMPARE(server.requests().size(), 3);
        QVERIFY2(r.error.contains(QStringLiteral("HTTP 503")), qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("Synthetic: an internal failure occurred")));
    }

    void conflictIsRetried()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path,
            reply(409,
                "{\"error\":{\"message\":\"busy\",\"type\":\"conflict\",\"param\":null,\"code\":null}}"));
        server.enqueue(Path, fixtureReply(200, "llm/openai/structured.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(server.requests().size(), 2);
    }

    void insufficientQuotaStopsAfterOneRequest()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(
            Path, fixtureReply(429, "llm/openai/error_insufficient_quota.json", {{"Retry-After", "1"}}));
        Test::ManualClock time;
        LlmConfig c = openAi(server);
        c.http.sleeper = &time;
        OpenAiProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.fatal);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(time.sleeps().isEmpty()); // did not wait for the Retry-After
        QVERIFY2(r.error.contains(QStringLiteral("out of credit")), qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("Synthetic: this account has no credit left")));
        QCOMPARE(r.rateLimit.rateLimitedAttempts, 1);
        verifyKeyOnlyInHeader(server, r);
    }

    void quotaMarkedOnlyInTheTypeIsRecognisedToo()
    {
        // The older body shape: type insufficient_quota, code null.
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path,
            reply(429,
                "{\"error\":{\"message\":\"You exceeded your current "
                "quota.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":null}}"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(1), testPrompt(), nullptr);
        QVERIFY(r.fatal);
        QCOMPARE(server.requests().size(), 1);
    }

    void unauthorizedIsFatalAndTheKeyStaysOut()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(401, "llm/openai/error_invalid_api_key.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.fatal);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(r.error.contains(QStringLiteral("refused the API key")), qPrintable(r.error));
        // Even the server's partly masked echo of the key is not passed on.
        QVERIFY2(!r.error.contains(QStringLiteral("sk-test")), qPrintable(r.error));
        verifyKeyOnlyInHeader(server, r);
    }

    void clientErrorsAreFatal_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("403") << 403
                             << QByteArray("{\"error\":{\"message\":\"Project does not have access to model "
                                           "gpt-5-mini\",\"type\":\"invalid_request_error\",\"param\":null,"
                                           "\"code\":\"model_not_found\"}}")
                             << QStringLiteral("denied access");
        QTest::newRow("404")
            << 404
            << QByteArray(
                   "{\"error\":{\"message\":\"The model `gpt-5-mini` does not "
                   "exist\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}")
            << QStringLiteral("Check the base URL and the model name");
        QTest::newRow("context") << 400 << fixture(QStringLiteral("llm/openai/error_context_length.json"))
                                 << QStringLiteral("lower the batch size");
        QTest::newRow("422") << 422 << QByteArray("{\"error\":\"unprocessable\"}")
                             << QStringLiteral("HTTP 422: unprocessable");
    }

    void clientErrorsAreFatal()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, reply(status, body));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.fatal);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void refusedOptionalParameterIsDropped()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(400, "llm/openai/error_unsupported_reasoning_effort.json"));
        server.enqueue(Path, fixtureReply(200, "llm/openai/structured.json"));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.items.size(), 3);
        QVERIFY(anyContains(r.warnings, QStringLiteral("reasoning_effort")));
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(bodyOf(server.requests().at(0)).contains(u"reasoning_effort"));
        QVERIFY(!bodyOf(server.requests().at(1)).contains(u"reasoning_effort"));
        // The next batch does not try it again.
        QVERIFY(provider.scoreBatch(batchOf(3), testPrompt(), nullptr).error.isEmpty());
        QCOMPARE(server.requests().size(), 3);
        QVERIFY(!bodyOf(server.requests().at(2)).contains(u"reasoning_effort"));
        QVERIFY(bodyOf(server.requests().at(2)).contains(u"response_format"));
    }

    void outputLimitNamedByTheServerIsRespected()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, fixtureReply(400, "llm/openai/error_output_limit.json"));
        server.enqueue(Path, fixtureReply(200, "llm/openai/structured.json"));
        LlmConfig c = openAi(server);
        c.reasoningEffort.clear();
        c.maxOutputTokens = 850;
        OpenAiProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(bodyOf(server.requests().at(0)).value(u"max_completion_tokens").toInt(), 850);
        QCOMPARE(bodyOf(server.requests().at(1)).value(u"max_completion_tokens").toInt(), 700);
        QVERIFY(anyContains(r.warnings, QStringLiteral("at most 700 output tokens")));
    }

    void garbageBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<html><body>Welcome to nginx!</body></html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other JSON") << QByteArray("{\"hello\":\"world\"}");
        QTest::newRow("no JSON in content") << QByteArray(
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"All three look "
            "great!\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
            "\"total_tokens\":15}}");
    }

    void garbageBodies()
    {
        QFETCH(QByteArray, body);
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, reply(200, body));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY(r.items.isEmpty());
        QVERIFY(!r.fatal);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(server.requests().size(), 1);
    }

    void implausibleUsageIsClamped()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        QJsonObject completion =
            QJsonDocument::fromJson(fixture(QStringLiteral("llm/openai/structured.json"))).object();
        completion.insert(QStringLiteral("usage"),
            QJsonObject {{QStringLiteral("prompt_tokens"), 100}, {QStringLiteral("completion_tokens"), -7},
                {QStringLiteral("prompt_tokens_details"),
                    QJsonObject {{QStringLiteral("cached_tokens"), 5000}}},
                {QStringLiteral("completion_tokens_details"),
                    QJsonObject {{QStringLiteral("reasoning_tokens"), 40}}}});
        completion.insert(QStringLiteral("model"), QString(QString(300, u'x') + u'\n'));
        server.enqueue(Path, reply(200, QJsonDocument(completion).toJson()));
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.usage.promptTokens, 100);
        QCOMPARE(r.usage.cachedPromptTokens, 100);
        QCOMPARE(r.usage.completionTokens, 0);
        QCOMPARE(r.usage.reasoningTokens, 0);
        QCOMPARE(r.model.size(), 100);
        QVERIFY(!r.model.contains(u'\n'));
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
            LoopbackHttpServer::Response slow = fixtureReply(200, "llm/openai/structured.json");
            slow.delayMs = 3600 * 1000;
            return slow;
        });
        LlmConfig c = openAi(server);
        c.http.timeoutMs = 3600 * 1000;
        OpenAiProvider provider(c);
        const BatchResult r = provider.scoreBatch(batchOf(3), testPrompt(), &cancel);
        QVERIFY(r.items.isEmpty());
        QVERIFY(!r.fatal);
        QCOMPARE(r.error, QStringLiteral("Cancelled"));
        // Once cancelled, nothing more is sent.
        const BatchResult again = provider.scoreBatch(batchOf(3), testPrompt(), &cancel);
        QCOMPARE(again.error, QStringLiteral("Cancelled"));
        QCOMPARE(server.requests().size(), 1);
    }

    void emptyBatchSendsNothing()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        OpenAiProvider provider(openAi(server));
        const BatchResult r = provider.scoreBatch({}, testPrompt(), nullptr);
        QVERIFY(r.error.isEmpty());
        QVERIFY(server.requests().isEmpty());
    }

    void titleFilterRequestAndReply()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        const QByteArray content = QByteArrayLiteral(R"({\"keep\":[\"2611.00002\",\"2699.00001\"]})");
        server.enqueue(Path,
            reply(200,
                QByteArrayLiteral(
                    R"({"model":"gpt-5-mini","choices":[{"index":0,"message":{"role":"assistant",)"
                    R"("content":")") +
                    content +
                    QByteArrayLiteral(R"("},"finish_reason":"stop"}],"usage":{"prompt_tokens":300,)"
                                      R"("completion_tokens":20,"total_tokens":320}})")));
        server.enqueue(Path,
            reply(200,
                QByteArrayLiteral(
                    R"({"model":"gpt-5-mini","choices":[{"index":0,"message":{"role":"assistant",)"
                    R"("content":"Sure! All three."},"finish_reason":"stop"}],"usage":{)"
                    R"("prompt_tokens":300,"completion_tokens":5,"total_tokens":305}})")));
        OpenAiProvider provider(openAi(server));
        QVERIFY(provider.supportsTitleFilter());
        const BatchResult r = provider.filterTitles(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(summary(r), QStringLiteral("2611.00002:-:-"));
        QCOMPARE(r.usage.promptTokens, 300);
        QVERIFY(anyContains(r.warnings, QStringLiteral("2699.00001")));
        const QJsonObject body = bodyOf(server.requests().first());
        const QJsonObject format = body.value(QStringLiteral("response_format")).toObject();
        QCOMPARE(
            format.value(QStringLiteral("json_schema")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("title_filter"));
        QVERIFY(format.value(QStringLiteral("json_schema"))
                    .toObject()
                    .value(QStringLiteral("schema"))
                    .toObject()
                    .value(QStringLiteral("properties"))
                    .toObject()
                    .contains(QStringLiteral("keep")));
        // Smaller output allowance than scoring the same batch.
        QVERIFY(body.value(QStringLiteral("max_completion_tokens")).toInt() <
            provider.requestBody(batchOf(3), testPrompt())
                .value(QStringLiteral("max_completion_tokens"))
                .toInt());

        // A reply without a list of ids is an error, so that the job keeps the batch.
        const BatchResult prose = provider.filterTitles(batchOf(3), testPrompt(), nullptr);
        QVERIFY(prose.items.isEmpty());
        QVERIFY(prose.error.contains(QStringLiteral("no list of ids")));
        QVERIFY(!prose.fatal);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiProvider)
#include "test_openaiprovider.moc"
