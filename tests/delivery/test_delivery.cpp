// SPDX-License-Identifier: GPL-3.0-or-later
// The digest delivered after a run, through real interfaces: e-mail to a loopback SMTP server written for
// the test (smtpstandin.py: STARTTLS with a certificate made by `openssl req` here, AUTH PLAIN/LOGIN, the
// received message read back by Python's email module), and Slack, Matrix and a JSON webhook on a
// loopback HTTP receiver. Then `lectern deliver` and `lectern run` through the binary.
#include "config/settings.h"
#include "delivery/deliveryjob.h"
#include "delivery/mailsender.h"
#include "delivery/webhooksender.h"
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/manualclock.h>
#include <testkit/profilebuilder.h>
#include <testkit/smtpstandin.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);
const QString kPassword = QStringLiteral("s3cret-Pa55word!");
const QString kMatrixToken = QStringLiteral("syt_matrix_T0ken_4711");
// A title that would load a tracker if the HTML carried it as markup.
const QString kHostileTitle = QStringLiteral("Sparse <img src=\"http://tracker.example/p.png\"> attention");

/// Papers 1–6 of kDay: 1, 2 and 5 over relevance 8 and novelty 7; 3 under relevance, 4 under novelty,
/// 6 unscored.
QString buildDay(const Test::TempProfileDir &dir)
{
    QList<Paper> papers = Test::numberedPapers(6, kDay);
    papers[0].title = kHostileTitle;
    const QList<Score> scores = {Test::makeScore(papers[0], 9, 8), Test::makeScore(papers[1], 8, 7),
        Test::makeScore(papers[2], 7, 9), Test::makeScore(papers[3], 10, 3),
        Test::makeScore(papers[4], 9, 9)};
    return Test::ProfileBuilder(dir.path()).withPapers(papers).withScores(scores).build();
}

QString id(int n)
{
    return QStringLiteral("2611.%1").arg(n, 5, 10, QChar(u'0'));
}

/// The stand-in's options with the password the tests' key files and settings hold.
Test::SmtpStandIn::Options smtpOptions()
{
    Test::SmtpStandIn::Options options;
    options.password = kPassword;
    return options;
}

/// Every log line while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        s_lines.clear();
        m_previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &text) { s_lines << text; });
    }
    ~LogCapture() { qInstallMessageHandler(m_previous); }
    [[nodiscard]] static QString all() { return s_lines.join(u'\n'); }

private:
    static inline QStringList s_lines;
    QtMessageHandler m_previous;
};

DeliveryChannel emailChannel(const Test::SmtpStandIn &smtp, const QString &caFile)
{
    DeliveryChannel c;
    c.kind = DeliveryChannel::Kind::Email;
    c.enabled = true;
    c.minRelevance = 8;
    c.minNovelty = 7;
    c.maxPapers = 0;
    c.to = {QStringLiteral("alice@lab.example"), QStringLiteral("bob@lab.example")};
    c.from = QStringLiteral("lectern@lab.example");
    c.server = smtp.url();
    c.user = QStringLiteral("lab");
    c.caFile = caFile;
    return c;
}

DeliveryChannel webhookChannel(DeliveryChannel::Kind kind, const QUrl &homeserver = {})
{
    DeliveryChannel c;
    c.kind = kind;
    c.enabled = true;
    c.minRelevance = 8;
    c.minNovelty = 7;
    c.maxPapers = 2;
    c.homeserver = homeserver;
    c.room = QStringLiteral("!lab:example.org");
    return c;
}

} // namespace

class TestDelivery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_certDir;
    QString m_cert;
    QString m_key;
    Test::ManualClock m_clock;

    /// A request for kDay on @p dir's store with @p channels and a key file holding the secrets.
    DeliveryRequest request(const Test::TempProfileDir &dir, const QList<DeliveryChannel> &channels,
        const QString &keyFileText = {})
    {
        DeliveryRequest r;
        r.store = dir.databasePath();
        r.day = kDay;
        r.channels = channels;
        r.keyFile = QDir(dir.path()).filePath(QStringLiteral("delivery-secrets"));
        QFile key(r.keyFile);
        if (key.open(QIODevice::WriteOnly)) {
            key.write(keyFileText.isNull() ? (QStringLiteral("smtp-password = ") + kPassword).toUtf8()
                                           : keyFileText.toUtf8());
            key.close();
            QFile::setPermissions(r.keyFile, QFile::ReadOwner | QFile::WriteOwner);
        }
        r.http.clock = &m_clock;
        r.http.sleeper = &m_clock;
        r.mailConnectTimeoutMs = 10000;
        r.mailTimeoutMs = 30000;
        return r;
    }

    static JobOutcome run(DeliveryRequest r)
    {
        DeliveryJob job(std::move(r));
        return job.execute();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is needed for the loopback SMTP server");
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is needed to make the server's certificate");
        QVERIFY(QFile::exists(Test::SmtpStandIn::script()));
        m_cert = m_certDir.filePath(QStringLiteral("cert.pem"));
        m_key = m_certDir.filePath(QStringLiteral("key.pem"));
        // A self-signed certificate for 127.0.0.1, made now: nothing secret is kept in the tree.
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key,
                QStringLiteral("-out"), m_cert, QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
        QVERIFY(openssl.waitForFinished(60000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    }

    void deliveryIsOffByDefault()
    {
        Test::TempProfileDir dir;
        Settings settings(QDir(dir.path()).filePath(QStringLiteral("lectern.ini")));
        const QList<DeliveryChannel> channels = DeliveryChannel::fromSettings(settings);
        QCOMPARE(channels.size(), 4);
        for (const DeliveryChannel &c : channels)
            QVERIFY2(!c.enabled, qPrintable(c.name()));
        // 0 in a channel's thresholds means the digest's own.
        QCOMPARE(channels.first().minRelevance, 8);
        QCOMPARE(channels.first().minNovelty, 7);
        QVERIFY(settings.setText(QStringLiteral("delivery/slack/minRelevance"), QStringLiteral("9")).ok());
        QCOMPARE(DeliveryChannel::fromSettings(settings).at(1).minRelevance, 9);
        QVERIFY(!settings.setText(QStringLiteral("delivery/slack/minRelevance"), QStringLiteral("11")).ok());
    }

    void emailIsMultipartAlternativeOverStartTls()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::SmtpStandIn smtp(smtpOptions(), m_cert, m_key);
        QVERIFY2(smtp.port() > 0, qPrintable(smtp.errors()));
        LogCapture logs;

        const JobOutcome outcome = run(request(dir, {emailChannel(smtp, m_cert)}));
        QVERIFY2(outcome.ok(), qPrintable(outcome.message + smtp.errors()));
        const DeliverySummary summary = outcome.resultAs<DeliverySummary>();
        QCOMPARE(summary.channels.size(), 1);
        QCOMPARE(summary.channels.first().state, ChannelDelivery::State::Sent);
        QCOMPARE(summary.channels.first().papers, 3);

        const QList<QJsonObject> messages = smtp.messages();
        QCOMPARE(messages.size(), 1);
        const QJsonObject m = messages.first();
        const QJsonObject session = m.value(u"session").toObject();
        QVERIFY(session.value(u"tls").toBool()); // STARTTLS before AUTH and DATA
        QCOMPARE(session.value(u"user").toString(), QStringLiteral("lab"));
        QCOMPARE(session.value(u"mailFrom").toString(), QStringLiteral("<lectern@lab.example>"));
        QCOMPARE(session.value(u"rcpts").toArray().size(), 2);
        QCOMPARE(m.value(u"type").toString(), QStringLiteral("multipart/alternative"));
        QCOMPARE(m.value(u"mimeVersion").toString(), QStringLiteral("1.0"));
        QCOMPARE(m.value(u"parts").toArray().size(), 2);
        QCOMPARE(m.value(u"parts").toArray().at(0).toObject().value(u"charset").toString(),
            QStringLiteral("utf-8"));
        QCOMPARE(m.value(u"subject").toString(),
            QStringLiteral("arXiv digest 2026-11-23: 3 papers (relevance ≥ 8, novelty ≥ 7)"));
        QVERIFY2(m.value(u"rawSubject").toString().startsWith(QStringLiteral("=?UTF-8?B?")),
            qPrintable(m.value(u"rawSubject").toString()));
        QVERIFY(!m.value(u"date").toString().isEmpty() && m.value(u"date").toString() != u"None");
        QVERIFY(m.value(u"messageId").toString().endsWith(QStringLiteral("@lab.example>")));
        QCOMPARE(m.value(u"to").toString(), QStringLiteral("alice@lab.example, bob@lab.example"));

        const QString text = Test::partText(m, QStringLiteral("text/plain"));
        const QString html = Test::partText(m, QStringLiteral("text/html"));
        QVERIFY(!text.isEmpty() && !html.isEmpty());
        // Lines end as mail's do, not as "=0A" inside one long quoted-printable line.
        QVERIFY(!smtp.raw(1).contains("=0A"));
        QVERIFY(QString(text).remove(u'\r').contains(QStringLiteral("\n\n")));
        for (const int n : {1, 2, 5}) {
            QVERIFY2(text.contains(id(n)), qPrintable(id(n)));
            QVERIFY2(html.contains(id(n)), qPrintable(id(n)));
        }
        for (const int n : {3, 4, 6}) {
            QVERIFY2(!text.contains(id(n)), qPrintable(id(n)));
            QVERIFY2(!html.contains(id(n)), qPrintable(id(n)));
        }
        // Nothing remote: no image, style sheet, font or frame from anywhere; the hostile title is text.
        const QString lower = html.toLower();
        for (const QString &remote : {QStringLiteral("src=\"http"), QStringLiteral("src='http"),
                 QStringLiteral("<img"), QStringLiteral("<link"), QStringLiteral("url(http"),
                 QStringLiteral("@import"), QStringLiteral("<iframe"), QStringLiteral("<script")})
            QVERIFY2(!lower.contains(remote), qPrintable(remote));
        QVERIFY(html.contains(QStringLiteral("&lt;img")));
        QVERIFY(html.contains(QStringLiteral("https://arxiv.org/abs/") + id(1)));

        // The password is in none of what Lectern said.
        QVERIFY(!outcome.message.contains(kPassword));
        QVERIFY(!logs.all().contains(kPassword));
        QVERIFY(!smtp.raw(1).contains(kPassword.toUtf8()));

        // Recorded: the same day again sends nothing.
        const JobOutcome again = run(request(dir, {emailChannel(smtp, m_cert)}));
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(
            again.resultAs<DeliverySummary>().channels.first().state, ChannelDelivery::State::AlreadySent);
        QCOMPARE(smtp.messages().size(), 1);
    }

    void authLoginAndImplicitTls()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::SmtpStandIn::Options options = smtpOptions();
        options.startTls = false;
        options.implicitTls = true;
        options.auth = QStringLiteral("LOGIN");
        Test::SmtpStandIn smtp(options, m_cert, m_key);
        QVERIFY(smtp.port() > 0);
        DeliveryChannel c = emailChannel(smtp, m_cert);
        c.server = smtp.url(QStringLiteral("smtps"));
        const JobOutcome outcome = run(request(dir, {c}));
        QVERIFY2(outcome.ok(), qPrintable(outcome.message + smtp.errors()));
        QCOMPARE(smtp.messages().size(), 1);
        QVERIFY(smtp.messages().first().value(u"session").toObject().value(u"tls").toBool());
    }

    void refusedPasswordIsClearAndNothingIsLost()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::SmtpStandIn::Options options = smtpOptions();
        options.password = QStringLiteral("another-password");
        Test::SmtpStandIn smtp(options, m_cert, m_key);
        QVERIFY(smtp.port() > 0);
        LogCapture logs;
        const JobOutcome outcome = run(request(dir, {emailChannel(smtp, m_cert)}));
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message.contains(QStringLiteral("refused the user name or password (user lab)")),
            qPrintable(outcome.message));
        QVERIFY(!outcome.message.contains(kPassword));
        QVERIFY(!logs.all().contains(kPassword));
        QCOMPARE(
            outcome.resultAs<DeliverySummary>().failedChannels(), QStringList {QStringLiteral("e-mail")});
        QCOMPARE(smtp.messages().size(), 0);
        // The day is as it was, and nothing was recorded: the next run tries again.
        QCOMPARE(Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM papers")).toInt(), 6);
        QCOMPARE(Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM scores")).toInt(), 5);
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM deliveries")).toInt(), 0);
    }

    void serverDownIsNamed()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::SmtpStandIn smtp(smtpOptions(), m_cert, m_key);
        DeliveryChannel c = emailChannel(smtp, m_cert);
        c.server = QStringLiteral("smtp://127.0.0.1:%1").arg(Test::closedLoopbackPort());
        const JobOutcome outcome = run(request(dir, {c}));
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message.contains(QStringLiteral("could not connect to smtp://127.0.0.1:")),
            qPrintable(outcome.message));
        QCOMPARE(Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM papers")).toInt(), 6);
    }

    void tlsRequiredButNotOfferedIsRefused()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::SmtpStandIn::Options options = smtpOptions();
        options.startTls = false;
        Test::SmtpStandIn smtp(options, m_cert, m_key);
        QVERIFY(smtp.port() > 0);
        const JobOutcome outcome = run(request(dir, {emailChannel(smtp, m_cert)}));
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message.contains(QStringLiteral("does not offer STARTTLS and TLS is required")),
            qPrintable(outcome.message));
        QCOMPARE(smtp.messages().size(), 0); // nothing went out in the clear

        // Without TLS only to this machine: here it goes, elsewhere it is refused before connecting.
        DeliveryChannel plain = emailChannel(smtp, {});
        plain.requireTls = false;
        const JobOutcome loopback = run(request(dir, {plain}));
        QVERIFY2(loopback.ok(), qPrintable(loopback.message));
        QCOMPARE(smtp.messages().size(), 1);
        MailServer remote;
        remote.url = QStringLiteral("smtp://mail.example.org:25");
        remote.requireTls = false;
        const Result<void> refused = MailSender::check(remote);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("only allowed to a server on this machine")),
            qPrintable(refused.error()));
        remote.url = QStringLiteral("smtp://lab:%1@mail.example.org").arg(kPassword);
        remote.requireTls = true;
        QVERIFY(!MailSender::check(remote).ok());
        QVERIFY(!MailSender::check(remote).error().contains(kPassword));
    }

    void untrustedCertificateIsNamed()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::SmtpStandIn smtp(smtpOptions(), m_cert, m_key);
        QVERIFY(smtp.port() > 0);
        const JobOutcome outcome = run(request(dir, {emailChannel(smtp, {})})); // no CA file
        QVERIFY(!outcome.ok());
        QVERIFY2(
            outcome.message.contains(QStringLiteral("delivery/email/caFile")), qPrintable(outcome.message));
        QCOMPARE(smtp.messages().size(), 0);
    }

    void keyFileOthersCanReadIsRefused()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::SmtpStandIn smtp(smtpOptions(), m_cert, m_key);
        DeliveryRequest r = request(dir, {emailChannel(smtp, m_cert)});
        QFile::setPermissions(
            r.keyFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const JobOutcome outcome = run(r);
        QVERIFY(!outcome.ok());
        QVERIFY2(
            outcome.message.contains(QStringLiteral("can be read by others")), qPrintable(outcome.message));
        QVERIFY(outcome.message.contains(QStringLiteral("chmod 600")));
        QCOMPARE(smtp.messages().size(), 0);
        // The environment is read before the file.
        const DeliverySecrets secrets(r.keyFile);
        qputenv("LECTERN_SMTP_PASSWORD", "from-the-environment");
        QCOMPARE(secrets.find(DeliverySecrets::Secret::SmtpPassword).value,
            QStringLiteral("from-the-environment"));
        qunsetenv("LECTERN_SMTP_PASSWORD");
        // And the keyring (the window's lookup) before both.
        const DeliverySecrets withKeyring(
            r.keyFile, [](DeliverySecrets::Secret) { return QStringLiteral("kr"); });
        QCOMPARE(
            withKeyring.find(DeliverySecrets::Secret::MatrixToken).origin, QStringLiteral("the keyring"));
    }

    void slackMatrixAndJsonWebhooks()
    {
        Test::TempProfileDir dir;
        QVERIFY2(buildDay(dir).isEmpty(), "profile");
        Test::LoopbackHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.serve("/services/T1/B2/slacktoken", "ok");
        receiver.serve("/hook", "{}");
        // Matrix: one event per transaction id, as a homeserver keeps them per access token.
        QHash<QByteArray, QByteArray> events;
        int posted = 0;
        const QByteArray room = "!lab:example.org";
        const QByteArray prefix = "/_matrix/client/v3/rooms/" +
            QUrl::toPercentEncoding(QString::fromLatin1(room)) + "/send/m.room.message/";
        receiver.routePrefix(prefix, [&](const Test::LoopbackHttpServer::Request &rq) {
            Test::LoopbackHttpServer::Response response;
            if (rq.headers.value("authorization") != "Bearer " + kMatrixToken.toUtf8()) {
                response.status = 401;
                response.body = "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"Unknown token\"}";
                return response;
            }
            const QByteArray txn = rq.path().mid(prefix.size());
            if (!events.contains(txn)) {
                events.insert(txn, "$event" + QByteArray::number(++posted));
            }
            response.body = "{\"event_id\":\"" + events.value(txn) + "\"}";
            return response;
        });
        const QString secrets =
            QStringLiteral("slack-webhook-url = %1\nmatrix-token = %2\nwebhook-url = %3\n")
                .arg(receiver.url(QStringLiteral("/services/T1/B2/slacktoken")).toString(), kMatrixToken,
                    receiver.url(QStringLiteral("/hook?token=json-secret")).toString());
        DeliveryChannel json = webhookChannel(DeliveryChannel::Kind::Webhook);
        json.maxPapers = 0;
        const QList<DeliveryChannel> channels = {webhookChannel(DeliveryChannel::Kind::Slack),
            webhookChannel(DeliveryChannel::Kind::Matrix, receiver.url()), json};
        LogCapture logs;
        const JobOutcome outcome = run(request(dir, channels, secrets));
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));

        // Slack: {"text": mrkdwn}, the two best papers (maxPapers 2), the hostile title's < > escaped.
        const auto slack = receiver.requestsTo("/services/T1/B2/slacktoken");
        QCOMPARE(slack.size(), 1);
        QCOMPARE(slack.first().method, QByteArray("POST"));
        const QString slackText =
            QJsonDocument::fromJson(slack.first().body).object().value(u"text").toString();
        QVERIFY2(slackText.startsWith(QStringLiteral("*arXiv digest 2026-11-23*: 2 of 3 papers")),
            qPrintable(slackText));
        QVERIFY(slackText.contains(QStringLiteral("<https://arxiv.org/abs/2611.00005|")));
        QVERIFY(slackText.contains(QStringLiteral("<https://arxiv.org/abs/2611.00001|Sparse &lt;img")));
        QVERIFY(!slackText.contains(id(2)));

        // Matrix: PUT to the room with the transaction id, Bearer token, m.text with an HTML twin.
        QCOMPARE(posted, 1);
        const auto matrix = receiver.requestsTo(receiver.requests().at(1).path());
        QCOMPARE(matrix.size(), 1);
        QCOMPARE(matrix.first().method, QByteArray("PUT"));
        QVERIFY(matrix.first().path().startsWith(prefix));
        const QJsonObject body = QJsonDocument::fromJson(matrix.first().body).object();
        QCOMPARE(body.value(u"msgtype").toString(), QStringLiteral("m.text"));
        QCOMPARE(body.value(u"format").toString(), QStringLiteral("org.matrix.custom.html"));
        QVERIFY(body.value(u"formatted_body")
                    .toString()
                    .contains(QStringLiteral("<a href=\"https://arxiv.org/abs/2611.00005\">")));
        QVERIFY(body.value(u"body").toString().contains(id(1)));

        // The generic webhook: the digest's JSON, every paper over the thresholds.
        const auto hooks = receiver.requestsTo("/hook");
        QCOMPARE(hooks.size(), 1);
        const QJsonObject digest = QJsonDocument::fromJson(hooks.first().body).object();
        QCOMPARE(digest.value(u"format").toString(), QStringLiteral("lectern-digest"));
        QCOMPARE(
            digest.value(u"selection").toObject().value(u"delivery").toString(), QStringLiteral("webhook"));
        QSet<QString> ids;
        for (const QJsonValue &p :
            digest.value(u"days").toArray().first().toObject().value(u"papers").toArray())
            ids << p.toObject().value(u"paper").toObject().value(u"arxivId").toString();
        QCOMPARE(ids, (QSet<QString> {id(1), id(2), id(5)}));

        // A run that died after posting but before recording posts with the same transaction id: the
        // homeserver keeps one event.
        QVERIFY(Test::scalar(
            dir.databasePath(), QStringLiteral("DELETE FROM deliveries WHERE channel = 'matrix'"))
                    .isNull());
        const JobOutcome again = run(request(dir, channels, secrets));
        QVERIFY2(again.ok(), qPrintable(again.message));
        const auto repeated = receiver.requestsTo(matrix.first().path());
        QCOMPARE(repeated.size(), 2);
        QCOMPARE(posted, 1);
        QCOMPARE(receiver.requestsTo("/hook").size(), 1); // recorded: not sent twice
        QCOMPARE(receiver.requestsTo("/services/T1/B2/slacktoken").size(), 1);

        // No token or webhook URL in what Lectern said.
        for (const QString &secret :
            {kMatrixToken, QStringLiteral("slacktoken"), QStringLiteral("json-secret")}) {
            QVERIFY2(!outcome.message.contains(secret), qPrintable(secret));
            QVERIFY2(!again.message.contains(secret), qPrintable(secret));
            QVERIFY2(!logs.all().contains(secret), qPrintable(secret));
        }
    }

    void rateLimitIsWaitedOutAndErrorsAreClear()
    {
        Test::LoopbackHttpServer receiver;
        QVERIFY(receiver.listen());
        Test::LoopbackHttpServer::Response limited;
        limited.status = 429;
        limited.headers = {{"Retry-After", "7"}};
        limited.body = "rate limited";
        Test::LoopbackHttpServer::Response fine;
        fine.body = "ok";
        receiver.enqueue("/services/T/B/tok", limited);
        receiver.enqueue("/services/T/B/tok", fine);
        Test::ManualClock clock;
        HttpOptions options;
        options.clock = &clock;
        options.sleeper = &clock;
        WebhookSender sender(options);
        const Result<void> sent =
            sender.sendSlack(receiver.url(QStringLiteral("/services/T/B/tok")), QStringLiteral("hi"));
        QVERIFY2(sent.ok(), qPrintable(sent.error()));
        QCOMPARE(receiver.requestsTo("/services/T/B/tok").size(), 2);
        QCOMPARE(clock.sleeps(), QList<int> {7000});

        // A refusal names the target without its token, and what the server said.
        Test::LoopbackHttpServer::Response gone;
        gone.status = 404;
        gone.body = "no_service";
        receiver.enqueue("/services/T/B/old", gone);
        const Result<void> refused =
            sender.sendSlack(receiver.url(QStringLiteral("/services/T/B/old")), QStringLiteral("hi"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("HTTP 404 (no_service): no such webhook or room")),
            qPrintable(refused.error()));
        QVERIFY(!refused.error().contains(QStringLiteral("/services/T/B/old")));
        QCOMPARE(clock.sleeps(), QList<int> {7000}); // a 404 is not retried

        // Plain http to another machine: refused before anything is sent.
        const Result<void> plain =
            sender.sendJson(QUrl(QStringLiteral("http://hooks.example.org/h?token=x")), "{}");
        QVERIFY(!plain.ok());
        QVERIFY2(plain.error().contains(QStringLiteral("over plain http")), qPrintable(plain.error()));
        QVERIFY(!plain.error().contains(QStringLiteral("token=x")));
    }

    void deliverCommandAndRunThroughTheBinary()
    {
        Test::TempProfileDir dir;
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveDefaultFeeds(kDay);
        server.serve("/hook", "{}");
        const int down = Test::closedLoopbackPort();
        QVERIFY2(Test::ProfileBuilder(dir.path())
                     .withSetting(Keys::ArxivRssBase, arxiv.rssBase())
                     .withSetting(Keys::ArxivMinIntervalMs, 0)
                     .withSetting(QStringLiteral("delivery/webhook/enabled"), true)
                     .withSetting(QStringLiteral("delivery/webhook/minRelevance"), 1)
                     .withSetting(QStringLiteral("delivery/webhook/minNovelty"), 1)
                     .withSetting(QStringLiteral("delivery/email/enabled"), true)
                     .withSetting(QStringLiteral("delivery/email/minRelevance"), 1)
                     .withSetting(QStringLiteral("delivery/email/minNovelty"), 1)
                     .withSetting(Keys::DeliveryEmailServer, QStringLiteral("smtp://127.0.0.1:%1").arg(down))
                     .withSetting(Keys::DeliveryEmailFrom, QStringLiteral("lectern@lab.example"))
                     .withSetting(Keys::DeliveryEmailTo, QStringList {QStringLiteral("alice@lab.example")})
                     .withSetting(Keys::DeliveryEmailUser, QStringLiteral("lab"))
                     .build()
                     .isEmpty(),
            "profile");
        QProcessEnvironment env = Test::headlessEnvironment();
        env.insert(QStringLiteral("LECTERN_SMTP_PASSWORD"), kPassword);
        env.insert(QStringLiteral("LECTERN_WEBHOOK_URL"),
            server.url(QStringLiteral("/hook?token=json-secret")).toString());
        const QStringList profile {QStringLiteral("--profile"), dir.path()};

        // The run stores and scores the day, the webhook gets it, the e-mail fails: exit 3, said so.
        const Test::LecternRun ran = Test::runLectern(profile +
                QStringList {QStringLiteral("run"), QStringLiteral("--date"), kDay.toString(Qt::ISODate)},
            env);
        QCOMPARE(ran.code, 3);
        QVERIFY2(ran.err.contains(QStringLiteral("only the delivery by e-mail failed")), qPrintable(ran.err));
        QVERIFY2(QString(ran.out + ran.err).contains(QStringLiteral("JSON webhook: sent")),
            qPrintable(ran.out + ran.err));
        QCOMPARE(server.requestsTo("/hook").size(), 1);
        const int papers =
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM papers")).toInt();
        QVERIFY(papers > 0);
        QVERIFY(Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM scores")).toInt() > 0);

        // A dry run says what would go where: the webhook was sent, the e-mail would go now; no secret.
        const Test::LecternRun dry = Test::runLectern(
            profile + QStringList {QStringLiteral("deliver"), QStringLiteral("--dry-run")}, env);
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.contains(QStringLiteral("e-mail: would send")), qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("to alice@lab.example")));
        QVERIFY2(dry.out.contains(QStringLiteral("JSON webhook: 2026-11-23 was already sent")),
            qPrintable(dry.out));
        QCOMPARE(server.requestsTo("/hook").size(), 1);
        for (const Test::LecternRun &r : {ran, dry}) {
            for (const QString &secret : {kPassword, QStringLiteral("json-secret")}) {
                QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), qPrintable(secret));
            }
        }
        // `deliver` alone: the e-mail still fails (exit 3), the run's data untouched.
        const Test::LecternRun deliver =
            Test::runLectern(profile + QStringList {QStringLiteral("deliver")}, env);
        QCOMPARE(deliver.code, 3);
        QVERIFY2(deliver.err.contains(QStringLiteral("could not connect")), qPrintable(deliver.err));
        QCOMPARE(
            Test::scalar(dir.databasePath(), QStringLiteral("SELECT COUNT(*) FROM papers")).toInt(), papers);
    }
};

QTEST_GUILESS_MAIN(TestDelivery)
#include "test_delivery.moc"
