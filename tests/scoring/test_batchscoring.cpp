// SPDX-License-Identifier: GPL-3.0-or-later
// BatchScoring with the Anthropic Message Batches interface against a loopback stand-in, on a real
// database file: submit, poll, collect, and what the daily budget holds back.
#include "scoring/batchscoring.h"
#include "scoring/llmproviders.h"
#include "scoring/prompttemplate.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/manualclock.h>
#include <testkit/openaibatchstandin.h>
#include <testkit/openaistandin.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace Lectern;
using Server = Test::LoopbackHttpServer;

namespace {

const QDate kDay(2026, 11, 23);

Server::Response jsonResponse(const QJsonObject &o)
{
    Server::Response r;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

/// The stand-in: one batch; the first request is answered for all its papers but the last, the second
/// request errors.
struct AnthropicStandIn
{
    QJsonArray requests; ///< as submitted
    QString state = QStringLiteral("in_progress");
    int submissions = 0;

    explicit AnthropicStandIn(Server &server)
    {
        server.route("/v1/messages/batches", [this](const Server::Request &req) {
            requests = QJsonDocument::fromJson(req.body).object().value(QStringLiteral("requests")).toArray();
            ++submissions;
            return jsonResponse(batch());
        });
        server.route("/v1/messages/batches/msgbatch_t1",
            [this](const Server::Request &) { return jsonResponse(batch()); });
        server.route("/v1/messages/batches/msgbatch_t1/results", [this](const Server::Request &) {
            QByteArray body;
            for (qsizetype i = 0; i < requests.size(); ++i) {
                const QJsonObject r = requests.at(i).toObject();
                QJsonObject result;
                if (i == 0) {
                    QJsonArray papers;
                    const QStringList ids = paperIds(r);
                    for (const QString &id : ids.mid(0, ids.size() - 1))
                        papers.append(QJsonObject {{QStringLiteral("ARXIVID"), id},
                            {QStringLiteral("COMMENT"), QStringLiteral("anthropic verdict")},
                            {QStringLiteral("RELEVANCE"), 8}, {QStringLiteral("NOVELTY"), 7}});
                    const QJsonObject message {{QStringLiteral("id"), QStringLiteral("msg_1")},
                        {QStringLiteral("type"), QStringLiteral("message")},
                        {QStringLiteral("role"), QStringLiteral("assistant")},
                        {QStringLiteral("model"), QStringLiteral("claude-haiku-4-5-20251001")},
                        {QStringLiteral("content"),
                            QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("tool_use")},
                                {QStringLiteral("id"), QStringLiteral("toolu_1")},
                                {QStringLiteral("name"), QStringLiteral("record_scores")},
                                {QStringLiteral("input"),
                                    QJsonObject {{QStringLiteral("papers"), papers}}}}}},
                        {QStringLiteral("stop_reason"), QStringLiteral("tool_use")},
                        {QStringLiteral("usage"),
                            QJsonObject {{QStringLiteral("input_tokens"), 1000},
                                {QStringLiteral("output_tokens"), 200}}}};
                    result = QJsonObject {{QStringLiteral("type"), QStringLiteral("succeeded")},
                        {QStringLiteral("message"), message}};
                } else {
                    result = QJsonObject {{QStringLiteral("type"), QStringLiteral("errored")},
                        {QStringLiteral("error"),
                            QJsonObject {{QStringLiteral("type"), QStringLiteral("error")},
                                {QStringLiteral("error"),
                                    QJsonObject {{QStringLiteral("type"), QStringLiteral("overloaded_error")},
                                        {QStringLiteral("message"), QStringLiteral("Overloaded")}}}}}};
                }
                body += QJsonDocument(
                            QJsonObject {{QStringLiteral("custom_id"), r.value(QStringLiteral("custom_id"))},
                                {QStringLiteral("result"), result}})
                            .toJson(QJsonDocument::Compact) +
                    '\n';
            }
            Server::Response resp;
            resp.body = body;
            return resp;
        });
    }

    [[nodiscard]] QJsonObject batch() const
    {
        const bool ended = state == u"ended";
        return {{QStringLiteral("id"), QStringLiteral("msgbatch_t%1").arg(submissions)},
            {QStringLiteral("type"), QStringLiteral("message_batch")},
            {QStringLiteral("processing_status"), state},
            {QStringLiteral("request_counts"),
                QJsonObject {{QStringLiteral("processing"), ended ? 0 : int(requests.size())},
                    {QStringLiteral("succeeded"), ended ? 1 : 0}, {QStringLiteral("errored"), ended ? 1 : 0},
                    {QStringLiteral("canceled"), 0}, {QStringLiteral("expired"), 0}}}};
    }

    static QStringList paperIds(const QJsonObject &request)
    {
        QString text;
        for (const QJsonValue &m :
            request.value(QStringLiteral("params")).toObject().value(QStringLiteral("messages")).toArray()) {
            const QJsonValue content = m.toObject().value(QStringLiteral("content"));
            if (content.isString())
                text += content.toString();
            for (const QJsonValue &part : content.toArray())
                text += part.toObject().value(QStringLiteral("text")).toString();
        }
        QStringList ids;
        static const QRegularExpression idRe(QStringLiteral("<paper id=\"(\\d{4}\\.\\d{4,5})\""));
        for (auto it = idRe.globalMatch(text); it.hasNext();)
            ids << it.next().captured(1);
        return ids;
    }
};

ScoringRequest requestFor(const QString &databasePath)
{
    ScoringRequest r;
    r.databasePath = databasePath;
    r.day = kDay;
    r.prompt = PromptTemplate::fromTexts(PromptTemplate::defaultText(QStringLiteral("system.md")),
        PromptTemplate::defaultText(QStringLiteral("instructions.md")),
        QString::fromUtf8(Test::fixture(QStringLiteral("scoring/topics.md"))));
    r.batchSize = 3;
    r.minRelevance = 8;
    r.minNovelty = 7;
    r.dailyBudget = 0;
    return r;
}

LlmConfig openAiAt(const Server &server)
{
    LlmConfig c;
    c.kind = LlmKind::OpenAi;
    c.baseUrl = server.url(QStringLiteral("/v1"));
    c.model = QStringLiteral("gpt-5-mini");
    c.apiKey = QStringLiteral("sk-standin-0123456789");
    c.http.initialBackoffMs = 20;
    return c;
}

LlmConfig anthropicAt(const Server &server)
{
    LlmConfig c;
    c.kind = LlmKind::Anthropic;
    c.baseUrl = server.url(QStringLiteral("/v1"));
    c.model = QStringLiteral("claude-haiku-4-5");
    c.apiKey = QStringLiteral("sk-ant-test-0123456789");
    c.http.initialBackoffMs = 20;
    return c;
}

void seed(const QString &path)
{
    QList<Paper> papers;
    for (int i = 1; i <= 6; ++i)
        papers << Test::makePaper(QStringLiteral("2611.4000%1").arg(i));
    auto store = PaperStore::open(path);
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsertPapers(papers).ok());
}

/// submit() on a thread of its own while this thread's event loop serves the stand-ins: with the title
/// pre-filter on, it waits for title requests that go out from its dispatcher's pool.
Result<BatchSubmission> submitOffThread(
    BatchScoring scoring, LlmBatchApi &api, const QString &provider, const QString &model)
{
    std::optional<Result<BatchSubmission>> out;
    QEventLoop loop;
    std::unique_ptr<QThread> thread(
        QThread::create([&] { out.emplace(scoring.submit(api, provider, model)); }));
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    return std::move(*out);
}

} // namespace

class TestBatchScoring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anthropicSubmitPollCollect()
    {
        Server server;
        QVERIFY(server.listen());
        AnthropicStandIn anthropic(server);
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto api = makeLlmBatchApi(anthropicAt(server));
        QVERIFY2(api.ok(), qPrintable(api.error()));
        // Submission, scores and the batch's end carry the request's clock.
        Test::ManualClock clock;
        const auto withClock = [&] {
            ScoringRequest r = requestFor(dir.databasePath());
            r.clock = &clock;
            return r;
        };

        auto submitted =
            BatchScoring(withClock())
                .submit(*api.value(), QStringLiteral("anthropic"), QStringLiteral("claude-haiku-4-5"));
        QVERIFY2(submitted.ok(), qPrintable(submitted.error()));
        QCOMPARE(submitted->batchId, QStringLiteral("msgbatch_t1"));
        QCOMPARE(submitted->requests, 2);
        QCOMPARE(submitted->sent, 6);
        QVERIFY(submitted->estimatedCost > 0);
        QCOMPARE(anthropic.requests.size(), 2);
        QCOMPARE(anthropic.requests.at(0).toObject().value(QStringLiteral("custom_id")).toString(),
            QStringLiteral("lectern-1"));
        QCOMPARE(AnthropicStandIn::paperIds(anthropic.requests.at(0).toObject()).size(), 3);
        QCOMPARE(anthropic.requests.at(1)
                     .toObject()
                     .value(QStringLiteral("params"))
                     .toObject()
                     .value(QStringLiteral("model")),
            QJsonValue(QStringLiteral("claude-haiku-4-5")));

        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        ProviderBatchStore batches(store.value()->database());
        auto waiting = batches.waiting(kDay);
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->size(), 1);
        const ProviderBatch recorded = waiting->first();
        QCOMPARE(recorded.paperCount(), 6);
        QCOMPARE(recorded.provider, QStringLiteral("anthropic"));
        QCOMPARE(recorded.submittedAt, clock.nowUtc());
        clock.advance(3600 * 1000); // collected an hour later

        // Still processing: nothing stored.
        auto running = BatchScoring(withClock()).poll(*api.value(), recorded);
        QVERIFY2(running.ok(), qPrintable(running.error()));
        QVERIFY(!running->collected);
        QCOMPARE(running->status.state, QStringLiteral("in_progress"));
        QCOMPARE(store.value()->stats()->scores, 0);
        QVERIFY(server.requestsTo("/v1/messages/batches/msgbatch_t1/results").isEmpty());

        anthropic.state = QStringLiteral("ended");
        auto collected = BatchScoring(withClock()).poll(*api.value(), recorded);
        QVERIFY2(collected.ok(), qPrintable(collected.error()));
        QVERIFY(collected->collected);
        QCOMPARE(collected->scored, 2);
        QCOMPARE(collected->unscored, 4); // one left out by the model, three of the errored request
        // claude-haiku-4-5: 1 USD in, 5 USD out per million; 1000 in + 200 out at half price.
        QVERIFY2(
            qAbs(collected->cost - 0.001) < 1e-12, qPrintable(QString::number(collected->cost, 'g', 12)));
        QCOMPARE(collected->relevant, 2); // 8/7 meets the thresholds
        QVERIFY(collected->warnings.join(u' ').contains(QStringLiteral("Overloaded")));

        const QList<Paper> first = [&] {
            QList<Paper> out;
            for (const QString &id : AnthropicStandIn::paperIds(anthropic.requests.at(0).toObject()))
                out << Test::makePaper(id);
            return out;
        }();
        const auto left = store.value()->record(first.at(2).arxivId);
        QCOMPARE(
            (*left)->score->comment, QStringLiteral("Not scored: the model's reply left this paper out."));
        const QString second = AnthropicStandIn::paperIds(anthropic.requests.at(1).toObject()).first();
        const auto errored = store.value()->record(second);
        QVERIFY2(
            (*errored)->score->comment.startsWith(QStringLiteral("Not scored: the batch request failed")),
            qPrintable((*errored)->score->comment));
        QVERIFY(!(*errored)->score->isScored());
        const auto scored = store.value()->record(first.at(0).arxivId);
        QVERIFY((*scored)->score->isScored());
        QCOMPARE((*scored)->score->model, QStringLiteral("claude-haiku-4-5"));
        QCOMPARE((*scored)->score->promptHash, recorded.promptHash);
        QCOMPARE((*scored)->score->scoredAt, clock.nowUtc());
        auto ended = batches.find(recorded.batchId);
        QVERIFY(ended.ok() && ended->has_value());
        QCOMPARE((*ended)->finishedAt, clock.nowUtc());
        const auto run = store.value()->dayRun(kDay);
        QVERIFY(run.ok() && run->has_value());
        QCOMPARE((*run)->promptTokens, 1000);
        QCOMPARE((*run)->completionTokens, 200);
        QVERIFY(qAbs((*run)->cost - 0.001) < 1e-12);
        QCOMPARE((*run)->model, QStringLiteral("claude-haiku-4-5"));
        QCOMPARE((*run)->totalRelevant, 2);
        QVERIFY(batches.waiting()->isEmpty());
        QCOMPARE((*batches.find(QStringLiteral("msgbatch_t1")))->state, QStringLiteral("collected"));

        // A second collection of the same batch (another process that read it as waiting) changes nothing.
        auto twice = BatchScoring(withClock()).poll(*api.value(), recorded);
        QVERIFY(!twice.ok());
        QVERIFY2(
            twice.error().contains(QStringLiteral("collected or ended already")), qPrintable(twice.error()));
        QVERIFY(qAbs((*store.value()->dayRun(kDay))->cost - 0.001) < 1e-12);
        QCOMPARE((*store.value()->dayRun(kDay))->promptTokens, 1000);

        // The next submission carries only the four unscored papers.
        server.clearLog();
        auto again =
            BatchScoring(withClock())
                .submit(*api.value(), QStringLiteral("anthropic"), QStringLiteral("claude-haiku-4-5"));
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again->cached, 2);
        QCOMPARE(again->sent, 4);
        QCOMPARE(again->batchId, QStringLiteral("msgbatch_t2"));
        QCOMPARE(anthropic.requests.size(), 2); // 3 + 1
    }

    void budgetHoldsBack()
    {
        Server server;
        QVERIFY(server.listen());
        AnthropicStandIn anthropic(server);
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        auto api = makeLlmBatchApi(anthropicAt(server));
        QVERIFY(api.ok());
        ScoringRequest rq = requestFor(dir.databasePath());
        rq.dailyBudget = 1e-9;
        auto submitted = BatchScoring(rq).submit(
            *api.value(), QStringLiteral("anthropic"), QStringLiteral("claude-haiku-4-5"));
        QVERIFY2(submitted.ok(), qPrintable(submitted.error()));
        QVERIFY(submitted->budgetReached);
        QCOMPARE(submitted->notSent, 6);
        QVERIFY(submitted->batchId.isEmpty());
        QVERIFY(server.requests().isEmpty());
        QVERIFY(submitted->lines().join(u'\n').contains(QStringLiteral("Budget: 6 papers held back")));
    }

    /// With scoring/titleFilter on, the title pre-filter runs before submitting (direct title requests to
    /// the same provider): its drops are stored as in direct scoring, its cost is the day's, and only the
    /// papers it keeps go into the OpenAI batch. Earlier drops are left out without a request, and the
    /// prompt direct scoring would send (examples included) is the batch's.
    void titleFilterRunsBeforeSubmitting()
    {
        Server server;
        QVERIFY(server.listen());
        Test::OpenAiBatchStandIn batches(server);
        Test::OpenAiStandIn chat;
        chat.install(server);
        // The model drops the titles of 2611.40002 and 2611.40005.
        chat.titleVerdict = [](const QStringList &ids) {
            QStringList keep;
            for (const QString &id : ids) {
                if (id != u"2611.40002" && id != u"2611.40005")
                    keep << id;
            }
            return keep;
        };
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        ScoringRequest rq = requestFor(dir.databasePath());
        rq.titleFilter = true;
        rq.titleBatchSize = 3;
        rq.exampleCount = 5;
        const LlmConfig config = openAiAt(server);
        rq.factory = [config]() -> std::unique_ptr<ScoringProvider> {
            auto p = makeLlmProvider(config);
            return p ? std::move(p).value() : nullptr;
        };
        PromptTemplate withExamples = rq.prompt;
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            Paper starred = Test::makePaper(QStringLiteral("2610.00042"), 1, QDate(2026, 10, 1));
            starred.title = QStringLiteral("A paper the user starred last month");
            QVERIFY(store.value()->upsertPapers({starred}).ok());
            PaperState state;
            state.arxivId = starred.arxivId;
            state.starred = true;
            QVERIFY(store.value()->saveState(state).ok());
            withExamples.setExamples({starred.title}, {});
            Score drop;
            drop.arxivId = QStringLiteral("2611.40001");
            drop.version = 1;
            drop.comment = QString(Score::TitleDropComment);
            drop.model = QStringLiteral("gpt-5-mini");
            drop.promptHash = withExamples.titleFilterHash();
            drop.scoredAt = QDateTime::currentDateTimeUtc();
            QVERIFY(store.value()->addScore(drop).ok());
        }
        auto api = makeLlmBatchApi(config);
        QVERIFY(api.ok());
        auto submitted = submitOffThread(
            BatchScoring(rq), *api.value(), QStringLiteral("openai"), QStringLiteral("gpt-5-mini"));
        QVERIFY2(submitted.ok(), qPrintable(submitted.error()));
        QCOMPARE(submitted->promptHash, withExamples.hash());
        QVERIFY(submitted->titleFilter);
        QCOMPARE(submitted->titleDroppedCached, 1);
        QCOMPARE(submitted->titleRequests, 2); // 5 titles in batches of 3
        QCOMPARE(submitted->titleDropped, 2);
        QCOMPARE(submitted->titleKept, 3);
        QCOMPARE(submitted->sent, 3);

        // The title requests went out directly, without the earlier drop.
        QStringList titled;
        for (const auto &served : chat.titleRequests())
            titled << served.ids;
        QCOMPARE(titled.size(), 5);
        QVERIFY(!titled.contains(QStringLiteral("2611.40001")));
        QVERIFY(chat.scoring().isEmpty());
        // Only the kept papers are in the batch, with the examples in the prompt.
        QCOMPARE(batches.uploads.size(), 1);
        QStringList sent;
        for (const QJsonObject &line : std::as_const(batches.uploads.first()))
            sent << Test::OpenAiBatchStandIn::paperIds(line);
        sent.sort();
        QCOMPARE(sent,
            (QStringList {
                QStringLiteral("2611.40003"), QStringLiteral("2611.40004"), QStringLiteral("2611.40006")}));
        bool examples = false;
        for (const QJsonObject &line : std::as_const(batches.uploads.first()))
            examples |= QJsonDocument(line).toJson().contains("A paper the user starred last month");
        QVERIFY(examples);

        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        // The drops are stored as direct scoring stores them: no marks, the title prompt's hash.
        for (const QString &id : {QStringLiteral("2611.40002"), QStringLiteral("2611.40005")}) {
            auto history = store.value()->scoreHistory(id);
            QVERIFY2(history.ok() && history->size() == 1, qPrintable(id));
            const Score &drop = history->first();
            QCOMPARE(drop.comment, QString(Score::TitleDropComment));
            QCOMPARE(drop.promptHash, withExamples.titleFilterHash());
            QCOMPARE(drop.model, QStringLiteral("gpt-5-mini"));
            QVERIFY(!drop.relevance.has_value());
        }
        auto waiting = ProviderBatchStore(store.value()->database()).waiting(kDay);
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().paperCount(), 3);
        // The title requests' cost is the day's (2 x 1000 prompt + 100 completion tokens of gpt-5-mini).
        auto run = store.value()->dayRun(kDay);
        QVERIFY(run.ok() && run->has_value());
        QCOMPARE((*run)->promptTokens, qint64(2000));
        QVERIFY((*run)->cost > 0);
        QVERIFY(qAbs((*run)->cost - submitted->titleCost) < 1e-12);

        const QString lines = submitted->lines().join(u'\n');
        QVERIFY2(
            lines.contains(QStringLiteral("Title pre-filter (direct requests, before the batch): 3 kept of "
                                          "6 (2 dropped now, 1 by earlier runs")),
            qPrintable(lines));
        QVERIFY(lines.contains(QStringLiteral("Examples in the prompt: 1 starred and 0 dismissed")));
    }

    /// Without a provider to run it, batch mode refuses rather than skipping the title pre-filter.
    void titleFilterNeedsAProvider()
    {
        Server server;
        QVERIFY(server.listen());
        Test::OpenAiBatchStandIn batches(server);
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        ScoringRequest rq = requestFor(dir.databasePath());
        rq.titleFilter = true;
        auto api = makeLlmBatchApi(openAiAt(server));
        QVERIFY(api.ok());
        auto submitted =
            BatchScoring(rq).submit(*api.value(), QStringLiteral("openai"), QStringLiteral("gpt-5-mini"));
        QVERIFY(!submitted.ok());
        QVERIFY(batches.uploads.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBatchScoring)
#include "test_batchscoring.moc"
