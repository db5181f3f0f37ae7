// SPDX-License-Identifier: GPL-3.0-or-later
// Each migration is run from the schema before it, on a real store holding data of that schema: an SQLite
// file, or (LECTERN_TEST_STORE=postgres) a database on a throwaway PostgreSQL cluster.
#include "store/authorhindexcache.h"
#include "store/database.h"
#include "store/librarystore.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace Lectern;

namespace {

/// One paper, as an old schema's migration tests write it by hand.
const QString kQuokkaPaper = QStringLiteral(
    "INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, primary_category, "
    "first_seen, updated_at) VALUES ('2611.00001', 1, 'Quokkas', 'A. Author', 'About marsupials.', 'cs.LG', "
    "'cs.LG', 'x', 'x')");

QVariant scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

bool exec(Database &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql);
}

bool tableExists(Database &db, const QString &table)
{
    if (db.location().isPostgres())
        return scalar(db, QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(table)).toBool();
    return scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(table))
               .toInt() == 1;
}

QStringList migrationNumbers(const QString &folder)
{
    QStringList numbers;
    for (const QString &file : QDir(folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        numbers << file.left(4);
    return numbers;
}

} // namespace

#define SQLITE_ONLY(why)                                                                                     \
    do {                                                                                                     \
        if (m_backend.isPostgres())                                                                          \
            QSKIP("SQLite only: " why);                                                                      \
    } while (false)

// Runs twice under CTest: on SQLite files and on a PostgreSQL cluster (LECTERN_TEST_STORE=postgres).
class TestMigrations : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("PostgresOnly",
        "unreachableServerIsNamed libpqEnvironmentFillsTheLocation clusterStopsWhenItsTestProcessDies "
        "postgresSearchVectorsMoveToTheirOwnTable")
    Q_CLASSINFO("SqliteOnly",
        "from1To2IndexesExistingRows from4To5KeepsTheIndexAndIndexesNewPapers "
        "from5To6IndexKeepsNoTextAndFollowsEveryChange from7To8IndexesReadableText refusesGarbageFile")
    Test::StoreBackend m_backend;

private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    // Both backends step through the same schema numbers; a migration added to one only fails here.
    void bothBackendsHaveTheSameMigrationNumbers()
    {
        const QStringList sqlite = migrationNumbers(QStringLiteral(":/sql"));
        QCOMPARE(sqlite.size(), Database::latestSchemaVersion());
        QCOMPARE(migrationNumbers(QStringLiteral(":/sql/postgres")), sqlite);
    }

    void freshDatabaseIsAtLatest()
    {
        Test::TempProfileDir dir;
        auto db = Database::open(m_backend.storeFor(dir));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 3);
        if (m_backend.isPostgres()) {
            // PostgreSQL's own search: unaccent, and a GIN index over the papers' vectors (in a table of
            // their own since schema 18).
            QCOMPARE(scalar(*db.value(),
                         QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'"))
                         .toInt(),
                1);
            QCOMPARE(scalar(*db.value(),
                         QStringLiteral(
                             "SELECT indexdef FROM pg_indexes WHERE indexname = 'paper_search_vectors'"))
                         .toString()
                         .contains(QStringLiteral("USING gin (search)")),
                true);
            QCOMPARE(
                scalar(*db.value(), QStringLiteral("SELECT lectern_unaccent('Richtárik Müller')")).toString(),
                QStringLiteral("Richtarik Muller"));
        } else {
            QCOMPARE(
                scalar(*db.value(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
            QCOMPARE(scalar(*db.value(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        }
    }

    // Issue 14.8: schema 18 moves PostgreSQL's search vectors out of the papers' rows into a table of their
    // own; what was searchable before the upgrade is found after it, by the search and the search box.
    void postgresSearchVectorsMoveToTheirOwnTable()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL's schema 18; SQLite's search index stays where it is");
        Test::TempProfileDir dir;
        const QString location = m_backend.storeFor(dir);
        {
            auto db = Database::open(location, 17);
            QVERIFY2(db.ok(), qPrintable(db.error()));
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, "
                               "primary_category, first_seen, updated_at, search) VALUES ('2611.00001', 1, "
                               "'Counting quokkas', 'A. Author', 'About them.', 'q-bio.PE', 'q-bio.PE', "
                               "'2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z', "
                               "to_tsvector('simple', 'counting quokkas'))")));
        }
        auto store = PaperStore::open(location);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store.value()->database().schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(
            *store.value()->search(QStringLiteral("quokka")), QStringList {QStringLiteral("2611.00001")});
        QCOMPARE(store.value()->matchingRows(QStringLiteral("count quok"))->size(), 1);
        QVERIFY(store.value()->matchingRows(QStringLiteral("wombat"))->isEmpty());
    }

    // Two clients opening a new database at once: one migrates, the other waits and finds it done.
    void concurrentOpenersMigrateOnce()
    {
        Test::TempProfileDir dir;
        const QString location = m_backend.storeFor(dir);
        QString errors[2];
        int versions[2] = {0, 0};
        QThread *threads[2];
        for (int i = 0; i < 2; ++i) {
            threads[i] = QThread::create([&, i] {
                auto db = Database::open(location);
                if (!db)
                    errors[i] = db.error();
                else
                    versions[i] = db.value()->schemaVersion();
            });
            threads[i]->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(errors[i].isEmpty(), qPrintable(errors[i]));
            QCOMPARE(versions[i], Database::latestSchemaVersion());
        }
    }

    void from0To1()
    {
        Test::TempProfileDir dir;
        auto db = Database::open(m_backend.storeFor(dir), 1);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), 1);
        for (const char *table :
            {"papers", "paper_versions", "listings", "paper_state", "paper_tags", "scores", "day_runs"})
            QVERIFY2(tableExists(*db.value(), QString::fromLatin1(table)), table);
        // Foreign keys are enforced: a listing of an unknown paper is refused.
        QVERIFY(
            !exec(*db.value(), QStringLiteral("INSERT INTO listings VALUES ('2026-11-23', 'nope', 'new')")));
    }

    void from1To2IndexesExistingRows()
    {
        SQLITE_ONLY("FTS5 index and file backups; PostgreSQL's search is tested in test_paperstore");
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 1);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, "
                               "primary_category, first_seen, updated_at) VALUES ('2611.00001', 1, "
                               "'Quokka scheduling', 'Ann Author', 'About marsupials.', 'cs.LG', 'cs.LG', "
                               "'x', 'x')")));
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO paper_state (arxiv_id, note, updated_at) VALUES "
                               "('2611.00001', 'remember the wombat', 'x')")));
        }
        auto db = Database::open(m_backend.storeFor(dir), 2);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), 2);
        QVERIFY(QFile::exists(dir.databasePath() + QStringLiteral(".schema1.bak")));
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH 'quokka'"))
                     .toInt(),
            1);
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH 'wombat'"))
                     .toInt(),
            1);
    }

    void from2To3KeepsRunsAndAddsStatus()
    {
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 2);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO day_runs (day, total_arxiv, updated_at) VALUES "
                               "('2026-11-20', 512, 'x')")));
        }
        auto db = Database::open(m_backend.storeFor(dir), 3);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), 3);
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT total_arxiv FROM day_runs")).toInt(), 512);
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT complete FROM day_runs")).toInt(), 1);
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT source FROM day_runs")).toString(),
            QStringLiteral("rss"));
    }

    void from3To4AddsFeedState()
    {
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 3);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO day_runs (day, total_arxiv, updated_at) VALUES "
                               "('2026-11-20', 7, 'x')")));
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store.value()->database().schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE((*store.value()->dayRun(QDate(2026, 11, 20)))->totalArxiv, 7);
        FeedState f;
        f.url = QStringLiteral("http://127.0.0.1/rss/cs.LG");
        f.etag = "\"abc\"";
        f.day = QDate(2026, 11, 20);
        f.items = 12;
        f.kept = 9;
        f.idsHash = QStringLiteral("h");
        QVERIFY(store.value()->saveFeedState(f).ok());
        const auto back = store.value()->feedState(f.url);
        QVERIFY(back.ok() && back->has_value());
        QCOMPARE((*back)->etag, f.etag);
        QCOMPARE((*back)->kept, 9);
        QCOMPARE((*back)->day, f.day);
    }

    void from4To5KeepsTheIndexAndIndexesNewPapers()
    {
        SQLITE_ONLY("FTS5 triggers");
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 4);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, "
                               "primary_category, first_seen, updated_at) VALUES ('2611.00001', 1, "
                               "'Quokka scheduling', 'Ann Author', 'About marsupials.', 'cs.LG', 'cs.LG', "
                               "'x', 'x')")));
        }
        {
            auto db = Database::open(m_backend.storeFor(dir), 5);
            QVERIFY(db.ok());
            QCOMPARE(db.value()->schemaVersion(), 5);
            QCOMPARE(scalar(*db.value(),
                         QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name LIKE 'papers_fts_%'"))
                         .toInt(),
                1); // only the delete trigger is left
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(
            *store.value()->search(QStringLiteral("quokka")), QStringList {QStringLiteral("2611.00001")});
        Paper p = Test::makePaper(QStringLiteral("2611.00002"));
        p.title = QStringLiteral("Wallaby routing");
        QVERIFY(store.value()->upsertPaper(p).ok());
        QCOMPARE(
            *store.value()->search(QStringLiteral("wallaby")), QStringList {QStringLiteral("2611.00002")});
        p.version = 2;
        p.title = QStringLiteral("Numbat routing");
        QVERIFY(store.value()->upsertPaper(p).ok());
        QVERIFY(store.value()->search(QStringLiteral("wallaby"))->isEmpty());
        QCOMPARE(
            *store.value()->search(QStringLiteral("numbat")), QStringList {QStringLiteral("2611.00002")});
    }

    void from5To6IndexKeepsNoTextAndFollowsEveryChange()
    {
        SQLITE_ONLY("contentless FTS5");
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 5);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, "
                               "primary_category, first_seen, updated_at) VALUES ('2611.00001', 1, "
                               "'Quokka scheduling', 'Ann Author', 'About marsupials.', 'cs.LG', 'cs.LG', "
                               "'x', 'x')")));
            QVERIFY(exec(*db.value(),
                QStringLiteral(
                    "INSERT INTO papers_fts(rowid, title, authors, abstract, note) SELECT id, title, "
                    "authors, abstract, 'kangaroo' FROM papers")));
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO paper_state (arxiv_id, note, updated_at) VALUES ('2611.00001', "
                               "'kangaroo', 'x')")));
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        PaperStore &s = *store.value();
        QCOMPARE(s.database().schemaVersion(), Database::latestSchemaVersion());
        const QStringList one {QStringLiteral("2611.00001")};
        QCOMPARE(*s.search(QStringLiteral("quokka")), one);
        QCOMPARE(*s.search(QStringLiteral("kangaroo")), one); // the note was carried over
        // Contentless: the index holds no copy of the text.
        QVERIFY(scalar(s.database(), QStringLiteral("SELECT abstract FROM papers_fts")).isNull());

        // Note edits, a new version with another title, and a deletion all reach the index.
        PaperState state = *s.state(QStringLiteral("2611.00001"));
        state.note = QStringLiteral("emu sighting");
        QVERIFY(s.saveState(state).ok());
        QVERIFY(s.search(QStringLiteral("kangaroo"))->isEmpty());
        QCOMPARE(*s.search(QStringLiteral("emu")), one);
        Paper p = Test::makePaper(QStringLiteral("2611.00001"), 2);
        p.title = QStringLiteral("Numbat scheduling");
        QVERIFY(s.upsertPapers({p, p}).ok()); // twice in one batch: forgotten once, indexed once
        QVERIFY(s.search(QStringLiteral("quokka"))->isEmpty());
        QCOMPARE(*s.search(QStringLiteral("numbat emu")), one);
        Paper fresh = Test::makePaper(QStringLiteral("2611.00002"));
        fresh.title = QStringLiteral("Bilby scheduling");
        QVERIFY(s.upsertPaper(fresh).ok());
        PaperState freshState;
        freshState.arxivId = fresh.arxivId;
        freshState.note = QStringLiteral("dingo");
        QVERIFY(s.saveState(freshState).ok()); // first state row of a paper
        QCOMPARE(*s.search(QStringLiteral("dingo bilby")), QStringList {fresh.arxivId});
        QCOMPARE(s.search(QStringLiteral("scheduling"))->size(), 2);
        QVERIFY(exec(s.database(), QStringLiteral("DELETE FROM papers WHERE arxiv_id = '2611.00001'")));
        QVERIFY(s.search(QStringLiteral("numbat"))->isEmpty());
        QVERIFY(s.search(QStringLiteral("emu"))->isEmpty());
        QCOMPARE(*s.search(QStringLiteral("scheduling")), QStringList {fresh.arxivId});
        QVERIFY(exec(
            s.database(), QStringLiteral("INSERT INTO papers_fts(papers_fts) VALUES ('integrity-check')")));
        // Nothing is left behind: the index's row count matches the papers'.
        QCOMPARE(scalar(s.database(), QStringLiteral("SELECT count(*) FROM papers_fts")).toInt(), 1);
    }

    // Issue 15.3: the index held arXiv's TeX, so "Richtárik", "Richtarik" and "Clement" found nothing.
    void from7To8IndexesReadableText()
    {
        SQLITE_ONLY("FTS5 over readable text (PostgreSQL indexes it from schema 2 on)");
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 7);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, "
                               "primary_category, first_seen, updated_at) VALUES ('2611.00001', 1, "
                               "'Quokka scheduling for $\\mu$P', 'Peter Richt\\''arik\nJ. Cl\\''ement', "
                               "'About marsupials.', 'cs.LG', 'cs.LG', 'x', 'x')")));
            // As schema 7 indexed it: the TeX as stored.
            QVERIFY(exec(*db.value(),
                QStringLiteral(
                    "INSERT INTO papers_fts(rowid, title, authors, abstract, note) SELECT id, title, "
                    "authors, abstract, '' FROM papers")));
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO paper_state (arxiv_id, note, updated_at) VALUES ('2611.00001', "
                               "'kangaroo', 'x')")));
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        PaperStore &s = *store.value();
        QVERIFY(s.database().schemaVersion() >= 8); // and on to the latest
        const QStringList one {QStringLiteral("2611.00001")};
        for (const QString &query : {QStringLiteral("Richtárik"), QStringLiteral("richtarik"),
                 QStringLiteral("Richt"), QStringLiteral("Clement"), QStringLiteral("Clément"),
                 QStringLiteral("μP"), QStringLiteral("quokka kangaroo")})
            QVERIFY2(*s.search(query) == one, qPrintable(query));
        QVERIFY(s.search(QStringLiteral("arik"))->isEmpty()); // no longer a word of its own
        // Changes keep the index exact (contentless: 'delete' must get back the same readable tokens).
        PaperState state = *s.state(QStringLiteral("2611.00001"));
        state.note = QStringLiteral("emu");
        QVERIFY(s.saveState(state).ok());
        QVERIFY(s.search(QStringLiteral("kangaroo"))->isEmpty());
        Paper p = *s.paper(QStringLiteral("2611.00001")).value();
        p.version = 2;
        p.authors = QStringList {QStringLiteral("Peter Richt\\'arik"), QStringLiteral("Ana Mu\\~noz")};
        QVERIFY(s.upsertPaper(p).ok());
        QVERIFY(s.search(QStringLiteral("Clement"))->isEmpty());
        QCOMPARE(*s.search(QStringLiteral("Munoz emu")), one);
        QVERIFY(exec(s.database(), QStringLiteral("DELETE FROM papers WHERE arxiv_id = '2611.00001'")));
        QVERIFY(s.search(QStringLiteral("Richtarik"))->isEmpty());
        QVERIFY(exec(
            s.database(), QStringLiteral("INSERT INTO papers_fts(papers_fts) VALUES ('integrity-check')")));
        QCOMPARE(scalar(s.database(), QStringLiteral("SELECT count(*) FROM papers_fts")).toInt(), 0);
    }

    void from6To7AddsProviderBatchesAndTheHIndexCache()
    {
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 6);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, "
                               "primary_category, first_seen, updated_at) VALUES ('2611.00001', 1, "
                               "'Quokka scheduling', 'Ann Author', 'About marsupials.', 'cs.LG', 'cs.LG', "
                               "'x', 'x')")));
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        Database &db = store.value()->database();
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 7);
        QVERIFY(store.value()->paper(QStringLiteral("2611.00001"))->has_value());

        ProviderBatchStore batches(db);
        ProviderBatch b;
        b.batchId = QStringLiteral("batch_1");
        b.provider = QStringLiteral("openai");
        b.model = QStringLiteral("gpt-5-mini");
        b.day = QDate(2026, 11, 23);
        b.promptHash = QStringLiteral("h");
        b.promptText = QStringLiteral("prompt");
        b.submittedAt = QDateTime::currentDateTimeUtc();
        b.requests[QStringLiteral("lectern-1")] = {
            {QStringLiteral("2611.00001"), 1}, {QStringLiteral("2611.00002"), 2}};
        b.requests[QStringLiteral("lectern-2")] = {{QStringLiteral("2611.00003"), 1}};
        QVERIFY(batches.add(b).ok());
        QVERIFY(b.rowId > 0);
        // The same provider batch cannot be recorded twice.
        ProviderBatch again = b;
        QVERIFY(!batches.add(again).ok());
        const auto waiting = batches.waiting(QDate(2026, 11, 23));
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().paperCount(), 3);
        QCOMPARE(waiting->first().requests.at(QStringLiteral("lectern-1")).at(1),
            (BatchPaperRef {QStringLiteral("2611.00002"), 2}));
        QVERIFY(batches.waiting(QDate(2026, 11, 24))->isEmpty());
        QVERIFY(batches.setProviderState(b.rowId, QStringLiteral("in_progress")).ok());
        QCOMPARE((*batches.find(QStringLiteral("batch_1")))->providerState, QStringLiteral("in_progress"));
        QVERIFY(batches.finish(b.rowId, QStringLiteral("collected"), QStringLiteral("3 scored")).ok());
        QVERIFY(batches.waiting()->isEmpty());
        QCOMPARE((*batches.find(QStringLiteral("batch_1")))->state, QStringLiteral("collected"));
        // Collected once only.
        QVERIFY(!batches.finish(b.rowId, QStringLiteral("collected"), QString()).ok());
        QCOMPARE((*batches.find(QStringLiteral("batch_1")))->note, QStringLiteral("3 scored"));
        QVERIFY(exec(db, QStringLiteral("DELETE FROM provider_batches")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM provider_batch_papers")).toInt(), 0);

        AuthorHIndexCache cache(db);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(cache
                    .store({{QStringLiteral("ann author"), 12}, {QStringLiteral("bo"), std::nullopt}},
                        now.addDays(-40))
                    .ok());
        QVERIFY(cache.store({{QStringLiteral("cy"), 3}}, now).ok());
        const auto fresh = cache.lookup(
            {QStringLiteral("ann author"), QStringLiteral("bo"), QStringLiteral("cy")}, now.addDays(-30));
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->size(), 1); // the 40-day-old entries are stale
        QCOMPARE(fresh->value(QStringLiteral("cy")), std::optional<int>(3));
        const auto all = cache.lookup(
            {QStringLiteral("ann author"), QStringLiteral("bo"), QStringLiteral("cy")}, now.addDays(-50));
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->value(QStringLiteral("ann author")), std::optional<int>(12));
        QVERIFY(all->contains(QStringLiteral("bo")) && !all->value(QStringLiteral("bo")).has_value());
    }

    void from8To9AddsTheLibraryAndKeepsImportedTags()
    {
        Test::TempProfileDir dir;
        {
            // A profile of schema 8, where `lectern import` only tagged the papers.
            auto db = Database::open(m_backend.storeFor(dir), 8);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(), kQuokkaPaper));
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO paper_tags (arxiv_id, tag) VALUES ('2611.00001', 'imported')")));
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store.value()->database().schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(
            store.value()->state(QStringLiteral("2611.00001"))->tags.contains(QStringLiteral("imported")));
        LibraryStore library(store.value()->database());
        QVERIFY(library.items()->isEmpty());
        QCOMPARE(library.sourceOf(QStringLiteral("2611.00001")).value(), QString());
        LibraryReference book;
        book.title = QStringLiteral("Physics of Folded Proteins");
        book.year = 2019;
        QCOMPARE(library.add(book, QStringLiteral("old.bib")).value(), true);
        QCOMPARE(library.add(book, QStringLiteral("again.bib")).value(), false); // one item per key
        QCOMPARE(library.items()->size(), 1);
        QCOMPARE(library.items()->first().source, QStringLiteral("old.bib"));
    }

    void from11To12KeepsTheStateAsTheMigratingMembers()
    {
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 11);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(), kQuokkaPaper));
            // SQLite's contentless index must hold the paper before its state (and note) changes.
            if (!m_backend.isPostgres())
                QVERIFY(exec(*db.value(),
                    QStringLiteral("INSERT INTO papers_fts(rowid, title, authors, abstract, note) SELECT id, "
                                   "title, authors, abstract, '' FROM papers")));
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO paper_state (arxiv_id, starred, note, updated_at) VALUES "
                               "('2611.00001', 1, 'kept', 'x')")));
            QVERIFY(exec(*db.value(),
                QStringLiteral("INSERT INTO paper_tags (arxiv_id, tag) VALUES ('2611.00001', 'kv')")));
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store.value()->database().schemaVersion(), Database::latestSchemaVersion());
        const auto kept = store.value()->state(QStringLiteral("2611.00001"));
        QVERIFY(kept.ok());
        QVERIFY(kept->starred);
        QCOMPARE(kept->note, QStringLiteral("kept"));
        QCOMPARE(kept->tags, QStringList {QStringLiteral("kv")});
        // The old rows are the migrating role's own (PostgreSQL): saving replaces them, adds none.
        PaperState changed = kept.value();
        changed.note = QStringLiteral("changed");
        changed.tags = {QStringLiteral("kv"), QStringLiteral("new")};
        QVERIFY(store.value()->saveState(changed).ok());
        QCOMPARE(
            Test::scalar(m_backend.storeFor(dir), QStringLiteral("SELECT count(*) FROM paper_state")).toInt(),
            1);
        QCOMPARE(
            Test::scalar(m_backend.storeFor(dir), QStringLiteral("SELECT count(*) FROM paper_tags")).toInt(),
            2);
        if (m_backend.isPostgres())
            QCOMPARE(Test::scalar(m_backend.storeFor(dir),
                         QStringLiteral("SELECT count(*) FROM paper_state WHERE member = current_user"))
                         .toInt(),
                1);
    }

    void refusesNewerSchema()
    {
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir));
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(),
                m_backend.isPostgres() ? QStringLiteral("UPDATE schema_version SET version = 999")
                                       : QStringLiteral("PRAGMA user_version = 999")));
        }
        auto db = Database::open(m_backend.storeFor(dir));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("newer Lectern")), qPrintable(db.error()));
        QVERIFY(db.error().contains(QStringLiteral("999")));
    }

    void refusesGarbageFile()
    {
        SQLITE_ONLY("a file that is not a database");
        Test::TempProfileDir dir;
        QFile f(dir.databasePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        auto db = Database::open(dir.databasePath());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(dir.databasePath()), qPrintable(db.error()));
        // The user's file is left as it was.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(4096, 'x'));
    }

    // A server that is not there: the error names where it looked and what to check, within the connect
    // timeout.
    void unreachableServerIsNamed()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only");
        QTcpServer probe; // a port nothing listens on once the probe is closed
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        const StoreLocation nowhere = StoreLocation::postgres(
            QStringLiteral("127.0.0.1"), port, QStringLiteral("lectern"), QStringLiteral("postgres"));
        auto db = Database::open(nowhere);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(nowhere.toString()), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QStringLiteral("Is the server running")), qPrintable(db.error()));
    }

    // What a location leaves out comes from libpq's environment, as with psql.
    void libpqEnvironmentFillsTheLocation()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only");
        Test::TempProfileDir dir;
        const StoreLocation created = StoreLocation::parse(m_backend.storeFor(dir));
        const QByteArrayList names {"PGHOST", "PGPORT", "PGUSER", "PGDATABASE"};
        QHash<QByteArray, QByteArray> saved;
        for (const QByteArray &name : names)
            saved.insert(name, qgetenv(name.constData()));
        qputenv("PGHOST", created.host().toUtf8());
        qputenv("PGPORT", QByteArray::number(created.port()));
        qputenv("PGUSER", created.user().toUtf8());
        qputenv("PGDATABASE", created.database().toUtf8());
        auto db = Database::open(StoreLocation::parse(QStringLiteral("postgresql:///")));
        for (const QByteArray &name : names) {
            if (saved.value(name).isNull())
                qunsetenv(name.constData());
            else
                qputenv(name.constData(), saved.value(name));
        }
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QCOMPARE(
            scalar(*db.value(), QStringLiteral("SELECT current_database()")).toString(), created.database());
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
    }

    // The test kit's server never outlives its test: killed with SIGKILL, a test process leaves no server
    // behind (the holder shell sees its stdin close). The child is this binary, running this function.
    void clusterStopsWhenItsTestProcessDies()
    {
        if (!m_backend.isPostgres())
            QSKIP("PostgreSQL only");
        if (qEnvironmentVariableIsSet("LECTERN_TEST_CLUSTER_CHILD")) {
            std::printf("cluster port: %d\n", m_backend.cluster()->port());
            std::fflush(stdout);
            QFile in;
            QVERIFY(in.open(stdin, QIODevice::ReadOnly));
            in.readLine(); // until killed
            return;
        }
        const auto accepts = [](int port) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(port));
            return socket.waitForConnected(5000);
        };
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LECTERN_TEST_CLUSTER_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start(
            QCoreApplication::applicationFilePath(), {QStringLiteral("clusterStopsWhenItsTestProcessDies")});
        QVERIFY(child.waitForStarted());
        static const QRegularExpression portLine(QStringLiteral("cluster port: (\\d+)"));
        QByteArray said;
        QRegularExpressionMatch match;
        while (!(match = portLine.match(QString::fromUtf8(said))).hasMatch()) {
            QVERIFY2(child.waitForReadyRead(60000), said.constData());
            said += child.readAllStandardOutput();
        }
        const int port = match.captured(1).toInt();
        QVERIFY(accepts(port));
        child.kill();
        QVERIFY(child.waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(!accepts(port), 60000);
    }

    void storeOpensOldFileAndMigrates()
    {
        Test::TempProfileDir dir;
        {
            auto db = Database::open(m_backend.storeFor(dir), 1);
            QVERIFY(db.ok());
        }
        auto store = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store.value()->database().schemaVersion(), Database::latestSchemaVersion());
    }
};

LECTERN_STORE_TEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
