// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `lectern` binary: `lectern score` and `lectern run` on a temporary profile.
#include "scoring/prompttemplate.h"
#include "store/gatereportstore.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/labelledpapers.h>
#include <testkit/lecternprocess.h>
#include <testkit/llmtestsupport.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/openaibatchstandin.h>
#include <testkit/openaistandin.h>
#include <testkit/profilebuilder.h>
#include <testkit/semanticscholarstandin.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace Lectern;

namespace {

using Run = Test::LecternRun;

/// A profile with the 20 labelled papers of 2026-11-23 and the test topics.
void seedProfile(const Test::TempProfileDir &dir)
{
    QList<Paper> papers;
    for (const Test::LabelledPaper &l : Test::labelledPapers()) {
        if (l.label == u"on" || l.label == u"off" || l.label == u"survey")
            papers << l.paper;
    }
    papers[9].authors = {QStringLiteral("Zoë Müller")};
    const QString error =
        Test::ProfileBuilder(dir.path())
            .withPapers(papers)
            .withPrompt(QStringLiteral("topics.md"), Test::fixture(QStringLiteral("scoring/topics.md")))
            .build();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

using Test::OpenAiBatchStandIn;
using SettingList = QList<std::pair<QString, QString>>;

/// The settings of a profile that scores through an OpenAI-compatible stand-in ("local", tiny-local),
/// five papers a request.
SettingList viaLocalStandIn(const Test::LoopbackHttpServer &server)
{
    return {{QStringLiteral("scoring/provider"), QStringLiteral("local")},
        {QStringLiteral("local/baseUrl"), server.url(QStringLiteral("/v1")).toString()},
        {QStringLiteral("local/model"), QStringLiteral("tiny-local")},
        {QStringLiteral("scoring/batchSize"), QStringLiteral("5")}};
}

/// The same through the OpenAI provider (gpt-5-mini), for the Batch API stand-in.
SettingList viaOpenAiStandIn(const Test::LoopbackHttpServer &server)
{
    return {{QStringLiteral("scoring/provider"), QStringLiteral("openai")},
        {QStringLiteral("openai/baseUrl"), server.url(QStringLiteral("/v1")).toString()},
        {QStringLiteral("openai/model"), QStringLiteral("gpt-5-mini")},
        {QStringLiteral("scoring/batchSize"), QStringLiteral("5")}};
}

/// `score --date 2026-11-23`, the seeded day.
const QStringList kScoreTheDay {
    QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("2026-11-23")};

/// `lectern config set KEY VALUE` for each pair, through the binary; false (with a test failure) when one
/// is refused.
bool setAll(const QStringList &profile, const SettingList &settings)
{
    for (const auto &[key, value] : settings) {
        const Run r = Test::runLectern(
            profile + QStringList {QStringLiteral("config"), QStringLiteral("set"), key, value});
        if (r.code != 0) {
            qWarning("config set %s failed: %s", qPrintable(key), qPrintable(r.err));
            return false;
        }
    }
    return true;
}

using Test::scalar;

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
        QCOMPARE(Test::runLectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("topics/followedAuthors"), QStringLiteral("Zoe Muller")})
                     .code,
            0);
        QCOMPARE(Test::runLectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("scoring/relevanceThreshold"), QStringLiteral("6")})
                     .code,
            0);

        const Run dry =
            Test::runLectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.code == 0, qPrintable(dry.out + dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral(
                     "Abstract scoring (dry run, nothing sent): 19 papers to send, 0 from the cache")),
            qPrintable(dry.out));

        const Run r = Test::runLectern(profile + kScoreTheDay);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const QString hash = PromptTemplate::load(dir.path() + QStringLiteral("/prompts"))->hash();
        QVERIFY2(
            r.out.contains(QStringLiteral("Day 2026-11-23, model lectern-local, prompt ") + hash.left(12)),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Listed papers: 20 (20 of the scored announce types)")));
        QVERIFY(r.out.contains(QStringLiteral("Followed authors: 1 matched")));
        QVERIFY(r.out.contains(QStringLiteral("h-index filter: off\n")));
        QVERIFY(r.out.contains(QStringLiteral("Title pre-filter: off (scoring/titleFilter)")));
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
        const Run again = Test::runLectern(profile + QStringList {QStringLiteral("score")});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(
            again.out.contains(QStringLiteral("Abstract scoring: 0 to send, 19 from the cache; 0 scored")),
            qPrintable(again.out));
        const Run rescore =
            Test::runLectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("--rescore")});
        QVERIFY(rescore.out.contains(
            QStringLiteral("Abstract scoring: 19 to send, 0 from the cache; 19 scored")));
    }

    // Issue 15: the report follows the user's language (the window's and the command line's); what scripts
    // read — the exit code, the stored scores — does not change with it.
    void theReportSpeaksTheUsersLanguage()
    {
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QProcessEnvironment german = Test::headlessEnvironment();
        german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        const Run r = Test::runLectern(profile + kScoreTheDay, german);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Tag 2026-11-23, Modell lectern-local, Prompt ")),
            qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("Gelistete Artikel: 20 (20 der bewerteten Ankündigungsarten)")),
            qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("Abstract-Bewertung: 20 zu senden, 0 aus dem Cache; 20 bewertet, 0 "
                                          "erneut gesendet, 0 unbewertet, 0 nicht gesendet (1 Anfrage)")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Kosten: $0.00 in diesem Lauf")), qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("20 von 20 Artikeln bewertet")), qPrintable(r.out)); // progress
        QVERIFY2(!r.out.contains(QStringLiteral("Listed papers")), qPrintable(r.out));
        // The help and a usage error speak it too.
        const Run help = Test::runLectern({QStringLiteral("--help")}, german);
        QCOMPARE(help.code, 0);
        QVERIFY2(
            help.out.startsWith(QStringLiteral("Aufruf: lectern [--profile ORDNER]")), qPrintable(help.out));
        const Run wrong = Test::runLectern(profile + QStringList {QStringLiteral("frobnicate")}, german);
        QCOMPARE(wrong.code, 2);
        QVERIFY2(
            wrong.err.contains(QStringLiteral("unbekannter Befehl „frobnicate“")), qPrintable(wrong.err));
        // The same run again in English (the default of these tests) reads as before.
        const Run english = Test::runLectern(profile + kScoreTheDay);
        QVERIFY2(english.code == 0, qPrintable(english.err));
        QVERIFY2(english.out.contains(QStringLiteral("Listed papers: 20 (20 of the scored announce types)")),
            qPrintable(english.out));
    }

    void errorsAndUsage()
    {
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        const Run empty = Test::runLectern(profile + QStringList {QStringLiteral("score")});
        QCOMPARE(empty.code, 1);
        QVERIFY2(empty.err.contains(QStringLiteral("nothing to score")), qPrintable(empty.err));

        seedProfile(dir);
        QCOMPARE(Test::runLectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("scoring/provider"), QStringLiteral("openai")})
                     .code,
            0);
        const Run openai = Test::runLectern(profile + QStringList {QStringLiteral("score")});
        QCOMPARE(openai.code, 1);
        // No key in the environment (the test removes them) and no keyring in a headless run.
        QVERIFY2(openai.err.contains(QStringLiteral("No API key")), qPrintable(openai.err));
        QVERIFY(openai.err.contains(QStringLiteral("OPENAI_API_KEY")));

        QCOMPARE(
            Test::runLectern(profile +
                QStringList {QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("someday")})
                .code,
            2);
        QCOMPARE(
            Test::runLectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("extra")}).code,
            2);
        QCOMPARE(
            Test::runLectern(profile + QStringList {QStringLiteral("fetch"), QStringLiteral("--rescore")})
                .code,
            2);
        QCOMPARE(Test::runLectern(profile +
                     QStringList {QStringLiteral("db"), QStringLiteral("stats"), QStringLiteral("--dry-run")})
                     .code,
            2);

        // Topics without keywords: the built-in scorer refuses with the reason, exit 1.
        QCOMPARE(Test::runLectern(profile +
                     QStringList {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("scoring/provider"), QStringLiteral("builtin")})
                     .code,
            0);
        QFile topics(dir.path() + QStringLiteral("/prompts/topics.md"));
        QVERIFY(topics.open(QIODevice::WriteOnly | QIODevice::Truncate));
        topics.write("## Something\nJust prose.\n");
        topics.close();
        const Run noKeywords = Test::runLectern(profile + QStringList {QStringLiteral("score")});
        QCOMPARE(noKeywords.code, 1);
        QVERIFY2(noKeywords.err.contains(QStringLiteral("Relevant:")), qPrintable(noKeywords.err));
        QVERIFY(noKeywords.err.contains(
            QStringLiteral("warning: %1/prompts/topics.md has no Relevant or Applications keywords")
                .arg(dir.path())));
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
            const QJsonObject reply = Test::chatCompletion(QStringLiteral("chatcmpl-standin"),
                QStringLiteral("tiny-local"), Test::compactJson(content), 1000, 200);
            Test::LoopbackHttpServer::Response r;
            r.headers = {{"Content-Type", "application/json"}};
            r.body = QJsonDocument(reply).toJson(QJsonDocument::Compact);
            return r;
        });
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QVERIFY(setAll(profile, viaLocalStandIn(server)));
        const Run r = Test::runLectern(profile + kScoreTheDay);
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
        QCOMPARE(Test::runLectern(profile + kScoreTheDay).code, 0);
        QCOMPARE(calls, before);
    }

    void scoreThroughTheOpenAiBatchApi()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        OpenAiBatchStandIn openai(server);
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QVERIFY(setAll(profile, viaOpenAiStandIn(server)));
        const QString key = QStringLiteral("sk-standin-batch-key-0123456789");
        QProcessEnvironment env = Test::headlessEnvironment();
        env.insert(QStringLiteral("OPENAI_API_KEY"), key);
        const auto run = [&](const QStringList &args) {
            const Run r = Test::runLectern(profile + args, env);
            // The key travels in the Authorization header only.
            if (r.out.contains(key) || r.err.contains(key))
                qFatal("the API key reached the output");
            return r;
        };
        const QStringList scoreBatch {QStringLiteral("score"), QStringLiteral("--batch"),
            QStringLiteral("--date"), QStringLiteral("2026-11-23")};
        const QString db = dir.databasePath();
        const auto count = [&](const QString &sql) { return scalar(db, sql).toInt(); };
        openai.leaveOut = {QStringLiteral("2611.10004")};

        // Submit: 20 papers in 4 requests of 5, recorded before the process ends.
        const Run submitted = run(scoreBatch);
        QVERIFY2(submitted.code == 0, qPrintable(submitted.out + submitted.err));
        QVERIFY2(submitted.out.contains(QStringLiteral(
                     "Batch batch_standin1 submitted: 20 papers in 4 requests, 0 from the cache")),
            qPrintable(submitted.out));
        QCOMPARE(openai.uploads.size(), 1);
        QCOMPARE(openai.uploads.first().size(), 4);
        QStringList sent;
        for (const QJsonObject &line : openai.uploads.first())
            sent << OpenAiBatchStandIn::paperIds(line);
        QCOMPARE(sent.size(), 20);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM provider_batches WHERE batch_id = 'batch_standin1' "
                                 "AND state = 'submitted' AND provider = 'openai' AND model = 'gpt-5-mini' "
                                 "AND day = '2026-11-23'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM provider_batch_papers")), 20);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM scores")), 0);

        // In progress: status says so; score --batch asks about it instead of sending the papers again.
        openai.states[0] = QStringLiteral("in_progress");
        const Run status = run({QStringLiteral("batch"), QStringLiteral("status")});
        QVERIFY2(status.code == 0, qPrintable(status.out + status.err));
        QVERIFY2(
            status.out.contains(QStringLiteral("Batch batch_standin1 (openai, gpt-5-mini, day 2026-11-23, 20 "
                                               "papers): in_progress, 0 of 4 requests done")),
            qPrintable(status.out));
        const Run waiting = run(scoreBatch);
        QCOMPARE(waiting.code, 0);
        QVERIFY2(waiting.out.contains(QStringLiteral("Not ended yet")), qPrintable(waiting.out));
        QCOMPARE(openai.uploads.size(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM scores")), 0);
        // Direct scoring leaves the papers of the waiting batch alone: they are not paid for twice.
        const Run direct =
            run({QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("2026-11-23")});
        QVERIFY2(direct.code == 0, qPrintable(direct.out + direct.err));
        QVERIFY2(direct.out.contains(QStringLiteral("Abstract scoring: 0 to send, 0 from the cache")),
            qPrintable(direct.out));
        QVERIFY(direct.out.contains(QStringLiteral("Provider batch: 20 papers wait in one")));
        QVERIFY(server.requestsTo("/v1/chat/completions").isEmpty());

        // Completed: collect stores 19 verdicts and one paper unscored, at half the price.
        openai.states[0] = QStringLiteral("completed");
        const Run collected = run({QStringLiteral("batch"), QStringLiteral("collect")});
        QVERIFY2(collected.code == 0, qPrintable(collected.out + collected.err));
        QVERIFY2(collected.out.contains(QStringLiteral("Collected: 19 scored, 1 unscored")),
            qPrintable(collected.out));
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM scores WHERE model = 'gpt-5-mini' AND relevance IS NOT "
                     "NULL AND comment = 'batch verdict'")),
            19);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT comment FROM scores WHERE arxiv_id = '2611.10004'")).toString(),
            QStringLiteral("Not scored: the model's reply left this paper out."));
        QVERIFY(scalar(db, QStringLiteral("SELECT relevance FROM scores WHERE arxiv_id = '2611.10004'"))
                    .isNull());
        // gpt-5-mini: 0.25 in, 2.00 out per million; 4 x (1000 in + 200 out) at half price = $0.0013.
        const double cost =
            scalar(db, QStringLiteral("SELECT cost FROM day_runs WHERE day = '2026-11-23'")).toDouble();
        QVERIFY2(qAbs(cost - 0.0013) < 1e-9, qPrintable(QString::number(cost, 'g', 12)));
        QCOMPARE(count(QStringLiteral("SELECT prompt_tokens FROM day_runs WHERE day = '2026-11-23'")), 4000);
        QCOMPARE(
            count(QStringLiteral("SELECT completion_tokens FROM day_runs WHERE day = '2026-11-23'")), 800);
        const double rowCosts = scalar(db, QStringLiteral("SELECT sum(cost) FROM scores")).toDouble();
        QVERIFY(qAbs(rowCosts - 0.0013) < 1e-9);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT state FROM provider_batches WHERE batch_id = 'batch_standin1'"))
                .toString(),
            QStringLiteral("collected"));
        QVERIFY(run({QStringLiteral("batch"), QStringLiteral("status")})
                    .out.contains(QStringLiteral("No provider batches are waiting.")));

        // Again: only the unscored paper goes out. Cancelled before it ran, it stays unscored (exit 1).
        const Run second = run(scoreBatch);
        QVERIFY2(second.code == 0, qPrintable(second.out + second.err));
        QVERIFY2(second.out.contains(
                     QStringLiteral("Batch batch_standin2 submitted: 1 papers in 1 request, 19 from "
                                    "the cache")),
            qPrintable(second.out));
        QCOMPARE(OpenAiBatchStandIn::paperIds(openai.uploads.at(1).first()),
            QStringList {QStringLiteral("2611.10004")});
        const Run cancel =
            run({QStringLiteral("batch"), QStringLiteral("cancel"), QStringLiteral("batch_standin2")});
        QVERIFY2(cancel.code == 0, qPrintable(cancel.out + cancel.err));
        QCOMPARE(openai.cancels, 1);
        const Run afterCancel = run({QStringLiteral("batch"), QStringLiteral("collect")});
        QCOMPARE(afterCancel.code, 1);
        QVERIFY2(afterCancel.out.contains(QStringLiteral("Collected: 0 scored, 1 unscored")),
            qPrintable(afterCancel.out));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT state FROM provider_batches WHERE batch_id = 'batch_standin2'"))
                .toString(),
            QStringLiteral("failed"));

        // A third batch answers it; after that a run has nothing to send.
        openai.leaveOut.clear();
        QCOMPARE(run(scoreBatch).code, 0);
        QCOMPARE(openai.uploads.size(), 3);
        openai.states[2] = QStringLiteral("completed");
        const Run third = run(scoreBatch);
        QVERIFY2(third.code == 0, qPrintable(third.out + third.err));
        QVERIFY2(
            third.out.contains(QStringLiteral("Collected: 1 scored, 0 unscored")), qPrintable(third.out));
        const Run nothing = run(scoreBatch);
        QVERIFY2(nothing.code == 0, qPrintable(nothing.out + nothing.err));
        QVERIFY2(
            nothing.out.contains(QStringLiteral("Batch: nothing submitted; 0 to send, 20 from the cache")),
            qPrintable(nothing.out));
        QCOMPARE(openai.uploads.size(), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM scores WHERE relevance IS NOT NULL")), 20);

        // The key is in no file of the profile.
        for (const QFileInfo &f : QDir(dir.path()).entryInfoList(QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(key.toLatin1()), qPrintable(f.fileName()));
        }
        for (const auto &r : server.requests()) {
            QVERIFY(!r.target.contains(key.toLatin1()));
            QVERIFY(!r.body.contains(key.toLatin1()));
        }
    }

    void batchUsage()
    {
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QCOMPARE(Test::runLectern(profile + QStringList {QStringLiteral("batch")}).code, 2);
        QCOMPARE(
            Test::runLectern(profile + QStringList {QStringLiteral("batch"), QStringLiteral("cancel")}).code,
            2);
        QCOMPARE(
            Test::runLectern(profile + QStringList {QStringLiteral("fetch"), QStringLiteral("--batch")}).code,
            2);
        QCOMPARE(
            Test::runLectern(profile +
                QStringList {QStringLiteral("score"), QStringLiteral("--batch"), QStringLiteral("--dry-run")})
                .code,
            2);
        const Run builtin =
            Test::runLectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("--batch")});
        QCOMPARE(builtin.code, 1);
        QVERIFY2(builtin.err.contains(QStringLiteral("--batch needs scoring/provider openai or anthropic")),
            qPrintable(builtin.err));
        const Run unknown = Test::runLectern(profile +
            QStringList {QStringLiteral("batch"), QStringLiteral("cancel"), QStringLiteral("nope")});
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("no provider batch \"nope\"")));
        QVERIFY(Test::runLectern(QStringList {QStringLiteral("--help")})
                    .out.contains(QStringLiteral("batch collect")));
    }

    void hIndexFilterThroughTheCommand()
    {
        // A stand-in for Semantic Scholar's paper batch: the first five papers have only authors of h-index
        // 2, the rest are unknown to it (kept).
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::SemanticScholarStandIn s2(server);
        s2.lookup = [](const QString &id) -> std::optional<QList<Test::SemanticScholarStandIn::Author>> {
            const int n = id.right(2).toInt();
            if (n >= 1 && n <= 5)
                return QList<Test::SemanticScholarStandIn::Author> {
                    {QStringLiteral("Low Author %1").arg(n), 2}};
            return std::nullopt;
        };
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QVERIFY(setAll(profile,
            {{QStringLiteral("scoring/minHIndex"), QStringLiteral("5")},
                {QStringLiteral("semanticScholar/baseUrl"), s2.baseUrl().toString()}}));
        QProcessEnvironment env = Test::headlessEnvironment();
        env.insert(QStringLiteral("SEMANTIC_SCHOLAR_API_KEY"), QStringLiteral("s2-cli-key-987"));
        const Run r = Test::runLectern(profile + kScoreTheDay, env);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(
                     QStringLiteral("h-index filter (min 5): 20 checked, 5 below the threshold (not sent), "
                                    "15 unknown to Semantic Scholar (kept); 1 request")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Abstract scoring: 15 to send, 0 from the cache; 15 scored")));
        QVERIFY(
            !r.out.contains(QStringLiteral("s2-cli-key")) && !r.err.contains(QStringLiteral("s2-cli-key")));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().headers.value("x-api-key"), QByteArray("s2-cli-key-987"));
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        const auto rec = store.value()->record(QStringLiteral("2611.10003"));
        QVERIFY(rec.ok() && rec->has_value() && (*rec)->score);
        QCOMPARE((*rec)->score->comment, QStringLiteral("Below h-index threshold"));
        QVERIFY(!(*rec)->score->isScored());
    }

    void titleFilterAndExamplesFromTheSettings()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        // Keeps the titles whose id ends in an even digit.
        standIn.titleVerdict = [](const QStringList &ids) {
            QStringList keep;
            for (const QString &id : ids) {
                if (id.right(1).toInt() % 2 == 0)
                    keep << id;
            }
            return keep;
        };
        standIn.install(server);
        Test::TempProfileDir dir;
        seedProfile(dir);
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
        }
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QVERIFY(setAll(profile,
            viaLocalStandIn(server) +
                SettingList {{QStringLiteral("scoring/titleFilter"), QStringLiteral("true")},
                    {QStringLiteral("scoring/titleBatchSize"), QStringLiteral("10")},
                    {QStringLiteral("scoring/examples"), QStringLiteral("true")}}));
        const Run r = Test::runLectern(profile + kScoreTheDay);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        // 20 papers in title batches of 10.
        QCOMPARE(standIn.titleRequests().size(), 2);
        int kept = 0;
        int titles = 0;
        for (const auto &t : standIn.titleRequests()) {
            titles += int(t.ids.size());
            for (const QString &id : t.ids)
                kept += id.right(1).toInt() % 2 == 0;
            QVERIFY(t.userText.contains(
                QStringLiteral("Starred:\n<example>A paper the user starred last month</example>")));
        }
        QVERIFY2(r.out.contains(QStringLiteral("Title pre-filter: %1 kept of %2 (%3 dropped now")
                                    .arg(kept)
                                    .arg(titles)
                                    .arg(titles - kept)),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Examples in the prompt: 1 starred and 0 dismissed")),
            qPrintable(r.out));
        QCOMPARE(titles, 20);
        QVERIFY(kept > 0 && kept < titles);
        QVERIFY(r.out.contains(QStringLiteral("Pace: up to ")));
        int sent = 0;
        for (const auto &a : standIn.scoring()) {
            sent += int(a.ids.size());
            QVERIFY(a.userText.contains(QStringLiteral("A paper the user starred last month")));
            for (const QString &id : a.ids)
                QCOMPARE(id.right(1).toInt() % 2, 0);
        }
        QCOMPARE(sent, kept);
    }

    /// scoring/mode hybrid through the command: the dry run estimates the gated run against sending every
    /// paper, and the run sends only the gate and the sample and reports what the LLM saw.
    void hybridModeThroughTheCommand()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        standIn.install(server);
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QVERIFY(setAll(profile,
            viaLocalStandIn(server) +
                SettingList {{QStringLiteral("scoring/mode"), QStringLiteral("hybrid")}}));
        const QStringList score {
            QStringLiteral("score"), QStringLiteral("--date"), QStringLiteral("2026-11-23")};
        const Run dry = Test::runLectern(profile + score + QStringList {QStringLiteral("--dry-run")});
        QVERIFY2(dry.code == 0, qPrintable(dry.out + dry.err));
        QVERIFY(standIn.served.isEmpty());
        // 20 papers: the gate's ceiling is 30 % (6), the sample at least 5 of the other 14.
        QVERIFY2(
            dry.out.contains(QStringLiteral("Hybrid gate: gate: top 6 of 20 (30.0 %)")), qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QStringLiteral("Without the hybrid gate (all 20 papers to the LLM)")),
            qPrintable(dry.out));

        const Run r = Test::runLectern(profile + score);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const QStringList sent = standIn.scoredIds();
        QCOMPARE(sent.size(), 11);
        QVERIFY2(
            r.out.contains(QStringLiteral("Hybrid scoring: the LLM (tiny-local) saw 11 of 20 papers (gate 6, "
                                          "random sample 5)")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Estimated recall of the gate: ")), qPrintable(r.out));
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        int local = 0;
        int scored = 0;
        const auto records = store.value()->recordsForDay(QDate(2026, 11, 23));
        QVERIFY(records.ok());
        for (const PaperRecord &rec : *records) {
            if (!rec.score)
                continue; // not of a scored announce type
            ++scored;
            QCOMPARE(rec.score->model,
                sent.contains(rec.paper.arxivId) ? QStringLiteral("tiny-local")
                                                 : QStringLiteral("lectern-local"));
            local += rec.score->isLocal();
        }
        QCOMPARE(scored, 20);
        QCOMPARE(local, 9);
    }

    /// `lectern eval --scorer hybrid` on a day the LLM scored whole: the gate decides which stored verdicts
    /// count, the rest keep the built-in's marks, and the output says how much of the day the LLM would see.
    void evalReplaysHybridModeOnStoredVerdicts()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::OpenAiStandIn standIn;
        // The LLM selects the papers whose id ends in an even digit.
        standIn.verdicts = [](const QString &id) {
            const bool selected = id.right(1).toInt() % 2 == 0;
            return Test::OpenAiStandIn::Verdict {selected ? 9 : 2, selected ? 8 : 3, QStringLiteral("v")};
        };
        standIn.install(server);
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QVERIFY(setAll(profile, viaLocalStandIn(server)));
        const Run scored = Test::runLectern(profile + kScoreTheDay);
        QVERIFY2(scored.code == 0, qPrintable(scored.out + scored.err));
        QCOMPARE(standIn.scoredIds().size(), 20);
        QJsonArray selected;
        for (const QString &id : standIn.scoredIds()) {
            if (id.right(1).toInt() % 2 == 0)
                selected.append(id);
        }
        QVERIFY(!selected.isEmpty());
        const QString truth = dir.path() + QStringLiteral("/truth.json");
        {
            QFile f(truth);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject {{QStringLiteral("relevant"), selected}}).toJson());
        }
        const QStringList eval {QStringLiteral("eval"), QStringLiteral("--day"), QStringLiteral("2026-11-23"),
            QStringLiteral("--truth"), truth, QStringLiteral("--scorer")};
        // The stored verdicts are the truth: every selected paper first.
        const Run stored = Test::runLectern(profile + eval + QStringList {QStringLiteral("stored")});
        QVERIFY2(stored.code == 0, qPrintable(stored.out + stored.err));
        QVERIFY2(stored.out.contains(QStringLiteral("| recall@k (k = %1) | 1.00 |").arg(selected.size())),
            qPrintable(stored.out));

        const Run hybrid = Test::runLectern(profile + eval + QStringList {QStringLiteral("hybrid")});
        QVERIFY2(hybrid.code == 0, qPrintable(hybrid.out + hybrid.err));
        QVERIFY2(hybrid.out.contains(QStringLiteral("hybrid mode replayed on the stored verdicts")),
            qPrintable(hybrid.out));
        // 20 papers, no labels of other days: the gate's ceiling (30 %: 6) and a sample of 5.
        QVERIFY2(hybrid.out.contains(
                     QStringLiteral("The LLM would see 11 of 20 papers (55 %: gate 6, random sample 5).")),
            qPrintable(hybrid.out));
        // The replay's ranking mixes the LLM's marks (11 papers) with the built-in's (9): its recall@k is
        // what the gate held, so never above the stored verdicts' and, here, below it.
        const QRegularExpression recall(QStringLiteral("\\| recall@k \\(k = \\d+\\) \\| ([0-9.]+) \\|"));
        const auto m = recall.match(hybrid.out);
        QVERIFY2(m.hasMatch(), qPrintable(hybrid.out));
        QVERIFY2(m.captured(1).toDouble() < 1.0, qPrintable(hybrid.out));
        QCOMPARE(standIn.scoredIds().size(), 20); // eval sends nothing
    }

    /// scoring/mode hybrid with `score --batch`: only the gate and the sample go into the provider batch, the
    /// gate is kept with the day, and collecting the batch (another process) reports what the LLM saw and
    /// the gate's estimated recall.
    void hybridModeThroughTheBatchApi()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        OpenAiBatchStandIn openai(server);
        Test::TempProfileDir dir;
        seedProfile(dir);
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        QVERIFY(setAll(profile,
            viaOpenAiStandIn(server) +
                SettingList {{QStringLiteral("scoring/mode"), QStringLiteral("hybrid")},
                    // The batch stand-in's verdicts (7/5 and 6/6 among them) then select some papers.
                    {QStringLiteral("scoring/relevanceThreshold"), QStringLiteral("6")},
                    {QStringLiteral("scoring/noveltyThreshold"), QStringLiteral("5")}}));
        QProcessEnvironment env = Test::headlessEnvironment();
        env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-standin-hybrid-batch-0123456789"));
        const QString db = dir.databasePath();
        const auto count = [&](const QString &sql) { return scalar(db, sql).toInt(); };

        const Run submitted = Test::runLectern(profile +
                QStringList {QStringLiteral("score"), QStringLiteral("--batch"), QStringLiteral("--date"),
                    QStringLiteral("2026-11-23")},
            env);
        QVERIFY2(submitted.code == 0, qPrintable(submitted.out + submitted.err));
        // 20 papers: the gate's ceiling is 30 % (6), the sample at least 5 of the other 14.
        QVERIFY2(submitted.out.contains(QStringLiteral("Hybrid gate: gate: top 6 of 20 (30.0 %)")),
            qPrintable(submitted.out));
        QVERIFY2(
            submitted.out.contains(QStringLiteral("random sample of the rest: 5; of 20 papers to send, 11 go "
                                                  "into the batch for gpt-5-mini and 9 keep the built-in "
                                                  "scorer's marks (lectern-local)")),
            qPrintable(submitted.out));
        QCOMPARE(openai.uploads.size(), 1);
        QSet<QString> sent;
        for (const QJsonObject &line : openai.uploads.first()) {
            for (const QString &id : OpenAiBatchStandIn::paperIds(line))
                sent.insert(id);
        }
        QCOMPARE(sent.size(), 11);
        // The gate is kept with the day: every ranked paper, its role, and the 9 ruled out scored locally.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gate_members WHERE day = '2026-11-23'")), 20);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gate_members WHERE role = 'gate'")), 6);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gate_members WHERE role = 'sample'")), 5);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM gate_members WHERE role <> 'outside' AND arxiv_id "
                                 "IN (SELECT arxiv_id FROM provider_batch_papers)")),
            11);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM scores WHERE model = 'lectern-local'")), 9);
        QCOMPARE(count(QStringLiteral("SELECT llm_seen FROM gate_reports WHERE day = '2026-11-23'")), 0);
        // What the model expected of its gate stays with the report the collection counts again: written
        // here as a submission whose model had calibrated probabilities stores it (these topics have none).
        {
            auto store = PaperStore::open(db);
            QVERIFY(store.ok());
            GateReportStore reports(store.value()->database());
            auto stored = reports.load(QDate(2026, 11, 23));
            QVERIFY(stored.ok() && stored->has_value());
            GateReport report = **stored;
            QVERIFY(!report.expectedRecall);
            report.expectedRelevant = 3.5;
            report.expectedRecall = 0.9;
            QVERIFY(reports.save(report).ok());
        }

        openai.states[0] = QStringLiteral("completed");
        const Run collected =
            Test::runLectern(profile + QStringList {QStringLiteral("batch"), QStringLiteral("collect")}, env);
        QVERIFY2(collected.code == 0, qPrintable(collected.out + collected.err));
        QVERIFY2(collected.out.contains(QStringLiteral("Collected: 11 scored, 0 unscored")),
            qPrintable(collected.out));
        QVERIFY2(collected.out.contains(QStringLiteral("Hybrid scoring: the LLM (gpt-5-mini) saw 11 of 20 "
                                                       "papers (gate 6, random sample 5)")),
            qPrintable(collected.out));
        QVERIFY2(collected.out.contains(QStringLiteral("Estimated recall of the gate: ")),
            qPrintable(collected.out));
        QVERIFY2(collected.out.contains(
                     QStringLiteral("Recall expected by the built-in model: 0.90 (of the 3.5 selections")),
            qPrintable(collected.out));
        QCOMPARE(scalar(db, QStringLiteral("SELECT expected_recall FROM gate_reports")).toDouble(), 0.9);
        // The stored report counts the batch's verdicts: the LLM's selections in the gate and the sample.
        const int selectedInGate =
            count(QStringLiteral("SELECT count(*) FROM scores s JOIN gate_members g ON g.arxiv_id = "
                                 "s.arxiv_id WHERE g.role = 'gate' "
                                 "AND s.model = 'gpt-5-mini' AND s.relevance >= 6 AND s.novelty >= 5"));
        const int selectedInSample = count(QStringLiteral(
            "SELECT count(*) FROM scores s JOIN gate_members g ON g.arxiv_id = s.arxiv_id WHERE g.role = "
            "'sample' AND s.model = 'gpt-5-mini' AND s.relevance >= 6 AND s.novelty >= 5"));
        QCOMPARE(count(QStringLiteral("SELECT llm_seen FROM gate_reports WHERE day = '2026-11-23'")), 11);
        QCOMPARE(count(QStringLiteral("SELECT gate_relevant FROM gate_reports")), selectedInGate);
        QCOMPARE(count(QStringLiteral("SELECT sample_relevant FROM gate_reports")), selectedInSample);
        QCOMPARE(count(QStringLiteral("SELECT sample_judged FROM gate_reports")), 5);
        QVERIFY(selectedInGate + selectedInSample > 0); // the stand-in's verdicts select some of the 11
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
        QVERIFY(setAll(profile,
            {{QStringLiteral("arxiv/rssBase"), server.url(QStringLiteral("/rss")).toString()},
                {QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("0")}}));
        const Run r = Test::runLectern(profile +
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
