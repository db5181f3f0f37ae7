// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14.2: on a lab's PostgreSQL database each member (database role) keeps their own stars, read marks,
// dismissals, tags and notes, while papers and scores are shared; the database itself (row-level security)
// keeps one member from reading or changing another's state. The roles and privileges are set up as
// README's "Setting up a lab database" says. test_memberstate.postgres runs this on a throwaway server; on
// SQLite (one implicit member) the state round-trips as before.
#include "store/paperstore.h"

#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

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

} // namespace

class TestMemberState : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("PostgresOnly",
        "membersKeepTheirOwnStateAndShareThePapers theDatabaseRefusesChangesToAnotherMembersState")
    Q_CLASSINFO("SqliteOnly", "oneImplicitMemberOnSqlite")
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
