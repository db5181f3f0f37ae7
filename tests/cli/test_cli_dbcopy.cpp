// SPDX-License-Identifier: GPL-3.0-or-later
// `lectern db copy` through the real binary (issue 14.6): a profile's SQLite library copied --to another
// store — another SQLite file in test_cli_dbcopy, a database of a throwaway PostgreSQL server in
// test_cli_dbcopy.postgres — with its progress and counts, again with nothing copied twice, killed half-way
// and resumed, and --from that store into a new profile.
#include "config/settings.h"
#include "store/paperstore.h"

#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

/// A profile whose SQLite library holds @p count papers of kDay, each scored, the first starred with a note.
QString libraryWith(const Test::TempProfileDir &dir, int count)
{
    const QList<Paper> papers = Test::numberedPapers(count, kDay);
    QList<Score> scores;
    for (const Paper &p : papers)
        scores << Test::makeScore(p, 7, 5);
    const QString built = Test::ProfileBuilder(dir.path()).withPapers(papers).withScores(scores).build();
    if (!built.isEmpty())
        return built;
    auto store = PaperStore::open(dir.databasePath());
    if (!store)
        return store.error();
    PaperState s;
    s.arxivId = papers.first().arxivId;
    s.starred = true;
    s.note = QStringLiteral("moving in with this one");
    s.tags = {QStringLiteral("kv")};
    if (auto saved = store.value()->saveState(s); !saved)
        return saved.error();
    return {};
}

QVariant count(const QString &store, const char *table)
{
    return Test::scalar(store, QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)));
}

/// Waits until the copy running in @p process says it wrote its first chunk; what it printed goes to @p said.
bool firstChunkReported(QProcess &process, QByteArray &said)
{
    if (!process.waitForStarted(30000))
        return false;
    while (!said.contains("papers copied up to") && process.state() == QProcess::Running) {
        process.waitForReadyRead(60000);
        said += process.readAllStandardOutput();
    }
    return said.contains("papers copied up to");
}

} // namespace

class TestCliDbCopy : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("PostgresOnly", "toPostgresMeansTheServerTheSettingsName")
private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    void copiesToAStoreAndBackAgain()
    {
        Test::TempProfileDir home;
        QVERIFY2(libraryWith(home, 5).isEmpty(), "library");
        Test::TempProfileDir labDir;
        const QString lab = m_backend.storeFor(labDir);

        const auto first = Test::runLectern({QStringLiteral("--profile"), home.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--to"), lab});
        QVERIFY2(first.code == 0, qPrintable(first.err + first.out));
        QVERIFY2(first.out.contains(QStringLiteral("papers copied up to 2611.00005")), qPrintable(first.out));
        QVERIFY2(first.out.contains(QRegularExpression(QStringLiteral("papers: +5 copied, 0 already there"))),
            qPrintable(first.out));
        QVERIFY2(first.out.contains(QRegularExpression(QStringLiteral("stars: +1 copied"))),
            qPrintable(first.out));
        QVERIFY2(first.out.contains(QRegularExpression(QStringLiteral("notes: +1 copied"))),
            qPrintable(first.out));
        QCOMPARE(count(lab, "papers").toInt(), 5);
        QCOMPARE(count(lab, "scores").toInt(), 5);

        const auto again = Test::runLectern({QStringLiteral("--profile"), home.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--to"), lab});
        QVERIFY2(again.code == 0, qPrintable(again.err + again.out));
        QVERIFY2(again.out.contains(QRegularExpression(QStringLiteral("papers: +0 copied, 5 already there"))),
            qPrintable(again.out));
        QVERIFY2(again.out.contains(QRegularExpression(QStringLiteral("scores: +0 copied, 5 already there"))),
            qPrintable(again.out));
        QCOMPARE(count(lab, "papers").toInt(), 5);
        QCOMPARE(count(lab, "scores").toInt(), 5);

        // Leaving: from that store into a new profile's own library.
        Test::TempProfileDir leaving;
        const auto back = Test::runLectern({QStringLiteral("--profile"), leaving.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--from"), lab});
        QVERIFY2(back.code == 0, qPrintable(back.err + back.out));
        auto copied = PaperStore::open(leaving.databasePath());
        QVERIFY2(copied.ok(), qPrintable(copied.error()));
        QCOMPARE(copied.value()->recordsForDay(kDay)->size(), 5);
        const PaperState state = copied.value()->state(QStringLiteral("2611.00001")).value();
        QVERIFY(state.starred);
        QCOMPARE(state.note, QStringLiteral("moving in with this one"));
        QCOMPARE(state.tags, QStringList {QStringLiteral("kv")});
    }

    void toPostgresMeansTheServerTheSettingsName()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: `--to postgres` names a server");
        Test::TempProfileDir home;
        QVERIFY2(libraryWith(home, 2).isEmpty(), "library");
        Test::TempProfileDir labDir;
        const StoreLocation lab = StoreLocation::parse(m_backend.storeFor(labDir));
        // The server's fields are set, the backend is still the library's SQLite: the copy comes first.
        Settings settings(home.path() + QStringLiteral("/lectern.ini"));
        QVERIFY(settings.setText(Keys::StoreHost, lab.host()).ok());
        QVERIFY(settings.setText(Keys::StorePort, QString::number(lab.port())).ok());
        QVERIFY(settings.setText(Keys::StoreDatabase, lab.database()).ok());
        QVERIFY(settings.setText(Keys::StoreUser, lab.user()).ok());
        const auto run = Test::runLectern({QStringLiteral("--profile"), home.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--to"), QStringLiteral("postgres")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(lab.toString()), qPrintable(run.out));
        QCOMPARE(count(lab.toString(), "papers").toInt(), 2);
    }

    void aKilledCopyLeavesWholeChunksAndResumes()
    {
        // 2400 papers go in chunks of 500: killed after its first chunk, the copy leaves whole chunks (each
        // paper with its score), and the next run copies the rest.
        Test::TempProfileDir home;
        QVERIFY2(libraryWith(home, 2400).isEmpty(), "library");
        Test::TempProfileDir labDir;
        const QString lab = m_backend.storeFor(labDir);
        auto process = Test::startLectern({QStringLiteral("--profile"), home.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--to"), lab});
        QByteArray said;
        QVERIFY2(firstChunkReported(*process, said), said.constData());
        process->kill();
        process->waitForFinished(60000);

        const int papers = count(lab, "papers").toInt();
        qInfo("killed with %d papers of 2400 copied", papers);
        QVERIFY2((papers > 0 && papers % 500 == 0) || papers == 2400, qPrintable(QString::number(papers)));
        QCOMPARE(count(lab, "scores").toInt(), papers);

        const auto resumed = Test::runLectern({QStringLiteral("--profile"), home.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--to"), lab});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err + resumed.out));
        QVERIFY2(resumed.out.contains(QRegularExpression(
                     QStringLiteral("papers: +%1 copied, %2 already there").arg(2400 - papers).arg(papers))),
            qPrintable(resumed.out));
        QCOMPARE(count(lab, "papers").toInt(), 2400);
        QCOMPARE(count(lab, "scores").toInt(), 2400);
    }

    void ctrlCStopsAfterTheChunkAndSaysWhatWasWritten()
    {
        Test::TempProfileDir home;
        QVERIFY2(libraryWith(home, 2400).isEmpty(), "library");
        Test::TempProfileDir labDir;
        const QString lab = m_backend.storeFor(labDir);
        auto process = Test::startLectern({QStringLiteral("--profile"), home.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--to"), lab});
        QByteArray said;
        QVERIFY2(firstChunkReported(*process, said), said.constData());
        QCOMPARE(::kill(pid_t(process->processId()), SIGINT), 0);
        QVERIFY(process->waitForFinished(60000));
        said += process->readAllStandardOutput();
        const QString err = QString::fromUtf8(process->readAllStandardError());
        const int papers = count(lab, "papers").toInt();
        if (papers == 2400)
            QSKIP("the copy ended before Ctrl+C arrived");
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("Cancelled")), qPrintable(err));
        const QString out = QString::fromUtf8(said);
        QVERIFY2(out.contains(QStringLiteral("Stopped while copying")), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("papers: +%1 copied").arg(papers))),
            qPrintable(out));
        QCOMPARE(papers % 500, 0);
        QCOMPARE(count(lab, "scores").toInt(), papers);
    }

    void badLocationsAreRefusedWithoutEchoingAPassword()
    {
        Test::TempProfileDir home;
        const auto withPassword = Test::runLectern(
            {QStringLiteral("--profile"), home.path(), QStringLiteral("db"), QStringLiteral("copy"),
                QStringLiteral("--to"), QStringLiteral("postgresql://alice:s3cret@db.lab/arxiv")});
        QCOMPARE(withPassword.code, 2);
        QVERIFY2(withPassword.err.contains(QStringLiteral("~/.pgpass")), qPrintable(withPassword.err));
        QVERIFY(!withPassword.err.contains(QStringLiteral("s3cret")));
        const auto neither = Test::runLectern(
            {QStringLiteral("--profile"), home.path(), QStringLiteral("db"), QStringLiteral("copy")});
        QCOMPARE(neither.code, 2);
        QVERIFY2(neither.err.contains(QStringLiteral("--to STORE")), qPrintable(neither.err));
        // No library to move: named, and none is made up.
        Test::TempProfileDir target;
        const auto empty = Test::runLectern({QStringLiteral("--profile"), home.path(), QStringLiteral("db"),
            QStringLiteral("copy"), QStringLiteral("--to"), target.databasePath()});
        QCOMPARE(empty.code, 1);
        QVERIFY2(empty.err.contains(home.databasePath()), qPrintable(empty.err));
        QVERIFY(!QFile::exists(home.databasePath()));
    }

private:
    Test::StoreBackend m_backend;
};

LECTERN_STORE_TEST_GUILESS_MAIN(TestCliDbCopy)
#include "test_cli_dbcopy.moc"
