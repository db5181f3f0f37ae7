// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14.1, a PostgreSQL client as a lab's admin expects it: the password from a password file the test
// writes (PGPASSFILE, mode 0600) or from this process's memory (StorePasswords, where the window puts the
// keyring's), never in a message; a service file (PGSERVICEFILE, PGSERVICE) and PGHOST/PGPORT filling
// what the settings leave empty; a wrong password and a stopped server named clearly. Against a throwaway
// server whose role "carol" must give a password.
#include "config/profile.h"
#include "config/settings.h"
#include "store/database.h"
#include "store/storepasswords.h"

#include <testkit/fixtures.h>
#include <testkit/postgrescluster.h>

#include <QFile>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Lectern;

namespace {

const QString kPassword = QStringLiteral("Corr3ct-h0rse!");

/// Writes @p text to @p path, readable by its owner only (libpq ignores a password file others can read).
bool writePrivate(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size() &&
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString currentDatabase(Database &db)
{
    QSqlQuery q(db.sql());
    if (!q.exec(QStringLiteral("SELECT current_database() || ' ' || current_user")) || !q.next())
        return {};
    return q.value(0).toString();
}

} // namespace

class TestStoreConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_cluster.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
        auto carol = m_cluster.createPasswordRole(QStringLiteral("carol"), kPassword);
        QVERIFY2(carol.ok(), qPrintable(carol.error()));
        m_carol = *carol;
    }

    void cleanup()
    {
        for (const char *name :
            {"PGPASSFILE", "PGSERVICEFILE", "PGSERVICE", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE"})
            qunsetenv(name);
        StorePasswords::set(m_carol, {});
    }

    void thePasswordFileServesTheRole()
    {
        Test::TempProfileDir dir;
        const QString passfile = dir.path() + QStringLiteral("/pgpass");
        qputenv("PGPASSFILE", QFile::encodeName(passfile));

        // No password anywhere: refused, and said so with the place to put it.
        auto refused = Database::open(m_carol);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(m_carol.toString()), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QStringLiteral("~/.pgpass")), qPrintable(refused.error()));

        const QByteArray line = QStringLiteral("127.0.0.1:%1:%2:carol:%3\n")
                                    .arg(m_carol.port())
                                    .arg(m_carol.database(), kPassword)
                                    .toUtf8();
        QVERIFY(writePrivate(passfile, line));
        auto opened = Database::open(m_carol);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(currentDatabase(*opened.value()), m_carol.database() + QStringLiteral(" carol"));
        QVERIFY(!m_carol.toString().contains(kPassword));

        // A wrong password is refused with the server's reason, and the message never holds a password.
        const QString wrong = QStringLiteral("n0t-the-Passw0rd");
        QVERIFY(writePrivate(passfile, QString::fromUtf8(line).replace(kPassword, wrong).toUtf8()));
        auto wrongOpen = Database::open(m_carol);
        QVERIFY(!wrongOpen.ok());
        QVERIFY2(wrongOpen.error().contains(QStringLiteral("password authentication failed")),
            qPrintable(wrongOpen.error()));
        QVERIFY(!wrongOpen.error().contains(wrong));
        QVERIFY(!wrongOpen.error().contains(kPassword));
    }

    void aPasswordInMemoryServesEveryThreadsConnection()
    {
        Test::TempProfileDir dir;
        qputenv("PGPASSFILE", QFile::encodeName(dir.path() + QStringLiteral("/none")));
        StorePasswords::set(m_carol, kPassword);
        QCOMPARE(StorePasswords::find(m_carol), kPassword);
        // The TLS mode is no part of what the password belongs to.
        const StoreLocation withTls = StoreLocation::postgres(
            m_carol.host(), m_carol.port(), m_carol.database(), m_carol.user(), QStringLiteral("disable"));
        QCOMPARE(StorePasswords::find(withTls), kPassword);
        QCOMPARE(
            StorePasswords::find(Test::PostgresCluster::forRole(m_carol, QStringLiteral("dave"))), QString());

        auto here = Database::open(withTls);
        QVERIFY2(here.ok(), qPrintable(here.error()));
        // A worker thread opens its own connection with the same password.
        QString workerError = QStringLiteral("not run");
        QThread *worker = QThread::create([&] {
            auto there = Database::open(m_carol);
            workerError = there ? QString() : there.error();
        });
        worker->start();
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY2(workerError.isEmpty(), qPrintable(workerError));

        StorePasswords::set(m_carol, QStringLiteral("wr0ng-in-memory"));
        auto wrong = Database::open(m_carol);
        QVERIFY(!wrong.ok());
        QVERIFY(!wrong.error().contains(QStringLiteral("wr0ng-in-memory")));
        StorePasswords::set(m_carol, {});
        QCOMPARE(StorePasswords::find(m_carol), QString());
    }

    void aServiceFileAndTheEnvironmentFillEmptySettings()
    {
        Test::TempProfileDir dir;
        const QString services = dir.path() + QStringLiteral("/pg_service.conf");
        const QByteArray text = QStringLiteral("[lab]\nhost=127.0.0.1\nport=%1\ndbname=%2\nuser=postgres\n")
                                    .arg(m_carol.port())
                                    .arg(m_carol.database())
                                    .toUtf8();
        QVERIFY(writePrivate(services, text));
        qputenv("PGSERVICEFILE", QFile::encodeName(services));
        qputenv("PGSERVICE", "lab");
        {
            // The settings name the backend only; everything else comes from the service.
            Settings settings(dir.path() + QStringLiteral("/lectern.ini"));
            QVERIFY(settings.setText(QString(Keys::StoreBackend), QStringLiteral("postgres")).ok());
            const StoreLocation location = Profile::inDirectory(dir.path()).storeFor(settings);
            QVERIFY(location.isPostgres() && location.host().isEmpty() && location.database().isEmpty());
            auto opened = Database::open(location);
            QVERIFY2(opened.ok(), qPrintable(opened.error()));
            QCOMPARE(currentDatabase(*opened.value()), m_carol.database() + QStringLiteral(" postgres"));
        }
        qunsetenv("PGSERVICE");
        qunsetenv("PGSERVICEFILE");
        // PGHOST and PGPORT the same way, with the database and user from the settings.
        qputenv("PGHOST", "127.0.0.1");
        qputenv("PGPORT", QByteArray::number(m_carol.port()));
        auto opened =
            Database::open(StoreLocation::postgres({}, 0, m_carol.database(), QStringLiteral("postgres")));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(currentDatabase(*opened.value()), m_carol.database() + QStringLiteral(" postgres"));
    }

    void aStoppedServerIsNamedAndNothingCrashes()
    {
        StoreLocation location;
        {
            Test::PostgresCluster second;
            auto created = second.createDatabase();
            QVERIFY2(created.ok(), qPrintable(created.error()));
            location = *created;
            auto opened = Database::open(location);
            QVERIFY2(opened.ok(), qPrintable(opened.error()));
        } // stops the server
        auto gone = Database::open(location);
        QVERIFY(!gone.ok());
        QVERIFY2(gone.error().contains(location.toString()), qPrintable(gone.error()));
        QVERIFY2(gone.error().contains(QStringLiteral("Is the server running")), qPrintable(gone.error()));
    }

private:
    Test::PostgresCluster m_cluster;
    StoreLocation m_carol;
};

QTEST_GUILESS_MAIN(TestStoreConnection)
#include "test_storeconnection.moc"
