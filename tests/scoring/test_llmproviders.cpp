// SPDX-License-Identifier: GPL-3.0-or-later
// Building LLM providers from settings and keys, and testing a connection against a stand-in server.
#include "config/settings.h"
#include "scoring/anthropicprovider.h"
#include "scoring/llmproviders.h"
#include "scoring/openaiprovider.h"
#include "scoring/ratelimit.h"

#include <testkit/llmtestsupport.h>

#include <QTest>

using namespace Lectern;
using namespace Lectern::Test;

namespace {

/// Sets environment variables for one test and restores them after.
class ScopedEnv
{
public:
    ScopedEnv(std::initializer_list<std::pair<const char *, const char *>> vars)
    {
        for (const char *name : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "LECTERN_API_KEY"}) {
            m_saved.append({name, qgetenv(name)});
            m_had.append(qEnvironmentVariableIsSet(name));
            qunsetenv(name);
        }
        for (const auto &[name, value] : vars)
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        for (qsizetype i = 0; i < m_saved.size(); ++i) {
            if (m_had.at(i))
                qputenv(m_saved.at(i).first, m_saved.at(i).second);
            else
                qunsetenv(m_saved.at(i).first);
        }
    }
    Q_DISABLE_COPY_MOVE(ScopedEnv)

private:
    QList<std::pair<const char *, QByteArray>> m_saved;
    QList<bool> m_had;
};

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

LlmConfig localConfig(const LoopbackHttpServer &server)
{
    LlmConfig c;
    c.kind = LlmKind::Local;
    c.baseUrl = server.url(QStringLiteral("/v1"));
    c.model = QStringLiteral("llama3.1");
    c.http = fastHttp();
    return c;
}

} // namespace

class TestLlmProviders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keysFromTheEnvironment()
    {
        {
            ScopedEnv env({{"OPENAI_API_KEY", "sk-openai-env"}, {"LECTERN_API_KEY", "sk-lectern-env"}});
            const ApiKeySource keys;
            QCOMPARE(keys.find(LlmKind::OpenAi).value, QStringLiteral("sk-openai-env"));
            QCOMPARE(
                keys.find(LlmKind::OpenAi).origin, QStringLiteral("environment variable OPENAI_API_KEY"));
            // No Anthropic variable: the Lectern one serves.
            QCOMPARE(keys.find(LlmKind::Anthropic).value, QStringLiteral("sk-lectern-env"));
            // A vendor's key never goes to a local server.
            QCOMPARE(keys.find(LlmKind::Local).value, QStringLiteral("sk-lectern-env"));
        }
        {
            ScopedEnv env({{"OPENAI_API_KEY", "sk-openai-env"}});
            QVERIFY(ApiKeySource().find(LlmKind::Local).value.isEmpty());
            QVERIFY(ApiKeySource().find(LlmKind::Anthropic).value.isEmpty());
        }
        {
            ScopedEnv env({{"ANTHROPIC_API_KEY", "  sk-ant-padded \n"}});
            QCOMPARE(ApiKeySource().find(LlmKind::Anthropic).value, QStringLiteral("sk-ant-padded"));
        }
        {
            ScopedEnv env({{"OPENAI_API_KEY", "sk-two words"}});
            const ApiKeySource::Key k = ApiKeySource().find(LlmKind::OpenAi);
            QVERIFY(k.value.isEmpty());
            QVERIFY(k.problem.contains(QStringLiteral("OPENAI_API_KEY")));
            QVERIFY(!k.problem.contains(QStringLiteral("sk-two")));
        }
    }

    void keyringComesFirst()
    {
        ScopedEnv env({{"OPENAI_API_KEY", "sk-openai-env"}});
        QList<LlmKind> asked;
        const ApiKeySource keys([&](LlmKind k) {
            asked << k;
            return k == LlmKind::OpenAi ? QStringLiteral("sk-from-keyring") : QString();
        });
        QCOMPARE(keys.find(LlmKind::OpenAi).value, QStringLiteral("sk-from-keyring"));
        QCOMPARE(keys.find(LlmKind::OpenAi).origin, QStringLiteral("the keyring"));
        QVERIFY(keys.find(LlmKind::Anthropic).value.isEmpty());
        QCOMPARE(asked.size(), 3);
    }

    void reasoningModels()
    {
        QVERIFY(isReasoningModel(QStringLiteral("gpt-5")));
        QVERIFY(isReasoningModel(QStringLiteral("gpt-5-mini")));
        QVERIFY(isReasoningModel(QStringLiteral("openai/gpt-5-nano")));
        QVERIFY(isReasoningModel(QStringLiteral("o3-mini")));
        QVERIFY(isReasoningModel(QStringLiteral("o4")));
        QVERIFY(!isReasoningModel(QStringLiteral("gpt-5-chat-latest")));
        QVERIFY(!isReasoningModel(QStringLiteral("gpt-4.1-mini")));
        QVERIFY(!isReasoningModel(QStringLiteral("omni-moderation")));
        QVERIFY(!isReasoningModel(QStringLiteral("llama3.1")));
        QCOMPARE(effectiveReasoningEffort(
                     LlmKind::OpenAi, QStringLiteral("gpt-5-mini"), QStringLiteral("minimal")),
            QStringLiteral("minimal"));
        QCOMPARE(
            effectiveReasoningEffort(LlmKind::OpenAi, QStringLiteral("gpt-4.1-mini"), QStringLiteral("low")),
            QString());
        QCOMPARE(effectiveReasoningEffort(LlmKind::Local, QStringLiteral("gpt-5"), QStringLiteral("low")),
            QString());
        QCOMPARE(effectiveReasoningEffort(
                     LlmKind::Anthropic, QStringLiteral("claude-haiku-4-5"), QStringLiteral("low")),
            QString());
    }

    void providerKinds()
    {
        auto openai = makeLlmProvider(QStringLiteral("openai"),
            QUrl(QStringLiteral("https://api.openai.com/v1")), QStringLiteral("gpt-5-mini"),
            QStringLiteral("sk-x1234"), true, QStringLiteral("low"), llmHttpOptions());
        QVERIFY2(openai.ok(), qPrintable(openai.error()));
        const auto *o = dynamic_cast<const OpenAiProvider *>(openai->get());
        QVERIFY(o);
        QCOMPARE(o->config().reasoningEffort, QStringLiteral("low"));
        QCOMPARE(o->model(), QStringLiteral("gpt-5-mini"));

        auto claude = makeLlmProvider(QStringLiteral("Anthropic"),
            QUrl(QStringLiteral("https://api.anthropic.com/v1")), QStringLiteral("claude-haiku-4-5"),
            QStringLiteral("sk-ant-x1234"), true, QStringLiteral("low"), llmHttpOptions());
        QVERIFY2(claude.ok(), qPrintable(claude.error()));
        QVERIFY(dynamic_cast<const AnthropicProvider *>(claude->get()));

        // A local server needs no key and may use plain http on the LAN.
        auto local =
            makeLlmProvider(QStringLiteral("local"), QUrl(QStringLiteral("http://192.168.1.20:8080/v1")),
                QStringLiteral("qwen"), QString(), false, QStringLiteral("low"), llmHttpOptions());
        QVERIFY2(local.ok(), qPrintable(local.error()));
        const auto *l = dynamic_cast<const OpenAiProvider *>(local->get());
        QVERIFY(l);
        QVERIFY(l->config().reasoningEffort.isEmpty());
        QVERIFY(!l->config().structuredOutput);
    }

    void providerRefusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown kind") << s("gemini") << s("https://x.example/v1") << s("m")
                                      << s("sk-unknown-kind") << s("Unknown LLM provider");
        QTest::newRow("no key") << s("openai") << s("https://api.openai.com/v1") << s("gpt-5") << s("")
                                << s("OPENAI_API_KEY");
        QTest::newRow("no anthropic key") << s("anthropic") << s("https://api.anthropic.com/v1") << s("c")
                                          << s("") << s("ANTHROPIC_API_KEY");
        QTest::newRow("no model") << s("openai") << s("https://api.openai.com/v1") << s(" ") << s("sk-1")
                                  << s("No model");
        QTest::newRow("bad url") << s("local") << s("ftp://host/v1") << s("m") << s("")
                                 << s("not an http(s) address");
        QTest::newRow("no host") << s("local") << s("v1") << s("m") << s("") << s("not an http(s) address");
        QTest::newRow("clear-text key")
            << s("openai") << s("http://proxy.example.org/v1") << s("gpt-5") << s("sk-1") << s("unencrypted");
        QTest::newRow("key with newline") << s("openai") << s("https://api.openai.com/v1") << s("gpt-5")
                                          << s("sk-1\nX: y") << s("cannot be sent");
    }

    void providerRefusals()
    {
        QFETCH(QString, kind);
        QFETCH(QString, url);
        QFETCH(QString, model);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const auto p = makeLlmProvider(kind, QUrl(url), model, key, true, QString(), llmHttpOptions());
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(expected), qPrintable(p.error()));
        if (!key.isEmpty())
            QVERIFY(!p.error().contains(key));
    }

    void configFromSettings()
    {
        TempProfileDir dir;
        Settings settings(dir.path() + QStringLiteral("/settings.ini"));
        ScopedEnv env({{"ANTHROPIC_API_KEY", "sk-ant-from-env"}});
        const ApiKeySource keys;

        QVERIFY(!llmConfigFromSettings(settings, keys).ok()); // builtin by default

        QVERIFY(settings.setText(Keys::ScoringProvider, QStringLiteral("openai")).ok());
        const auto missing = llmConfigFromSettings(settings, keys);
        QVERIFY(!missing.ok());
        QVERIFY2(
            missing.error().contains(QStringLiteral("No API key for OpenAI")), qPrintable(missing.error()));

        QVERIFY(settings.setText(Keys::ScoringProvider, QStringLiteral("anthropic")).ok());
        const auto a = llmConfigFromSettings(settings, keys);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        QCOMPARE(a->kind, LlmKind::Anthropic);
        QCOMPARE(a->baseUrl, QUrl(QStringLiteral("https://api.anthropic.com/v1")));
        QCOMPARE(a->model, QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(a->apiKey, QStringLiteral("sk-ant-from-env"));
        QVERIFY(a->structuredOutput);
        QVERIFY(a->reasoningEffort.isEmpty());
        QCOMPARE(a->http.timeoutMs, llmHttpOptions().timeoutMs);

        QVERIFY(settings.setText(Keys::ScoringProvider, QStringLiteral("local")).ok());
        QVERIFY(settings.setText(Keys::ScoringStructuredOutput, QStringLiteral("false")).ok());
        const auto l = llmConfigFromSettings(settings, keys);
        QVERIFY2(l.ok(), qPrintable(l.error()));
        QCOMPARE(l->kind, LlmKind::Local);
        QVERIFY(l->apiKey.isEmpty()); // the Anthropic key stays with Anthropic
        QVERIFY(!l->structuredOutput);
        QCOMPARE(l->model, QStringLiteral("llama3.1"));
    }

    void durations_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("ms") << QByteArray("12ms") << qint64(12);
        QTest::newRow("m s") << QByteArray("6m0s") << qint64(360000);
        QTest::newRow("h m s") << QByteArray("1h2m3.5s") << qint64(3723500);
        QTest::newRow("fraction") << QByteArray("0.5s") << qint64(500);
        QTest::newRow("bare seconds") << QByteArray("20") << qint64(20000);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("unit only") << QByteArray("ms") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }

    void durations()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, ms);
        QCOMPARE(RateLimitInfo::parseDurationMs(text).value_or(-1), ms);
    }

    void connectionTestListsModels()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/models", fixtureReply(200, "llm/openai/models.json"));
        LlmConfig c = localConfig(server);
        c.kind = LlmKind::OpenAi;
        c.apiKey = FakeKey;
        c.model = QStringLiteral("gpt-5-mini");
        const ConnectionTestResult r = testConnection(c, false);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.modelListed);
        QCOMPARE(r.models.size(), 3);
        QVERIFY2(
            r.message.contains(QStringLiteral("model \"gpt-5-mini\" is available")), qPrintable(r.message));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().method, QByteArray("GET"));
        QCOMPARE(server.requests().first().headers.value("authorization"),
            QByteArray("Bearer ") + FakeKey.toLatin1());
        QVERIFY(!r.message.contains(FakeKey));

        c.model = QStringLiteral("gpt-6-imaginary");
        const ConnectionTestResult missing = testConnection(c, false);
        QVERIFY(missing.ok);
        QVERIFY(!missing.modelListed);
        QVERIFY2(
            missing.message.contains(QStringLiteral("does not list model")), qPrintable(missing.message));
    }

    void connectionTestAnthropicAlias()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/models", fixtureReply(200, "llm/anthropic/models.json"));
        LlmConfig c = localConfig(server);
        c.kind = LlmKind::Anthropic;
        c.apiKey = FakeKey;
        c.model = QStringLiteral("claude-haiku-4-5");
        const ConnectionTestResult r = testConnection(c, false);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.modelListed);
        const auto &req = server.requests().first();
        QCOMPARE(req.headers.value("x-api-key"), FakeKey.toLatin1());
        QCOMPARE(req.headers.value("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(req.target.contains("limit="));
    }

    void connectionTestBadKey()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/models", fixtureReply(401, "llm/openai/error_invalid_api_key.json"));
        LlmConfig c = localConfig(server);
        c.kind = LlmKind::OpenAi;
        c.apiKey = FakeKey;
        const ConnectionTestResult r = testConnection(c, true);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("refused the API key")), qPrintable(r.message));
        QVERIFY(!r.message.contains(QStringLiteral("sk-test")));
        QCOMPARE(server.requests().size(), 1); // no sample is scored with a refused key
    }

    void connectionTestScoresASample()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue("/v1/models", reply(404, "{\"error\":\"not found\"}"));
        server.enqueue("/v1/chat/completions", fixtureReply(200, "llm/openai/sample_scored.json"));
        const ConnectionTestResult r = testConnection(localConfig(server), true);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.sampleScored);
        QCOMPARE(r.sampleUsage.promptTokens, 140);
        QVERIFY2(
            r.message.contains(QStringLiteral("140 prompt and 30 completion tokens")), qPrintable(r.message));
        const QJsonObject body = bodyOf(server.requestsTo("/v1/chat/completions").first());
        QCOMPARE(body.value(u"model").toString(), QStringLiteral("llama3.1"));
    }

    void connectionTestServerDown()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        LlmConfig c = localConfig(server);
        c.baseUrl.setPort(1); // nothing listens there
        c.http.maxAttempts = 1;
        const ConnectionTestResult r = testConnection(c, false);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("Is the server running")), qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(TestLlmProviders)
#include "test_llmproviders.moc"
