// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `lectern` binary: `lectern score` and `lectern run` on a temporary profile.
#include "scoring/labelledpapers.h"
#include "scoring/prompttemplate.h"
#include "store/paperstore.h"
#include "support/fixtures.h"
#include "support/lecternprocess.h"
#include "support/loopbackhttpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

using namespace Lectern;

namespace {

using Run = Test::LecternRun;

Run lectern(const QStringList &args)
{
    return Test::runLectern(args);
}

/// A profile with the 20 labelled papers of 2026-11-23 and the test topics.
void seedProfile(const Test::TempProfileDir &dir)
{
    QList<Paper> papers;
    for (const Test::LabelledPaper &l : Test::labelledPapers()) {
        if (l.label == u"on" || l.label == u"off" || l.label == u"survey")
            papers << l.paper;
    }
    papers[9].authors = {QStringLiteral("Zoë Müller")};
    auto store = PaperStore::open(dir.databasePath());
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsertPapers(papers).ok());
    QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/prompts")));
    QFile topics(dir.path() + QStringLiteral("/prompts/topics.md"));
    QVERIFY(topics.open(QIODevice::WriteOnly));
    topics.write(Test::fixture(QStringLiteral("scoring/topics.md")));
}

} // namespace

class TestCliScore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scoreWithTheBuiltinScorer()
    {
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("topics/followedAuthors"), QStringLiteral("Zoe Muller")})
                     .code,
            0);
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("scoring/relevanceThreshold"), QStringLiteral("6")})
                     .code,
            0);

        const Run dry = lectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.code == 0, qPrintable(dry.out + dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral(
                     "Abstract scoring (dry run, nothing sent): 19 papers to send, 0 from the cache")),
            qPrintable(dry.out));

        const Run r = lectern(profile +
            QStringList {QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("2026-11-23")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const QString hash = PromptTemplate::load(dir.path() + QStringLiteral("/prompts"))->hash();
        QVERIFY2(
            r.out.contains(QStringLiteral("Day 2026-11-23, model lectern-local, prompt ") + hash.left(12)),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Listed papers: 20 (20 of the scored announce types)")));
        QVERIFY(r.out.contains(QStringLiteral("Followed authors: 1 matched")));
        QVERIFY(r.out.contains(QStringLiteral("h-index filter: off\n")));
        QVERIFY(r.out.contains(QStringLiteral("Title pre-filter: off (not in this build)")));
        QVERIFY(r.out.contains(QStringLiteral("Abstract scoring: 19 to send, 0 from the cache; 19 scored, 0 "
                                              "retried, 0 unscored, 0 not sent (1 request)")));
        QVERIFY(r.out.contains(QStringLiteral("Thresholds (relevance >= 6, novelty >= 7): ")));
        QVERIFY(r.out.contains(QStringLiteral("Tokens: 0 prompt (0 cached), 0 completion (0 reasoning)")));
        QVERIFY(r.out.contains(QStringLiteral("Cost: $0.00 this run")));
        QVERIFY(r.out.contains(QStringLiteral("[19/19] 19 of 19 papers scored")));

        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            const auto history = store.value()->scoreHistory(QStringLiteral("2611.10001"));
            QCOMPARE(history->size(), 1);
            QCOMPARE(history->first().model, QStringLiteral("lectern-local"));
            QCOMPARE(history->first().promptHash, hash);
            QVERIFY(history->first().isScored());
            const auto run = store.value()->dayRun(QDate(2026, 11, 23));
            QVERIFY(run.ok() && run->has_value());
            QVERIFY((*run)->promptText.contains(QStringLiteral("{{papers}}")));
            QVERIFY((*run)->promptText.startsWith(QStringLiteral("## System Prompt\n\n")));
        }
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/prices.json")));

        // Again: everything comes from the cache.
        const Run again = lectern(profile + QStringList {QStringLiteral("score")});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(
            again.out.contains(QStringLiteral("Abstract scoring: 0 to send, 19 from the cache; 0 scored")),
            qPrintable(again.out));
        const Run rescore =
            lectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("--rescore")});
        QVERIFY(rescore.out.contains(
            QStringLiteral("Abstract scoring: 19 to send, 0 from the cache; 19 scored")));
    }

    void errorsAndUsage()
    {
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        const Run empty = lectern(profile + QStringList {QStringLiteral("score")});
        QCOMPARE(empty.code, 1);
        QVERIFY2(empty.err.contains(QStringLiteral("nothing to score")), qPrintable(empty.err));

        seedProfile(dir);
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("scoring/provider"), QStringLiteral("openai")})
                     .code,
            0);
        const Run openai = lectern(profile + QStringList {QStringLiteral("score")});
        QCOMPARE(openai.code, 1);
        // No key in the environment (the test removes them) and no keyring in a headless run.
        QVERIFY2(openai.err.contains(QStringLiteral("No API key")), qPrintable(openai.err));
        QVERIFY(openai.err.contains(QStringLiteral("OPENAI_API_KEY")));

        QCOMPARE(
            lectern(profile +
                QStringList {QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("someday")})
                .code,
            2);
        QCOMPARE(lectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("extra")}).code, 2);
        QCOMPARE(
            lectern(profile + QStringList {QStringLiteral("fetch"), QStringLiteral("--rescore")}).code, 2);
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("db"), QStringLiteral("stats"), QStringLiteral("--dry-run")})
                     .code,
            2);

        // Topics without keywords: the built-in scorer refuses with the reason, exit 1.
        QCOMPARE(lectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("scoring/provider"), QStringLiteral("builtin")})
                     .code,
            0);
        QFile topics(dir.path() + QStringLiteral("/prompts/topics.md"));
        QVERIFY(topics.open(QIODevice::WriteOnly | QIODevice::Truncate));
        topics.write("## Something\nJust prose.\n");
        topics.close();
        const Run noKeywords = lectern(profile + QStringList {QStringLiteral("score")});
        QCOMPARE(noKeywords.code, 1);
        QVERIFY2(noKeywords.err.contains(QStringLiteral("Relevant:")), qPrintable(noKeywords.err));
        QVERIFY(noKeywords.err.contains(
            QStringLiteral("warning: topics.md has no Relevant or Applications keywords")));
    }

    void scoreThroughAnOpenAiCompatibleServer()
    {
        // A stand-in for a local OpenAI-compatible server (Ollama, llama.cpp): it answers every paper of
        // each batch in the structured format, as a real server constrained by the JSON schema would.
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        int calls = 0;
        server.route("/v1/chat/completions", [&calls](const Test::LoopbackHttpServer::Request &req) {
            ++calls;
            const QJsonObject body = QJsonDocument::fromJson(req.body).object();
            QString user;
            for (const QJsonValue &m : body.value(QStringLiteral("messages")).toArray()) {
                if (m.toObject().value(QStringLiteral("role")).toString() == u"user") {
                    const QJsonValue content = m.toObject().value(QStringLiteral("content"));
                    if (content.isString())
                        user += content.toString();
                    for (const QJsonValue &part : content.toArray())
                        user += part.toObject().value(QStringLiteral("text")).toString();
                }
            }
            QJsonArray scores;
            static const QRegularExpression idRe(QStringLiteral("<paper id=\"([^\"]+)\""));
            auto it = idRe.globalMatch(user);
            int i = 0;
            while (it.hasNext()) {
                const QString id = it.next().captured(1);
                scores.append(QJsonObject {{QStringLiteral("ARXIVID"), id},
                    {QStringLiteral("COMMENT"), QStringLiteral("stand-in verdict")},
                    {QStringLiteral("RELEVANCE"), 1 + (i * 3) % 10},
                    {QStringLiteral("NOVELTY"), 1 + (i * 7) % 10}});
                ++i;
            }
            const QJsonObject content {{QStringLiteral("scores"), scores}};
            const QJsonObject reply {{QStringLiteral("id"), QStringLiteral("chatcmpl-standin")},
                {QStringLiteral("object"), QStringLiteral("chat.completion")},
                {QStringLiteral("model"), QStringLiteral("tiny-local")},
                {QStringLiteral("choices"),
                    QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                        {QStringLiteral("finish_reason"), QStringLiteral("stop")},
                        {QStringLiteral("message"),
                            QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"),
                                    QString::fromUtf8(
                                        QJsonDocument(content).toJson(QJsonDocument::Compact))}}}}}},
                {QStringLiteral("usage"),
                    QJsonObject {{QStringLiteral("prompt_tokens"), 1000},
                        {QStringLiteral("completion_tokens"), 200}, {QStringLiteral("total_tokens"), 1200}}}};
            Test::LoopbackHttpServer::Response r;
            r.headers = {{"Content-Type", "application/json"}};
            r.body = QJsonDocument(reply).toJson(QJsonDocument::Compact);
            return r;
        });
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        for (const auto &[key, value] :
            {std::pair {QStringLiteral("scoring/provider"), QStringLiteral("local")},
                std::pair {QStringLiteral("local/baseUrl"), server.url(QStringLiteral("/v1")).toString()},
                std::pair {QStringLiteral("local/model"), QStringLiteral("tiny-local")},
                std::pair {QStringLiteral("scoring/batchSize"), QStringLiteral("5")}})
            QCOMPARE(
                lectern(profile + QStringList {QStringLiteral("config"), QStringLiteral("set"), key, value})
                    .code,
                0);
        const Run r = lectern(profile +
            QStringList {QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("2026-11-23")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(calls >= 3); // 15+ papers in batches of 5, one author match aside
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        int scored = 0;
        const auto records = store.value()->recordsForDay(QDate(2026, 11, 23));
        QVERIFY(records.ok());
        for (const PaperRecord &rec : *records) {
            if (rec.score && rec.score->isScored()) {
                ++scored;
                QVERIFY(rec.score->model.contains(QStringLiteral("tiny-local")));
                QCOMPARE(rec.score->comment, QStringLiteral("stand-in verdict"));
            }
        }
        QVERIFY2(scored >= 15, qPrintable(QString::number(scored)));
        // A second run is served from the score cache: no request.
        const int before = calls;
        QCOMPARE(
            lectern(profile +
                QStringList {QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("2026-11-23")})
                .code,
            0);
        QCOMPARE(calls, before);
    }

    void runFetchesThenScores()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::LoopbackHttpServer::Response lg;
        lg.body = Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml"));
        server.enqueue("/rss/cs.LG", lg);
        Test::LoopbackHttpServer::Response ai;
        ai.body = Test::fixture(QStringLiteral("rss/cs.AI-2026-11-23.xml"));
        server.enqueue("/rss/cs.AI", ai);
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        for (const auto &[key, value] :
            {std::pair {QStringLiteral("arxiv/rssBase"), server.url(QStringLiteral("/rss")).toString()},
                std::pair {QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("0")}})
            QCOMPARE(
                lectern(profile + QStringList {QStringLiteral("config"), QStringLiteral("set"), key, value})
                    .code,
                0);
        const Run r = lectern(profile +
            QStringList {QStringLiteral("run"), QStringLiteral("--date"), QStringLiteral("2026-11-23")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("Total scanned papers: 6")));
        QVERIFY2(r.out.contains(QStringLiteral("Day 2026-11-23, model lectern-local")), qPrintable(r.out));
        QVERIFY(r.out.indexOf(QStringLiteral("Total scanned papers")) <
            r.out.indexOf(QStringLiteral("Abstract scoring:")));
        QCOMPARE(server.requests().size(), 2);
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        QVERIFY(store.value()->stats()->scores > 0);
    }
};

QTEST_GUILESS_MAIN(TestCliScore)
#include "test_cli_score.moc"
