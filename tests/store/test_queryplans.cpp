// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: at 100k papers a query that scans a table where an index would do costs the window its
// speed. The plans of the statements the window runs most are read from SQLite (EXPLAIN QUERY PLAN) on a
// generated library, as the store runs them.
#include "library/librarygenerator.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/profilebuilder.h>

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

class TestQueryPlans : public QObject
{
    Q_OBJECT

    Test::TempProfileDir m_dir;
    std::unique_ptr<PaperStore> m_store;
    QString m_someId;

private Q_SLOTS:
    void initTestCase()
    {
        auto store = PaperStore::open(m_dir.databasePath());
        QVERIFY(store.ok());
        m_store = std::move(store).value();
        LibraryGenerator::Options options;
        options.papers = 1500;
        QVERIFY(LibraryGenerator(options).write(*m_store).ok());
        auto latest = m_store->recordsForDay(options.lastDay);
        QVERIFY(latest.ok() && !latest->isEmpty());
        m_someId = latest->first().paper.arxivId;
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
        QFETCH(int, query);
        const QStringList plan = planOf(*m_store, HotQuery(query), {m_someId});
        QVERIFY2(!plan.isEmpty() && !plan.first().startsWith(u"failed"), qPrintable(plan.join(u'\n')));
        QVERIFY2(scansIn(plan).isEmpty(), qPrintable(plan.join(u'\n')));
    }

    void dayListSeeksEachDay()
    {
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
        const QStringList plan = planOf(*m_store, HotQuery::DayRecords, {QStringLiteral("2026-11-30")});
        QVERIFY2(scansIn(plan).isEmpty(), qPrintable(plan.join(u'\n')));
        // The day's listings through their primary key (day, arxiv_id).
        QVERIFY2(plan.join(u'\n').contains(QRegularExpression(QStringLiteral("SEARCH l USING .*\\(day=\\?"))),
            qPrintable(plan.join(u'\n')));
    }

    void allDaysLoadScansOneTableOnce()
    {
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
        // The search box's query: the index's row ids, neither the papers' rows (their abstracts fill
        // most pages) nor a rank to sort.
        const QStringList plan = planOf(*m_store, HotQuery::Match, {QStringLiteral("\"learn\"*")});
        QVERIFY2(!plan.isEmpty(), "no plan");
        for (const QString &line : plan)
            QVERIFY2(line.contains(u"VIRTUAL TABLE"), qPrintable(plan.join(u'\n')));
    }

    void closingRefreshesThePlannerStatistics()
    {
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
};

QTEST_GUILESS_MAIN(TestQueryPlans)
#include "test_queryplans.moc"
