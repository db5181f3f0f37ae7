// SPDX-License-Identifier: GPL-3.0-or-later
// The system keyring for real: KeyringStore through qtkeychain over D-Bus to a KWallet daemon (the
// org.kde.KWallet interface kwalletd6 offers) on a private session bus. The other keyring tests use
// KeyringStore's in-memory backend; this one is the way a key takes on a desktop, into the window's
// process and into `lectern deliver`'s.
#include "config/settings.h"
#include "store/storelocation.h"
#include "store/storepasswords.h"
#include "ui/keyringstore.h"

#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/postgrescluster.h>
#include <testkit/profilebuilder.h>
#include <testkit/separatetest.h>
#include <testkit/sessionbuskeyring.h>
#include <testkit/smtpstandin.h>

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QJsonObject>
#include <QTest>

using namespace Lectern;

namespace {

/// What the wallet itself holds under Lectern's folder: read over D-Bus as any other client would.
struct WalletEntry
{
    int type = -1; ///< KWallet's entry type: 0 none, 1 password
    QString text;
};

WalletEntry walletEntry(const QString &key)
{
    QDBusInterface wallet(QStringLiteral("org.kde.kwalletd6"), QStringLiteral("/modules/kwalletd6"),
        QStringLiteral("org.kde.KWallet"), QDBusConnection::sessionBus());
    const QDBusReply<int> handle = wallet.call(
        QStringLiteral("open"), QStringLiteral("kdewallet"), qlonglong(0), QStringLiteral("test"));
    if (!handle.isValid())
        return {};
    const QString folder = QStringLiteral("lectern"); // qtkeychain's folder: the service name
    const QDBusReply<int> type =
        wallet.call(QStringLiteral("entryType"), handle.value(), folder, key, QStringLiteral("test"));
    const QDBusReply<QString> text =
        wallet.call(QStringLiteral("readPassword"), handle.value(), folder, key, QStringLiteral("test"));
    return {type.isValid() ? type.value() : -1, text.isValid() ? text.value() : QString()};
}

/// Runs one KeyringStore call to its answer: the error, empty when it went well.
template<typename Call> QString answer(Call call)
{
    bool answered = false;
    QString error;
    call([&](const QString &e) {
        error = e;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 20000))
        return QStringLiteral("no answer");
    return error;
}

} // namespace

class TestKeyring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Before anything in this process talks to D-Bus: Qt and qtkeychain connect (and choose) once.
        if (auto started = m_keyring.start(); !started)
            QSKIP(qPrintable(QStringLiteral("no session bus here: ") + started.error()));
        QVERIFY(KeyringStore::isAvailable());
    }

    void anApiKeyIsKeptInTheWalletAndReadBack()
    {
        KeyringStore store;
        const QString key = QStringLiteral("sk-wallet-test-0001");
        QCOMPARE(answer([&](auto done) { store.writeKey(QStringLiteral("openai"), key, done); }), QString());
        const WalletEntry held = walletEntry(QStringLiteral("api-key/openai"));
        QCOMPARE(held.type, 1);
        QCOMPARE(held.text, key);
        QString read;
        QCOMPARE(answer([&](auto done) {
            store.readKey(QStringLiteral("openai"), [&read, done](const QString &k, const QString &error) {
                read = k;
                done(error);
            });
        }),
            QString());
        QCOMPARE(read, key);
        // An empty key removes the entry.
        QCOMPARE(
            answer([&](auto done) { store.writeKey(QStringLiteral("openai"), QString(), done); }), QString());
        QCOMPARE(walletEntry(QStringLiteral("api-key/openai")).type, 0);
        QCOMPARE(answer([&](auto done) {
            store.readKey(QStringLiteral("anthropic"), [&read, done](const QString &k, const QString &error) {
                read = k;
                done(error);
            });
        }),
            QString());
        QVERIFY(read.isEmpty()); // no entry: no key, no error
    }

    void aServersPasswordServesTheConnectionsOfTheProcess()
    {
        const StoreLocation lab = StoreLocation::postgres(
            QStringLiteral("127.0.0.1"), 5499, QStringLiteral("arxiv"), QStringLiteral("alice"), QString());
        KeyringStore store;
        QCOMPARE(answer([&](auto done) {
            store.writeStorePassword(lab, QStringLiteral("pw-from-the-wallet"), done);
        }),
            QString());
        QCOMPARE(walletEntry(KeyringStore::entryFor(lab)).text, QStringLiteral("pw-from-the-wallet"));
        QVERIFY(StorePasswords::find(lab).isEmpty());
        KeyringStore::loadStorePassword(lab); // as the window does before it opens its store
        QCOMPARE(StorePasswords::find(lab), QStringLiteral("pw-from-the-wallet"));
    }

    void deliverySecretsAreReadBackForTheJobs()
    {
        KeyringStore store;
        QCOMPARE(answer([&](auto done) {
            store.writeDeliverySecret(
                DeliverySecrets::Secret::SmtpPassword, QStringLiteral("smtp-secret"), done);
        }),
            QString());
        QCOMPARE(KeyringStore::readDeliverySecret(DeliverySecrets::Secret::SmtpPassword),
            QStringLiteral("smtp-secret"));
        const DeliverySecrets::KeyringLookup lookup = KeyringStore::deliverySecrets();
        QVERIFY(lookup);
        QCOMPARE(lookup(DeliverySecrets::Secret::SmtpPassword), QStringLiteral("smtp-secret"));
        QVERIFY(lookup(DeliverySecrets::Secret::MatrixToken).isEmpty());
    }

    // `lectern deliver`, a process of its own, finds the SMTP password Settings ▸ Delivery put in the wallet
    // (nothing in its environment or a key file): the stand-in accepts only that password.
    void deliverCommandReadsTheSmtpPasswordFromTheWallet()
    {
        const QString password = QStringLiteral("wallet-smtp-pw-0042");
        KeyringStore store;
        QCOMPARE(answer([&](auto done) {
            store.writeDeliverySecret(DeliverySecrets::Secret::SmtpPassword, password, done);
        }),
            QString());
        Test::SmtpStandIn::Options options;
        options.startTls = false;
        options.password = password;
        Test::SmtpStandIn smtp(options);
        QVERIFY2(smtp.port() > 0, qPrintable(smtp.errors()));

        const QDate day(2026, 11, 23);
        const QList<Paper> papers = Test::numberedPapers(3, day);
        Test::TempProfileDir dir;
        QVERIFY2(Test::ProfileBuilder(dir.path())
                     .withPapers(papers)
                     .withScores({Test::makeScore(papers[0], 9, 8), Test::makeScore(papers[1], 3, 2)})
                     .withSetting(QStringLiteral("delivery/email/enabled"), true)
                     .withSetting(Keys::DeliveryEmailServer, smtp.url())
                     .withSetting(Keys::DeliveryEmailRequireTls, false)
                     .withSetting(Keys::DeliveryEmailFrom, QStringLiteral("lectern@lab.example"))
                     .withSetting(Keys::DeliveryEmailTo, QStringList {QStringLiteral("alice@lab.example")})
                     .withSetting(Keys::DeliveryEmailUser, QStringLiteral("lab"))
                     .build()
                     .isEmpty(),
            "profile");
        // The test process's environment, which points at the private session bus, with no secret in it.
        const QProcessEnvironment env = Test::headlessEnvironment();
        QVERIFY(env.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")) ==
            qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
        QVERIFY(!env.contains(QStringLiteral("LECTERN_SMTP_PASSWORD")));
        const Test::LecternRun deliver =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("deliver"),
                                 QStringLiteral("--day"), day.toString(Qt::ISODate)},
                env);
        QVERIFY2(deliver.code == 0, qPrintable(deliver.out + deliver.err + smtp.errors()));
        const QList<QJsonObject> received = smtp.messages();
        QCOMPARE(received.size(), 1);
        QCOMPARE(
            received.first().value(u"session").toObject().value(u"user").toString(), QStringLiteral("lab"));
        QVERIFY(Test::partText(received.first(), QStringLiteral("text/plain")).contains(papers[0].title));
        QVERIFY(!Test::partText(received.first(), QStringLiteral("text/plain")).contains(papers[1].title));
        QVERIFY(!deliver.out.contains(password) && !deliver.err.contains(password));
    }

    // A member's command line on a lab server that asks for a password: with no ~/.pgpass, the password
    // Settings ▸ Store put in the wallet opens the store (it is read only because the server asked).
    void commandLineReadsTheStorePasswordFromTheWallet()
    {
        LECTERN_SEPARATE_TEST();
        Test::PostgresCluster cluster;
        if (auto started = cluster.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
        const QString password = QStringLiteral("carol-in-the-wallet-7");
        auto carol = cluster.createPasswordRole(QStringLiteral("carol"), password);
        QVERIFY2(carol, qPrintable(carol.error()));
        Test::TempProfileDir dir;
        QVERIFY2(Test::ProfileBuilder(dir.path())
                     .withSetting(Keys::StoreBackend, QStringLiteral("postgres"))
                     .withSetting(Keys::StoreHost, carol->host())
                     .withSetting(Keys::StorePort, carol->port())
                     .withSetting(Keys::StoreDatabase, carol->database())
                     .withSetting(Keys::StoreUser, carol->user())
                     .build()
                     .isEmpty(),
            "profile");
        QProcessEnvironment env = Test::headlessEnvironment();
        for (const char *name : {"PGPASSWORD", "PGPASSFILE"})
            env.remove(QString::fromLatin1(name));
        QVERIFY(!QFile::exists(QDir::home().filePath(QStringLiteral(".pgpass"))));
        const QStringList stats {
            QStringLiteral("--profile"), dir.path(), QStringLiteral("db"), QStringLiteral("stats")};

        // Nothing in the wallet yet: the server's refusal is what the user reads.
        const Test::LecternRun refused = Test::runLectern(stats, env);
        QVERIFY2(refused.code != 0, qPrintable(refused.out + refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("password")), qPrintable(refused.err));

        KeyringStore store;
        QCOMPARE(answer([&](auto done) { store.writeStorePassword(*carol, password, done); }), QString());
        const Test::LecternRun opened = Test::runLectern(stats, env);
        QVERIFY2(opened.code == 0, qPrintable(opened.out + opened.err));
        QVERIFY(!opened.out.contains(password) && !opened.err.contains(password));
    }

    // Last: the wallet goes away (kwalletd not running). Saving fails with a message that says what to do
    // instead, and nothing is written anywhere in plain text.
    void withoutTheWalletNothingIsSavedAndTheUserIsTold()
    {
        m_keyring.stopWallet();
        KeyringStore store;
        const QString error = answer(
            [&](auto done) { store.writeKey(QStringLiteral("openai"), QStringLiteral("sk-lost"), done); });
        QVERIFY2(
            error.contains(QStringLiteral("not saved")) && error.contains(QStringLiteral("OPENAI_API_KEY")),
            qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("sk-lost")));
        QString read = QStringLiteral("unset");
        const QString readError = answer([&](auto done) {
            store.readKey(QStringLiteral("openai"), [&read, done](const QString &k, const QString &e) {
                read = k;
                done(e);
            });
        });
        QVERIFY2(!readError.isEmpty(), "reading without a wallet reports it");
        QVERIFY(read.isEmpty());
    }

private:
    Test::SessionBusKeyring m_keyring;
};

QTEST_GUILESS_MAIN(TestKeyring)
#include "test_keyring.moc"
