// SPDX-License-Identifier: GPL-3.0-or-later
// LlmProvider, the base of the LLM providers, through a toy provider whose API is as small as can be: what
// the base does (send, retry within the output limit, let the provider adapt, read the verdicts, fail
// readably) is seen on a stand-in server on 127.0.0.1.
#include "scoring/llmprovider.h"

#include <testkit/llmtestsupport.h>

#include <QJsonArray>
#include <QTest>

using namespace Lectern;
using namespace Lectern::Test;

namespace {

const QByteArray Path = QByteArrayLiteral("/api/score");

/// A toy API: {"max_tokens": n, "papers": "...", "strict": bool} in, {"text": "..."} out.
class ToyProvider final : public LlmProvider
{
public:
    ToyProvider(LlmConfig config, int capRounds)
        : LlmProvider(std::move(config), QStringLiteral("score"), QStringLiteral("Toy answer"), capRounds)
    { }

    QJsonObject requestBody(
        const QList<Paper> &papers, const RenderedPrompt &prompt, Purpose purpose) const override
    {
        QJsonObject body {{QStringLiteral("max_tokens"), withinOutputCap(4000)},
            {QStringLiteral("papers"), prompt.papers}, {QStringLiteral("count"), int(papers.size())},
            {QStringLiteral("titles"), purpose == Purpose::TitleFilter}};
        if (m_strict)
            body.insert(QStringLiteral("strict"), true);
        return body;
    }
    Headers headers() const override
    {
        return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    }
    int adaptations = 0;

protected:
    void readReply(const QJsonObject &reply, const QList<Paper> &papers, BatchResult &result,
        Purpose purpose) const override
    {
        if (reply.value(QStringLiteral("refused")).toBool()) {
            if (noteRefusal(result, QStringLiteral("not today"), true))
                return;
        }
        readVerdicts(papers, purpose, reply.value(QStringLiteral("text")).toString(), QJsonArray(), result);
    }
    /// The toy server may refuse "strict" once: then it is left out.
    bool adaptTo(const HttpResponse &response, const QJsonObject &sent, int, BatchResult &result) override
    {
        if (response.status != 422 || !sent.contains(QStringLiteral("strict")))
            return false;
        m_strict = false;
        ++adaptations;
        result.warnings << QStringLiteral("sent again without strict");
        return true;
    }

private:
    bool m_strict = true;
};

LlmConfig toy(const LoopbackHttpServer &server)
{
    LlmConfig c;
    c.kind = LlmKind::Local;
    c.baseUrl = server.url(QStringLiteral("/api"));
    c.model = QStringLiteral("toy-model");
    c.http = fastHttp();
    return c;
}

QByteArray textReply(const QString &text)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("text"), text}}).toJson(QJsonDocument::Compact);
}

const QString TwoScores =
    QStringLiteral("{\"ARXIVID\":\"2611.00001\",\"COMMENT\":\"fits\",\"RELEVANCE\":8,\"NOVELTY\":6}\n"
                   "{\"ARXIVID\":\"2611.00002\",\"COMMENT\":\"off\",\"RELEVANCE\":2,\"NOVELTY\":3}");

} // namespace

class TestLlmProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheVerdictsOfAReply()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, reply(200, textReply(TwoScores)));
        ToyProvider provider(toy(server), 2);
        const BatchResult r = provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(summary(r), QStringLiteral("2611.00001:8:6 2611.00002:2:3"));
        QCOMPARE(r.model, QStringLiteral("toy-model"));
        QCOMPARE(server.requestsTo(Path).size(), 1);
        QCOMPARE(bodyOf(server.requestsTo(Path).first()).value(QStringLiteral("titles")).toBool(), false);
    }

    void titleFilterRequestsReadTheIdsToKeep()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, reply(200, textReply(QStringLiteral("{\"keep\":[\"2611.00002\"]}"))));
        ToyProvider provider(toy(server), 2);
        const BatchResult r = provider.filterTitles(batchOf(3), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(summary(r), QStringLiteral("2611.00002:-:-"));
        QCOMPARE(bodyOf(server.requestsTo(Path).first()).value(QStringLiteral("titles")).toBool(), true);
    }

    void anOutputLimitRefusalIsAnsweredWithinTheLimit()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path,
            reply(400,
                QByteArrayLiteral(R"({"error":{"message":"max_tokens: 4000 > 1000, the model's limit"}})")));
        server.enqueue(Path, reply(200, textReply(TwoScores)));
        ToyProvider provider(toy(server), 2);
        const BatchResult r = provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QList<LoopbackHttpServer::Request> sent = server.requestsTo(Path);
        QCOMPARE(sent.size(), 2);
        QCOMPARE(bodyOf(sent.at(1)).value(QStringLiteral("max_tokens")).toInt(), 1000);
        QVERIFY(anyContains(r.warnings, QStringLiteral("at most 1000 output tokens")));
        // The limit is kept for the next batch.
        server.enqueue(Path, reply(200, textReply(TwoScores)));
        (void)provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QCOMPARE(bodyOf(server.requestsTo(Path).last()).value(QStringLiteral("max_tokens")).toInt(), 1000);
    }

    void noRoundsLeftMeansAReadableFailure()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path,
            reply(400,
                QByteArrayLiteral(R"({"error":{"message":"max_tokens: 4000 > 1000, the model's limit"}})")));
        ToyProvider provider(toy(server), 0);
        const BatchResult r = provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QCOMPARE(server.requestsTo(Path).size(), 1);
        QVERIFY(r.fatal);
        QVERIFY2(r.error.contains(QStringLiteral("rejected the request (HTTP 400")), qPrintable(r.error));
        QVERIFY(r.items.isEmpty());
    }

    void theProviderMayAdaptItsRequest()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(
            Path, reply(422, QByteArrayLiteral(R"({"error":{"message":"unknown field strict"}})")));
        server.enqueue(Path, reply(200, textReply(TwoScores)));
        ToyProvider provider(toy(server), 2);
        const BatchResult r = provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(provider.adaptations, 1);
        const QList<LoopbackHttpServer::Request> sent = server.requestsTo(Path);
        QCOMPARE(sent.size(), 2);
        QVERIFY(bodyOf(sent.at(0)).contains(QStringLiteral("strict")));
        QVERIFY(!bodyOf(sent.at(1)).contains(QStringLiteral("strict")));
        QVERIFY(r.warnings.contains(QStringLiteral("sent again without strict")));
    }

    void aReplyThatIsNotJsonIsNamed()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, reply(200, QByteArrayLiteral("<html>gateway</html>")));
        ToyProvider provider(toy(server), 2);
        const BatchResult r = provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QVERIFY2(r.error.startsWith(QStringLiteral("The reply from ")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("is not a Toy answer")), qPrintable(r.error));
        QVERIFY(!r.fatal);
    }

    void refusalsAndEmptyRepliesSetTheError()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(Path, reply(200, QByteArrayLiteral(R"({"refused":true})")));
        server.enqueue(Path, reply(200, textReply(QString())));
        ToyProvider provider(toy(server), 2);
        const BatchResult refused = provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QCOMPARE(refused.error, QStringLiteral("The model refused to score this batch: not today"));
        QVERIFY(refused.warnings.contains(QStringLiteral("The model refused: not today")));

        const BatchResult empty = provider.scoreBatch(batchOf(2), testPrompt(), nullptr);
        QCOMPARE(empty.error, QStringLiteral("The reply is empty."));
    }

    void nothingIsSentWhenCancelledOrEmpty()
    {
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        ToyProvider provider(toy(server), 2);
        const std::atomic_bool cancelled {true};
        const BatchResult r = provider.scoreBatch(batchOf(2), testPrompt(), &cancelled);
        QCOMPARE(r.error, QStringLiteral("Cancelled"));
        const BatchResult none = provider.scoreBatch({}, testPrompt(), nullptr);
        QVERIFY(none.error.isEmpty());
        QVERIFY(none.items.isEmpty());
        QVERIFY(server.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLlmProvider)
#include "test_llmprovider.moc"
