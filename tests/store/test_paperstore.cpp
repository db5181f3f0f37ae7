// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/librarygenerator.h"
#include "store/gatereportstore.h"
#include "store/paperstore.h"
#include "store/recordsloadjob.h"
#include "store/sqldialect.h"

#include <testkit/backendtestmain.h>
#include <testkit/fixtures.h>
#include <testkit/profilebuilder.h>
#include <testkit/storebackend.h>

#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace Lectern;
using Test::makePaper;
using Test::makeScore;

namespace {

std::unique_ptr<PaperStore> openStore(const QString &path)
{
    auto s = PaperStore::open(path);
    if (!s)
        qFatal("cannot open store: %s", qPrintable(s.error()));
    return std::move(s).value();
}

/// @p shown with @p changes put in place as PaperRowChanges says (PaperTableModel::applyChanges does it in
/// the window): each added row before the shown row at its place, gone rows out, changed rows replaced.
QList<PaperRecord> withChanges(const QList<PaperRecord> &shown, const PaperRowChanges &changes)
{
    QList<PaperRecord> out;
    qsizetype added = 0;
    qsizetype changed = 0;
    qsizetype removed = 0;
    for (qsizetype i = 0; i <= shown.size(); ++i) {
        for (; added < changes.added.size() && changes.addedAt.at(added) == i; ++added)
            out << changes.added.at(added);
        if (i == shown.size())
            break;
        if (removed < changes.removed.size() && changes.removed.at(removed) == i) {
            ++removed;
            continue;
        }
        if (changed < changes.changed.size() && changes.changedAt.at(changed) == i)
            out << changes.changed.at(changed++);
        else
            out << shown.at(i);
    }
    return out;
}

/// Empty when @p x and @p y hold the same rows, field for field, in whatever order; else what differs.
QString differenceOf(QList<PaperRecord> a, QList<PaperRecord> b)
{
    const auto storeOrder = [](const PaperRecord &l, const PaperRecord &r) {
        return l.paper.announced != r.paper.announced ? l.paper.announced > r.paper.announced
                                                      : l.rowId < r.rowId;
    };
    std::sort(a.begin(), a.end(), storeOrder);
    std::sort(b.begin(), b.end(), storeOrder);
    if (a.size() != b.size())
        return QStringLiteral("%1 rows, not %2").arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const PaperRecord &x = a.at(i);
        const PaperRecord &y = b.at(i);
        if (!(x.paper == y.paper) || x.rowId != y.rowId || x.authorLines != y.authorLines ||
            x.lean != y.lean || !(x.state == y.state) || x.score != y.score)
            return QStringLiteral("row %1 (%2, %3) differs").arg(i).arg(x.paper.arxivId, y.paper.arxivId);
    }
    return {};
}

qint64 count(PaperStore &store, const QString &table)
{
    QSqlQuery q(store.database().sql());
    q.exec(QStringLiteral("SELECT count(*) FROM ") + table);
    q.next();
    return q.value(0).toLongLong();
}

} // namespace

// Runs twice under CTest: on SQLite files and on a PostgreSQL cluster (LECTERN_TEST_STORE=postgres).
class TestPaperStore : public QObject
{
    Q_OBJECT
    // Run only against the backend they apply to (testkit/backendtestmain.h).
    Q_CLASSINFO("SqliteOnly", "fullDatabaseRefusesTheWholeBatchAndSaysSo")
    Test::StoreBackend m_backend;

private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    // Issue 16.2: the hybrid gate's report keeps what the built-in model expected of its gate (migration
    // 0021) beside the sample's figures, and a report without probabilities keeps none; a later run's
    // report replaces the day's.
    void gateReportKeepsTheModelsExpectedRecall()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        GateReportStore reports(store->database());
        GateReport r;
        r.day = QDate(2026, 11, 23);
        r.model = QStringLiteral("gpt-5");
        r.ranked = 480;
        r.gate = 42;
        r.sample = 18;
        r.llmSeen = 60;
        r.gateRelevant = 20;
        r.sampleRelevant = 1;
        r.sampleJudged = 18;
        r.recall = 0.83;
        r.heldOutRecall = 0.9;
        r.expectedRelevant = 28.2;
        r.expectedRecall = 0.95;
        QVERIFY(reports.save(r).ok());
        auto loaded = reports.load(r.day);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->expectedRelevant, r.expectedRelevant);
        QCOMPARE((*loaded)->expectedRecall, r.expectedRecall);
        QCOMPARE((*loaded)->heldOutRecall, r.heldOutRecall);
        QCOMPARE((*loaded)->recall, r.recall);
        QVERIFY((*loaded)->line().contains(
            QStringLiteral("Recall expected by the built-in model: 0.95 (of the 28.2 selections")));

        r.expectedRelevant.reset();
        r.expectedRecall.reset();
        QVERIFY(reports.save(r).ok());
        loaded = reports.load(r.day);
        QVERIFY(loaded.ok() && loaded->has_value());
        QVERIFY(!(*loaded)->expectedRelevant);
        QVERIFY(!(*loaded)->expectedRecall);
        QVERIFY(!(*loaded)->line().contains(QStringLiteral("expected by the built-in model")));
    }

    // Issue 12.3: whatever the source, the store keeps only well-formed arXiv ids, and a batch holding one
    // that is not is refused whole.
    void invalidIdsAreNotStored()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        for (const QString &bad :
            {QStringLiteral("2611.00002}, note={x"), QStringLiteral("2611.00002\r\nER  - "),
                QStringLiteral("2611.00002v2"), QStringLiteral(""), QStringLiteral("../2611.00002")}) {
            const auto r =
                store->upsertPapers({Test::makePaper(QStringLiteral("2611.00001")), Test::makePaper(bad)});
            QVERIFY2(!r.ok(), qPrintable(bad));
            QVERIFY(r.error().contains(QStringLiteral("invalid arXiv id")));
        }
        const auto day = store->recordsForDay(QDate(2026, 11, 23));
        QVERIFY(day.ok());
        QVERIFY(day->isEmpty());
    }

    void fullDatabaseRefusesTheWholeBatchAndSaysSo()
    {
        if (m_backend.isPostgres())
            QSKIP("SQLite only: PostgreSQL has no per-connection page limit to fill (its disk-full SQLSTATE "
                  "53100 gets the same message, in SqlDialect)");
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        QVERIFY(store->upsertPapers({Test::makePaper(QStringLiteral("2611.00001"))}).ok());

        // No new page may be allocated on this connection (the one that writes): SQLITE_FULL.
        QSqlQuery q(store->database().sql());
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(q.value(0).toInt())));

        QList<Paper> batch;
        for (int i = 2; i < 400; ++i) {
            Paper p = Test::makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QLatin1Char('0')));
            p.abstract = QStringLiteral("An abstract long enough to need pages. ").repeated(30);
            batch << p;
        }
        auto stored = store->upsertPapers(batch);
        QVERIFY(!stored.ok());
        QVERIFY2(stored.error().contains(QStringLiteral("The disk or the database is full")),
            qPrintable(stored.error()));

        PaperState st = *store->state(QStringLiteral("2611.00001"));
        st.note = QStringLiteral("A note that does not fit. ").repeated(1000);
        auto saved = store->saveState(st);
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().contains(QStringLiteral("full")), qPrintable(saved.error()));

        // Nothing of the batch went in; the paper stored before is whole, and the connection still works.
        auto other = openStore(m_backend.storeFor(dir));
        QSqlQuery count(other->database().sql());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM papers")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
        count.finish(); // no read snapshot held past this point
        QCOMPARE(other->state(QStringLiteral("2611.00001"))->note, QString());
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        QVERIFY(store->upsertPapers(batch).ok());
        QVERIFY(store->saveState(st).ok());
        QCOMPARE(other->state(QStringLiteral("2611.00001"))->note, st.note);
    }

    void storingTwiceChangesNothing()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        const Paper p = makePaper(QStringLiteral("2611.00001"));
        QCOMPARE(*store->upsertPaper(p), PaperStore::Upsert::Inserted);
        QSqlQuery q(store->database().sql());
        q.exec(QStringLiteral("SELECT updated_at FROM papers"));
        q.next();
        const QString stamp = q.value(0).toString();
        q.finish();
        QCOMPARE(*store->upsertPaper(p), PaperStore::Upsert::Unchanged);
        QCOMPARE(count(*store, QStringLiteral("papers")), 1);
        QCOMPARE(count(*store, QStringLiteral("listings")), 1);
        q.exec(QStringLiteral("SELECT updated_at FROM papers"));
        q.next();
        QCOMPARE(q.value(0).toString(), stamp);
        const auto back = store->paper(p.arxivId);
        QVERIFY(back.ok() && back->has_value());
        QCOMPARE(**back, p);
    }

    void newVersionKeepsUserState()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        const Paper v1 = makePaper(QStringLiteral("2611.00002"), 1, QDate(2026, 11, 20));
        QVERIFY(store->upsertPaper(v1).ok());
        PaperState st;
        st.arxivId = v1.arxivId;
        st.starred = true;
        st.note = QStringLiteral("Read section 4 again.");
        st.tags = {QStringLiteral("to-read"), QStringLiteral("routing")};
        QVERIFY(store->saveState(st).ok());

        Paper v2 = makePaper(v1.arxivId, 2, QDate(2026, 11, 23), QStringLiteral("replace"));
        v2.title = QStringLiteral("Sparse widget routing, revisited");
        v2.journalRef = QStringLiteral("J. Widgets 12 (2026)");
        QCOMPARE(*store->upsertPaper(v2), PaperStore::Upsert::Updated);

        const auto back = store->paper(v1.arxivId);
        QCOMPARE((*back)->version, 2);
        QCOMPARE((*back)->title, v2.title);
        QCOMPARE((*back)->journalRef, v2.journalRef);
        const auto state = store->state(v1.arxivId);
        QVERIFY(state->starred);
        QCOMPARE(state->note, st.note);
        QCOMPARE(state->tags, (QStringList {QStringLiteral("routing"), QStringLiteral("to-read")}));
        const auto versions = store->previousVersions(v1.arxivId);
        QCOMPARE(versions->size(), 1);
        QCOMPARE(versions->first().version, 1);
        QCOMPARE(versions->first().title, v1.title);
        // Listed on both days.
        QCOMPARE(store->recordsForDay(QDate(2026, 11, 20))->size(), 1);
        QCOMPARE(store->recordsForDay(QDate(2026, 11, 23))->size(), 1);

        // An older version arriving late (a stale feed) does not roll the metadata back.
        QCOMPARE(*store->upsertPaper(v1), PaperStore::Upsert::Unchanged);
        QCOMPARE((*store->paper(v1.arxivId))->version, 2);
    }

    void recordsOverARangeListEachPaperOnce()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        const QDate d1(2026, 11, 18), d2(2026, 11, 19), d3(2026, 11, 20);
        QVERIFY(store->upsertPaper(makePaper(QStringLiteral("2611.00010"), 1, d1)).ok());
        QVERIFY(store->upsertPaper(makePaper(QStringLiteral("2611.00011"), 1, d2)).ok());
        QVERIFY(store->upsertPaper(makePaper(QStringLiteral("2611.00012"), 1, d3)).ok());
        // Replaced two days later: listed on d1 and d3, one row, as of d3.
        QVERIFY(store->upsertPaper(makePaper(QStringLiteral("2611.00010"), 2, d3, QStringLiteral("replace")))
                    .ok());

        const auto all = store->recordsForRange();
        QVERIFY(all.ok());
        QStringList ids;
        for (const PaperRecord &r : *all)
            ids << r.paper.arxivId;
        QCOMPARE(ids,
            (QStringList {
                QStringLiteral("2611.00010"), QStringLiteral("2611.00012"), QStringLiteral("2611.00011")}));
        QCOMPARE(all->first().paper.announced, d3);
        QCOMPARE(all->first().paper.announceType, QStringLiteral("replace"));

        const auto early = store->recordsForRange(d1, d2);
        QCOMPARE(early->size(), 2);
        QCOMPARE(early->first().paper.arxivId, QStringLiteral("2611.00011"));
        QCOMPARE(early->last().paper.announced, d1);
        QCOMPARE(store->recordsForRange(d3)->size(), 2);
        QCOMPARE(store->recordsForRange(QDate(2026, 12, 1))->size(), 0);
    }

    void leanTableRowsHoldWhatTheTableShows()
    {
        // "All days" at 100k papers: the rows the table holds carry no abstract and no details, and
        // otherwise agree with the whole records, paper by paper and in the same order.
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        LibraryGenerator::Options options;
        options.papers = 600;
        QVERIFY(LibraryGenerator(options).write(*store).ok());
        const auto whole = store->recordsForRange();
        const auto lean = store->tableRowsForRange();
        QVERIFY(whole.ok() && lean.ok());
        QCOMPARE(lean->size(), whole->size());
        int withComment = 0;
        for (qsizetype i = 0; i < lean->size(); ++i) {
            const PaperRecord &l = lean->at(i);
            const PaperRecord &w = whole->at(i);
            QCOMPARE(l.paper.arxivId, w.paper.arxivId);
            QVERIFY(l.lean && !w.lean);
            QCOMPARE(l.paper.version, w.paper.version);
            QCOMPARE(l.paper.title, w.paper.title);
            QCOMPARE(QString::fromUtf8(l.authorLines), w.paper.authors.join(u'\n'));
            QVERIFY(l.paper.authors.isEmpty());
            QVERIFY(l.paper.abstract.isEmpty() && !w.paper.abstract.isEmpty());
            QVERIFY(l.paper.comments.isEmpty());
            QCOMPARE(l.paper.categories, w.paper.categories);
            QCOMPARE(l.paper.primaryCategory, w.paper.primaryCategory);
            QCOMPARE(l.paper.announced, w.paper.announced);
            QCOMPARE(l.paper.announceType, w.paper.announceType);
            QCOMPARE(l.state.starred, w.state.starred);
            QCOMPARE(l.state.read, w.state.read);
            QCOMPARE(l.state.dismissed, w.state.dismissed);
            QCOMPARE(l.state.tags, w.state.tags);
            QCOMPARE(l.state.note, w.state.note); // notes are few and short: the note column needs them
            QCOMPARE(l.score.has_value(), w.score.has_value());
            if (w.score) {
                QCOMPARE(l.score->relevance, w.score->relevance);
                QCOMPARE(l.score->novelty, w.score->novelty);
                QCOMPARE(l.score->model, w.score->model);
                QCOMPARE(l.score->verdict(), w.score->verdict());
                withComment += !l.score->comment.isEmpty();
            }
        }
        QVERIFY(withComment > 0); // the unscored keep the comment that says why
        // A range keeps its meaning.
        const QDate last = options.lastDay;
        QCOMPARE(store->tableRowsForRange(last, last)->size(), store->recordsForRange(last, last)->size());
    }

    void rowCursorReadsWhatAQueryReads()
    {
        // The "All days" rows come through the dialect's cursor (SQLite's own statement there): values,
        // NULLs and bound placeholders as QSqlQuery reads them, and a failing query says why.
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        Paper paper = makePaper(QStringLiteral("2611.00001"));
        paper.title = QStringLiteral("Über $\\alpha$-Stabilität, 東京");
        QVERIFY(store->upsertPaper(paper).ok());
        const QString sql =
            QStringLiteral("SELECT arxiv_id, title, version, NULL, ? FROM papers WHERE arxiv_id = ?");
        QSqlDatabase &db = store->database().sql();
        const std::unique_ptr<RowCursor> cursor = store->database().dialect().rowCursor(
            db, sql, {QStringLiteral("x ✓"), QStringLiteral("2611.00001")});
        QVERIFY(cursor->next());
        QCOMPARE(cursor->text(0), QStringLiteral("2611.00001"));
        QCOMPARE(cursor->text(1), paper.title);
        QCOMPARE(cursor->integer(2), qint64(1));
        QVERIFY(cursor->isNull(3) && !cursor->isNull(1));
        QCOMPARE(cursor->text(4), QStringLiteral("x ✓"));
        QVERIFY(!cursor->next());
        QVERIFY(!cursor->error().isValid());

        const std::unique_ptr<RowCursor> broken = store->database().dialect().rowCursor(
            db, QStringLiteral("SELECT no_such_column FROM papers"), {});
        QVERIFY(!broken->next());
        QVERIFY(broken->error().isValid());
        QVERIFY2(broken->error().text().contains(QStringLiteral("no_such_column")),
            qPrintable(broken->error().text()));
    }

    void allDaysJobReadsEachPaperOnce()
    {
        // "All days" on its worker (RecordsLoadJob): the store's lean rows, row for row, with their orders,
        // and a paper listed on two days (a new version announced again) comes once, as of its latest
        // listing.
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        LibraryGenerator::Options options;
        options.papers = 900;
        QVERIFY(LibraryGenerator(options).write(*store).ok());
        const Paper again = (*store->recordsForDay(store->days()->last())).first().paper;
        Paper replaced = again;
        replaced.version += 1;
        replaced.announced = options.lastDay;
        replaced.announceType = QStringLiteral("replace");
        QVERIFY(store->upsertPaper(replaced).ok());

        const auto whole = store->tableRowsForRange();
        QVERIFY(whole.ok());
        QVERIFY(store->days()->size() >= 4);
        RecordsLoadJob job(m_backend.storeFor(dir));
        const JobOutcome outcome = job.execute();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        const PaperTableRows rows = outcome.resultAs<PaperTableRows>();
        QCOMPARE(rows.records.size(), whole->size());
        int listedOnce = 0;
        for (qsizetype i = 0; i < whole->size(); ++i) {
            QCOMPARE(rows.records.at(i).paper.arxivId, whole->at(i).paper.arxivId);
            QCOMPARE(rows.records.at(i).paper.announced, whole->at(i).paper.announced);
            QCOMPARE(rows.records.at(i).rowId, whole->at(i).rowId);
            listedOnce += rows.records.at(i).paper.arxivId == again.arxivId;
        }
        QCOMPARE(listedOnce, 1);
        QCOMPARE(rows.records.first().paper.announced, options.lastDay);
        QCOMPARE(qsizetype(rows.orders.title.size()), whole->size());
        // The category filter's list comes along, gathered on the worker: each category once, sorted,
        // the same as reading every paper's categories one by one.
        QSet<QString> every;
        for (const PaperRecord &r : *whole) {
            for (const QString &c : r.paper.categories)
                every.insert(c);
        }
        QStringList expected(every.cbegin(), every.cend());
        expected.sort();
        QVERIFY(expected.size() > 1);
        QCOMPARE(rows.categories, expected);
    }

    void allDaysReadAgainHandsOverOnlyTheRowsChangedInPlace()
    {
        // Issue 13: every row read again beside the shown ones (after a reconnect) is compared with them,
        // so that only the rows changed, added or gone are held twice: put in place, they make the rows a
        // whole read gives now, and when places or sorted text changed their orders come made for the rows
        // after the change.
        Test::TempProfileDir dir;
        const QString location = m_backend.storeFor(dir);
        auto store = openStore(location);
        LibraryGenerator::Options options;
        options.papers = 600;
        QVERIFY(LibraryGenerator(options).write(*store).ok());
        const auto shownRead = store->tableRowsForRange();
        QVERIFY(shownRead.ok());
        const QList<PaperRecord> shown = *shownRead;
        QVERIFY(shown.size() >= 600);

        auto readAgain = [&location](const QList<PaperRecord> &beside) {
            RecordsLoadJob job(location, beside);
            return job.execute();
        };
        JobOutcome outcome = readAgain(shown);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QVERIFY(outcome.result.metaType() == QMetaType::fromType<PaperRowChanges>());
        QVERIFY(outcome.resultAs<PaperRowChanges>().isEmpty());
        QVERIFY(!outcome.resultAs<PaperRowChanges>().orders);
        QCOMPARE(outcome.resultAs<PaperRowChanges>().read, shown.size());

        // Another client reads one paper, writes a note on a second and scores a third (one without marks).
        const PaperRecord &readOne = shown.at(3);
        const PaperRecord &noted = shown.at(shown.size() / 2);
        auto unscored = std::find_if(shown.cbegin(), shown.cend(),
            [](const PaperRecord &r) { return !r.score || !r.score->isScored(); });
        QVERIFY(unscored != shown.cend());
        QVERIFY(unscored->paper.arxivId != readOne.paper.arxivId &&
            unscored->paper.arxivId != noted.paper.arxivId);
        PaperState s = readOne.state;
        s.read = !s.read;
        QVERIFY(store->saveState(s).ok());
        s = noted.state;
        s.note += QStringLiteral(" (and see the appendix)");
        QVERIFY(store->saveState(s).ok());
        Paper scoredPaper = unscored->paper;
        Score score = Test::makeScore(scoredPaper, 9, 7);
        score.scoredAt = QDateTime::currentDateTimeUtc(); // the paper's latest
        QVERIFY(store->addScore(score).ok());

        outcome = readAgain(shown);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QVERIFY(outcome.result.metaType() == QMetaType::fromType<PaperRowChanges>());
        PaperRowChanges changes = outcome.resultAs<PaperRowChanges>();
        QCOMPARE(changes.changed.size(), 3);
        QVERIFY(changes.added.isEmpty() && changes.removed.isEmpty());
        // Only states and marks: the shown orders and categories hold.
        QVERIFY(!changes.orders && !changes.categories);
        auto now = store->tableRowsForRange();
        QVERIFY(now.ok());
        QString difference = differenceOf(withChanges(shown, changes), *now);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        const auto rowOf = [&now](const QString &id) {
            return *std::find_if(
                now->cbegin(), now->cend(), [&id](const PaperRecord &r) { return r.paper.arxivId == id; });
        };
        QCOMPARE(rowOf(readOne.paper.arxivId).state.read, !readOne.state.read);
        QCOMPARE(rowOf(scoredPaper.arxivId).score->relevance, 9);

        // A tag orders the Tags column: the tagged row comes with the orders of the rows made again.
        s = *store->state(shown.at(7).paper.arxivId);
        s.tags << QStringLiteral("zz-reread");
        QVERIFY(store->saveState(s).ok());
        outcome = readAgain(shown);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QVERIFY(outcome.result.metaType() == QMetaType::fromType<PaperRowChanges>());
        changes = outcome.resultAs<PaperRowChanges>();
        QCOMPARE(changes.changed.size(), 4);
        QVERIFY(changes.orders.has_value());
        now = store->tableRowsForRange();
        QVERIFY(now.ok());
        difference = differenceOf(withChanges(shown, changes), *now);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        PaperTableOrders expected = PaperTableOrders::of(withChanges(shown, changes));
        QCOMPARE(changes.orders->tags, expected.tags);
        QCOMPARE(changes.orders->title, expected.title);

        // Papers added since: a new day on top and one back-filled among older days; and a row shown that
        // is stored no longer (gone). Only those three are handed over, with the orders and categories of
        // the rows after them.
        const QList<PaperRecord> tagged = *now;
        const QDate middle = tagged.at(tagged.size() / 2).paper.announced;
        const QDate next = options.lastDay.addDays(1);
        Paper fresh = Test::makePaper(QStringLiteral("2612.00001"), 1, next);
        fresh.categories = QStringList {QStringLiteral("q-bio.PE")};
        fresh.primaryCategory = fresh.categories.first();
        QVERIFY(store->upsertPapers({fresh, Test::makePaper(QStringLiteral("2612.00002"), 1, middle)}).ok());
        QList<PaperRecord> beside = tagged;
        PaperRecord ghost = tagged.at(10);
        ghost.rowId = std::max_element(tagged.cbegin(), tagged.cend(),
                          [](const auto &a, const auto &b) { return a.rowId < b.rowId; })
                          ->rowId +
            1000;
        ghost.paper.arxivId = QStringLiteral("2601.99999");
        beside.insert(11, ghost);
        outcome = readAgain(beside);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QVERIFY(outcome.result.metaType() == QMetaType::fromType<PaperRowChanges>());
        changes = outcome.resultAs<PaperRowChanges>();
        QCOMPARE(changes.read, tagged.size() + 2);
        QVERIFY(changes.changed.isEmpty());
        QCOMPARE(changes.added.size(), 2);
        // At the end of the rows (the window's list grows in place there; its proxy sorts them).
        QCOMPARE(changes.addedAt, (QList<int> {int(beside.size()), int(beside.size())}));
        QCOMPARE(changes.added.first().paper.arxivId, fresh.arxivId);
        QCOMPARE(changes.removed, QList<int> {11});
        QCOMPARE(changes.removedRowIds, QList<qint64> {ghost.rowId});
        now = store->tableRowsForRange();
        QVERIFY(now.ok());
        difference = differenceOf(withChanges(beside, changes), *now);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY(changes.orders.has_value() && changes.categories.has_value());
        expected = PaperTableOrders::of(withChanges(beside, changes));
        QCOMPARE(changes.orders->id, expected.id);
        QCOMPARE(changes.orders->title, expected.title);
        QCOMPARE(changes.orders->authors, expected.authors);
        QCOMPARE(changes.orders->category, expected.category);
        QCOMPARE(changes.orders->announceType, expected.announceType);
        QCOMPARE(changes.orders->tags, expected.tags);
        QCOMPARE(*changes.categories, PaperTableRows::categoriesOf(*now));
        QVERIFY(changes.categories->contains(QStringLiteral("q-bio.PE")));

        // Only the changed days read again (another client's notices name them): the same two rows added,
        // from only those days' rows.
        RecordsLoadJob days(location, tagged, {next, middle});
        outcome = days.execute();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QVERIFY(outcome.result.metaType() == QMetaType::fromType<PaperRowChanges>());
        changes = outcome.resultAs<PaperRowChanges>();
        QVERIFY(changes.read < tagged.size() / 2);
        QCOMPARE(changes.added.size(), 2);
        QVERIFY(changes.changed.isEmpty() && changes.removed.isEmpty());
        difference = differenceOf(withChanges(tagged, changes), *now);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QCOMPARE(changes.orders->title, PaperTableOrders::of(withChanges(tagged, changes)).title);

        // Rows that are not the store's (no row id) cannot be matched: a whole read.
        QList<PaperRecord> unmatched = *now;
        unmatched[0].rowId = 0;
        outcome = readAgain(unmatched);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QVERIFY(outcome.result.metaType() == QMetaType::fromType<PaperTableRows>());
        QCOMPARE(outcome.resultAs<PaperTableRows>().records.size(), now->size());
    }

    void optimizingTheSearchIndexMergesItsSegments()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir.databasePath());
        LibraryGenerator::Options options;
        options.papers = 500;
        options.papersPerDay = 50; // ten transactions: ten segments
        QVERIFY(LibraryGenerator(options).write(*store).ok());
        const QString db = dir.databasePath();
        const QString rows = QStringLiteral("SELECT count(*) FROM papers_fts_data");
        const int before = Test::scalar(db, rows).toInt();
        const auto found = store->search(QStringLiteral("learn"), -1);
        QVERIFY(found.ok() && !found->isEmpty());
        QVERIFY(store->optimizeSearchIndex().ok());
        const int after = Test::scalar(db, rows).toInt();
        QVERIFY2(after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(*store->search(QStringLiteral("learn"), -1), *found); // the same answers
    }

    void strongestAnnounceTypeWins()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        const QDate day(2026, 11, 23);
        QVERIFY(store->upsertPaper(makePaper(QStringLiteral("2611.00003"), 1, day, QStringLiteral("cross")))
                    .ok());
        QVERIFY(
            store->upsertPaper(makePaper(QStringLiteral("2611.00003"), 1, day, QStringLiteral("new"))).ok());
        QVERIFY(store->upsertPaper(makePaper(QStringLiteral("2611.00003"), 1, day, QStringLiteral("cross")))
                    .ok());
        const auto rows = store->recordsForDay(day);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().paper.announceType, QStringLiteral("new"));
    }

    void unicodeAndTexRoundTrip()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        Paper p = makePaper(QStringLiteral("hep-th/9901001"));
        p.title = QStringLiteral("$\\mu$P scaling of Schr\\\"odinger operators: 量子 & émigré ≤ ∞ 🚀");
        p.authors = {QStringLiteral("Jos\\'e D\\'iaz"), QStringLiteral("Zoë Ångström"),
            QStringLiteral("李雷 (北京, 中国)")};
        p.abstract =
            QStringLiteral("We prove $\\sum_{i=1}^n x_i^2 \\le \\epsilon$ with\nline breaks\tand tabs, "
                           "plus <b>html</b> & 'quotes' \"double\".");
        QVERIFY(store->upsertPaper(p).ok());
        QCOMPARE(**store->paper(p.arxivId), p);
    }

    void fullTextSearch()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        Paper a = makePaper(QStringLiteral("2611.00010"));
        a.title = QStringLiteral("Diffusion models for protein folding");
        Paper b = makePaper(QStringLiteral("2611.00011"));
        b.abstract = QStringLiteral("A transformer that predicts protein structure.");
        b.authors = {QStringLiteral("Ana Müller")};
        Paper c = makePaper(QStringLiteral("2611.00012"));
        QVERIFY(store->upsertPapers({a, b, c}).ok());

        QCOMPARE(*store->search(QStringLiteral("protein")),
            (QStringList {QStringLiteral("2611.00010"), QStringLiteral("2611.00011")})); // title ranks first
        QCOMPARE(*store->search(QStringLiteral("Muller")),
            QStringList {QStringLiteral("2611.00011")}); // diacritics
        QCOMPARE(
            *store->search(QStringLiteral("diffus")), QStringList {QStringLiteral("2611.00010")}); // prefix
        QCOMPARE(store->search(QStringLiteral("protein folding"))->size(), 1); // all words must match
        // Notes are searchable and follow edits.
        PaperState st;
        st.arxivId = c.arxivId;
        st.note = QStringLiteral("compare with the kangaroo baseline");
        QVERIFY(store->saveState(st).ok());
        QCOMPARE(*store->search(QStringLiteral("kangaroo")), QStringList {c.arxivId});
        st.note = QStringLiteral("nothing");
        QVERIFY(store->saveState(st).ok());
        QVERIFY(store->search(QStringLiteral("kangaroo"))->isEmpty());
        // User text is never FTS syntax.
        for (const QString &hostile : {QStringLiteral("\"unbalanced"), QStringLiteral("a AND OR NOT"),
                 QStringLiteral("title:x -y *"), QStringLiteral("NEAR(a b)")})
            QVERIFY2(store->search(hostile).ok(), qPrintable(hostile));
        QVERIFY(store->search(QStringLiteral("  "))->isEmpty());
    }

    void searchBoxMatchesRowsOfTheTable()
    {
        // The window's search box: every match, as the rows the table's records carry, whatever the
        // ranking.
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        const QDate day(2026, 11, 3);
        QList<Paper> papers;
        for (int i = 0; i < 30; ++i) {
            Paper p = makePaper(QStringLiteral("2611.%1").arg(100 + i, 5, 10, QChar(u'0')));
            p.title = i % 3 == 0 ? QStringLiteral("Wombat burrows, paper %1").arg(i)
                                 : QStringLiteral("Other %1").arg(i);
            p.announced = day;
            papers << p;
        }
        QVERIFY(store->upsertPapers(papers).ok());
        // Notes count too: a word of the note only, and words split between the paper's text and its note.
        for (const auto &[index, note] : {std::pair {1, QStringLiteral("kangaroo hops")},
                 std::pair {3, QStringLiteral("a kangaroo too")}, std::pair {4, QStringLiteral("")}}) {
            PaperState st;
            st.arxivId = papers.at(index).arxivId;
            st.note = note;
            QVERIFY(store->saveState(st).ok());
        }
        auto rows = store->tableRowsForRange();
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 30);
        QHash<qint64, QString> idOfRow;
        for (const PaperRecord &r : *rows) {
            QVERIFY(r.rowId > 0);
            idOfRow.insert(r.rowId, r.paper.arxivId);
        }
        QCOMPARE(idOfRow.size(), 30); // distinct
        const auto day1 = store->recordsForDay(day);
        QVERIFY(day1.ok());
        for (const PaperRecord &r : *day1)
            QCOMPARE(idOfRow.value(r.rowId), r.paper.arxivId);
        for (const QString &text : {QStringLiteral("wombat"), QStringLiteral("womb bur"), QStringLiteral("o"),
                 QStringLiteral("kang"), QStringLiteral("wombat kangaroo"),
                 QStringLiteral("other kangaroo hops")}) {
            auto matched = store->matchingRows(text);
            QVERIFY2(matched.ok(), qPrintable(matched.error()));
            QStringList ids;
            for (qint64 row : *matched)
                ids << idOfRow.value(row);
            ids.sort();
            QStringList expected = *store->search(text, -1);
            expected.sort();
            QCOMPARE(ids, expected);
        }
        QCOMPARE(store->matchingRows(QStringLiteral("wombat"))->size(), 10);
        // Paper 3 (a wombat title) by its title and note together; paper 1 by its note; paper 4's empty
        // note matches nothing.
        QCOMPARE(store->matchingRows(QStringLiteral("wombat kangaroo"))->size(), 1);
        QCOMPARE(store->matchingRows(QStringLiteral("kangaroo"))->size(), 2);
        QCOMPARE(store->matchingRows(QStringLiteral("other hops"))->size(), 1);
        QVERIFY(store->matchingRows(QStringLiteral(" ,, "))->isEmpty());
        QVERIFY(store->matchingRows(QStringLiteral("\"unbalanced NEAR(a b) -y *")).ok());
    }

    void scoresKeepHistory()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        const Paper p = makePaper(QStringLiteral("2611.00020"));
        QVERIFY(store->upsertPaper(p).ok());
        Score s1 = makeScore(p, 6, 5, QStringLiteral("promptA"));
        QVERIFY(store->addScore(s1).ok());
        Score s2 = makeScore(p, 9, 8, QStringLiteral("promptB"));
        s2.scoredAt = s1.scoredAt.addSecs(60);
        QVERIFY(store->addScore(s2).ok());
        // Same key again replaces, never duplicates.
        s2.comment = QStringLiteral("re-run");
        QVERIFY(store->addScore(s2).ok());
        const auto history = store->scoreHistory(p.arxivId);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).promptHash, QStringLiteral("promptA"));
        QCOMPARE(history->at(1).comment, QStringLiteral("re-run"));
        const auto rec = store->record(p.arxivId);
        QCOMPARE(*(*rec)->score->relevance, 9);

        // Unscored stays unscored.
        Score none = makeScore(p, 1, 1, QStringLiteral("promptC"));
        none.relevance.reset();
        none.novelty.reset();
        none.scoredAt = s2.scoredAt.addSecs(60);
        QVERIFY(store->addScore(none).ok());
        QVERIFY(!(*store->record(p.arxivId))->score->isScored());

        Score bad = makeScore(p, 11, 5, QStringLiteral("promptD"));
        const auto r = store->addScore(bad);
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QStringLiteral("out of range")));
    }

    void dayRuns()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        DayRun run;
        run.date = QDate(2026, 11, 23);
        run.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")};
        run.totalArxiv = 1350;
        run.totalScanned = 866;
        run.totalRelevant = 70;
        run.promptTokens = 120000;
        run.completionTokens = 90000;
        run.cost = 1.05;
        run.model = QStringLiteral("gpt-5");
        run.promptText = QStringLiteral("## Instructions\nScore each paper.");
        run.complete = false;
        run.statusNote = QStringLiteral("cs.AI failed");
        QVERIFY(store->saveDayRun(run).ok());
        const auto back = store->dayRun(run.date);
        QVERIFY(back->has_value());
        QCOMPARE((*back)->totalArxiv, 1350);
        QCOMPARE((*back)->categories, run.categories);
        QCOMPARE((*back)->promptText, run.promptText);
        QVERIFY(!(*back)->complete);
        QCOMPARE((*back)->statusNote, run.statusNote);
        const auto days = store->daySummaries();
        QCOMPARE(days->size(), 1);
        QVERIFY(!days->first().complete);
    }

    void upsertManyIsAllOrNothing()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        Paper bad = makePaper(QString());
        const auto r = store->upsertPapers({makePaper(QStringLiteral("2611.00030")), bad});
        QVERIFY(!r.ok());
        QCOMPARE(count(*store, QStringLiteral("papers")), 0);
    }

    void readerThreadWhileWriterCommits()
    {
        Test::TempProfileDir dir;
        const QString path = m_backend.storeFor(dir);
        openStore(path); // create and migrate first
        constexpr int batches = 40;
        constexpr int perBatch = 25;
        std::atomic_bool writerDone {false};
        QString writerError;
        QString readerError;
        int reads = 0;

        QThread *writer = QThread::create([&] {
            auto store = openStore(path);
            for (int b = 0; b < batches; ++b) {
                QList<Paper> papers;
                for (int i = 0; i < perBatch; ++i)
                    papers << makePaper(
                        QStringLiteral("2611.%1").arg(b * perBatch + i, 5, 10, QLatin1Char('0')));
                if (auto r = store->upsertPapers(papers); !r) {
                    writerError = r.error();
                    break;
                }
            }
            writerDone = true;
        });
        QThread *reader = QThread::create([&] {
            auto store = openStore(path);
            qint64 last = 0;
            while (!writerDone) {
                const auto rows = store->recordsForDay(QDate(2026, 11, 23));
                if (!rows) {
                    readerError = rows.error();
                    return;
                }
                // Whole transactions only: always a multiple of the batch, never going back.
                if (rows->size() % perBatch != 0 || rows->size() < last) {
                    readerError = QStringLiteral("saw %1 rows after %2").arg(rows->size()).arg(last);
                    return;
                }
                last = rows->size();
                ++reads;
            }
        });
        writer->start();
        reader->start();
        QVERIFY(writer->wait(60000));
        QVERIFY(reader->wait(60000));
        delete writer;
        delete reader;
        QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QVERIFY(reads > 0);
        auto store = openStore(path);
        QCOMPARE(store->recordsForDay(QDate(2026, 11, 23))->size(), batches * perBatch);
    }

    void stats()
    {
        Test::TempProfileDir dir;
        auto store = openStore(m_backend.storeFor(dir));
        const Paper p = makePaper(QStringLiteral("2611.00040"));
        QVERIFY(store->upsertPaper(p).ok());
        QVERIFY(store->addScore(makeScore(p, 7, 7)).ok());
        PaperState st;
        st.arxivId = p.arxivId;
        st.starred = true;
        st.note = QStringLiteral("n");
        QVERIFY(store->saveState(st).ok());
        const auto s = store->stats();
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s->papers, 1);
        QCOMPARE(s->days, 1);
        QCOMPARE(s->scores, 1);
        QCOMPARE(s->starred, 1);
        QCOMPARE(s->notes, 1);
        QCOMPARE(*s->lastDay, QDate(2026, 11, 23));
    }
};

LECTERN_STORE_TEST_GUILESS_MAIN(TestPaperStore)
#include "test_paperstore.moc"
