// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input the real binary must survive: a full disk while fetching and scoring, and a broken profile
// (garbage settings, invalid prices.json, empty prompt copies, a database that is not SQLite).
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/separatetest.h>
#include <testkit/smallvolume.h>
#include <testkit/syntheticday.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Lectern;

namespace {

using Run = Test::LecternRun;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// An RSS feed of @p n new papers announced on 2026-11-23, with abstracts of about a kilobyte.
QByteArray bigFeed(const QString &category, int firstNumber, int n)
{
    QByteArray xml = R"(<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>)" +
        category.toUtf8() +
        R"( updates on arXiv.org</title>
    <pubDate>Mon, 23 Nov 2026 00:00:00 -0500</pubDate>
)";
    const QByteArray abstract =
        QByteArray("We study learning to rank lichens with gradient descent. ").repeated(18);
    for (int i = 0; i < n; ++i) {
        const QByteArray id = QByteArray("2611.") + QByteArray::number(firstNumber + i);
        xml += "    <item>\n      <title>Paper " + id +
            " on learning</title>\n"
            "      <link>https://arxiv.org/abs/" +
            id +
            "</link>\n"
            "      <description>arXiv:" +
            id + "v1 Announce Type: new \nAbstract: " + abstract +
            "</description>\n"
            "      <guid isPermaLink=\"false\">oai:arXiv.org:" +
            id +
            "v1</guid>\n"
            "      <category>" +
            category.toUtf8() +
            "</category>\n"
            "      <pubDate>Mon, 23 Nov 2026 00:00:00 -0500</pubDate>\n"
            "      <arxiv:announce_type>new</arxiv:announce_type>\n"
            "      <dc:creator>Ada Lovelace, Alan Turing</dc:creator>\n    </item>\n";
    }
    xml += "  </channel>\n</rss>\n";
    return xml;
}

// Counts rows with a connection of the test's own (after lectern has exited).
int count(const QString &dbPath, const QString &sql)
{
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return n;
}

QStringList configure(const QString &dir, const QString &rssBase)
{
    const QStringList profile {QStringLiteral("--profile"), dir};
    for (const auto &[key, value] : {std::pair {QStringLiteral("arxiv/rssBase"), rssBase},
             std::pair {QStringLiteral("arxiv/minIntervalMs"), QStringLiteral("0")},
             std::pair {QStringLiteral("arxiv/contact"), QStringLiteral("me@example.org")}}) {
        const Run r = Test::runLectern(
            profile + QStringList {QStringLiteral("config"), QStringLiteral("set"), key, value});
        if (r.code != 0)
            qWarning() << r.err;
    }
    return profile;
}

} // namespace

class TestCliRobust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullDiskDuringFetchAndScoreLosesNothing()
    {
        LECTERN_SEPARATE_TEST();
        Test::SmallVolume volume(16 * 1024);
        if (!volume.isMounted())
            QSKIP(qPrintable(QStringLiteral("no small file system to fill: ") + volume.whyNot()));
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.serve("/rss/cs.LG", Test::fixture(QStringLiteral("rss/cs.LG-2026-11-23.xml")));
        server.serve("/rss/cs.AI", bigFeed(QStringLiteral("cs.AI"), 40000, 1500));
        const QString dir = volume.path() + QStringLiteral("/profile");
        QVERIFY(QDir().mkpath(dir));
        const QString db = dir + QStringLiteral("/lectern.db");
        const QStringList profile = configure(dir, server.url(QStringLiteral("/rss")).toString());
        const QStringList date {QStringLiteral("--date"), QStringLiteral("2026-11-23")};

        Run r = Test::runLectern(profile +
            QStringList {QStringLiteral("fetch"), QStringLiteral("--categories"), QStringLiteral("cs.LG")} +
            date);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM papers")), 3);

        // The disk fills up: the big feed does not fit. The fetch fails and says why; the papers stored
        // before are all there and nothing of the failed feed is half-stored.
        QVERIFY(volume.fill(96 * 1024));
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("fetch"), QStringLiteral("--categories"), QStringLiteral("cs.AI")} +
            date);
        QVERIFY2(r.code != 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("disk or the database is full")), qPrintable(r.err));
        volume.release();
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM papers")), 3);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM papers WHERE arxiv_id LIKE '2611.4%'")), 0);

        // With space again, the same fetch stores the whole feed.
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("fetch"), QStringLiteral("--categories"), QStringLiteral("cs.AI")} +
            date);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM papers")), 1503);

        // Scoring on a full disk stops with the reason and keeps the batches it committed.
        QVERIFY(volume.fill(96 * 1024));
        r = Test::runLectern(profile + QStringList {QStringLiteral("score")} + date);
        QVERIFY2(r.code != 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(QStringLiteral("disk or the database is full")), qPrintable(r.err));
        volume.release();
        const int kept = count(db, QStringLiteral("SELECT COUNT(DISTINCT arxiv_id) FROM scores"));
        QVERIFY2(kept >= 0 && kept < 1503, qPrintable(QString::number(kept)));
        r = Test::runLectern(profile + QStringList {QStringLiteral("score")} + date);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("%1 from the cache").arg(kept)), qPrintable(r.out));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(DISTINCT arxiv_id) FROM scores")), 1503);

        // Not one byte free: even opening fails (SQLite's shared-memory file), and the message says it is
        // the disk, not that the database is not SQLite. A settings change is refused and the file kept.
        const QString ini = dir + QStringLiteral("/lectern.ini");
        const QByteArray settingsBefore = readAll(ini);
        QVERIFY(volume.fill(0));
        r = Test::runLectern(profile + QStringList {QStringLiteral("db"), QStringLiteral("stats")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("full, read-only or failing")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("SQLite file")), qPrintable(r.err));
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("scoring/batchSize"),
                QStringLiteral("5")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("free space")), qPrintable(r.err));
        volume.release();
        QCOMPARE(readAll(ini), settingsBefore);
        r = Test::runLectern(profile + QStringList {QStringLiteral("db"), QStringLiteral("stats")});
        QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("papers:          1503")),
            qPrintable(r.out + r.err));
    }

    void brokenProfileIsReportedAndLeftAlone()
    {
        Test::TempProfileDir dir;
        const QDate day(2026, 11, 23);
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            Test::storeDay(*store.value(), Test::syntheticDay(day));
        }
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        const QString ini = dir.path() + QStringLiteral("/lectern.ini");
        const QByteArray junk =
            QByteArray("\x00\xff\xfe\x01 binary junk\n[scoring]\nbatchSize=abc\nparallel=-3\n"
                       "[arxiv]\ncategories=\x7f\x00\x13\n\xff\xfe=\x00\n",
                81);
        writeFile(ini, junk);

        // config list: every bad value is named with its file, the defaults are shown, nothing is written.
        Run r = Test::runLectern(profile + QStringList {QStringLiteral("config"), QStringLiteral("list")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("Invalid value \"abc\" for scoring/batchSize")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("scoring/parallel")), qPrintable(r.err));
        QVERIFY2(r.err.contains(ini), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("scoring/batchSize = 20")));
        QVERIFY(r.out.contains(QStringLiteral("scoring/parallel = 4")));
        QCOMPARE(readAll(ini), junk);

        // Scoring goes on with the defaults and the same warnings; the file stays as the user left it.
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("score"), QStringLiteral("--date"), day.toString(Qt::ISODate)});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(ini), qPrintable(r.err));
        QCOMPARE(readAll(ini), junk);

        // A file QSettings cannot read is never rewritten...
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("scoring/batchSize"),
                QStringLiteral("10")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("it was left as it is")), qPrintable(r.err));
        QCOMPARE(readAll(ini), junk);
        // ...and changing a readable file with bad values keeps the user's version as lectern.ini.bak.
        const QByteArray wrongTypes = "[scoring]\nbatchSize=abc\nparallel=-3\n; my notes\n";
        writeFile(ini, wrongTypes);
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("scoring/batchSize"),
                QStringLiteral("10")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(readAll(ini + QStringLiteral(".bak")), wrongTypes);
        r = Test::runLectern(profile +
            QStringList {
                QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("scoring/batchSize")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("10"));

        // An invalid prices.json: scoring refuses (its budget depends on it), naming the file, and
        // leaves the file alone.
        const QString prices = dir.path() + QStringLiteral("/prices.json");
        const QByteArray badPrices = "{\"models\": {\"gpt-5-mini\": {\"input\": \"cheap\"";
        writeFile(prices, badPrices);
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("score"), QStringLiteral("--rescore"), QStringLiteral("--date"),
                day.toString(Qt::ISODate)});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.err.contains(prices) && r.err.contains(QStringLiteral("not valid JSON")), qPrintable(r.err));
        QCOMPARE(readAll(prices), badPrices);
        QVERIFY(QFile::remove(prices));

        // Empty prompt copies: a warning per file, the built-in scorer still scores; missing copies are
        // written again from the defaults.
        const QString prompts = dir.path() + QStringLiteral("/prompts");
        writeFile(prompts + QStringLiteral("/instructions.md"), QByteArray());
        QVERIFY(QFile::remove(prompts + QStringLiteral("/system.md")));
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("score"), QStringLiteral("--rescore"), QStringLiteral("--date"),
                day.toString(Qt::ISODate)});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(prompts + QStringLiteral("/instructions.md is empty")), qPrintable(r.err));
        QVERIFY(QFileInfo(prompts + QStringLiteral("/system.md")).size() > 0);
        QCOMPARE(QFileInfo(prompts + QStringLiteral("/instructions.md")).size(), 0);

        // A database that is not SQLite: named, not touched, and config still works.
        const QByteArray notADatabase = QByteArray("This is my thesis, not a database.\n").repeated(300);
        QVERIFY(QFile::remove(dir.databasePath()));
        QFile::remove(dir.databasePath() + QStringLiteral("-wal"));
        QFile::remove(dir.databasePath() + QStringLiteral("-shm"));
        writeFile(dir.databasePath(), notADatabase);
        r = Test::runLectern(profile +
            QStringList {QStringLiteral("score"), QStringLiteral("--date"), day.toString(Qt::ISODate)});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.err.contains(dir.databasePath()) && r.err.contains(QStringLiteral("is it an SQLite file?")),
            qPrintable(r.err));
        QCOMPARE(readAll(dir.databasePath()), notADatabase);
        r = Test::runLectern(profile + QStringList {QStringLiteral("config"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRobust)
#include "test_cli_robust.moc"
