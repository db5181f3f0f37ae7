// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenAI Batch API and Anthropic Message Batches against stand-in servers on 127.0.0.1.
#include "scoring/llmbatchapi.h"

#include <testkit/llmtestsupport.h>

#include <QJsonArray>
#include <QTest>

using namespace Lectern;
using namespace Lectern::Test;

namespace {

LlmConfig configFor(LlmKind kind, const LoopbackHttpServer &server)
{
    LlmConfig c;
    c.kind = kind;
    c.baseUrl = server.url(QStringLiteral("/v1"));
    c.model = kind == LlmKind::Anthropic ? QStringLiteral("claude-haiku-4-5") : QStringLiteral("gpt-5-mini");
    c.apiKey = FakeKey;
    c.http = fastHttp();
    return c;
}

QList<LlmBatchRequest> twoRequests()
{
    const QList<Paper> papers = batchOf(3);
    LlmBatchRequest a;
    a.customId = QStringLiteral("b1");
    a.papers = papers.mid(0, 2);
    a.prompt = testPrompt();
    LlmBatchRequest b;
    b.customId = QStringLiteral("b2");
    b.papers = papers.mid(2, 1);
    b.prompt = testPrompt();
    return {a, b};
}

QHash<QString, QList<Paper>> papersById(const QList<LlmBatchRequest> &requests)
{
    QHash<QString, QList<Paper>> out;
    for (const LlmBatchRequest &r : requests)
        out.insert(r.customId, r.papers);
    return out;
}

void verifyKeyOnlyInHeaders(
    const LoopbackHttpServer &server, const QByteArray &header, const QByteArray &value)
{
    QVERIFY(!server.requests().isEmpty());
    for (const auto &req : server.requests()) {
        QCOMPARE(req.headers.value(header), value);
        QVERIFY(!req.body.contains(FakeKey.toLatin1()));
        QVERIFY(!req.target.contains(FakeKey.toLatin1()));
    }
}

} // namespace

class TestLlmBatchApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openAiBatch()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/files", fixtureReply(200, "llm/openai/batch_file.json"));
        server.enqueue("/v1/batches", fixtureReply(200, "llm/openai/batch_in_progress.json"));
        server.enqueue("/v1/batches/batch_lectern1", fixtureReply(200, "llm/openai/batch_in_progress.json"));
        server.enqueue("/v1/batches/batch_lectern1", fixtureReply(200, "llm/openai/batch_completed.json"));
        server.enqueue("/v1/files/file-lectern-out/content",
            reply(200, fixture(QStringLiteral("llm/openai/batch_output.jsonl"))));
        server.enqueue("/v1/files/file-lectern-err/content",
            reply(200, fixture(QStringLiteral("llm/openai/batch_errors.jsonl"))));

        auto api = makeLlmBatchApi(configFor(LlmKind::OpenAi, server));
        QVERIFY2(api.ok(), qPrintable(api.error()));
        const QList<LlmBatchRequest> requests = twoRequests();
        const auto id = api.value()->submit(requests, nullptr);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QCOMPARE(id.value(), QStringLiteral("batch_lectern1"));

        // The upload: multipart with purpose=batch and one JSON line per request.
        const auto upload = server.requestsTo("/v1/files").first();
        QCOMPARE(upload.method, QByteArray("POST"));
        const QByteArray type = upload.headers.value("content-type");
        QVERIFY2(type.startsWith("multipart/form-data; boundary="), type.constData());
        const QByteArray boundary = type.mid(type.indexOf('=') + 1);
        QVERIFY(upload.body.contains("name=\"purpose\"\r\n\r\nbatch\r\n"));
        const qsizetype fileStart = upload.body.indexOf("application/jsonl\r\n\r\n") + 21;
        const qsizetype fileEnd = upload.body.indexOf(QByteArray("\r\n--" + boundary + "--"));
        QVERIFY(fileStart > 21 && fileEnd > fileStart);
        const QList<QByteArray> lines = upload.body.mid(fileStart, fileEnd - fileStart).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.value(u"custom_id").toString(), QStringLiteral("b1"));
        QCOMPARE(first.value(u"method").toString(), QStringLiteral("POST"));
        QCOMPARE(first.value(u"url").toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(first.value(u"body").toObject().value(u"model").toString(), QStringLiteral("gpt-5-mini"));
        QVERIFY(first.value(u"body").toObject().contains(u"response_format"));
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"custom_id").toString(),
            QStringLiteral("b2"));

        const QJsonObject create = bodyOf(server.requestsTo("/v1/batches").first());
        QCOMPARE(create.value(u"input_file_id").toString(), QStringLiteral("file-lectern-in"));
        QCOMPARE(create.value(u"endpoint").toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(create.value(u"completion_window").toString(), QStringLiteral("24h"));

        const auto running = api.value()->status(id.value(), nullptr);
        QVERIFY2(running.ok(), qPrintable(running.error()));
        QVERIFY(!running->ended);
        QCOMPARE(running->state, QStringLiteral("in_progress"));
        const auto done = api.value()->status(id.value(), nullptr);
        QVERIFY(done.ok());
        QVERIFY(done->ended);
        QVERIFY(!done->failed);
        QCOMPARE(done->total, 2);
        QCOMPARE(done->succeeded, 1);
        QCOMPARE(done->failedRequests, 1);

        const auto results = api.value()->results(id.value(), papersById(requests), nullptr);
        QVERIFY2(results.ok(), qPrintable(results.error()));
        QCOMPARE(results->size(), 2); // b9 was never asked for
        const BatchResult b1 = results->value(QStringLiteral("b1"));
        QVERIFY2(b1.error.isEmpty(), qPrintable(b1.error));
        // 2611.00003 belongs to b2's request, not b1's.
        QCOMPARE(summary(b1), QStringLiteral("2611.00001:8:6 2611.00002:2:3"));
        QVERIFY(anyContains(b1.warnings, QStringLiteral("2611.00003")));
        QCOMPARE(b1.usage.promptTokens, 1900);
        QCOMPARE(b1.usage.cachedPromptTokens, 1536);
        const BatchResult b2 = results->value(QStringLiteral("b2"));
        QVERIFY(b2.items.isEmpty());
        QVERIFY2(b2.error.contains(QStringLiteral("HTTP 500")), qPrintable(b2.error));
        QVERIFY(anyContains(b1.warnings + b2.warnings, QStringLiteral("could not be read")));

        verifyKeyOnlyInHeaders(server, "authorization", QByteArray("Bearer ") + FakeKey.toLatin1());
    }

    void openAiFailedBatch()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/batches/batch_lectern1", fixtureReply(200, "llm/openai/batch_failed.json"));
        auto api = makeLlmBatchApi(configFor(LlmKind::OpenAi, server));
        QVERIFY(api.ok());
        const auto s = api.value()->status(QStringLiteral("batch_lectern1"), nullptr);
        QVERIFY(s.ok());
        QVERIFY(s->ended);
        QVERIFY(s->failed);
        QVERIFY2(s->error.contains(QStringLiteral("not parseable")), qPrintable(s->error));
    }

    void anthropicBatch()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/messages/batches", fixtureReply(200, "llm/anthropic/batch_in_progress.json"));
        server.enqueue(
            "/v1/messages/batches/msgbatch_lectern1", fixtureReply(200, "llm/anthropic/batch_ended.json"));
        server.enqueue("/v1/messages/batches/msgbatch_lectern1/results",
            reply(200, fixture(QStringLiteral("llm/anthropic/batch_results.jsonl"))));

        auto api = makeLlmBatchApi(configFor(LlmKind::Anthropic, server));
        QVERIFY2(api.ok(), qPrintable(api.error()));
        QList<LlmBatchRequest> requests = twoRequests();
        LlmBatchRequest third;
        third.customId = QStringLiteral("b3");
        third.papers = {makePaper(QStringLiteral("2611.00004"))};
        third.prompt = testPrompt();
        requests << third;
        const auto id = api.value()->submit(requests, nullptr);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QCOMPARE(id.value(), QStringLiteral("msgbatch_lectern1"));

        const QJsonArray sent =
            bodyOf(server.requestsTo("/v1/messages/batches").first()).value(u"requests").toArray();
        QCOMPARE(sent.size(), 3);
        const QJsonObject params = sent.at(0).toObject().value(u"params").toObject();
        QCOMPARE(sent.at(0).toObject().value(u"custom_id").toString(), QStringLiteral("b1"));
        QCOMPARE(params.value(u"model").toString(), QStringLiteral("claude-haiku-4-5"));
        QVERIFY(params.contains(u"tools"));
        const QJsonArray content =
            params.value(u"messages").toArray().at(0).toObject().value(u"content").toArray();
        QVERIFY(content.at(0).toObject().contains(u"cache_control"));

        const auto s = api.value()->status(id.value(), nullptr);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QVERIFY(s->ended);
        QCOMPARE(s->total, 3);
        QCOMPARE(s->succeeded, 1);
        QCOMPARE(s->failedRequests, 2);

        const auto results = api.value()->results(id.value(), papersById(requests), nullptr);
        QVERIFY2(results.ok(), qPrintable(results.error()));
        QCOMPARE(results->size(), 3);
        const BatchResult b1 = results->value(QStringLiteral("b1"));
        QCOMPARE(summary(b1), QStringLiteral("2611.00001:7:6 2611.00002:1:2"));
        QCOMPARE(b1.usage.promptTokens, 300 + 1800);
        QCOMPARE(b1.usage.cachedPromptTokens, 1800);
        QVERIFY(results->value(QStringLiteral("b2")).error.contains(QStringLiteral("prompt is too long")));
        QVERIFY(results->value(QStringLiteral("b3")).error.contains(QStringLiteral("expired")));

        // The results came from the configured server, not from the results_url the reply named.
        QCOMPARE(server.requestsTo("/v1/messages/batches/msgbatch_lectern1/results").size(), 1);
        verifyKeyOnlyInHeaders(server, "x-api-key", FakeKey.toLatin1());
    }

    void unsafeIdsAreRefused()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(
            "/v1/messages/batches", reply(200, "{\"id\":\"../../evil\",\"type\":\"message_batch\"}"));
        auto api = makeLlmBatchApi(configFor(LlmKind::Anthropic, server));
        QVERIFY(api.ok());
        QList<LlmBatchRequest> bad = twoRequests();
        bad[0].customId = QStringLiteral("../b1");
        QVERIFY(!api.value()->submit(bad, nullptr).ok());
        QList<LlmBatchRequest> twice = twoRequests();
        twice[1].customId = twice[0].customId;
        QVERIFY(!api.value()->submit(twice, nullptr).ok());
        QVERIFY(!api.value()->status(QStringLiteral("../../v1/models"), nullptr).ok());
        QVERIFY(server.requests().isEmpty());
        // An id from the server that could leave the batch path is not used.
        const auto id = api.value()->submit(twoRequests(), nullptr);
        QVERIFY(!id.ok());
        QVERIFY2(id.error().contains(QStringLiteral("usable id")), qPrintable(id.error()));
    }

    void errorsAreReported()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/files", fixtureReply(401, "llm/openai/error_invalid_api_key.json"));
        auto api = makeLlmBatchApi(configFor(LlmKind::OpenAi, server));
        QVERIFY(api.ok());
        const auto id = api.value()->submit(twoRequests(), nullptr);
        QVERIFY(!id.ok());
        QVERIFY2(id.error().contains(QStringLiteral("refused the API key")), qPrintable(id.error()));
        QVERIFY(!id.error().contains(QStringLiteral("sk-test")));
        QCOMPARE(server.requests().size(), 1);
    }

    // A batch's own error texts are server text too: neither the key (whatever its shape) nor a gateway
    // URL's query or user info may come back through them (issue 12, found by reading after the sweep).
    void batchErrorsQuoteNoSecret()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        LlmConfig config = configFor(LlmKind::OpenAi, server);
        config.apiKey = QStringLiteral("plainKey-0123456789abcdef");
        config.baseUrl.setUserName(QStringLiteral("gateway"));
        config.baseUrl.setPassword(QStringLiteral("GatewayPassword42"));
        config.baseUrl.setQuery(QStringLiteral("api-key=GatewaySecret42"));
        const QString quoted =
            QStringLiteral("bad key plainKey-0123456789abcdef at %1, secret GatewaySecret42")
                .arg(config.baseUrl.toString());
        const QJsonObject error {{QStringLiteral("message"), quoted}};
        server.enqueue("/v1/batches/batch_lectern1",
            reply(200,
                QJsonDocument(QJsonObject {{QStringLiteral("id"), QStringLiteral("batch_lectern1")},
                                  {QStringLiteral("status"), QStringLiteral("completed")},
                                  {QStringLiteral("output_file_id"), QStringLiteral("file-out1")},
                                  {QStringLiteral("errors"),
                                      QJsonObject {{QStringLiteral("data"), QJsonArray {error}}}}})
                    .toJson(QJsonDocument::Compact)));
        const QJsonObject line {{QStringLiteral("custom_id"), QStringLiteral("b1")},
            {QStringLiteral("response"),
                QJsonObject {{QStringLiteral("status_code"), 400},
                    {QStringLiteral("body"), QJsonObject {{QStringLiteral("error"), error}}}}}};
        server.enqueue(
            "/v1/files/file-out1/content", reply(200, QJsonDocument(line).toJson(QJsonDocument::Compact)));
        auto api = makeLlmBatchApi(config);
        QVERIFY(api.ok());
        const auto status = api.value()->status(QStringLiteral("batch_lectern1"), nullptr);
        QVERIFY2(status.ok(), qPrintable(status.error()));
        const auto results =
            api.value()->results(QStringLiteral("batch_lectern1"), papersById(twoRequests()), nullptr);
        QVERIFY2(results.ok(), qPrintable(results.error()));
        QVERIFY(results->contains(QStringLiteral("b1")));
        for (const QString &text : {status->error, results->value(QStringLiteral("b1")).error}) {
            QVERIFY2(text.contains(QStringLiteral("bad key")), qPrintable(text));
            for (const QString &secret :
                {config.apiKey, QStringLiteral("GatewayPassword42"), QStringLiteral("GatewaySecret42")})
                QVERIFY2(!text.contains(secret), qPrintable(text));
        }
    }

    void localServersHaveNoBatches()
    {
        LlmConfig c;
        c.kind = LlmKind::Local;
        c.baseUrl = QUrl(QStringLiteral("http://localhost:11434/v1"));
        c.model = QStringLiteral("llama3.1");
        QVERIFY(!makeLlmBatchApi(c).ok());
        c.kind = LlmKind::OpenAi; // and no key
        QVERIFY(!makeLlmBatchApi(c).ok());
    }
};

QTEST_GUILESS_MAIN(TestLlmBatchApi)
#include "test_llmbatchapi.moc"
