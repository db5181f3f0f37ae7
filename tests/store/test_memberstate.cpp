// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14.2: on a lab's PostgreSQL database each member (database role) keeps their own stars, read marks,
// dismissals, tags and notes, while papers and scores are shared; the database itself (row-level security)
// keeps one member from reading or changing another's state. The roles and privileges are set up as
// README's "Setting up a lab database" says. test_memberstate.postgres runs this on a throwaway server; on
// SQLite (one implicit member) the state round-trips as before.
#include "config/settings.h"
#include "scoring/builtinscorer.h"
#include "scoring/pipeline/scoringpipeline.h"
#include "scoring/pipeline/scoringrequest.h"
#include "scoring/scorecomparison.h"
#include "store/paperstore.h"

#include <testkit/arxivstandin.h>
#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/loopbackhttpserver.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Lectern;

namespace {

PaperState state(const QString &id, bool starred, const QString &note, const QStringList &tags)
{
    PaperState s;
    s.arxivId = id;
    s.starred = starred;
    s.note = note;
    s.tags = tags;
    return s;
}

/// The store at @p lab as database role @p role (trust authentication on the test server; a real lab's
/// password comes from ~/.pgpass).
std::unique_ptr<PaperStore> openAs(const StoreLocation &lab, const QString &role)
{
    auto opened = PaperStore::open(Test::PostgresCluster::forRole(lab, role).toString());
    if (!opened) {
        qWarning() << "cannot open the store as" << role << ":" << opened.error();
        return nullptr;
    }
    return std::move(opened).value();
}

/// @p paper's score by @p prompt, @p marks for relevance and novelty, at @p hour on 2026-11-23 (UTC).
Score scoreAt(const Paper &paper, int marks, const QString &prompt, int hour)
{
    Score s = Test::makeScore(paper, marks, marks, prompt);
    s.scoredAt = QDateTime(QDate(2026, 11, 23), QTime(hour, 0), QTimeZone::UTC);
    return s;
}

/// Lets members who score with their own prompt write scores (README, "Setting up a lab database"), run as
/// @p admin; an empty string, or what the server refused.
QString grantScoring(PaperStore &admin)
{
    QSqlQuery grant(admin.database().sql());
    for (const char *sql : {"GRANT INSERT, UPDATE ON scores, member_prompts TO lab_member",
             "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO lab_member"}) {
        if (!grant.exec(QString::fromLatin1(sql)))
            return grant.lastError().text();
    }
    return {};
}

} // namespace

class TestMemberState : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("PostgresOnly",
        "membersKeepTheirOwnStateAndShareThePapers theDatabaseRefusesChangesToAnotherMembersState "
        "membersSeeTheirOwnPromptsScoresOrTheLabs compareRunsAndTrainingReadTheMembersAndTheLabsPrompts "
        "onlyTheLabsAccountMakesAPromptTheLabs aMembersCommandLineFetchesAndScoresOnlyWithTheGrants")
    Q_CLASSINFO("SqliteOnly", "oneImplicitMemberOnSqlite oneMemberSeesEveryPromptsScoresOnSqlite")
private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    void oneImplicitMemberOnSqlite()
    {
        if (m_backend.isPostgres())
            QSKIP("SQLite only: PostgreSQL's members are the functions below");
        Test::TempProfileDir dir;
        auto opened = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        PaperStore &store = *opened.value();
        const Paper p = Test::makePaper(QStringLiteral("2611.00001"));
        QVERIFY(store.upsertPapers({p}).ok());
        QVERIFY(store.saveState(state(p.arxivId, true, QStringLiteral("mine"), {QStringLiteral("kv")})).ok());
        QVERIFY(
            store.saveState(state(p.arxivId, false, QStringLiteral("changed"), {QStringLiteral("b")})).ok());
        const auto s = store.state(p.arxivId);
        QVERIFY(s.ok());
        QVERIFY(!s->starred);
        QCOMPARE(s->note, QStringLiteral("changed"));
        QCOMPARE(s->tags, QStringList {QStringLiteral("b")});
        QCOMPARE(
            Test::scalar(m_backend.storeFor(dir), QStringLiteral("SELECT count(*) FROM paper_state")).toInt(),
            1);
    }

    void membersKeepTheirOwnStateAndShareThePapers()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member");
        const StoreLocation lab = labDatabase();
        QVERIFY(lab.isPostgres());
        const Paper p1 = Test::makePaper(QStringLiteral("2611.00001"));
        const Paper p2 = Test::makePaper(QStringLiteral("2611.00002"));
        {
            // The lab account (the database's owner) fetches and scores: shared work.
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p1, p2}).ok());
            // Its prompt is the lab's (what `lectern run` records), so members see its scores.
            QVERIFY(admin->usePrompt(Test::makeScore(p1, 9, 8).promptHash, true).ok());
            QVERIFY(admin->addScore(Test::makeScore(p1, 9, 8)).ok());
            QVERIFY(admin->saveState(state(p1.arxivId, true, QStringLiteral("admin's note"), {})).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);

        QVERIFY(alice
                    ->saveState(state(p1.arxivId, true, QStringLiteral("alice reads kv caches"),
                        {QStringLiteral("kv"), QStringLiteral("to-read")}))
                    .ok());
        // Bob sees the shared paper and its score, and none of Alice's (or the admin's) state.
        const auto seen = bob->record(p1.arxivId);
        QVERIFY(seen.ok() && seen->has_value());
        QVERIFY((*seen)->score && (*seen)->score->relevance == 9);
        QVERIFY(!(*seen)->state.starred);
        QVERIFY((*seen)->state.note.isEmpty());
        QVERIFY((*seen)->state.tags.isEmpty());
        QCOMPARE(*bob->allTags(), QStringList());

        // Bob's own state of the same paper is his; Alice's stays as she left it.
        QVERIFY(
            bob->saveState(state(p1.arxivId, false, QStringLiteral("bob disagrees"), {QStringLiteral("meh")}))
                .ok());
        const auto aliceState = alice->state(p1.arxivId);
        QVERIFY(aliceState.ok());
        QVERIFY(aliceState->starred);
        QCOMPARE(aliceState->note, QStringLiteral("alice reads kv caches"));
        QCOMPARE(aliceState->tags, (QStringList {QStringLiteral("kv"), QStringLiteral("to-read")}));
        const auto bobState = bob->state(p1.arxivId);
        QVERIFY(bobState.ok());
        QVERIFY(!bobState->starred);
        QCOMPARE(bobState->note, QStringLiteral("bob disagrees"));
        QCOMPARE(*alice->allTags(), (QStringList {QStringLiteral("kv"), QStringLiteral("to-read")}));
        QCOMPARE(*bob->allTags(), QStringList {QStringLiteral("meh")});
        // Notes are searched among one's own only.
        QCOMPARE(*alice->search(QStringLiteral("disagrees")), QStringList());
        QCOMPARE(*bob->search(QStringLiteral("disagrees")), QStringList {p1.arxivId});
        QCOMPARE(*bob->search(QStringLiteral("caches")), QStringList());
        const auto stats = alice->stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->starred, qint64(1));
    }

    void theDatabaseRefusesChangesToAnotherMembersState()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member");
        const StoreLocation lab = labDatabase();
        const Paper p = Test::makePaper(QStringLiteral("2611.00003"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p}).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QVERIFY(
            alice->saveState(state(p.arxivId, true, QStringLiteral("alice's"), {QStringLiteral("kv")})).ok());

        // Bob, with his own SQL, past Lectern: Alice's rows are not there for him to read, change or delete.
        QSqlQuery q(bob->database().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM paper_state")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("UPDATE paper_state SET starred = 0, note = 'bob was here'")));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM paper_tags")));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(q.exec(QStringLiteral("UPDATE paper_state SET member = 'alice'")));
        QCOMPARE(q.numRowsAffected(), 0);
        // Nor can he write a row in her name, overwrite hers through an upsert, or switch the rule off.
        QVERIFY(
            !q.exec(QStringLiteral("INSERT INTO paper_state (member, arxiv_id, starred, note, updated_at) "
                                   "VALUES ('alice', '%1', 0, 'forged', '2026-11-23T09:00:00Z')")
                        .arg(p.arxivId)));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        QVERIFY(!q.exec(
            QStringLiteral("INSERT INTO paper_tags (member, arxiv_id, tag) VALUES ('alice', '%1', 'x')")
                .arg(p.arxivId)));
        QVERIFY(!q.exec(QStringLiteral("ALTER TABLE paper_state DISABLE ROW LEVEL SECURITY")));
        QVERIFY(!q.exec(QStringLiteral("DROP POLICY paper_state_member ON paper_state")));
        // His own row with that paper, through Lectern, is his: it leaves hers alone.
        QVERIFY(bob->saveState(state(p.arxivId, false, QStringLiteral("forged?"), {})).ok());

        const auto s = alice->state(p.arxivId);
        QVERIFY(s.ok());
        QVERIFY(s->starred);
        QCOMPARE(s->note, QStringLiteral("alice's"));
        QCOMPARE(s->tags, QStringList {QStringLiteral("kv")});
        QVERIFY(q.exec(QStringLiteral("SELECT member, note FROM paper_state")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("bob"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("forged?"));
        QVERIFY(!q.next());
    }

    void membersSeeTheirOwnPromptsScoresOrTheLabs()
    {
        // Issue 14.2: scores of different members' prompts coexist on one day; each member sees those of
        // her own prompt, else the lab's, never a third member's, however new.
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member");
        const StoreLocation lab = labDatabase();
        QVERIFY(lab.isPostgres());
        const QDate day(2026, 11, 23);
        const Paper p1 = Test::makePaper(QStringLiteral("2611.00001"), 1, day);
        const Paper p2 = Test::makePaper(QStringLiteral("2611.00002"), 1, day);
        const Paper p3 = Test::makePaper(QStringLiteral("2611.00003"), 1, day);
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            const QString granted = grantScoring(*admin);
            QVERIFY2(granted.isEmpty(), qPrintable(granted));
            QVERIFY(admin->upsertPapers({p1, p2, p3}).ok());
            // The lab's morning run: its prompt is the lab's.
            QVERIFY(admin->usePrompt(QStringLiteral("lab-prompt"), true).ok());
            QVERIFY(admin
                        ->addScores({scoreAt(p1, 5, QStringLiteral("lab-prompt"), 8),
                            scoreAt(p2, 5, QStringLiteral("lab-prompt"), 8),
                            scoreAt(p3, 5, QStringLiteral("lab-prompt"), 8)})
                        .ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        // Alice scored one paper with her prompt before the lab's run; Bob scored two with his, after it.
        QVERIFY(alice->addScore(scoreAt(p1, 9, QStringLiteral("alice-prompt"), 7)).ok());
        QVERIFY(bob->addScores({scoreAt(p1, 2, QStringLiteral("bob-prompt"), 9),
                                   scoreAt(p2, 3, QStringLiteral("bob-prompt"), 9)})
                    .ok());

        auto relevanceOf = [](const Result<QList<PaperRecord>> &records) {
            QMap<QString, int> out;
            if (!records.ok())
                return out;
            for (const PaperRecord &r : *records)
                out.insert(r.paper.arxivId, r.score ? r.score->relevance.value_or(-1) : 0);
            return out;
        };
        const QMap<QString, int> alicesView {{p1.arxivId, 9}, {p2.arxivId, 5}, {p3.arxivId, 5}};
        const QMap<QString, int> bobsView {{p1.arxivId, 2}, {p2.arxivId, 3}, {p3.arxivId, 5}};
        // The day, "All days" and one record (the detail pane, the exports and commands read these).
        QCOMPARE(relevanceOf(alice->recordsForDay(day)), alicesView);
        QCOMPARE(relevanceOf(bob->recordsForDay(day)), bobsView);
        QCOMPARE(relevanceOf(alice->tableRowsForRange()), alicesView);
        QCOMPARE(relevanceOf(bob->tableRowsForRange()), bobsView);
        QCOMPARE(relevanceOf(alice->recordsForRange()), alicesView);
        const auto aliceP2 = alice->record(p2.arxivId);
        QVERIFY(aliceP2.ok() && aliceP2->has_value() && (*aliceP2)->score);
        QCOMPARE((*aliceP2)->score->promptHash, QStringLiteral("lab-prompt"));
        // The lab's account sees its own prompt's.
        auto admin = openAs(lab, QStringLiteral("lab_admin"));
        QVERIFY(admin);
        QCOMPARE(relevanceOf(admin->recordsForDay(day)),
            (QMap<QString, int> {{p1.arxivId, 5}, {p2.arxivId, 5}, {p3.arxivId, 5}}));
        // The history keeps every prompt's score.
        const auto history = alice->scoreHistory(p1.arxivId);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 3);
        // A member cannot record a prompt in another's name.
        QSqlQuery forge(bob->database().sql());
        QVERIFY(!forge.exec(QStringLiteral(
            "INSERT INTO member_prompts (member, prompt_hash, lab) VALUES ('alice', 'bob-prompt', false)")));
        QCOMPARE(relevanceOf(alice->recordsForDay(day)), alicesView);
    }

    void onlyTheLabsAccountMakesAPromptTheLabs()
    {
        // Issue 14.3: a member who runs `lectern run` on the lab's database made her prompt the lab's, and
        // every member then saw her scores. Only the lab's account (the tables' owner) does so now (schema
        // 22); a member's run records the prompt as hers and says so.
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member, its lab");
        const StoreLocation lab = labDatabase();
        const QDate day(2026, 11, 23);
        const Paper p = Test::makePaper(QStringLiteral("2611.00021"), 1, day);
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            const QString granted = grantScoring(*admin);
            QVERIFY2(granted.isEmpty(), qPrintable(granted));
            QVERIFY(admin->upsertPapers({p}).ok());
            QCOMPARE(admin->isLabAccount().value(), true);
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QCOMPARE(alice->isLabAccount().value(), false);

        // Alice's own morning run: the scoring pipeline records her prompt as hers and its summary says why.
        ScoringRequest rq;
        rq.day = day;
        rq.labPrompt = true;
        ScoringPipeline pipeline(*alice, rq, nullptr);
        const auto prepared = pipeline.prepare(QStringLiteral("gpt-5"), QStringLiteral("alice-run"),
            QString(), false, QDateTime(day, QTime(9, 0), QTimeZone::UTC));
        QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
        QCOMPARE(prepared->warnings.size(), 1);
        QVERIFY2(prepared->warnings.first().contains(QStringLiteral("not the lab's account")),
            qPrintable(prepared->warnings.first()));
        Score s = Test::makeScore(p, 9, 9, QStringLiteral("alice-run"));
        QVERIFY(alice->addScore(s).ok());
        const auto seenByBob = bob->record(p.arxivId);
        QVERIFY(seenByBob.ok() && seenByBob->has_value());
        QVERIFY2(!(*seenByBob)->score, "Bob sees Alice's prompt's score");
        QCOMPARE(alice->record(p.arxivId)->value().score->promptHash, QStringLiteral("alice-run"));

        // The database refuses it too: her own SQL makes no prompt the lab's.
        QSqlQuery forge(alice->database().sql());
        QVERIFY(!forge.exec(
            QStringLiteral("UPDATE member_prompts SET lab = true WHERE prompt_hash = 'alice-run'")));
        QCOMPARE(forge.lastError().nativeErrorCode(), QStringLiteral("42501"));
        QVERIFY(!forge.exec(
            QStringLiteral("INSERT INTO member_prompts (prompt_hash, lab) VALUES ('alice-other', true)")));
        QCOMPARE(forge.lastError().nativeErrorCode(), QStringLiteral("42501"));
        QVERIFY(!bob->record(p.arxivId)->value().score);

        // The lab's account makes its prompt the lab's; then every member sees its scores.
        auto admin = openAs(lab, QStringLiteral("lab_admin"));
        QVERIFY(admin);
        QCOMPARE(admin->usePrompt(QStringLiteral("lab-run"), true).value(), true);
        QVERIFY(admin->addScore(Test::makeScore(p, 4, 4, QStringLiteral("lab-run"))).ok());
        QCOMPARE(bob->record(p.arxivId)->value().score->promptHash, QStringLiteral("lab-run"));
    }

    void compareRunsAndTrainingReadTheMembersAndTheLabsPrompts()
    {
        // Issue 14.2: Compare Runs lists, and the built-in scorer learns from, the runs of the member's own
        // prompts and the lab's; another member's prompt (her own criteria) is neither offered nor learned.
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member");
        const StoreLocation lab = labDatabase();
        const QDate day(2026, 11, 23);
        const Paper p = Test::makePaper(QStringLiteral("2611.00011"), 1, day);
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            const QString granted = grantScoring(*admin);
            QVERIFY2(granted.isEmpty(), qPrintable(granted));
            QVERIFY(admin->upsertPapers({p}).ok());
            QVERIFY(admin->usePrompt(QStringLiteral("lab-prompt"), true).ok());
            QVERIFY(admin->addScore(scoreAt(p, 5, QStringLiteral("lab-prompt"), 8)).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        // Bob's prompt, an hour later, selects the paper.
        QVERIFY(bob->addScore(scoreAt(p, 9, QStringLiteral("bob-prompt"), 9)).ok());

        auto promptsOf = [&](PaperStore &store) {
            QStringList out;
            const auto runs = ScoreComparison::runsForDay(store, day, {});
            if (!runs)
                return QStringList {runs.error()};
            for (const ScoringRunInfo &run : *runs)
                out << run.promptHash;
            return out;
        };
        QCOMPARE(promptsOf(*alice), QStringList {QStringLiteral("lab-prompt")});
        QCOMPARE(promptsOf(*bob), (QStringList {QStringLiteral("lab-prompt"), QStringLiteral("bob-prompt")}));

        auto idsOf = [](const QList<Paper> &papers) {
            QStringList out;
            for (const Paper &paper : papers)
                out << paper.arxivId;
            return out;
        };
        const auto alices = BuiltinModel::inputsFromStore(*alice, {});
        QVERIFY2(alices.ok(), qPrintable(alices.error()));
        QCOMPARE(idsOf(alices->llmRelevant), QStringList());
        QCOMPARE(idsOf(alices->llmOther), QStringList {p.arxivId});
        const auto bobs = BuiltinModel::inputsFromStore(*bob, {});
        QVERIFY2(bobs.ok(), qPrintable(bobs.error()));
        QCOMPARE(idsOf(bobs->llmRelevant), QStringList {p.arxivId});
        QCOMPARE(idsOf(bobs->llmOther), QStringList());
    }

    void oneMemberSeesEveryPromptsScoresOnSqlite()
    {
        // An SQLite file has one member: every prompt scored in it is hers, and the latest score shows,
        // whichever prompt made it (schema 20 changes nothing there).
        if (m_backend.isPostgres())
            QSKIP("SQLite only");
        Test::TempProfileDir dir;
        auto opened = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        PaperStore &store = *opened.value();
        const Paper p1 = Test::makePaper(QStringLiteral("2611.00001"));
        const Paper p2 = Test::makePaper(QStringLiteral("2611.00002"));
        QVERIFY(store.upsertPapers({p1, p2}).ok());
        QVERIFY(store.usePrompt(QStringLiteral("run-prompt"), true).ok());
        Score older = Test::makeScore(p1, 4, 4, QStringLiteral("run-prompt"));
        Score newer = Test::makeScore(p1, 8, 8, QStringLiteral("edited-prompt"));
        newer.scoredAt = older.scoredAt.addSecs(3600);
        QVERIFY(
            store.addScores({older, newer, Test::makeScore(p2, 6, 6, QStringLiteral("run-prompt"))}).ok());
        const auto day = store.recordsForDay(p1.announced);
        QVERIFY(day.ok());
        QCOMPARE(day->size(), 2);
        QCOMPARE(day->at(0).score->relevance, 8);
        QCOMPARE(day->at(1).score->relevance, 6);
        const auto rows = store.tableRowsForRange();
        QVERIFY(rows.ok() && rows->size() == 2);
        QCOMPARE(rows->at(0).score->relevance.value_or(0) + rows->at(1).score->relevance.value_or(0), 14);
    }

    // A member's own `lectern run` against the lab database: with the README's member grants (read, and
    // write her own state) the server refuses the fetch, the command says so and nothing is stored; with
    // INSERT and UPDATE on the shared tables, as the README says for a member who fetches and scores, her
    // run stores and scores the day, the lab sees the papers and she sees her scores.
    void aMembersCommandLineFetchesAndScoresOnlyWithTheGrants()
    {
        const StoreLocation lab = labDatabase();
        QVERIFY(lab.isPostgres());
        const QDate day(2026, 11, 23);
        Test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        Test::ArxivStandIn arxiv(server);
        arxiv.serveDefaultFeeds(day);
        Test::TempProfileDir dir;
        QVERIFY2(Test::ProfileBuilder(dir.path())
                     .withSetting(Keys::ArxivRssBase, arxiv.rssBase())
                     .withSetting(Keys::ArxivMinIntervalMs, 0)
                     .withSetting(Keys::StoreBackend, QStringLiteral("postgres"))
                     .withSetting(Keys::StoreHost, lab.host())
                     .withSetting(Keys::StorePort, lab.port())
                     .withSetting(Keys::StoreDatabase, lab.database())
                     .withSetting(Keys::StoreUser, QStringLiteral("alice"))
                     .build()
                     .isEmpty(),
            "profile");
        const QStringList run {QStringLiteral("--profile"), dir.path(), QStringLiteral("run"),
            QStringLiteral("--date"), day.toString(Qt::ISODate)};
        auto admin = openAs(lab, QStringLiteral("lab_admin"));
        QVERIFY(admin);

        const Test::LecternRun refused = Test::runLectern(run, Test::headlessEnvironment());
        QVERIFY2(refused.code != 0, qPrintable(refused.out + refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("refused this for lack of privileges")),
            qPrintable(refused.err));
        auto none = admin->recordsForDay(day);
        QVERIFY2(none, qPrintable(none.error()));
        QCOMPARE(none->size(), 0);

        QSqlQuery grant(admin->database().sql());
        for (const char *sql : {"GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO lab_member",
                 "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO lab_member"}) {
            QVERIFY2(grant.exec(QString::fromLatin1(sql)), qPrintable(grant.lastError().text()));
        }
        const Test::LecternRun ran = Test::runLectern(run, Test::headlessEnvironment());
        QVERIFY2(ran.code == 0, qPrintable(ran.out + ran.err));
        auto shared = admin->recordsForDay(day);
        QVERIFY2(shared, qPrintable(shared.error()));
        QVERIFY(!shared->isEmpty());
        auto alice = openAs(lab, QStringLiteral("alice"));
        QVERIFY(alice);
        auto hers = alice->recordsForDay(day);
        QVERIFY2(hers, qPrintable(hers.error()));
        QCOMPARE(hers->size(), shared->size());
        for (const PaperRecord &r : *hers)
            QVERIFY2(r.score.has_value(), qPrintable(r.paper.arxivId));
    }

private:
    StoreLocation labDatabase()
    {
        auto lab = m_backend.cluster()->createLabDatabase();
        if (!lab)
            qWarning() << lab.error();
        return lab ? *lab : StoreLocation();
    }

    Test::StoreBackend m_backend;
};

LECTERN_STORE_TEST_GUILESS_MAIN(TestMemberState)
#include "test_memberstate.moc"
