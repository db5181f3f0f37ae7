// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/settings.h"
#include "store/storelocation.h"

#include <testkit/fixtures.h>

#include <QTest>

using namespace Lectern;

class TestStoreLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filePathsAreSqlite()
    {
        for (const QString &path : {QStringLiteral("/home/a/.local/share/lectern/lectern.db"),
                 QStringLiteral("relative/lectern.db"), QStringLiteral(":memory:")}) {
            const auto l = StoreLocation::parse(path);
            QVERIFY(!l.isPostgres());
            QCOMPARE(l.path(), path);
            QCOMPARE(l.toString(), path);
        }
    }

    void postgresUrisRoundTrip_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("sslMode");
        QTest::newRow("all") << "postgresql://ada@db.lab.example:6543/lectern?sslmode=verify-full"
                             << "db.lab.example" << 6543 << "lectern"
                             << "ada"
                             << "verify-full";
        QTest::newRow("host only") << "postgresql://db.lab.example/lectern"
                                   << "db.lab.example" << 0 << "lectern"
                                   << ""
                                   << "";
        // Everything from the environment (PGHOST, PGDATABASE…) and ~/.pgpass.
        QTest::newRow("nothing") << "postgresql:///"
                                 << "" << 0 << ""
                                 << ""
                                 << "";
        QTest::newRow("database only") << "postgresql:///lectern"
                                       << "" << 0 << "lectern"
                                       << ""
                                       << "";
    }

    void postgresUrisRoundTrip()
    {
        QFETCH(QString, uri);
        const auto l = StoreLocation::parse(uri);
        QVERIFY(l.isPostgres());
        QTEST(l.host(), "host");
        QTEST(l.port(), "port");
        QTEST(l.database(), "database");
        QTEST(l.user(), "user");
        QTEST(l.sslMode(), "sslMode");
        QCOMPARE(l.toString(), uri);
        QCOMPARE(StoreLocation::parse(l.toString()).toString(), uri);
    }

    // The short scheme libpq also takes.
    void postgresSchemeIsAccepted()
    {
        const auto l = StoreLocation::parse(QStringLiteral("postgres://h:1/d"));
        QVERIFY(l.isPostgres());
        QCOMPARE(l.host(), QStringLiteral("h"));
        QCOMPARE(l.port(), 1);
        QCOMPARE(l.database(), QStringLiteral("d"));
    }

    // The settings are typed and checked; there is no password setting.
    void settingsAreCheckedAndHoldNoPassword()
    {
        Test::TempProfileDir dir;
        Settings settings(dir.path() + QStringLiteral("/lectern.ini"));
        QCOMPARE(settings.string(Keys::StoreBackend), QStringLiteral("sqlite"));
        QVERIFY(settings.setText(Keys::StoreBackend, QStringLiteral("postgres")).ok());
        QVERIFY(!settings.setText(Keys::StoreBackend, QStringLiteral("mysql")).ok());
        QVERIFY(settings.setText(Keys::StorePort, QStringLiteral("5433")).ok());
        QVERIFY(!settings.setText(Keys::StorePort, QStringLiteral("70000")).ok());
        QVERIFY(settings.setText(Keys::StoreSslMode, QStringLiteral("verify-full")).ok());
        QVERIFY(settings.setText(Keys::StoreSslMode, QString()).ok());
        QVERIFY(!settings.setText(Keys::StoreSslMode, QStringLiteral("sometimes")).ok());
        for (const SettingSpec &spec : Settings::registry())
            QVERIFY2(
                !spec.key.contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(spec.key));
    }
};

QTEST_GUILESS_MAIN(TestStoreLocation)
#include "test_storelocation.moc"
