// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of LLM scoring (issue 5, "Performance"), run by hand: ./build/tests/bench_lectern
// --benchmark_filter=Llm
//  - tokens per scanned paper on a 500-paper synthetic day, next to the reference's figures (126-188 prompt
//    and 108-191 completion tokens per scanned paper; $0.43-$1.21 a day with gpt-5 at $1.25/$10 per 1M);
//  - the same with the title pre-filter on, the stand-in keeping 3 titles in 10 (goal: a third of the
//    reference's cost or less);
//  - wall time for 866 papers against a stand-in OpenAI server answering after 1.5 s (goal: under 25 s).
//
// Token estimate: 4 characters per token (English prose and JSON with OpenAI's o200k tokenizer average
// about 4). The stand-in reports usage computed the same way from what it received (system and user
// message text) and from the reply it wrote, so the ScoringJob's own usage accounting is what is measured.
// Completion tokens are the visible reply only: reasoning tokens (gpt-5 at its default effort) come on top.
#include "jobs/job.h"
#include "scoring/llmproviders.h"
#include "scoring/pricetable.h"
#include "scoring/prompttemplate.h"
#include "scoring/scoringjob.h"
#include "store/paperstore.h"

#include <testkit/loopbackhttpserver.h>
#include <testkit/syntheticday.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

using namespace Lectern;

namespace {

constexpr double kCharsPerToken = 4.0;
constexpr int kBatchSize = 20; // scoring/batchSize default
constexpr int kParallel = 4; // scoring/parallel default

qint64 tokens(qsizetype chars)
{
    return qint64(double(chars) / kCharsPerToken + 0.5);
}

QList<Paper> papersOfDay(const QDate &day, int n)
{
    QList<Paper> papers;
    for (const PaperRecord &r : Test::largeDay(day, n).records) {
        Paper p = r.paper;
        p.announceType = QStringLiteral("new");
        papers << p;
    }
    return papers;
}

/// The compact reply format: one object per paper with a short comment, as a model writes it.
QString replyContent(const QStringList &ids)
{
    QJsonArray items;
    int i = 0;
    for (const QString &id : ids) {
        QJsonObject o;
        o.insert(QStringLiteral("ARXIVID"), id);
        o.insert(QStringLiteral("COMMENT"),
            QStringLiteral(
                "Fits topic 1: a new routing rule for sparse mixtures; evaluation limited to small "
                "models."));
        o.insert(QStringLiteral("RELEVANCE"), 3 + i % 7);
        o.insert(QStringLiteral("NOVELTY"), 2 + i % 8);
        items.append(o);
        ++i;
    }
    QJsonObject root;
    root.insert(QStringLiteral("papers"), items);
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

QStringList paperIds(const QString &text, const QString &tag = QStringLiteral("paper"))
{
    const QRegularExpression re(u'<' + tag + QStringLiteral(" id=\"([^\"]+)\">"));
    QStringList ids;
    for (auto it = re.globalMatch(text); it.hasNext();)
        ids << it.next().captured(1);
    return ids;
}

/// The title pre-filter's reply: 3 of every 10 titles kept, in request order.
QString titleReplyContent(const QStringList &ids)
{
    QJsonArray keep;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i % 10 < 3)
            keep.append(ids.at(i));
    }
    QJsonObject root;
    root.insert(QStringLiteral("keep"), keep);
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

/// A /v1/chat/completions stand-in: scores every paper of the request, reports usage by the 4-character
/// estimate, answers after @p delayMs.
Test::LoopbackHttpServer::Handler chatCompletions(int delayMs)
{
    return [delayMs](const Test::LoopbackHttpServer::Request &request) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QString promptText;
        for (const QJsonValue &m : body.value(QStringLiteral("messages")).toArray()) {
            const QJsonValue content = m.toObject().value(QStringLiteral("content"));
            if (content.isString()) {
                promptText += content.toString();
            } else {
                for (const QJsonValue &part : content.toArray())
                    promptText += part.toObject().value(QStringLiteral("text")).toString();
            }
        }
        const bool titles = body.value(QStringLiteral("response_format"))
                                .toObject()
                                .value(QStringLiteral("json_schema"))
                                .toObject()
                                .value(QStringLiteral("name"))
                                .toString() == u"title_filter";
        const QString content = titles ? titleReplyContent(paperIds(promptText, QStringLiteral("title")))
                                       : replyContent(paperIds(promptText));
        QJsonObject message;
        message.insert(QStringLiteral("role"), QStringLiteral("assistant"));
        message.insert(QStringLiteral("content"), content);
        QJsonObject choice;
        choice.insert(QStringLiteral("index"), 0);
        choice.insert(QStringLiteral("message"), message);
        choice.insert(QStringLiteral("finish_reason"), QStringLiteral("stop"));
        QJsonObject usage;
        usage.insert(QStringLiteral("prompt_tokens"), tokens(promptText.size()));
        usage.insert(QStringLiteral("completion_tokens"), tokens(content.size()));
        usage.insert(QStringLiteral("total_tokens"), tokens(promptText.size()) + tokens(content.size()));
        QJsonObject root;
        root.insert(QStringLiteral("id"), QStringLiteral("chatcmpl-bench"));
        root.insert(QStringLiteral("object"), QStringLiteral("chat.completion"));
        root.insert(QStringLiteral("model"), body.value(QStringLiteral("model")));
        root.insert(QStringLiteral("choices"), QJsonArray {choice});
        root.insert(QStringLiteral("usage"), usage);
        Test::LoopbackHttpServer::Response r;
        r.body = QJsonDocument(root).toJson(QJsonDocument::Compact);
        r.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        r.delayMs = delayMs;
        return r;
    };
}

struct LoopbackRun
{
    bool ok = false;
    QString message;
    ScoringSummary summary;
    qint64 wallMs = 0;
    int requests = 0;
};

/// Scores @p papers (stored in a fresh database) with the real ScoringJob and OpenAiProvider against a
/// stand-in answering after @p delayMs. The job runs on a JobRunner thread; this thread serves the stand-in.
LoopbackRun scoreAgainstStandIn(
    const QList<Paper> &papers, const QDate &day, int delayMs, bool titleFilter = false)
{
    LoopbackRun out;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("bench.db"));
    {
        auto store = PaperStore::open(db);
        if (!store || !store.value()->upsertPapers(papers)) {
            out.message = QStringLiteral("cannot fill the store");
            return out;
        }
    }
    Test::LoopbackHttpServer server;
    if (!server.listen()) {
        out.message = QStringLiteral("cannot listen");
        return out;
    }
    server.route(QByteArrayLiteral("/v1/chat/completions"), chatCompletions(delayMs));
    const QUrl base = server.url(QStringLiteral("/v1"));

    ScoringRequest rq;
    rq.databasePath = db;
    rq.day = day;
    rq.batchSize = kBatchSize;
    rq.parallel = kParallel;
    rq.prompt = PromptTemplate::defaults();
    rq.titleFilter = titleFilter;
    rq.titleBatchSize = 100; // scoring/titleBatchSize default
    rq.factory = [base]() -> std::unique_ptr<ScoringProvider> {
        HttpOptions http;
        http.timeoutMs = 30000;
        auto p = makeLlmProvider(
            QStringLiteral("local"), base, QStringLiteral("gpt-5-mini"), QString(), true, QString(), http);
        return p ? std::move(p).value() : nullptr;
    };
    auto *job = new ScoringJob(rq);
    JobRunner runner;
    QEventLoop loop;
    QObject::connect(&runner, &JobRunner::finished, &loop, [&](const JobOutcome &outcome) {
        out.ok = outcome.ok();
        out.message = outcome.message;
        out.summary = outcome.resultAs<ScoringSummary>();
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    if (!runner.start(job)) {
        out.message = QStringLiteral("the runner refused the job");
        return out;
    }
    QTimer::singleShot(600000, &loop, &QEventLoop::quit); // a hung run ends the benchmark, not the machine
    loop.exec();
    out.wallMs = clock.elapsed();
    out.requests = int(server.requestsTo(QByteArrayLiteral("/v1/chat/completions")).size());
    if (runner.isRunning()) {
        runner.cancel();
        runner.wait(30000);
        out.ok = false;
        out.message = QStringLiteral("timed out");
    }
    return out;
}

void reportCosts(benchmark::State &state, const TokenUsage &usage, int papers)
{
    const PriceTable prices = PriceTable::defaults();
    state.counters["prompt_tok_per_paper"] = double(usage.promptTokens) / papers;
    state.counters["completion_tok_per_paper"] = double(usage.completionTokens) / papers;
    state.counters["day_usd_gpt5"] = prices.cost(QStringLiteral("gpt-5"), usage).value_or(-1);
    state.counters["day_usd_gpt5_mini"] = prices.cost(QStringLiteral("gpt-5-mini"), usage).value_or(-1);
    // The reference's figures (per scanned paper; a day's cost with gpt-5), for the same table.
    state.counters["ref_prompt_lo"] = 126;
    state.counters["ref_prompt_hi"] = 188;
    state.counters["ref_completion_lo"] = 108;
    state.counters["ref_completion_hi"] = 191;
    state.counters["ref_day_usd_gpt5_lo"] = 0.43;
    state.counters["ref_day_usd_gpt5_hi"] = 1.21;
}

/// Tokens per scanned paper on a 500-paper day, from the rendered default prompt in batches of 20 (no
/// network): what one day's requests carry.
void BM_LlmTokensPerPaperRendered500(benchmark::State &state)
{
    const QList<Paper> papers = papersOfDay(QDate(2026, 11, 23), 500);
    const PromptTemplate prompt = PromptTemplate::defaults();
    TokenUsage usage;
    for (auto _ : state) {
        usage = {};
        for (qsizetype i = 0; i < papers.size(); i += kBatchSize) {
            const QList<Paper> batch = papers.mid(i, kBatchSize);
            const RenderedPrompt r = prompt.render(batch);
            usage.promptTokens += tokens(r.system.size() + r.instructions.size() + r.papers.size());
            usage.completionTokens += tokens(replyContent(paperIds(r.papers)).size());
        }
        benchmark::DoNotOptimize(usage);
    }
    reportCosts(state, usage, int(papers.size()));
    // The part every batch repeats (system + instructions with the topics), which prompt caching discounts.
    const RenderedPrompt one = prompt.render(papers.mid(0, 1));
    state.counters["static_tok_per_batch"] = double(tokens(one.system.size() + one.instructions.size()));
}

/// The same day through the real ScoringJob and OpenAiProvider against the stand-in (no delay): the
/// tokens the job accounts from the provider's usage, and the requests it sends.
void BM_LlmTokensPerPaperLoopback500(benchmark::State &state)
{
    const QDate day(2026, 11, 23);
    const QList<Paper> papers = papersOfDay(day, 500);
    LoopbackRun run;
    for (auto _ : state) {
        run = scoreAgainstStandIn(papers, day, 0);
        if (!run.ok || run.summary.scored != papers.size()) {
            state.SkipWithError(("the scoring job failed: " + run.message.toStdString()).c_str());
            return;
        }
    }
    reportCosts(state, run.summary.usage, int(papers.size()));
    state.counters["requests"] = run.requests;
}

/// The same day with the title pre-filter on: the stand-in keeps 3 titles in 10, so 150 of the 500 papers
/// reach abstract scoring. Tokens and cost are per scanned paper, both stages included.
void BM_LlmTokensPerPaperTitleFilter500(benchmark::State &state)
{
    const QDate day(2026, 11, 23);
    const QList<Paper> papers = papersOfDay(day, 500);
    LoopbackRun run;
    for (auto _ : state) {
        run = scoreAgainstStandIn(papers, day, 0, true);
        if (!run.ok || run.summary.scored + run.summary.titleDropped != papers.size()) {
            state.SkipWithError(("the scoring job failed: " + run.message.toStdString()).c_str());
            return;
        }
    }
    reportCosts(state, run.summary.usage, int(papers.size()));
    state.counters["requests"] = run.requests;
    state.counters["title_requests"] = run.summary.titleRequests;
    state.counters["kept"] = run.summary.titleKept;
    state.counters["title_prompt_tok_per_paper"] =
        double(run.summary.titleUsage.promptTokens) / papers.size();
    state.counters["title_completion_tok_per_paper"] =
        double(run.summary.titleUsage.completionTokens) / papers.size();
}

/// Wall time of 866 papers against a stand-in answering after 1.5 s, batches of 20, 4 in flight.
void BM_LlmWallTime866Latency1500(benchmark::State &state)
{
    const QDate day(2026, 11, 23);
    const QList<Paper> papers = papersOfDay(day, 866);
    LoopbackRun run;
    for (auto _ : state) {
        run = scoreAgainstStandIn(papers, day, 1500);
        if (!run.ok || run.summary.scored != papers.size()) {
            state.SkipWithError(("the scoring job failed: " + run.message.toStdString()).c_str());
            return;
        }
    }
    state.counters["wall_s"] = double(run.wallMs) / 1000.0;
    state.counters["goal_s"] = 25;
    state.counters["requests"] = run.requests;
    state.counters["scored"] = run.summary.scored;
}

} // namespace

BENCHMARK(BM_LlmTokensPerPaperRendered500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LlmTokensPerPaperLoopback500)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_LlmTokensPerPaperTitleFilter500)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_LlmWallTime866Latency1500)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
