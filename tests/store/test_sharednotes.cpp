// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, items 2 (a note shared with the group), 4 (live updates) and 5 (no lost updates), at the store:
// a member's shared note is read by every member with its author's name and changed by its author only
// (row-level security on PostgreSQL, with the roles of README's "Setting up a lab database"); a save over a
// shared note changed meanwhile by another connection writes nothing and hands back both texts; and on
// PostgreSQL another client's fetched day, scores and shared notes reach a listening client at once.
#include "digest/digestbuilder.h"
#include "digest/digesthtml.h"
#include "scoring/authormatcher.h"
#include "store/database.h"
#include "store/listeningconnection.h"
#include "store/paperstore.h"
#include "store/storechangelistener.h"

#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Lectern;

namespace {

std::unique_ptr<PaperStore> open(const QString &location)
{
    auto opened = PaperStore::open(location);
    if (!opened) {
        qWarning() << "cannot open" << location << ":" << opened.error();
        return nullptr;
    }
    return std::move(opened).value();
}

std::unique_ptr<PaperStore> openAs(const StoreLocation &lab, const QString &role)
{
    return open(Test::PostgresCluster::forRole(lab, role).toString());
}

/// @p store's state of @p id with @p note, shared, on the version that state was read at.
PaperState sharedEdit(PaperStore &store, const QString &id, const QString &note)
{
    auto s = store.state(id);
    if (!s)
        qWarning() << s.error();
    PaperState edit = s ? *s : PaperState();
    edit.arxivId = id;
    edit.note = note;
    edit.noteShared = true;
    return edit;
}

/// The next change @p spy heard (waits for it: an event, not a time).
StoreChange nextChange(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return StoreChange {StoreChange::Kind::DayFetched, {}, QStringLiteral("nothing heard")};
    return spy.takeFirst().at(0).value<StoreChange>();
}

/// Starts @p listener on @p location and waits until it listens.
bool startListening(StoreChangeListener &listener, const StoreLocation &location)
{
    QSignalSpy listening(&listener, &StoreChangeListener::listening);
    QSignalSpy cannot(&listener, &StoreChangeListener::cannotListen);
    listener.listen(location);
    if (!listening.wait(20000)) {
        qWarning() << "not listening:" << (cannot.isEmpty() ? QString() : cannot.first().at(0).toString());
        return false;
    }
    return listener.isListening();
}

} // namespace

class TestSharedNotes : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("PostgresOnly",
        "everyMemberReadsASharedNoteWithItsAuthor theDatabaseKeepsASharedNoteItsAuthors "
        "membersOfTheGroupEditASharedNote theDigestShowsOtherMembersSharedNotes "
        "theAuthorsRowsAndDigestShowTheGroupsText aMembersOwnChangesReachHerOtherClients "
        "anotherClientsChangesAreHeard theListenerReconnectsAfterTheServerRestarts "
        "aSilentServerIsLostInBoundedTimeOffTheGuiThread anotherRoleCannotListenOnAMembersChannel")
    Q_CLASSINFO("SqliteOnly", "aSharedNoteEditedTwiceOnSqliteIsAConflict sqliteHasNothingToListenTo")
private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    void aStaleSaveIsAConflictAndWritesNothing()
    {
        // Two connections of one member (two windows, or a laptop and a desktop) on the same store.
        Test::TempProfileDir dir;
        const QString location = m_backend.storeFor(dir);
        auto first = open(location);
        auto second = open(location);
        QVERIFY(first && second);
        const Paper p = Test::makePaper(QStringLiteral("2611.00101"));
        QVERIFY(first->upsertPapers({p}).ok());
        auto shared = first->saveState(sharedEdit(*first, p.arxivId, QStringLiteral("kv caches: see §3")));
        QVERIFY2(shared.ok(), qPrintable(shared.error()));
        QVERIFY(!shared->conflict);
        QCOMPARE(shared->noteVersion, 1);

        // Both start editing version 1; the second saves first.
        const PaperState firstEdit =
            sharedEdit(*first, p.arxivId, QStringLiteral("kv caches: see §3 and the appendix"));
        const PaperState secondEdit = sharedEdit(*second, p.arxivId, QStringLiteral("kv caches: see §4"));
        QCOMPARE(firstEdit.noteVersion, 1);
        auto saved = second->saveState(secondEdit);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QVERIFY(!saved->conflict);
        QCOMPARE(saved->noteVersion, 2);

        PaperState starredToo = firstEdit;
        starredToo.starred = true;
        auto stale = first->saveState(starredToo);
        QVERIFY2(stale.ok(), qPrintable(stale.error()));
        QVERIFY(stale->conflict);
        QCOMPARE(stale->conflict->arxivId, p.arxivId);
        QCOMPARE(stale->conflict->theirs, QStringLiteral("kv caches: see §4"));
        QCOMPARE(stale->conflict->theirVersion, 2);
        QCOMPARE(stale->conflict->yours, QStringLiteral("kv caches: see §3 and the appendix"));
        // Nothing of the stale save was written: not the note, not the star that came with it.
        const auto after = first->state(p.arxivId);
        QVERIFY(after.ok());
        QCOMPARE(after->note, QStringLiteral("kv caches: see §4"));
        QVERIFY(!after->starred);
        QCOMPARE(after->noteVersion, 2);
        const auto notes = first->sharedNotes(p.arxivId);
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().text, QStringLiteral("kv caches: see §4"));

        // The merge, saved over the version the conflict named, goes in.
        PaperState merged = starredToo;
        merged.note = QStringLiteral("kv caches: see §4 and the appendix");
        merged.noteVersion = stale->conflict->theirVersion;
        auto resolved = first->saveState(merged);
        QVERIFY2(resolved.ok(), qPrintable(resolved.error()));
        QVERIFY(!resolved->conflict);
        QCOMPARE(resolved->noteVersion, 3);
        const auto seen = second->state(p.arxivId);
        QVERIFY(seen.ok());
        QCOMPARE(seen->note, QStringLiteral("kv caches: see §4 and the appendix"));
        QVERIFY(seen->starred);
        QCOMPARE(seen->noteVersion, 3);
    }

    void privateStateNeverConflicts()
    {
        Test::TempProfileDir dir;
        const QString location = m_backend.storeFor(dir);
        auto first = open(location);
        auto second = open(location);
        QVERIFY(first && second);
        const Paper p = Test::makePaper(QStringLiteral("2611.00102"));
        QVERIFY(first->upsertPapers({p}).ok());
        QVERIFY(first->saveState(sharedEdit(*first, p.arxivId, QStringLiteral("shared text"))).ok());
        PaperState stale = *first->state(p.arxivId);
        QVERIFY(second->saveState(sharedEdit(*second, p.arxivId, QStringLiteral("newer text"))).ok());
        // A star from a state read before the note changed: the note it carries is the old one, so it
        // is a conflict only when that note is saved; the same text as stored is no conflict.
        stale.note = QStringLiteral("newer text");
        stale.starred = true;
        auto saved = first->saveState(stale);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QVERIFY(!saved->conflict);
        QCOMPARE(saved->noteVersion, 2);
        // A private note (not shared) is the last save's, from any connection, as before schema 15.
        PaperState mine = *first->state(p.arxivId);
        mine.noteShared = false;
        mine.note = QStringLiteral("private from the first");
        PaperState alsoMine = mine;
        alsoMine.note = QStringLiteral("private from the second");
        QVERIFY(!first->saveState(mine)->conflict);
        QVERIFY(!second->saveState(alsoMine)->conflict);
        QCOMPARE(first->state(p.arxivId)->note, QStringLiteral("private from the second"));
        QVERIFY(!first->state(p.arxivId)->noteShared);
        QCOMPARE(first->sharedNotes(p.arxivId)->size(), 0);
    }

    void sharedNotesOfADayAreListedWithTheirPapers()
    {
        Test::TempProfileDir dir;
        auto store = open(m_backend.storeFor(dir));
        QVERIFY(store);
        const Paper a = Test::makePaper(QStringLiteral("2611.00103"));
        const Paper b = Test::makePaper(QStringLiteral("2611.00104"), 1, QDate(2026, 11, 24));
        QVERIFY(store->upsertPapers({a, b}).ok());
        QVERIFY(store->saveState(sharedEdit(*store, a.arxivId, QStringLiteral("on the 23rd"))).ok());
        QVERIFY(store->saveState(sharedEdit(*store, b.arxivId, QStringLiteral("on the 24th"))).ok());
        const auto day = store->sharedNotesForDay(QDate(2026, 11, 23));
        QVERIFY(day.ok());
        QCOMPARE(day->keys(), QList<QString> {a.arxivId});
        QCOMPARE(day->value(a.arxivId).first().text, QStringLiteral("on the 23rd"));
        QVERIFY(day->value(a.arxivId).first().mine);
    }

    void everyMemberReadsASharedNoteWithItsAuthor()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member");
        const StoreLocation lab = labDatabase();
        QVERIFY(lab.isPostgres());
        const Paper p = Test::makePaper(QStringLiteral("2611.00105"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p}).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QVERIFY(alice->saveState(sharedEdit(*alice, p.arxivId, QStringLiteral("worth a journal club"))).ok());
        PaperState bobPrivate = *bob->state(p.arxivId);
        bobPrivate.note = QStringLiteral("bob's own thoughts");
        QVERIFY(bob->saveState(bobPrivate).ok());

        const auto seenByBob = bob->sharedNotes(p.arxivId);
        QVERIFY(seenByBob.ok());
        QCOMPARE(seenByBob->size(), 1);
        QCOMPARE(seenByBob->first().author, QStringLiteral("alice"));
        QCOMPARE(seenByBob->first().text, QStringLiteral("worth a journal club"));
        QVERIFY(!seenByBob->first().mine);
        // Bob's private note stays his; Alice's shared one is not his to edit, so his state is not shared.
        const auto seenByAlice = alice->sharedNotes(p.arxivId);
        QVERIFY(seenByAlice.ok());
        QCOMPARE(seenByAlice->size(), 1);
        QVERIFY(seenByAlice->first().mine);
        QVERIFY(!bob->state(p.arxivId)->noteShared);
        QCOMPARE(bob->state(p.arxivId)->note, QStringLiteral("bob's own thoughts"));

        // Bob shares his too: two members' notes on one paper, neither in the other's way.
        auto bobShares = bob->saveState(sharedEdit(*bob, p.arxivId, QStringLiteral("bob disagrees")));
        QVERIFY2(bobShares.ok() && !bobShares->conflict, qPrintable(bobShares.error()));
        QCOMPARE(bobShares->noteVersion, 1);
        QCOMPARE(alice->sharedNotes(p.arxivId)->size(), 2);
        QCOMPARE(alice->state(p.arxivId)->note, QStringLiteral("worth a journal club"));

        // Unsharing withdraws the copy from the others; the note itself stays its author's.
        PaperState unshared = *alice->state(p.arxivId);
        unshared.noteShared = false;
        QVERIFY(alice->saveState(unshared).ok());
        const auto afterUnshare = bob->sharedNotes(p.arxivId);
        QVERIFY(afterUnshare.ok());
        QCOMPARE(afterUnshare->size(), 1);
        QCOMPARE(afterUnshare->first().author, QStringLiteral("bob"));
        QCOMPARE(alice->state(p.arxivId)->note, QStringLiteral("worth a journal club"));
    }

    void theDatabaseKeepsASharedNoteItsAuthors()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member");
        const StoreLocation lab = labDatabase();
        const Paper p = Test::makePaper(QStringLiteral("2611.00106"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p}).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QVERIFY(alice->saveState(sharedEdit(*alice, p.arxivId, QStringLiteral("alice's shared"))).ok());

        // Bob, with SQL of his own: he reads her shared note and, being in her group, may change its text
        // (schema 16), but not its author or paper, nor sign his change with her name; he cannot delete or
        // forge one.
        QSqlQuery q(bob->database().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM shared_notes")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(!q.exec(QStringLiteral("UPDATE shared_notes SET author = 'bob'")));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        QVERIFY(q.exec(QStringLiteral("UPDATE shared_notes SET note = 'bob was here', version = version + 1, "
                                      "last_editor = 'alice'")));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT author, last_editor FROM shared_notes")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("alice"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("bob"));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM shared_notes")));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(
            !q.exec(QStringLiteral("INSERT INTO shared_notes (author, arxiv_id, note, version, updated_at) "
                                   "VALUES ('alice', '%1', 'forged', 1, '2026-11-23T09:00:00Z')")
                        .arg(p.arxivId)));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        QVERIFY(!q.exec(QStringLiteral("ALTER TABLE shared_notes DISABLE ROW LEVEL SECURITY")));
        QVERIFY(!q.exec(QStringLiteral("DROP POLICY shared_notes_read ON shared_notes")));
        const auto notes = alice->sharedNotes(p.arxivId);
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().author, QStringLiteral("alice"));
        QCOMPARE(notes->first().lastEditor, QStringLiteral("bob"));
        QCOMPARE(notes->first().text, QStringLiteral("bob was here"));
        QCOMPARE(notes->first().version, 2);

        // A role outside her group, with the same privileges on the table, reads it but changes nothing.
        auto carol = openAs(lab, outsider(lab));
        QVERIFY(carol);
        QSqlQuery c(carol->database().sql());
        QVERIFY(c.exec(QStringLiteral("SELECT count(*) FROM shared_notes")) && c.next());
        QCOMPARE(c.value(0).toInt(), 1);
        QVERIFY(c.exec(QStringLiteral("UPDATE shared_notes SET note = 'carol was here'")));
        QCOMPARE(c.numRowsAffected(), 0);
        SharedNote carolsEdit = notes->first();
        carolsEdit.text = QStringLiteral("carol was here");
        const auto refused = carol->saveSharedNoteOf(carolsEdit);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("only the members of their group")),
            qPrintable(refused.error()));
        QCOMPARE(alice->sharedNotes(p.arxivId)->first().text, QStringLiteral("bob was here"));
    }

    void membersOfTheGroupEditASharedNote()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one member");
        const StoreLocation lab = labDatabase();
        const Paper p = Test::makePaper(QStringLiteral("2611.00108"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p}).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        PaperState alicePrivate = *alice->state(p.arxivId);
        alicePrivate.arxivId = p.arxivId;
        alicePrivate.note = QStringLiteral("alice's private thoughts");
        QVERIFY(alice->saveState(alicePrivate).ok());
        const Paper q2 = Test::makePaper(QStringLiteral("2611.00109"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin && admin->upsertPapers({q2}).ok());
        }
        QVERIFY(alice->saveState(sharedEdit(*alice, q2.arxivId, QStringLiteral("reading group: 1. method")))
                    .ok());

        // Both open version 1 of Alice's shared note; Alice saves first, then Bob.
        const SharedNote opened = bob->sharedNotes(q2.arxivId)->first();
        QCOMPARE(opened.version, 1);
        QCOMPARE(opened.lastEditor, QStringLiteral("alice"));
        const PaperState alicesEdit =
            sharedEdit(*alice, q2.arxivId, QStringLiteral("reading group: 1. method\n2. ablations"));
        QCOMPARE(alicesEdit.noteVersion, 1);
        SharedNote bobsEdit = opened;
        bobsEdit.text = QStringLiteral("reading group: 1. method\n3. the proof of Lemma 2");
        auto aliceSaved = alice->saveState(alicesEdit);
        QVERIFY2(aliceSaved.ok() && !aliceSaved->conflict, qPrintable(aliceSaved.error()));
        QCOMPARE(aliceSaved->noteVersion, 2);

        // Bob's save over version 1 is a conflict: nothing written, Alice's text kept, both texts at hand.
        auto late = bob->saveSharedNoteOf(bobsEdit);
        QVERIFY2(late.ok(), qPrintable(late.error()));
        QVERIFY(late->conflict);
        QCOMPARE(late->conflict->author, QStringLiteral("alice"));
        QCOMPARE(late->conflict->theirEditor, QStringLiteral("alice"));
        QCOMPARE(late->conflict->theirs, alicesEdit.note);
        QCOMPARE(late->conflict->yours, bobsEdit.text);
        QCOMPARE(late->conflict->theirVersion, 2);
        QCOMPARE(alice->sharedNotes(q2.arxivId)->first().text, alicesEdit.note);

        // His merge, over the version the conflict named, goes in: still Alice's note, Bob its last editor.
        SharedNote merged = bobsEdit;
        merged.text = QStringLiteral("reading group: 1. method\n2. ablations\n3. the proof of Lemma 2");
        merged.version = late->conflict->theirVersion;
        auto resolved = bob->saveSharedNoteOf(merged);
        QVERIFY2(resolved.ok() && !resolved->conflict, qPrintable(resolved.error()));
        QCOMPARE(resolved->noteVersion, 3);
        const SharedNote stored = alice->sharedNotes(q2.arxivId)->first();
        QCOMPARE(stored.author, QStringLiteral("alice"));
        QCOMPARE(stored.lastEditor, QStringLiteral("bob"));
        QCOMPARE(stored.text, merged.text);
        QVERIFY(stored.mine);
        // Alice's editor opens on the group's text, at its version; her stale edit would be a conflict.
        const PaperState alicesNow = *alice->state(q2.arxivId);
        QCOMPARE(alicesNow.note, merged.text);
        QCOMPARE(alicesNow.noteVersion, 3);
        PaperState stale = alicesEdit;
        stale.note = QStringLiteral("reading group: only the method");
        stale.noteVersion = 2;
        auto staleSaved = alice->saveState(stale);
        QVERIFY2(staleSaved.ok(), qPrintable(staleSaved.error()));
        QVERIFY(staleSaved->conflict);
        QCOMPARE(staleSaved->conflict->theirEditor, QStringLiteral("bob"));
        QCOMPARE(staleSaved->conflict->theirs, merged.text);

        // Private notes stay private, by the database: Bob neither reads nor writes Alice's.
        QSqlQuery b(bob->database().sql());
        QVERIFY(b.exec(QStringLiteral("SELECT count(*) FROM paper_state WHERE note LIKE '%private%'")) &&
            b.next());
        QCOMPARE(b.value(0).toInt(), 0);
        QVERIFY(b.exec(QStringLiteral("UPDATE paper_state SET note = 'bob was here'")));
        QCOMPARE(b.numRowsAffected(), 0);
        QCOMPARE(alice->state(p.arxivId)->note, QStringLiteral("alice's private thoughts"));
        QCOMPARE(bob->sharedNotes(p.arxivId)->size(), 0);
        // And a note withdrawn by its author cannot be saved by Bob any more: an error, nothing written.
        PaperState unshared = *alice->state(q2.arxivId);
        unshared.noteShared = false;
        QVERIFY(alice->saveState(unshared).ok());
        SharedNote afterWithdrawal = stored;
        afterWithdrawal.text = QStringLiteral("too late");
        const auto gone = bob->saveSharedNoteOf(afterWithdrawal);
        QVERIFY(!gone.ok());
        QVERIFY2(gone.error().contains(QStringLiteral("no longer shares")), qPrintable(gone.error()));
        QCOMPARE(alice->state(q2.arxivId)->note, merged.text);
    }

    void aSharedNoteEditedTwiceOnSqliteIsAConflict()
    {
        if (m_backend.isPostgres())
            QSKIP("SQLite: the same path through saveSharedNoteOf with its one member");
        Test::TempProfileDir dir;
        const QString location = m_backend.storeFor(dir);
        auto first = open(location);
        auto second = open(location);
        QVERIFY(first && second);
        const Paper p = Test::makePaper(QStringLiteral("2611.00110"));
        QVERIFY(first->upsertPapers({p}).ok());
        QVERIFY(first->saveState(sharedEdit(*first, p.arxivId, QStringLiteral("one"))).ok());
        SharedNote edit = first->sharedNotes(p.arxivId)->first();
        QVERIFY(edit.mine);
        QCOMPARE(edit.lastEditor, QString());
        QVERIFY(second->saveState(sharedEdit(*second, p.arxivId, QStringLiteral("two"))).ok());
        edit.text = QStringLiteral("three");
        const auto saved = first->saveSharedNoteOf(edit);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QVERIFY(saved->conflict);
        QCOMPARE(saved->conflict->theirs, QStringLiteral("two"));
        QCOMPARE(first->state(p.arxivId)->note, QStringLiteral("two"));
    }

    void theDigestShowsOtherMembersSharedNotes()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: on SQLite a shared note is the one member's own note");
        const StoreLocation lab = labDatabase();
        Paper p = Test::makePaper(QStringLiteral("2611.00107"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p}).ok());
            // The lab's job scores: its prompt is the lab's, whose scores members see.
            QVERIFY(admin->usePrompt(Test::makeScore(p, 9, 8).promptHash, true).ok());
            QVERIFY(admin->addScore(Test::makeScore(p, 9, 8)).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QVERIFY(
            alice->saveState(sharedEdit(*alice, p.arxivId, QStringLiteral("worth a *journal club*"))).ok());
        const AuthorMatcher nobody;

        const auto bobs = DigestBuilder::fromStore(*bob, p.announced, nobody, 1, 1);
        QVERIFY2(bobs.ok(), qPrintable(bobs.error()));
        QCOMPARE(bobs->entries.size(), 1);
        const QString markdown = DigestBuilder::markdown(*bobs);
        QVERIFY2(markdown.contains(QStringLiteral("**Note by alice:** worth a \\*journal club\\*")),
            qPrintable(markdown));
        QVERIFY(!markdown.contains(QStringLiteral("**Note:**")));
        const QString html = DigestHtml::render({*bobs});
        QVERIFY2(
            html.contains(QStringLiteral("<b>Note by alice:</b> worth a *journal club*")), qPrintable(html));
        // Alice's own shared note is her note, printed once as such.
        const auto alices = DigestBuilder::fromStore(*alice, p.announced, nobody, 1, 1);
        QVERIFY(alices.ok());
        const QString hers = DigestBuilder::markdown(*alices);
        QVERIFY(hers.contains(QStringLiteral("**Note:** worth a")));
        QVERIFY(!hers.contains(QStringLiteral("Note by")));
    }

    // Issue 14.2: the author's own rows and digest show the group's text of her shared note, which another
    // member edited after her own copy was saved: the Note column and her digest say what everyone reads.
    void theAuthorsRowsAndDigestShowTheGroupsText()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: on SQLite nobody else edits a shared note");
        const StoreLocation lab = labDatabase();
        const Paper p = Test::makePaper(QStringLiteral("2611.00108"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p, Test::makePaper(QStringLiteral("2611.00109"))}).ok());
            // The lab's job scores: its prompt is the lab's, whose scores members see.
            QVERIFY(admin->usePrompt(Test::makeScore(p, 9, 8).promptHash, true).ok());
            QVERIFY(admin->addScore(Test::makeScore(p, 9, 8)).ok());
        }
        auto alice = openAs(lab, QStringLiteral("alice"));
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QVERIFY(alice->saveState(sharedEdit(*alice, p.arxivId, QStringLiteral("her first words"))).ok());
        SharedNote edit = bob->sharedNotes(p.arxivId)->first();
        edit.text = QStringLiteral("her first words, and bob's");
        const auto saved = bob->saveSharedNoteOf(edit);
        QVERIFY2(saved.ok() && !saved->conflict, qPrintable(saved.error()));

        const auto day = alice->recordsForDay(p.announced);
        QVERIFY2(day.ok(), qPrintable(day.error()));
        QCOMPARE(day->size(), 2);
        QCOMPARE(day->at(0).state.note, edit.text);
        QCOMPARE(day->at(1).state.note, QString()); // the other paper has no note
        const auto range = alice->recordsForRange({}, {});
        QVERIFY(range.ok());
        const auto rows = alice->tableRowsForRange({}, {});
        QVERIFY(rows.ok());
        for (const auto &list : {*range, *rows}) {
            const auto it = std::find_if(
                list.begin(), list.end(), [&](const PaperRecord &r) { return r.paper.arxivId == p.arxivId; });
            QVERIFY(it != list.end());
            QCOMPARE(it->state.note, edit.text);
        }
        QCOMPARE(alice->record(p.arxivId)->value().state.note, edit.text);
        const AuthorMatcher nobody;
        const auto hers = DigestBuilder::fromStore(*alice, p.announced, nobody, 1, 1);
        QVERIFY2(hers.ok(), qPrintable(hers.error()));
        const QString markdown = DigestBuilder::markdown(*hers);
        QVERIFY2(
            markdown.contains(QStringLiteral("**Note:** her first words, and bob's")), qPrintable(markdown));
        QVERIFY(!markdown.contains(QStringLiteral("Note by")));
        // Bob's own rows: his note is his (none), Alice's is hers, under the abstract.
        QCOMPARE(bob->record(p.arxivId)->value().state.note, QString());
    }

    // Issue 14.4: a member's private state changed by one of her clients (her laptop) reaches her other
    // clients (her desktop's listener), on her own channel; another member hears nothing of it.
    void aMembersOwnChangesReachHerOtherClients()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one client");
        const StoreLocation lab = labDatabase();
        const Paper p = Test::makePaper(QStringLiteral("2611.00110"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p}).ok());
        }
        StoreChangeListener aliceDesktop;
        StoreChangeListener bobs;
        QVERIFY(startListening(aliceDesktop, Test::PostgresCluster::forRole(lab, QStringLiteral("alice"))));
        QVERIFY(startListening(bobs, Test::PostgresCluster::forRole(lab, QStringLiteral("bob"))));
        QSignalSpy aliceHeard(&aliceDesktop, &StoreChangeListener::changed);
        QSignalSpy bobHeard(&bobs, &StoreChangeListener::changed);

        auto laptop = openAs(lab, QStringLiteral("alice"));
        QVERIFY(laptop);
        PaperState star = *laptop->state(p.arxivId);
        star.starred = true;
        star.tags = QStringList {QStringLiteral("to-read")};
        QVERIFY(laptop->saveState(star).ok());
        const StoreChange change = nextChange(aliceHeard);
        QCOMPARE(int(change.kind), int(StoreChange::Kind::MemberState));
        QCOMPARE(change.arxivId, p.arxivId);
        QCOMPARE(change.day, p.announced);
        // Bob's listener: the first thing it hears is Bob's own star on another paper, stored after
        // Alice's (notices come in commit order), so Alice's was never sent to him.
        const Paper other = Test::makePaper(QStringLiteral("2611.00111"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({other}).ok());
        }
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(bob);
        PaperState bobStar = *bob->state(other.arxivId);
        bobStar.starred = true;
        QVERIFY(bob->saveState(bobStar).ok());
        StoreChange bobFirst = nextChange(bobHeard);
        while (
            bobFirst.kind == StoreChange::Kind::DayFetched && bobFirst.arxivId.isEmpty()) // the admin's fetch
            bobFirst = nextChange(bobHeard);
        QCOMPARE(int(bobFirst.kind), int(StoreChange::Kind::MemberState));
        QCOMPARE(bobFirst.arxivId, other.arxivId);
        // A shared note is the member's state too: her other client hears it on her channel.
        aliceHeard.clear();
        QVERIFY(laptop->saveState(sharedEdit(*laptop, p.arxivId, QStringLiteral("alice's"))).ok());
        StoreChange next = nextChange(aliceHeard);
        while (next.kind == StoreChange::Kind::DayFetched && next.arxivId.isEmpty()) // the admin's fetch
            next = nextChange(aliceHeard);
        QCOMPARE(int(next.kind), int(StoreChange::Kind::MemberState));
        QCOMPARE(next.arxivId, p.arxivId);
    }

    // Issue 14: a member's channel was named after her role (lectern_member_<md5 of the name>), so any
    // role could LISTEN on it and learn which papers she touched. It is a random name now that no other
    // role can read: Bob, listening where the old name was and on the public channel, hears the lab's
    // notice that committed after Alice's star, and nothing before it.
    void anotherRoleCannotListenOnAMembersChannel()
    {
        const StoreLocation lab = labDatabase();
        const Paper p = Test::makePaper(QStringLiteral("2611.00120"));
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({p}).ok());
        }
        StoreChangeListener aliceDesktop;
        QVERIFY(startListening(aliceDesktop, Test::PostgresCluster::forRole(lab, QStringLiteral("alice"))));
        QSignalSpy aliceHeard(&aliceDesktop, &StoreChangeListener::changed);

        auto bob = Database::open(Test::PostgresCluster::forRole(lab, QStringLiteral("bob")));
        QVERIFY2(bob.ok(), qPrintable(bob.error()));
        QSqlDatabase &bobSql = bob.value()->sql();
        // Bob reads no other member's channel: without a grant he reads nothing; with one, his own row only.
        {
            QSqlQuery q(bobSql);
            if (q.exec(QStringLiteral("SELECT member FROM member_channels"))) {
                while (q.next())
                    QCOMPARE(q.value(0).toString(), QStringLiteral("bob"));
            } else {
                QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                    qPrintable(q.lastError().text()));
            }
            QVERIFY(
                q.exec(QStringLiteral("SELECT lectern_own_channel(), 'lectern_member_' || md5('alice')")));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toString().startsWith(QStringLiteral("lectern_member_")));
            QVERIFY(q.value(0).toString() != q.value(1).toString());
            QVERIFY(bobSql.driver()->subscribeToNotification(q.value(1).toString()));
        }
        QVERIFY(bobSql.driver()->subscribeToNotification(QStringLiteral("lectern")));
        QSignalSpy bobHeard(bobSql.driver(),
            qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(
                &QSqlDriver::notification));

        auto laptop = openAs(lab, QStringLiteral("alice"));
        QVERIFY(laptop);
        PaperState star = *laptop->state(p.arxivId);
        star.starred = true;
        QVERIFY(laptop->saveState(star).ok());
        const StoreChange change = nextChange(aliceHeard); // her own other client hears it
        QCOMPARE(int(change.kind), int(StoreChange::Kind::MemberState));
        QCOMPARE(change.arxivId, p.arxivId);
        {
            auto admin = openAs(lab, QStringLiteral("lab_admin"));
            QVERIFY(admin);
            QVERIFY(admin->upsertPapers({Test::makePaper(QStringLiteral("2611.00121"))}).ok());
        }
        QVERIFY(bobHeard.wait(10000));
        QCOMPARE(bobHeard.first().at(0).toString(), QStringLiteral("lectern"));
    }

    void sqliteHasNothingToListenTo()
    {
        if (m_backend.isPostgres())
            QSKIP("SQLite only");
        Test::TempProfileDir dir;
        StoreChangeListener listener;
        QSignalSpy cannot(&listener, &StoreChangeListener::cannotListen);
        listener.listen(StoreLocation::parse(m_backend.storeFor(dir)));
        QVERIFY(!listener.isListening());
        QVERIFY(!listener.connectionThread()); // no thread for nothing
        QVERIFY(cannot.isEmpty());
    }

    void anotherClientsChangesAreHeard()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one client");
        const StoreLocation lab = labDatabase();
        auto alice = openAs(lab, QStringLiteral("alice"));
        QVERIFY(alice);
        StoreChangeListener listener;
        QVERIFY(startListening(listener, Test::PostgresCluster::forRole(lab, QStringLiteral("alice"))));
        QSignalSpy heard(&listener, &StoreChangeListener::changed);

        // The lab's morning job, another client: a fetched day (one feed of two papers: one notice),
        auto admin = openAs(lab, QStringLiteral("lab_admin"));
        QVERIFY(admin);
        const Paper p1 = Test::makePaper(QStringLiteral("2611.00201"));
        const Paper p2 = Test::makePaper(QStringLiteral("2611.00202"));
        QVERIFY(admin->upsertPapers({p1, p2}).ok());
        StoreChange change = nextChange(heard);
        QCOMPARE(change.arxivId, QString());
        QCOMPARE(int(change.kind), int(StoreChange::Kind::DayFetched));
        QCOMPARE(change.day, QDate(2026, 11, 23));
        // its scores (one transaction: one notice for the day; the next is not a second fetch notice),
        QVERIFY(admin->addScores({Test::makeScore(p1, 9, 8), Test::makeScore(p2, 3, 2)}).ok());
        change = nextChange(heard);
        QCOMPARE(int(change.kind), int(StoreChange::Kind::DayScored));
        QCOMPARE(change.day, QDate(2026, 11, 23));
        // and its day record after scoring.
        DayRun run;
        run.date = QDate(2026, 11, 23);
        QVERIFY(admin->saveDayRun(run).ok());
        QCOMPARE(int(nextChange(heard).kind), int(StoreChange::Kind::DayFetched));
        run.cost = 0.25;
        run.model = QStringLiteral("gpt-5");
        QVERIFY(admin->saveDayRun(run).ok());
        QCOMPARE(int(nextChange(heard).kind), int(StoreChange::Kind::DayScored));

        // Bob's private note is nobody's business; his shared note, which comes after it, is heard first.
        auto bob = openAs(lab, QStringLiteral("bob"));
        QVERIFY(bob);
        PaperState privateNote = *bob->state(p2.arxivId);
        privateNote.note = QStringLiteral("private");
        QVERIFY(bob->saveState(privateNote).ok());
        QVERIFY(bob->saveState(sharedEdit(*bob, p1.arxivId, QStringLiteral("read this"))).ok());
        change = nextChange(heard);
        QCOMPARE(int(change.kind), int(StoreChange::Kind::SharedNote));
        QCOMPARE(change.arxivId, p1.arxivId);
        QCOMPARE(change.day, QDate(2026, 11, 23));
    }

    // The lab's server restarts: the listener notices, reconnects with growing waits (recorded, not slept),
    // and hears the next notice; a fetch made while it was away was announced to nobody, which
    // reconnected() tells the client.
    void theListenerReconnectsAfterTheServerRestarts()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one client");
        const StoreLocation lab = labDatabase();
        StoreChangeListener listener;
        QList<int> waits;
        std::function<void()> attempt;
        listener.setScheduler([&](int ms, std::function<void()> next) {
            waits << ms;
            attempt = std::move(next);
        });
        listener.setCheckInterval(0); // this test checks
        listener.setRandomSeed(14);
        QVERIFY(startListening(listener, Test::PostgresCluster::forRole(lab, QStringLiteral("alice"))));
        QSignalSpy heard(&listener, &StoreChangeListener::changed);
        QSignalSpy lost(&listener, &StoreChangeListener::connectionLost);
        QSignalSpy back(&listener, &StoreChangeListener::reconnected);
        QSignalSpy failed(&listener, &StoreChangeListener::reconnectFailed);
        QSignalSpy answered(&listener, &StoreChangeListener::connectionChecked);
        listener.checkConnection();
        QVERIFY(answered.wait(10000));
        QVERIFY(lost.isEmpty() && waits.isEmpty());

        auto stopped = m_backend.cluster()->stop();
        QVERIFY2(stopped.ok(), qPrintable(stopped.error()));
        listener.checkConnection();
        QVERIFY(lost.wait(10000));
        QCOMPARE(lost.size(), 1);
        QVERIFY(!listener.isListening());
        QCOMPARE(waits.size(), 1);
        listener.checkConnection(); // while reconnecting: no second check, no second schedule
        QCOMPARE(waits.size(), 1);
        // The server is still down: the attempt fails and the next wait is longer.
        std::exchange(attempt, {})();
        QVERIFY(failed.wait(20000));
        QCOMPARE(back.size(), 0);
        QCOMPARE(waits.size(), 2);
        std::exchange(attempt, {})();
        QVERIFY(failed.wait(20000));
        QCOMPARE(waits.size(), 3);
        // 1, 2, 4 s, each up to a quarter longer at random (the seed's draws are not all zero).
        const QList<int> base = StoreChangeListener::reconnectDelays().mid(0, 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(waits.at(i) >= base.at(i) && waits.at(i) <= base.at(i) * 5 / 4,
                qPrintable(QStringLiteral("wait %1: %2 ms").arg(i).arg(waits.at(i))));
        QVERIFY(waits != base);

        auto started = m_backend.cluster()->startAgain();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        auto admin = openAs(lab, QStringLiteral("lab_admin"));
        QVERIFY(admin);
        // A fetch while the listener is away: nobody hears it.
        QVERIFY(admin->upsertPapers({Test::makePaper(QStringLiteral("2611.00301"), 1, QDate(2026, 11, 24))})
                    .ok());
        std::exchange(attempt, {})();
        QVERIFY(back.wait(20000));
        QCOMPARE(back.size(), 1);
        QVERIFY(listener.isListening());
        QCOMPARE(waits.size(), 3); // no more attempts
        listener.checkConnection();
        QVERIFY(answered.wait(10000));
        // Listening again: the next fetch is heard, and it is the first notice heard since the restart.
        QVERIFY(admin->upsertPapers({Test::makePaper(QStringLiteral("2611.00302"), 1, QDate(2026, 11, 25))})
                    .ok());
        const StoreChange change = nextChange(heard);
        QCOMPARE(int(change.kind), int(StoreChange::Kind::DayFetched));
        QCOMPARE(change.day, QDate(2026, 11, 25));
        QVERIFY(heard.isEmpty());
        // A second loss starts again from the shortest wait.
        QVERIFY(m_backend.cluster()->stop().ok());
        listener.checkConnection();
        QVERIFY(lost.wait(10000));
        QVERIFY(waits.last() >= 1000 && waits.last() <= 1250);
        QVERIFY(m_backend.cluster()->startAgain().ok());
        std::exchange(attempt, {})();
        QVERIFY(back.wait(20000));
        QCOMPARE(back.size(), 2);
    }

    // A server that stops answering without closing the connection (its processes frozen, as behind a
    // network gone silent): the check gives up after its answer timeout, on the listener's own thread,
    // while the GUI thread's event loop goes on; once the server answers again the listener reconnects.
    void aSilentServerIsLostInBoundedTimeOffTheGuiThread()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only: an SQLite file has one client");
        const StoreLocation lab = labDatabase();
        StoreChangeListener listener;
        std::function<void()> attempt;
        listener.setScheduler([&](int, std::function<void()> next) { attempt = std::move(next); });
        listener.setCheckInterval(0); // this test checks
        listener.setAnswerTimeout(1000);
        // Where the connection's work runs: recorded as each result is emitted, on the emitting thread.
        QList<QThread *> workedOn;
        QThread *const gui = QThread::currentThread();
        const auto record = [&] { workedOn << QThread::currentThread(); };
        QVERIFY(startListening(listener, Test::PostgresCluster::forRole(lab, QStringLiteral("alice"))));
        ListeningConnection *c = listener.connection();
        QVERIFY(c);
        for (auto signal : {&ListeningConnection::opened, &ListeningConnection::alive})
            connect(c, signal, c, record, Qt::DirectConnection);
        connect(c, &ListeningConnection::lost, c, record, Qt::DirectConnection);
        connect(c, &ListeningConnection::notified, c, record, Qt::DirectConnection);
        QSignalSpy lost(&listener, &StoreChangeListener::connectionLost);
        QSignalSpy back(&listener, &StoreChangeListener::reconnected);
        QSignalSpy heard(&listener, &StoreChangeListener::changed);
        QSignalSpy answered(&listener, &StoreChangeListener::connectionChecked);

        auto paused = m_backend.cluster()->pause();
        QVERIFY2(paused.ok(), qPrintable(paused.error()));
        // The GUI thread's events go on while the check waits: one posted after the check runs before the
        // loss is reported (which takes the answer timeout at least).
        bool turned = false;
        listener.checkConnection();
        QVERIFY(lost.isEmpty());
        QMetaObject::invokeMethod(
            this, [&] { turned = lost.isEmpty(); }, Qt::QueuedConnection);
        QVERIFY(lost.wait(30000));
        QVERIFY(turned);
        QVERIFY(answered.isEmpty());
        QVERIFY(!listener.isListening());
        QVERIFY2(lost.first().at(0).toString().contains(QStringLiteral("did not answer")),
            qPrintable(lost.first().at(0).toString()));
        QVERIFY(attempt);

        QVERIFY(m_backend.cluster()->resume().ok());
        std::exchange(attempt, {})();
        QVERIFY(back.wait(20000));
        QVERIFY(listener.isListening());
        listener.checkConnection();
        QVERIFY(answered.wait(10000));
        auto admin = openAs(lab, QStringLiteral("lab_admin"));
        QVERIFY(admin);
        QVERIFY(admin->upsertPapers({Test::makePaper(QStringLiteral("2611.00401"), 1, QDate(2026, 11, 26))})
                    .ok());
        QCOMPARE(nextChange(heard).day, QDate(2026, 11, 26));
        // The listener's own queued slot is connected before `record`, so the change can reach this thread
        // before `record` has run over there: a round trip through the listener's thread waits for it.
        QVERIFY(QMetaObject::invokeMethod(
            c, [] {}, Qt::BlockingQueuedConnection));

        // lost, opened again, alive, notified: all on the listener's thread, none on the GUI thread.
        QCOMPARE(workedOn.size(), 4);
        QVERIFY(listener.connectionThread() && listener.connectionThread() != gui);
        for (QThread *t : std::as_const(workedOn))
            QCOMPARE(t, listener.connectionThread());
    }

    void payloadsThatAreNotOursAreIgnored()
    {
        QVERIFY(!StoreChange::fromPayload(QStringLiteral("not json")));
        QVERIFY(!StoreChange::fromPayload(QStringLiteral(R"({"kind":"dropped_table"})")));
        const auto note = StoreChange::fromPayload(
            QStringLiteral(R"({"kind":"shared_note","day":"2026-11-23","paper":"2611.00001"})"));
        QVERIFY(note);
        QCOMPARE(int(note->kind), int(StoreChange::Kind::SharedNote));
        QCOMPARE(note->day, QDate(2026, 11, 23));
        QCOMPARE(note->arxivId, QStringLiteral("2611.00001"));
    }

private:
    /// A login role with the members' privileges on @p lab's shared notes but in no group with them.
    QString outsider(const StoreLocation &lab)
    {
        const QString role = QStringLiteral("carol");
        for (const auto &[sql, database] :
            {std::pair {QStringLiteral("DO $$ BEGIN CREATE ROLE carol LOGIN; "
                                       "EXCEPTION WHEN duplicate_object THEN NULL; END $$"),
                 QStringLiteral("postgres")},
                std::pair {QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO carol; "
                                          "GRANT INSERT, UPDATE, DELETE ON shared_notes TO carol"),
                    lab.database()}}) {
            if (auto r = m_backend.cluster()->execAsSuperuser(sql, database); !r)
                qWarning() << r.error();
        }
        return role;
    }

    StoreLocation labDatabase()
    {
        auto lab = m_backend.cluster()->createLabDatabase();
        if (!lab)
            qWarning() << lab.error();
        return lab ? *lab : StoreLocation();
    }

    Test::StoreBackend m_backend;
};

LECTERN_STORE_TEST_GUILESS_MAIN(TestSharedNotes)
#include "test_sharednotes.moc"
