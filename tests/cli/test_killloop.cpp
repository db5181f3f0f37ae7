// SPDX-License-Identifier: GPL-3.0-or-later
// The kill loop (issue 12): `lectern run` is killed (SIGKILL) again and again while it fetches and scores
// against loopback arXiv and LLM stand-ins, on a profile that already holds notes, stars, tags and scores.
// After each kill the database is intact, nothing that was there is lost, and the next run sends no paper
// whose score was committed for the same model and prompt (counted at the LLM stand-in).
//
// The moments are drawn from a seeded generator and placed by what the stand-ins see (the n-th feed or
// scoring request of a run), plus a short random pause so that a kill may also land while a reply is
// read or committed; no assertion depends on how long anything took. LECTERN_KILL_LOOP_KILLS sets the
// number of kills (default 20), LECTERN_KILL_LOOP_SEED the seed (default 12; printed).
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/openaistandin.h>
#include <testkit/profilebuilder.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Lectern;

namespace {

const QDate Day(2026, 11, 23);
const QDate EarlierDay(2026, 11, 20);
constexpr int DayPapers = 72;
constexpr int BatchSize = 3;
constexpr int Parallel = 2;

/// What a run must never lose, read straight from the database file.
struct Snapshot
{
    QString integrity;
    QStringList states; ///< every paper_state row (notes, stars, read, dismissed) as text
    QStringList tags; ///< every paper_tags row
    QSet<QString> papers;
    QSet<QString> scores; ///< scored rows: "id v model prompt relevance novelty"
    QSet<QString> scoredIds; ///< ids with a committed score for the model under test
};

Snapshot snapshot(const QString &databasePath)
{
    Snapshot s;
    const QString name = QStringLiteral("killloop-check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            s.integrity = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                s.integrity = q.value(0).toString();
            const auto rows = [&q](const QString &sql) {
                QStringList out;
                if (!q.exec(sql))
                    return QStringList {QStringLiteral("query failed: ") + sql};
                while (q.next()) {
                    QStringList fields;
                    for (int i = 0; i < q.record().count(); ++i)
                        fields << q.value(i).toString();
                    out << fields.join(u'|');
                }
                return out;
            };
            s.states = rows(QStringLiteral(
                "SELECT arxiv_id, starred, read, dismissed, note, updated_at FROM paper_state ORDER BY 1"));
            s.tags = rows(QStringLiteral("SELECT arxiv_id, tag FROM paper_tags ORDER BY 1, 2"));
            const QStringList papers = rows(QStringLiteral("SELECT arxiv_id FROM papers"));
            s.papers = QSet<QString>(papers.cbegin(), papers.cend());
            const QStringList scores = rows(
                QStringLiteral("SELECT arxiv_id, version, model, prompt_hash, relevance, novelty FROM scores "
                               "WHERE relevance IS NOT NULL AND novelty IS NOT NULL"));
            s.scores = QSet<QString>(scores.cbegin(), scores.cend());
            for (const QString &row : scores) {
                if (row.section(u'|', 2, 2).contains(QStringLiteral("kill-model")))
                    s.scoredIds.insert(row.section(u'|', 0, 0));
            }
            q.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return s;
}

int envNumber(const char *name, int fallback)
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue(name, &ok);
    return ok ? n : fallback;
}

} // namespace

class TestKillLoop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedRunsLoseNothingAndScoreNothingTwice()
    {
        const int kills = envNumber("LECTERN_KILL_LOOP_KILLS", 20);
        const quint32 seed = quint32(envNumber("LECTERN_KILL_LOOP_SEED", 12));
        qInfo("kill loop: %d kills, seed %u", kills, seed);
        QRandomGenerator random(seed);

        // The day: two feeds of 36 papers each; the first 12 (and 4 of an earlier day) are in the
        // database already, with the user's notes, stars and tags, and the earlier ones with scores.
        QList<Paper> day = Test::numberedPapers(DayPapers, Day);
        for (int i = DayPapers / 2; i < DayPapers; ++i)
            day[i].primaryCategory = QStringLiteral("cs.AI");
        const QList<Paper> earlier = Test::numberedPapers(4, EarlierDay, 901);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveFeedOf(QStringLiteral("cs.LG"), Day, day.first(DayPapers / 2));
        arxiv.serveFeedOf(QStringLiteral("cs.AI"), Day, day.sliced(DayPapers / 2));
        Test::OpenAiStandIn chat;
        chat.install(server);
        // Replies take a little while, so that kills find requests in flight.
        QRandomGenerator delays(seed + 1); // apart from the moments, which arrive in a different order
        chat.shape = [&delays](
                         int, Test::LoopbackHttpServer::Response &r) { r.delayMs = int(delays.bounded(40)); };

        Test::TempProfileDir dir;
        QList<Score> scores;
        for (const Paper &p : earlier)
            scores << Test::makeScore(p, 7, 6);
        const QString built =
            Test::ProfileBuilder(dir.path())
                .withPapers(day.first(12) + earlier)
                .withScores(scores)
                .withSetting("arxiv/rssBase", arxiv.rssBase().toString())
                .withSetting("arxiv/minIntervalMs", 0)
                .withSetting("scoring/provider", QStringLiteral("local"))
                .withSetting("local/baseUrl", server.url(QStringLiteral("/v1")).toString())
                .withSetting("local/model", QStringLiteral("kill-model"))
                .withSetting("scoring/batchSize", BatchSize)
                .withSetting("scoring/parallel", Parallel)
                .withPrompt(QStringLiteral("topics.md"), Test::fixture(QStringLiteral("scoring/topics.md")))
                .build();
        QVERIFY2(built.isEmpty(), qPrintable(built));
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY2(store.ok(), qPrintable(store.error()));
            int n = 0;
            for (const Paper &p : day.first(12) + earlier) {
                PaperState s;
                s.arxivId = p.arxivId;
                s.starred = n % 2 == 0;
                s.dismissed = n % 5 == 4;
                s.read = n % 3 == 0;
                if (n % 3 != 2)
                    s.tags = {QStringLiteral("keep"), QStringLiteral("tag-%1").arg(n % 4)};
                if (n % 2 == 1)
                    s.note =
                        QStringLiteral("Note %1 on %2: read § 3 again — “important”.").arg(n).arg(p.arxivId);
                QVERIFY(store.value()->saveState(s).ok());
                ++n;
            }
        }
        const Snapshot initial = snapshot(dir.databasePath());
        QCOMPARE(initial.integrity, QStringLiteral("ok"));
        QCOMPARE(initial.states.size(), 16);
        QVERIFY(initial.tags.size() >= 10);
        QCOMPARE(initial.scores.size(), 4);

        const QStringList args {QStringLiteral("--profile"), dir.path(), QStringLiteral("run"),
            QStringLiteral("--date"), Day.toString(Qt::ISODate)};
        Snapshot before = initial;
        int killed = 0;
        int duringFetch = 0;
        QHash<QString, int> sent; // per paper, how many scoring requests carried it
        QStringList progress; // papers of the day scored after each kill
        for (int round = 0; round < kills; ++round) {
            const qsizetype servedBefore = chat.served.size();
            const int feedsBefore =
                arxiv.feedRequests(QStringLiteral("cs.LG")) + arxiv.feedRequests(QStringLiteral("cs.AI"));
            // A kill while the feeds are read (one in five), else after the n-th scoring request of this
            // run, n from 1 to 3, which spreads the kills over the whole day's scoring.
            const bool inFetch = random.bounded(5) == 0;
            const int after = inFetch ? 1 + int(random.bounded(2)) : 1 + int(random.bounded(3));
            const int pauseMs = int(random.bounded(inFetch ? 10 : 30));
            const std::unique_ptr<QProcess> p = Test::startLectern(args);
            QVERIFY(p->waitForStarted(30000));
            const auto reached = [&] {
                if (inFetch)
                    return arxiv.feedRequests(QStringLiteral("cs.LG")) +
                        arxiv.feedRequests(QStringLiteral("cs.AI")) - feedsBefore >=
                        after;
                return chat.served.size() - servedBefore >= after;
            };
            QVERIFY2(QTest::qWaitFor([&] { return reached() || p->state() == QProcess::NotRunning; }, 60000),
                "the run neither reached its moment nor ended");
            if (pauseMs > 0)
                QTest::qWait(pauseMs); // serves the stand-ins meanwhile
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                ++killed;
                duringFetch += inFetch ? 1 : 0;
            }
            QVERIFY(p->waitForFinished(30000));

            const Snapshot now = snapshot(dir.databasePath());
            QCOMPARE(now.integrity, QStringLiteral("ok"));
            QCOMPARE(now.states, initial.states);
            QCOMPARE(now.tags, initial.tags);
            QVERIFY2(now.papers.contains(before.papers), qPrintable(QString::number(round)));
            QVERIFY2(now.scores.contains(before.scores), qPrintable(QString::number(round)));
            // This run sent no paper whose score was committed when it started.
            for (qsizetype i = servedBefore; i < chat.served.size(); ++i) {
                for (const QString &id : chat.served.at(i).ids) {
                    QVERIFY2(!before.scoredIds.contains(id),
                        qPrintable(QStringLiteral("round %1 sent %2 again").arg(round).arg(id)));
                    ++sent[id];
                }
            }
            progress << QString::number(now.scoredIds.size());
            before = now;
        }

        // The run that is let finish: every paper of the day scored once, nothing sent twice that was
        // committed, and the user's things as they were.
        const qsizetype servedBefore = chat.served.size();
        const Test::LecternRun last = Test::runLectern(args);
        QVERIFY2(last.code == 0, qPrintable(last.out + last.err));
        const Snapshot end = snapshot(dir.databasePath());
        QCOMPARE(end.integrity, QStringLiteral("ok"));
        QCOMPARE(end.states, initial.states);
        QCOMPARE(end.tags, initial.tags);
        QVERIFY(end.scores.contains(before.scores));
        QVERIFY(end.scores.contains(initial.scores));
        for (qsizetype i = servedBefore; i < chat.served.size(); ++i) {
            for (const QString &id : chat.served.at(i).ids) {
                QVERIFY2(!before.scoredIds.contains(id), qPrintable(id));
                ++sent[id];
            }
        }
        QCOMPARE(end.scoredIds.size(), DayPapers);
        QCOMPARE(sent.size(), DayPapers);
        int resent = 0;
        for (const int n : std::as_const(sent))
            resent += n - 1;
        qInfo("kill loop: %d of %d kills hit a running process (%d while fetching); %lld scoring requests, "
              "%d papers sent again after a kill took their reply; papers scored after each kill: %s",
            killed, kills, duringFetch, qlonglong(chat.served.size()), resent,
            qPrintable(progress.join(u' ')));
        // Kills happen at events of a live run, so nearly all find it running; a run that ended in the
        // pause before its kill is allowed, a loop that killed nothing is not.
        QVERIFY2(killed >= kills / 2, qPrintable(QString::number(killed)));
        // A paper goes out again only when a kill took its reply before it was committed: at most the
        // batches in flight (2) and one answered but not yet committed, per kill.
        QVERIFY2(resent <= killed * (Parallel + 1) * BatchSize, qPrintable(QString::number(resent)));
    }
};

QTEST_GUILESS_MAIN(TestKillLoop)
#include "test_killloop.moc"
