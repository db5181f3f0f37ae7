// SPDX-License-Identifier: GPL-3.0-or-later
// The secrets sweep (issue 12): everything Lectern does with a key — fetch, score (direct and provider
// batch), every export format, the connection test — with every logging category on, against loopback
// stand-ins that echo the key and the gateway URL back in their errors; then every byte Lectern left
// behind is searched for the secrets, raw, percent-encoded and base64-encoded. Zero hits.
//
// The key reaches Lectern in two ways: the environment (OPENAI_API_KEY, through the real `lectern` binary)
// and the keyring. The system keyring itself (qtkeychain over D-Bus Secret Service) cannot be driven
// headless, so the keyring path is taken from where the window hands the key it read to the core: the
// KeyringLookup of makeScoringProviderFactory / ApiKeySource, with the real ScoringJob and
// ConnectionTestJob on a JobRunner thread.
#include "config/profile.h"
#include "config/settings.h"
#include "jobs/job.h"
#include "scoring/apikeysource.h"
#include "scoring/connectiontestjob.h"
#include "scoring/llmproviders.h"
#include "scoring/providerfactory.h"
#include "scoring/scoringjob.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/openaibatchstandin.h>
#include <testkit/openaistandin.h>
#include <testkit/profilebuilder.h>

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Lectern;

namespace {

// Made up for this test; none starts with "sk-", so that no key-shaped pattern hides a leak.
const QByteArray Key = QByteArrayLiteral("lectern-sweep-KEY-4f1c9a7e2b");
const QByteArray GatewaySecret = QByteArrayLiteral("gw-sweep-QUERY-8d2e6b0c");
const QByteArray GatewayPassword = QByteArrayLiteral("gw-sweep-USERINFO-3a9f");
const QByteArray SmtpPassword = QByteArrayLiteral("smtp-sweep-PASSWORD-71c3");
const QByteArray MatrixToken = QByteArrayLiteral("matrix-sweep-TOKEN-5e08");
const QDate Day(2026, 11, 23);

/// Every spelling of @p secret that could carry it: as is, percent-encoded, and base64 (standard and
/// URL-safe) at each of the three alignments it can have inside a longer encoded text (as in
/// "Basic base64(user:password)"): only the characters that depend on the secret alone are searched.
QList<QByteArray> spellings(const QByteArray &secret)
{
    QList<QByteArray> out {secret, QUrl::toPercentEncoding(QString::fromLatin1(secret))};
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        for (int offset = 0; offset < 3; ++offset) {
            const QByteArray encoded = QByteArray(QByteArray(offset, 'x') + secret).toBase64(options);
            const int first = (8 * offset + 5) / 6;
            const int end = 8 * int(offset + secret.size()) / 6;
            out << encoded.mid(first, end - first);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// What was found where: "lectern.db: gw-sweep-QUERY-8d2e6b0c", one line per hit.
QStringList hitsIn(const QByteArray &bytes, const QString &where, const QList<QByteArray> &secrets)
{
    QStringList hits;
    for (const QByteArray &secret : secrets) {
        for (const QByteArray &spelling : spellings(secret)) {
            const qsizetype at = bytes.indexOf(spelling);
            if (at >= 0)
                hits << QStringLiteral("%1: %2 in \"%3\"")
                            .arg(where, QString::fromLatin1(spelling),
                                QString::fromUtf8(bytes.mid(std::max<qsizetype>(0, at - 60), 160)));
        }
    }
    return hits;
}

// Everything this process logs, from any thread: the in-process jobs' log lines are searched too.
QMutex logMutex;
QByteArray logged;
QtMessageHandler previousHandler = nullptr;

void collectMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&logMutex);
        logged += QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    }
    previousHandler(type, context, message);
}

/// Runs @p job on a JobRunner thread (as the window does) while this thread serves the stand-ins.
JobOutcome runJob(Job *job)
{
    JobOutcome out;
    JobRunner runner;
    QEventLoop loop;
    bool ended = false;
    QObject::connect(&runner, &JobRunner::finished, &loop, [&](const JobOutcome &outcome) {
        out = outcome;
        ended = true;
        loop.quit();
    });
    if (!runner.start(job))
        return out;
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!ended) {
        runner.cancel();
        runner.wait(20000);
        out.message = QStringLiteral("(timed out)");
    }
    return out;
}

} // namespace

class TestSecretsSweep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("lectern.*=true"));
        previousHandler = qInstallMessageHandler(collectMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(previousHandler); }

    void noSecretIsLeftAnywhere()
    {
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveDefaultFeeds(Day);
        Test::OpenAiStandIn chat;
        chat.install(server);
        Test::OpenAiBatchStandIn batches(server);

        // A gateway that wants a key in its query string and a password in the user info, besides the
        // key in the Authorization header.
        QUrl gateway = server.url(QStringLiteral("/v1"));
        gateway.setUserName(QStringLiteral("sweeper"));
        gateway.setPassword(QString::fromLatin1(GatewayPassword));
        gateway.setQuery(QStringLiteral("api-key=") + QString::fromLatin1(GatewaySecret));
        // A hostile gateway echoes what it was sent in its error messages: the whole URL and the key.
        const QByteArray echo = QByteArrayLiteral("{\"error\":{\"message\":\"bad request to ") +
            gateway.toEncoded() + " with key " + Key + "\",\"type\":\"invalid_request_error\"}}";
        bool refuseModels = false;
        server.route("/v1/models", [&](const Test::LoopbackHttpServer::Request &) {
            Test::LoopbackHttpServer::Response response;
            response.headers = {{"Content-Type", "application/json"}};
            response.status = refuseModels ? 401 : 200;
            response.body = refuseModels ? echo : QByteArrayLiteral("{\"data\":[{\"id\":\"gpt-5-mini\"}]}");
            return response;
        });
        bool failNext = false;
        chat.shape = [&echo, &failNext](int, Test::LoopbackHttpServer::Response &r) {
            if (std::exchange(failNext, false)) {
                r.status = 400;
                r.body = echo;
            }
        };

        Test::TempProfileDir dir;
        const QString built =
            Test::ProfileBuilder(dir.path())
                .withSetting("arxiv/rssBase", arxiv.rssBase().toString())
                .withSetting("arxiv/minIntervalMs", 0)
                .withSetting("scoring/provider", QStringLiteral("openai"))
                .withSetting("openai/baseUrl", gateway.toString(QUrl::FullyEncoded))
                .withSetting("openai/model", QStringLiteral("gpt-5-mini"))
                .withSetting("scoring/batchSize", 2)
                .withPrompt(QStringLiteral("topics.md"), Test::fixture(QStringLiteral("scoring/topics.md")))
                .build();
        QVERIFY2(built.isEmpty(), qPrintable(built));

        QProcessEnvironment env = Test::headlessEnvironment();
        env.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(Key));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("lectern.*=true"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
        QByteArray output; // every run's stdout and stderr
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        const QString date = Day.toString(Qt::ISODate);
        const auto lectern = [&](const QStringList &args) {
            const Test::LecternRun r = Test::runLectern(profile + args, env);
            output += "$ lectern " + args.join(u' ').toUtf8() + '\n' + r.rawOut + r.err.toUtf8();
            return r;
        };

        // Fetch, then a provider batch (submitted, then collected), then direct scoring (whose first
        // batch fails with the echoing error, which is printed and stored as the papers' reason).
        Test::LecternRun r = lectern({QStringLiteral("fetch"), QStringLiteral("--date"), date});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        // A connection held open from the first fetch on keeps the write-ahead log on disk (SQLite removes it
        // with the last connection), so that its raw frames are searched too.
        const QString holder = QStringLiteral("sweep-wal-holder");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holder);
            db.setDatabaseName(dir.databasePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM papers")) && q.next());
        }
        const auto closeHolder = qScopeGuard([&holder] {
            QSqlDatabase::database(holder, false).close();
            QSqlDatabase::removeDatabase(holder);
        });

        r = lectern({QStringLiteral("score"), QStringLiteral("--batch"), QStringLiteral("--date"), date});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(batches.uploads.size(), 1);
        batches.states[0] = QStringLiteral("completed");
        r = lectern({QStringLiteral("batch"), QStringLiteral("collect")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        failNext = true;
        r = lectern({QStringLiteral("score"), QStringLiteral("--rescore"), QStringLiteral("--date"), date});
        QVERIFY2(r.err.contains(QStringLiteral("bad request to")), qPrintable(r.out + r.err)); // echo read
        QVERIFY(!chat.scoring().isEmpty());

        // Every export format, from the stored day.
        const QString exports = dir.path() + QStringLiteral("/exports");
        QVERIFY(QDir().mkpath(exports));
        for (const QString &format :
            {QStringLiteral("md"), QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("json"),
                QStringLiteral("bib"), QStringLiteral("ris"), QStringLiteral("csv")}) {
            r = lectern({QStringLiteral("export"), QStringLiteral("--date"), date, QStringLiteral("--format"),
                format, QStringLiteral("-o"), exports + QStringLiteral("/day.") + format});
            QVERIFY2(r.code == 0, qPrintable(format + u": " + r.out + r.err));
        }

        // The keyring path, in this process: the key the window reads from the keyring goes to the core
        // through the lookup; direct scoring again and the connection test, once failing with the echo.
        const ApiKeySource::KeyringLookup keyring = [](LlmKind) { return QString::fromLatin1(Key); };
        const Profile inDir = Profile::inDirectory(dir.path());
        const Settings settings(inDir.settingsPath());
        auto request = ScoringRequest::fromProfile(settings, inDir, Day);
        QVERIFY2(request.ok(), qPrintable(request.error()));
        request.value().rescore = true;
        QString problem;
        request.value().factory = makeScoringProviderFactory(settings, inDir, &problem, keyring);
        QVERIFY2(request.value().factory, qPrintable(problem));
        const int servedBefore = int(chat.served.size());
        const JobOutcome scored = runJob(new ScoringJob(std::move(request).value()));
        QVERIFY2(int(chat.served.size()) > servedBefore, qPrintable(scored.message));
        QByteArray messages = scored.message.toUtf8() + '\n';

        auto config = llmConfigFromSettings(settings, ApiKeySource(keyring));
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QCOMPARE(config->apiKey.toLatin1(), Key);
        chat.shape = {};
        const JobOutcome tested = runJob(new ConnectionTestJob(*config, true));
        QVERIFY2(tested.ok(), qPrintable(tested.message));
        messages += tested.message.toUtf8() + '\n';
        refuseModels = true;
        const JobOutcome refused = runJob(new ConnectionTestJob(*config, true));
        QVERIFY2(!refused.ok(), qPrintable(refused.message));
        QVERIFY2(refused.message.contains(QStringLiteral("bad request to")), qPrintable(refused.message));
        messages += refused.message.toUtf8() + '\n';

        // The key did travel, in the Authorization header, and the gateway got its query and user info.
        QVERIFY(!server.requestsTo("/v1/chat/completions").isEmpty());
        for (const auto &req : server.requestsTo("/v1/chat/completions")) {
            QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer " + Key));
            QVERIFY(req.target.contains(GatewaySecret));
        }

        // The digest delivered: e-mail with a password to a server that is not there, and a Matrix room
        // whose homeserver first asks to wait, then refuses the token quoting it back.
        {
            const quint16 down = Test::closedLoopbackPort();
            QVERIFY(down != 0);
            const QString smtp = QStringLiteral("smtp://127.0.0.1:%1").arg(down);
            int matrixCalls = 0;
            server.routePrefix("/_matrix/client/v3/rooms/", [&](const Test::LoopbackHttpServer::Request &) {
                Test::LoopbackHttpServer::Response response;
                response.status = matrixCalls++ == 0 ? 429 : 401;
                response.headers = {{"Retry-After", "0"}};
                response.body =
                    "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"unknown token " + MatrixToken + "\"}";
                return response;
            });
            for (const auto &[key, value] : {std::pair {"delivery/email/enabled", QStringLiteral("true")},
                     {"delivery/email/server", smtp}, {"delivery/email/user", QStringLiteral("sweeper")},
                     {"delivery/email/from", QStringLiteral("sweep@lab.example")},
                     {"delivery/email/to", QStringLiteral("alice@lab.example")},
                     {"delivery/email/minRelevance", QStringLiteral("1")},
                     {"delivery/email/minNovelty", QStringLiteral("1")},
                     {"delivery/matrix/enabled", QStringLiteral("true")},
                     {"delivery/matrix/homeserver", server.url().toString()},
                     {"delivery/matrix/room", QStringLiteral("!sweep:lab.example")},
                     {"delivery/matrix/minRelevance", QStringLiteral("1")},
                     {"delivery/matrix/minNovelty", QStringLiteral("1")}}) {
                r = lectern(
                    {QStringLiteral("config"), QStringLiteral("set"), QString::fromLatin1(key), value});
                QVERIFY2(r.code == 0, qPrintable(r.err));
            }
            env.insert(QStringLiteral("LECTERN_SMTP_PASSWORD"), QString::fromLatin1(SmtpPassword));
            env.insert(QStringLiteral("LECTERN_MATRIX_TOKEN"), QString::fromLatin1(MatrixToken));
            r = lectern({QStringLiteral("deliver"), QStringLiteral("--day"), date});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.err.contains(QStringLiteral("could not connect")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("HTTP 401")), qPrintable(r.err));
            QCOMPARE(matrixCalls, 2);
            const auto sent = server.requests().last();
            QCOMPARE(sent.headers.value("authorization"), QByteArray("Bearer " + MatrixToken));
            // The settings now name the delivery; then the sweep below searches for the two secrets too.
            r = lectern({QStringLiteral("deliver"), QStringLiteral("--dry-run")});
            QCOMPARE(r.code, 0);
        }

        // The search: the profile (database with its -wal and -shm, settings, prompts, prices, backups,
        // exports), Lectern's folders in the (test's) XDG locations (any log or cache file), the PDF's text,
        // every run's output, the jobs' messages and every log line of this process.
        QStringList hits;
        QStringList searched;
        const QString settingsPath = QFileInfo(inDir.settingsPath()).canonicalFilePath();
        QStringList roots {dir.path()};
        for (const auto location :
            {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
                QStandardPaths::GenericCacheLocation, QStandardPaths::GenericStateLocation})
            roots << QStandardPaths::writableLocation(location) + QStringLiteral("/lectern");
        for (const QString &root : std::as_const(roots)) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                searched << QFileInfo(path).fileName();
                const QByteArray bytes = f.readAll();
                if (QFileInfo(path).canonicalFilePath() == settingsPath) {
                    // The user wrote the gateway URL there; the key never is.
                    hits << hitsIn(bytes, path, {Key, SmtpPassword, MatrixToken});
                    QVERIFY(bytes.contains(GatewaySecret)); // the search does find what is there
                    continue;
                }
                hits << hitsIn(bytes, path, {Key, GatewaySecret, GatewayPassword, SmtpPassword, MatrixToken});
            }
        }
        qInfo() << "searched" << searched.join(u' ');
        QVERIFY2(searched.contains(QStringLiteral("lectern.db")), qPrintable(searched.join(u' ')));
        QVERIFY2(searched.contains(QStringLiteral("lectern.db-wal")), qPrintable(searched.join(u' ')));
        QVERIFY2(searched.contains(QStringLiteral("day.pdf")), qPrintable(searched.join(u' ')));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdftotext.isEmpty()) {
            QProcess p;
            p.start(pdftotext, {exports + QStringLiteral("/day.pdf"), QStringLiteral("-")});
            QVERIFY(p.waitForFinished(30000));
            hits << hitsIn(p.readAllStandardOutput(), QStringLiteral("text of day.pdf"),
                {Key, GatewaySecret, GatewayPassword, SmtpPassword, MatrixToken});
        }
        hits << hitsIn(output, QStringLiteral("stdout/stderr"),
            {Key, GatewaySecret, GatewayPassword, SmtpPassword, MatrixToken});
        hits << hitsIn(messages, QStringLiteral("job messages"),
            {Key, GatewaySecret, GatewayPassword, SmtpPassword, MatrixToken});
        QByteArray log;
        {
            const QMutexLocker lock(&logMutex);
            log = logged;
        }
        hits << hitsIn(log, QStringLiteral("log of the jobs"),
            {Key, GatewaySecret, GatewayPassword, SmtpPassword, MatrixToken});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
        // The logging was on: the runs and the jobs did log.
        QVERIFY2(output.contains("lectern."), output.constData());
        QVERIFY2(log.contains("lectern."), log.constData());
    }
};

QTEST_GUILESS_MAIN(TestSecretsSweep)
#include "test_secretssweep.moc"
