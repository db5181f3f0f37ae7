// SPDX-License-Identifier: GPL-3.0-or-later
// A lab's PostgreSQL server whose disk is full: the store says so in the same words as on SQLite, the
// fetch being written is not half-stored, and what was stored before stays. The database lives in a
// tablespace on a real, tiny file system (testkit/smallvolume.h: needs root and loop devices), so the
// server meets the kernel's "No space left on device" when it extends a table (SQLSTATE 53100); its
// write-ahead log stays on the cluster's own disk, as on a server whose data volume filled up.
#include "store/paperstore.h"

#include <testkit/postgrescluster.h>
#include <testkit/profilebuilder.h>
#include <testkit/separatetest.h>
#include <testkit/smallvolume.h>

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Lectern;

namespace {

/// @p count papers of @p day, numbered from @p first, with abstracts long enough to need new pages.
QList<Paper> longPapers(int count, const QDate &day, int first)
{
    QList<Paper> papers = Test::numberedPapers(count, day, first);
    for (Paper &p : papers)
        p.abstract = QString(p.abstract + u' ').repeated(40).left(4000);
    return papers;
}

int papersOn(PaperStore &store, const QDate &day)
{
    auto records = store.recordsForDay(day);
    return records ? int(records->size()) : -1;
}

} // namespace

class TestPostgresFullDisk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFullDiskOnTheServerIsNamedAndLosesNothing()
    {
        LECTERN_SEPARATE_TEST();
        if (Test::PostgresCluster::binDir().isEmpty())
            QSKIP("PostgreSQL is not installed");
        Test::SmallVolume volume(8192);
        if (!volume.isMounted())
            QSKIP(qPrintable(QStringLiteral("no small file system to fill: ") + volume.whyNot()));
        Test::PostgresCluster cluster;
        if (auto started = cluster.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));

        // The tablespace's folder belongs to the server's user ("nobody": SmallVolume runs as root only),
        // who must be able to reach it through the volume's private temporary folder.
        const QString folder = volume.path() + QStringLiteral("/tablespace");
        QVERIFY(QDir().mkpath(folder));
        for (const QString &reach : {volume.path(), QFileInfo(volume.path()).path()}) {
            QVERIFY(
                QFile::setPermissions(reach, QFile::permissions(reach) | QFile::ExeOther | QFile::ExeGroup));
        }
        const passwd *server = ::getpwnam("nobody");
        QVERIFY(server);
        QCOMPARE(::chown(QFile::encodeName(folder).constData(), server->pw_uid, server->pw_gid), 0);
        for (const QString &sql : {QStringLiteral("CREATE TABLESPACE small LOCATION '%1'").arg(folder),
                 QStringLiteral("CREATE DATABASE full_disk TABLESPACE small")}) {
            const Result<void> done = cluster.execAsSuperuser(sql);
            QVERIFY2(done.ok(), qPrintable(done.error()));
        }
        auto location = cluster.database(QStringLiteral("full_disk"));
        QVERIFY2(location, qPrintable(location.error()));
        auto opened = PaperStore::open(location->toString());
        QVERIFY2(opened, qPrintable(opened.error()));
        PaperStore &store = **opened;

        const QDate before(2026, 11, 23);
        const QDate fetched(2026, 11, 24);
        QVERIFY(store.upsertPapers(longPapers(20, before, 1)).ok());
        QCOMPARE(papersOn(store, before), 20);

        QVERIFY(volume.fill(0));
        const QList<Paper> day = longPapers(300, fetched, 100);
        auto full = store.upsertPapers(day);
        QVERIFY(!full.ok());
        QVERIFY2(full.error().contains(QStringLiteral("The disk or the database is full")),
            qPrintable(full.error()));
        QCOMPARE(papersOn(store, fetched), 0); // all or nothing
        QCOMPARE(papersOn(store, before), 20);

        // Room again: the same fetch is stored whole, on the same connection.
        volume.release();
        auto stored = store.upsertPapers(day);
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(papersOn(store, fetched), 300);
        QCOMPARE(papersOn(store, before), 20);
    }
};

QTEST_GUILESS_MAIN(TestPostgresFullDisk)
#include "test_postgresfulldisk.moc"
