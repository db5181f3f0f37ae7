// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: at 100k papers a query that scans a table where an index would do costs the window its
// speed. The plans of the statements the window runs most are read from SQLite (EXPLAIN QUERY PLAN) on a
// generated library, as the store runs them. Runs twice under CTest: the PostgreSQL run (issue 14.8)
// reads PostgreSQL's plans (EXPLAIN) of the statements whose plan was what cost the time there.
#include "library/librarygenerator.h"
#include "store/paperstore.h"
#include "store/postgresrowcursor.h"

#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Lectern;
using HotQuery = PaperStore::HotQuery;

namespace {

QStringList planOf(PaperStore &store, HotQuery query, const QVariantList &values)
{
    QSqlQuery q(store.database().sql());
    if (!q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + store.sqlOf(query)))
        return {QStringLiteral("prepare failed: ") + q.lastError().text()};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return {QStringLiteral("failed: ") + q.lastError().text()};
    QStringList lines;
    while (q.next())
        lines << q.value(3).toString();
    return lines;
}

/// PostgreSQL's plan of @p query (EXPLAIN, as text lines). With @p noSeqScan the planner avoids reading
/// whole tables wherever an index can serve: a small test library is read whole more cheaply than through
/// any index, and what is checked is that the index can serve (a condition no index can answer keeps its
/// "Seq Scan").
QString postgresPlanOf(PaperStore &store, HotQuery query, const QStringList &values, bool noSeqScan)
{
    // The driver prepares with SQL's PREPARE, which takes no EXPLAIN: the statement is prepared here and
    // its execution explained, with the values as literals (planned for them, as the store's first runs).
    QSqlQuery q(store.database().sql());
    if (!q.exec(QStringLiteral("SET enable_seqscan = %1").arg(noSeqScan ? u"off" : u"on")))
        return QStringLiteral("SET failed: ") + q.lastError().text();
    if (!q.exec(QStringLiteral("PREPARE lectern_plan AS ") +
            PostgresRowCursor::numberedPlaceholders(store.sqlOf(query))))
        return QStringLiteral("PREPARE failed: ") + q.lastError().text();
    QStringList literals;
    for (QString value : values)
        literals << u'\'' + value.replace(u'\'', QStringLiteral("''")) + u'\'';
    const QString arguments = literals.isEmpty() ? QString() : u'(' + literals.join(u", ") + u')';
    QStringList lines;
    if (!q.exec(QStringLiteral("EXPLAIN EXECUTE lectern_plan") + arguments))
        lines << QStringLiteral("EXPLAIN failed: ") + q.lastError().text();
    while (q.next())
        lines << q.value(0).toString();
    QSqlQuery reset(store.database().sql());
    (void)reset.exec(QStringLiteral("DEALLOCATE lectern_plan"));
    (void)reset.exec(QStringLiteral("RESET enable_seqscan"));
    return lines.join(u'\n');
}

// The plan's walks over a whole table or index ("SCAN x"). "SCAN (subquery-N)" reads the rows a
// co-routine made (one paper's tags), not a table: left out.
QStringList scansIn(const QStringList &plan)
{
    QStringList scans;
    for (const QString &line : plan) {
        if (line.startsWith(u"SCAN ") && !line.startsWith(u"SCAN (subquery-"))
            scans << line;
    }
    return scans;
}

} // namespace

// Each backend's plans in its own run (macros: QSKIP returns from the test function).
#define SKIP_UNLESS_SQLITE()                                                                                 \
    if (m_backend.isPostgres())                                                                              \
    QSKIP("SQLite's plan (EXPLAIN QUERY PLAN); the PostgreSQL run checks PostgreSQL's")
#define SKIP_UNLESS_POSTGRES()                                                                               \
    if (!m_backend.isPostgres())                                                                             \
    QSKIP("PostgreSQL's plan; the SQLite run checks SQLite's")

class TestQueryPlans : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("PostgresOnly",
        "postgresSearchBoxMatchUsesTheIndex postgresDayRecordsLookUpStateAndTagsByPaper "
        "postgresAllDaysPicksTheLatestScoresInOnePass postgresOneDaysRowsLookTheirScoresUp")
    Q_CLASSINFO("SqliteOnly",
        "onePaperQueriesScanNothing dayListSeeksEachDay dayLoadReadsTheDayOnly "
        "allDaysLoadScansOneTableOnce searchUsesTheIndexAndRowIds searchBoxMatchReadsTheIndexOnly "
        "closingRefreshesThePlannerStatistics")

    Test::StoreBackend m_backend;
    Test::TempProfileDir m_dir;
    std::unique_ptr<PaperStore> m_store;
    QString m_someId;

private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
        auto store = PaperStore::open(m_backend.storeFor(m_dir));
        QVERIFY(store.ok());
        m_store = std::move(store).value();
        LibraryGenerator::Options options;
        options.papers = 1500;
        QVERIFY(LibraryGenerator(options).write(*m_store).ok());
        auto latest = m_store->recordsForDay(options.lastDay);
        QVERIFY(latest.ok() && !latest->isEmpty());
        m_someId = latest->first().paper.arxivId;
        // PostgreSQL plans from the statistics (autovacuum would gather them later).
        QVERIFY(m_store->optimizeSearchIndex().ok());
    }

    void onePaperQueriesScanNothing_data()
    {
        QTest::addColumn<int>("query");
        QTest::newRow("record by id (detail pane)") << int(HotQuery::RecordById);
        QTest::newRow("score history") << int(HotQuery::ScoreHistory);
        QTest::newRow("state") << int(HotQuery::State);
        QTest::newRow("tags") << int(HotQuery::Tags);
    }

    void onePaperQueriesScanNothing()
    {
        SKIP_UNLESS_SQLITE();
        QFETCH(int, query);
        const QStringList plan = planOf(*m_store, HotQuery(query), {m_someId});
        QVERIFY2(!plan.isEmpty() && !plan.first().startsWith(u"failed"), qPrintable(plan.join(u'\n')));
        QVERIFY2(scansIn(plan).isEmpty(), qPrintable(plan.join(u'\n')));
    }

    void dayListSeeksEachDay()
    {
        SKIP_UNLESS_SQLITE();
        // The window lists the days at start and the Digest tab for its navigation: one index seek per
        // day, not a walk over every listing (a DISTINCT or UNION over the listings read them all).
        const QStringList plan = planOf(*m_store, HotQuery::DayList, {});
        QVERIFY2(!plan.isEmpty() && !plan.first().startsWith(u"failed"), qPrintable(plan.join(u'\n')));
        for (const QString &scan : scansIn(plan))
            QVERIFY2(!scan.contains(u"listings"), qPrintable(plan.join(u'\n')));
        QVERIFY2(plan.join(u'\n').contains(u"SEARCH listings USING"), qPrintable(plan.join(u'\n')));
        // And it lists what it listed before: every day with papers or a run, newest first.
        auto days = m_store->days();
        QVERIFY(days.ok());
        QSqlQuery q(m_store->database().sql());
        QVERIFY(q.exec(
            QStringLiteral("SELECT day FROM listings UNION SELECT day FROM day_runs ORDER BY 1 DESC")));
        QList<QDate> expected;
        while (q.next())
            expected << QDate::fromString(q.value(0).toString(), Qt::ISODate);
        QVERIFY(expected.size() > 1);
        QCOMPARE(*days, expected);
    }

    void dayLoadReadsTheDayOnly()
    {
        SKIP_UNLESS_SQLITE();
        const QStringList plan = planOf(*m_store, HotQuery::DayRecords, {QStringLiteral("2026-11-30")});
        QVERIFY2(scansIn(plan).isEmpty(), qPrintable(plan.join(u'\n')));
        // The day's listings through their primary key (day, arxiv_id).
        QVERIFY2(plan.join(u'\n').contains(QRegularExpression(QStringLiteral("SEARCH l USING .*\\(day=\\?"))),
            qPrintable(plan.join(u'\n')));
    }

    void allDaysLoadScansOneTableOnce()
    {
        SKIP_UNLESS_SQLITE();
        // Every paper is read, so one table is walked once; everything per paper (latest listing, latest
        // score, state, tags) must be an index look-up, never a scan per paper.
        const QStringList plan = planOf(
            *m_store, HotQuery::AllDaysRows, {QStringLiteral("0000-00-00"), QStringLiteral("9999-99-99")});
        // The listings are walked once, in day order (the day range of a part read on its own thread is an
        // index range); nothing else is scanned.
        const QStringList scans = scansIn(plan);
        QVERIFY2(scans.size() <= 1, qPrintable(plan.join(u'\n')));
        QVERIFY2(plan.first().contains(QRegularExpression(QStringLiteral("^(SCAN|SEARCH) l USING "))),
            qPrintable(plan.join(u'\n')));
        QVERIFY2(scans.isEmpty() || scans.first().startsWith(u"SCAN l "), qPrintable(plan.join(u'\n')));
        QVERIFY2(!plan.join(u'\n').contains(u"SCAN s") && !plan.join(u'\n').contains(u"SCAN scores") &&
                !plan.join(u'\n').contains(u"SCAN st") && !plan.join(u'\n').contains(u"SCAN t"),
            qPrintable(plan.join(u'\n')));
        // The papers' columns come from the covering index (schema 13), not from their rows, which hold
        // the abstracts.
        QVERIFY2(plan.join(u'\n').contains(u"p USING COVERING INDEX papers_table_columns"),
            qPrintable(plan.join(u'\n')));
        // The listings' key gives the order (no sort of 100k rows), and the latest listing of a paper is
        // the first one the walk meets (no look-up of it for each paper).
        QVERIFY2(!plan.join(u'\n').contains(u"TEMP B-TREE"), qPrintable(plan.join(u'\n')));
        QVERIFY2(!plan.join(u'\n').contains(u" m USING"), qPrintable(plan.join(u'\n')));
    }

    void searchUsesTheIndexAndRowIds()
    {
        SKIP_UNLESS_SQLITE();
        const QStringList plan = planOf(*m_store, HotQuery::Search, {QStringLiteral("\"learn\"*"), -1});
        // The FTS5 table is a virtual table: its "scan" is the index's own term look-up.
        for (const QString &scan : scansIn(plan))
            QVERIFY2(scan.contains(u"VIRTUAL TABLE"), qPrintable(plan.join(u'\n')));
        QVERIFY2(plan.join(u'\n').contains(
                     QRegularExpression(QStringLiteral("SEARCH p USING INTEGER PRIMARY KEY"))),
            qPrintable(plan.join(u'\n')));
    }

    void searchBoxMatchReadsTheIndexOnly()
    {
        SKIP_UNLESS_SQLITE();
        // The search box's query: the index's row ids, neither the papers' rows (their abstracts fill
        // most pages) nor a rank to sort.
        const QStringList plan = planOf(*m_store, HotQuery::Match, {QStringLiteral("\"learn\"*")});
        QVERIFY2(!plan.isEmpty(), "no plan");
        for (const QString &line : plan)
            QVERIFY2(line.contains(u"VIRTUAL TABLE"), qPrintable(plan.join(u'\n')));
    }

    void closingRefreshesThePlannerStatistics()
    {
        SKIP_UNLESS_SQLITE();
        // PRAGMA optimize at close: the tables the queries used get statistics (sqlite_stat1).
        Test::TempProfileDir dir;
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            LibraryGenerator::Options options;
            options.papers = 300;
            QVERIFY(LibraryGenerator(options).write(*store.value()).ok());
            QVERIFY(store.value()->tableRowsForRange().ok());
            QCOMPARE(Test::scalar(dir.databasePath(),
                         QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"))
                         .toInt(),
                0);
        }
        QCOMPARE(Test::scalar(dir.databasePath(),
                     QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"))
                     .toInt(),
            1);
    }

    void postgresSearchBoxMatchUsesTheIndex()
    {
        // Issue 14.8: matching the paper's vector and the note's joined (a || b @@ query) could use no
        // index: every keystroke read and matched all papers. The papers' own text through the GIN index
        // (of the narrow table of vectors, schema 18); the notes holding a word through theirs.
        SKIP_UNLESS_POSTGRES();
        const QString plan = postgresPlanOf(*m_store, HotQuery::Match, {QStringLiteral("'learn':*")}, true);
        QVERIFY2(plan.contains(u"Bitmap Index Scan on paper_search_vectors"), qPrintable(plan));
        QVERIFY2(!plan.contains(u"Seq Scan on paper"), qPrintable(plan));
        // The notes: only those holding one of the words, through their own index.
        QVERIFY2(plan.contains(u"Bitmap Index Scan on paper_state_note_search"), qPrintable(plan));
        QVERIFY2(!plan.contains(u"failed"), qPrintable(plan));
    }

    void postgresDayRecordsLookUpStateAndTagsByPaper()
    {
        // Issue 14.8: the member's state and tags are keyed by member first (schema 12); where row-level
        // security adds no member condition (this test's superuser, as the benchmark's) each of a day's
        // papers walked the whole key and scanned the tags. Schema 18 indexes them by paper.
        SKIP_UNLESS_POSTGRES();
        const QString plan =
            postgresPlanOf(*m_store, HotQuery::DayRecords, {QStringLiteral("2026-11-30")}, true);
        QVERIFY2(!plan.contains(u"failed") && !plan.contains(u"Seq Scan"), qPrintable(plan));
        QVERIFY2(plan.contains(u"listings_pkey"), qPrintable(plan));
        QVERIFY2(plan.contains(u"paper_state_by_paper"), qPrintable(plan));
        QVERIFY2(plan.contains(u"paper_tags_by_paper"), qPrintable(plan));
        for (HotQuery query : {HotQuery::State, HotQuery::Tags}) {
            const QString one = postgresPlanOf(*m_store, query, {m_someId}, true);
            QVERIFY2(one.contains(u"_by_paper") && !one.contains(u"Seq Scan"), qPrintable(one));
        }
    }

    void postgresAllDaysPicksTheLatestScoresInOnePass()
    {
        // Issue 14.8: the latest score of each paper as a subquery per row ran twice for each of 100k rows
        // on PostgreSQL (the hash join's key), then the rows were sorted on disk. One ordered pass over the
        // scores picks each paper's latest instead: no subquery per row.
        SKIP_UNLESS_POSTGRES();
        const QString plan = postgresPlanOf(*m_store, HotQuery::AllDaysRows,
            {QStringLiteral("0000-00-00"), QStringLiteral("9999-99-99")}, false);
        QVERIFY2(!plan.contains(u"failed"), qPrintable(plan));
        QVERIFY2(!plan.contains(u"SubPlan"), qPrintable(plan));
        QCOMPARE(plan.count(u"on scores"), 1);
    }

    void postgresOneDaysRowsLookTheirScoresUp()
    {
        // Issue 14: "All days" after another client's work reads one day's rows again; the one ordered pass
        // over every score would read them all for a few hundred papers: each looks its own up instead.
        SKIP_UNLESS_POSTGRES();
        const QString plan = postgresPlanOf(
            *m_store, HotQuery::DayRows, {QStringLiteral("2026-11-30"), QStringLiteral("2026-11-30")}, true);
        QVERIFY2(!plan.contains(u"failed"), qPrintable(plan));
        QVERIFY2(!plan.contains(u"Seq Scan on scores"), qPrintable(plan));
        QVERIFY2(plan.contains(u"scores_by_paper"), qPrintable(plan));
        QVERIFY2(plan.contains(u"listings_pkey"), qPrintable(plan));
    }
};

LECTERN_STORE_TEST_GUILESS_MAIN(TestQueryPlans)
#include "test_queryplans.moc"
