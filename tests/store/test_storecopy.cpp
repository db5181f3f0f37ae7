// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14.6, moving in and out: a personal SQLite library, filled through the store API, copied into a
// lab's database on a throwaway PostgreSQL server as one member (StoreCopyJob), checked through the store
// API as that member, copied again (nothing twice), merged with what the lab and the member had, cut short
// and resumed, and copied back into a fresh SQLite file that holds the same content.
#include "domain/arxivid.h"
#include "library/libraryreference.h"
#include "scoring/hybridgate.h"
#include "store/gatereportstore.h"
#include "store/librarystore.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"
#include "store/storecopyjob.h"

#include <testkit/fixtures.h>
#include <testkit/postgrescluster.h>
#include <testkit/profilebuilder.h>

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Lectern;

namespace {

const QDate kDay1(2026, 11, 23);
const QDate kDay2(2026, 11, 24);

std::unique_ptr<PaperStore> open(const StoreLocation &location)
{
    auto opened = PaperStore::open(location.toString());
    if (!opened) {
        qWarning() << "cannot open" << location.toString() << ":" << opened.error();
        return nullptr;
    }
    return std::move(opened).value();
}

PaperState state(const QString &id, bool starred, bool read, bool dismissed, const QString &note,
    const QStringList &tags = {})
{
    PaperState s;
    s.arxivId = id;
    s.starred = starred;
    s.read = read;
    s.dismissed = dismissed;
    s.note = note;
    s.tags = tags;
    return s;
}

/// A library with every kind of content: 7 papers over two days (one with an earlier version), scores of
/// two models (one paper unscored with a failure), both day runs, stars, read marks, a dismissal, tags and
/// notes, an imported library (an arXiv paper and a reference kept as text), a hybrid gate's report and
/// papers, a collected provider batch and one still waiting.
bool populate(PaperStore &store)
{
    QList<Paper> papers = Test::numberedPapers(6, kDay1);
    papers << Test::makePaper(QStringLiteral("2611.00001"), 2, kDay2, QStringLiteral("replace"));
    papers << Test::makePaper(QStringLiteral("2611.00007"), 1, kDay2);
    for (const Paper &p : std::as_const(papers)) {
        if (!store.upsertPaper(p))
            return false;
    }
    const Paper v2 = Test::makePaper(QStringLiteral("2611.00001"), 2);
    QList<Score> scores {Test::makeScore(v2, 9, 7), Test::makeScore(v2, 8, 8, QStringLiteral("p2")),
        Test::makeScore(papers.at(1), 3, 2)};
    Score failed = Test::makeScore(papers.at(2), 1, 1);
    failed.relevance.reset();
    failed.novelty.reset();
    failed.comment = QStringLiteral("Scoring failed: the reply named no such paper");
    scores << failed;
    if (!store.addScores(scores))
        return false;
    for (const QDate &day : {kDay1, kDay2}) {
        DayRun run;
        run.date = day;
        run.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")};
        run.totalArxiv = 40 + day.day();
        run.totalScanned = 30;
        run.totalRelevant = 2;
        run.promptTokens = 1200;
        run.completionTokens = 300;
        run.cost = 0.25;
        run.model = QStringLiteral("test-model");
        run.promptText = QStringLiteral("The prompt of %1").arg(day.toString(Qt::ISODate));
        if (!store.saveDayRun(run))
            return false;
    }
    for (const PaperState &s :
        {state(QStringLiteral("2611.00001"), true, true, false, QStringLiteral("home note on kv caches"),
             {QStringLiteral("kv"), QStringLiteral("imported")}),
            state(QStringLiteral("2611.00002"), false, true, false, {}),
            state(QStringLiteral("2611.00003"), false, false, true, {}, {QStringLiteral("meh")}),
            state(QStringLiteral("2611.00004"), false, false, false, QStringLiteral("read later"))}) {
        if (!store.saveState(s))
            return false;
    }
    LibraryStore library(store.database());
    LibraryReference arxiv;
    arxiv.arxivId = ArxivId::parse(QStringLiteral("2611.00001"));
    arxiv.title = QStringLiteral("Synthetic study 2611.00001 of sparse widget routing");
    LibraryReference book;
    book.title = QStringLiteral("A Book About Widgets");
    book.authors = {QStringLiteral("Cy Author")};
    book.year = 2019;
    if (!library.add(arxiv, QStringLiteral("mine.bib")) || !library.add(book, QStringLiteral("mine.bib")))
        return false;
    GateReportStore gates(store.database());
    GateReport report;
    report.day = kDay1;
    report.model = QStringLiteral("test-model");
    report.ranked = 6;
    report.gate = 2;
    report.sample = 1;
    report.recall = 0.9;
    GateMembers members;
    members.ranked = {
        QStringLiteral("2611.00001"), QStringLiteral("2611.00002"), QStringLiteral("2611.00003")};
    members.gate = {QStringLiteral("2611.00001"), QStringLiteral("2611.00002")};
    members.sample = {QStringLiteral("2611.00003")};
    if (!gates.save(report) || !gates.saveMembers(kDay1, members))
        return false;
    ProviderBatchStore batches(store.database());
    for (const QString &id : {QStringLiteral("batch_done"), QStringLiteral("batch_waiting")}) {
        ProviderBatch b;
        b.batchId = id;
        b.provider = QStringLiteral("openai");
        b.model = QStringLiteral("gpt-5");
        b.day = kDay1;
        b.promptHash = QStringLiteral("p1");
        b.promptText = QStringLiteral("prompt");
        b.submittedAt = QDateTime(kDay1, QTime(7, 0), QTimeZone::UTC);
        b.requests[QStringLiteral("req-1")] = {
            {QStringLiteral("2611.00005"), 1}, {QStringLiteral("2611.00006"), 1}};
        if (!batches.add(b))
            return false;
        if (id == u"batch_done" &&
            !batches.finish(b.rowId, QStringLiteral("collected"), QStringLiteral("2 scored")))
            return false;
    }
    return true;
}

/// Everything the store API shows of a library, one line per fact, for comparing two stores.
QStringList contentOf(PaperStore &store)
{
    QStringList lines;
    const auto days = store.days();
    if (!days)
        return {QStringLiteral("error: ") + days.error()};
    for (const QDate &day : *days) {
        const auto run = store.dayRun(day);
        if (run && run->has_value()) {
            const DayRun &r = **run;
            lines << QStringLiteral("day %1 run: %2 %3/%4/%5 tokens %6+%7 cost %8 %9 [%10] %11 %12 %13")
                         .arg(day.toString(Qt::ISODate), r.categories.join(u' '))
                         .arg(r.totalArxiv)
                         .arg(r.totalScanned)
                         .arg(r.totalRelevant)
                         .arg(r.promptTokens)
                         .arg(r.completionTokens)
                         .arg(r.cost)
                         .arg(r.model, r.promptText, r.source)
                         .arg(r.complete)
                         .arg(r.statusNote);
        }
        const auto records = store.recordsForDay(day);
        for (const PaperRecord &rec : records.value())
            lines << QStringLiteral("day %1 lists %2 (%3)")
                         .arg(day.toString(Qt::ISODate), rec.paper.arxivId, rec.paper.announceType);
        GateReportStore gates(store.database());
        if (const auto report = gates.load(day); report && report->has_value())
            lines << QStringLiteral("day %1 gate: %2").arg(day.toString(Qt::ISODate), (*report)->line());
        if (const auto members = gates.loadMembers(day); members && members->has_value()) {
            QStringList gate((*members)->gate.cbegin(), (*members)->gate.cend());
            gate.sort();
            lines << QStringLiteral("day %1 gate ranked %2, gate %3")
                         .arg(day.toString(Qt::ISODate), (*members)->ranked.join(u','), gate.join(u','));
        }
        ProviderBatchStore batches(store.database());
        const auto dayBatches = batches.forDay(day);
        for (const ProviderBatch &b : dayBatches.value()) {
            if (b.state == u"submitted")
                continue; // waiting batches stay with the store that sent them
            QStringList requests;
            for (const auto &[custom, refs] : b.requests) {
                for (const BatchPaperRef &ref : refs)
                    requests << QStringLiteral("%1:%2v%3").arg(custom, ref.arxivId).arg(ref.version);
            }
            lines << QStringLiteral("batch %1 %2 %3 %4 %5 %6: %7")
                         .arg(b.batchId, b.provider, b.model, b.state, b.note,
                             b.submittedAt.toString(Qt::ISODate), requests.join(u' '));
        }
    }
    const auto all = store.recordsForRange();
    for (const PaperRecord &rec : all.value()) {
        const QString id = rec.paper.arxivId;
        const auto paper = store.paper(id);
        const Paper &p = paper.value().value();
        lines << QStringLiteral("paper %1 v%2: %3 | %4 | %5 | %6 | %7 | %8 %9 %10")
                     .arg(id)
                     .arg(p.version)
                     .arg(p.title, p.authors.join(u';'), p.abstract, p.categories.join(u' '),
                         p.primaryCategory, p.comments, p.journalRef, p.doi);
        const auto versions = store.previousVersions(id);
        for (const Paper &old : versions.value())
            lines << QStringLiteral("paper %1 earlier v%2: %3").arg(id).arg(old.version).arg(old.title);
        const auto scores = store.scoreHistory(id);
        for (const Score &s : scores.value())
            lines << QStringLiteral("score %1 v%2 %3/%4 %5 %6 %7 tokens %8+%9 cost %10 at %11")
                         .arg(id)
                         .arg(s.version)
                         .arg(s.relevance ? QString::number(*s.relevance) : QStringLiteral("-"),
                             s.novelty ? QString::number(*s.novelty) : QStringLiteral("-"), s.comment,
                             s.model, s.promptHash)
                         .arg(s.promptTokens)
                         .arg(s.completionTokens)
                         .arg(s.cost)
                         .arg(s.scoredAt.toString(Qt::ISODateWithMs));
        const PaperState st = store.state(id).value();
        if (!st.isDefault())
            lines << QStringLiteral("state %1: star %2 read %3 dismissed %4 tags %5 note %6")
                         .arg(id)
                         .arg(st.starred)
                         .arg(st.read)
                         .arg(st.dismissed)
                         .arg(st.tags.join(u','), st.note);
    }
    LibraryStore library(store.database());
    const auto items = library.items();
    for (const LibraryItem &item : items.value())
        lines << QStringLiteral("library %1: %2 %3 %4 %5 %6 %7")
                     .arg(item.key, item.arxivId, item.title, item.authors.join(u';'))
                     .arg(item.year)
                     .arg(item.source, item.importedAt.toString(Qt::ISODateWithMs));
    // Compared as a set of facts: stores may list ties in another order.
    lines.sort();
    return lines;
}

JobOutcome copy(const StoreLocation &from, const StoreLocation &to, int chunkSize = 3)
{
    StoreCopyJob job(from, to, chunkSize);
    return job.execute();
}

StoreCopySummary::Tally tallyOf(const JobOutcome &outcome, StoreCopySummary::Kind kind)
{
    return outcome.resultAs<StoreCopySummary>().tally.at(kind);
}

} // namespace

class TestStoreCopy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_cluster.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    void init()
    {
        // Each function its own library and its own lab database, with alice allowed to write the shared
        // tables (a member who moves her library in, README "Moving in and out"); bob only triages.
        m_dir = std::make_unique<Test::TempProfileDir>();
        m_home = StoreLocation::sqliteFile(m_dir->databasePath());
        auto home = open(m_home);
        QVERIFY(home);
        QVERIFY(populate(*home));
        auto lab = m_cluster.createLabDatabase();
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        m_lab = *lab;
        auto admin = Database::open(m_lab);
        QVERIFY2(admin.ok(), qPrintable(admin.error()));
        for (const char *sql : {"GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO alice",
                 "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO alice"}) {
            QSqlQuery q(admin.value()->sql());
            QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
        }
        m_alice = Test::PostgresCluster::forRole(m_lab, QStringLiteral("alice"));
        m_bob = Test::PostgresCluster::forRole(m_lab, QStringLiteral("bob"));
    }

    void copiesEveryKindIntoTheLabAsTheMember()
    {
        StoreCopyJob job(m_home, m_alice, 3);
        QList<JobProgress> progress;
        connect(&job, &Job::progress, this, [&](const JobProgress &p) { progress << p; });
        const JobOutcome outcome = job.execute();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        const auto summary = outcome.resultAs<StoreCopySummary>();
        QVERIFY(summary.complete);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Papers).copied, 7);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::EarlierVersions).copied, 1);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Listings).copied, 8);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::DayRuns).copied, 2);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Scores).copied, 4);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::GateReports).copied, 1);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::GateMembers).copied, 3);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::ProviderBatches).copied, 1);
        QCOMPARE(summary.openBatchesLeft, 1);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::LibraryItems).copied, 2);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Stars).copied, 1);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::ReadMarks).copied, 2);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Dismissals).copied, 1);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Tags).copied, 3);
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Notes).copied, 2);
        QVERIFY2(outcome.message.contains(QStringLiteral("stars:")), qPrintable(outcome.message));
        QVERIFY2(
            outcome.message.contains(QStringLiteral("lectern batch collect")), qPrintable(outcome.message));
        // Three chunks of at most three papers, each reported, the work done never going back.
        int chunks = 0;
        for (qsizetype i = 0; i < progress.size(); ++i) {
            if (progress.at(i).message.startsWith(u"papers copied"))
                ++chunks;
            if (i > 0)
                QVERIFY(progress.at(i).done >= progress.at(i - 1).done);
        }
        QCOMPARE(chunks, 3);
        QCOMPARE(progress.last().done, progress.last().total);

        auto home = open(m_home);
        auto alice = open(m_alice);
        auto bob = open(m_bob);
        QVERIFY(home && alice && bob);
        const QStringList expected = contentOf(*home);
        QVERIFY(expected.size() > 30);
        QCOMPARE(contentOf(*alice), expected);
        // The search index covers the copied papers and alice's note, on the server's own search.
        QCOMPARE(*alice->search(QStringLiteral("caches")), QStringList {QStringLiteral("2611.00001")});
        QCOMPARE(alice->search(QStringLiteral("routing"))->size(), 7);
        // Bob shares the papers and scores, and none of alice's state.
        QCOMPARE(bob->recordsForRange()->size(), 7);
        QCOMPARE(bob->scoreHistory(QStringLiteral("2611.00001"))->size(), 2);
        // The scores alice moved in are of her prompts (schema 20): she sees them as at home; Bob, whose
        // prompts they are not (nor the lab's), does not.
        const auto atHome = home->record(QStringLiteral("2611.00001"));
        const auto hers = alice->record(QStringLiteral("2611.00001"));
        QVERIFY(atHome.ok() && atHome->has_value() && (*atHome)->score);
        QVERIFY(hers.ok() && hers->has_value() && (*hers)->score);
        QCOMPARE((*hers)->score->relevance, (*atHome)->score->relevance);
        QCOMPARE((*hers)->score->promptHash, (*atHome)->score->promptHash);
        const auto his = bob->record(QStringLiteral("2611.00001"));
        QVERIFY(his.ok() && his->has_value());
        QVERIFY(!(*his)->score);
        QVERIFY(bob->state(QStringLiteral("2611.00001"))->isDefault());
        QCOMPARE(*bob->allTags(), QStringList());
    }

    void runningAgainCopiesNothingTwiceAndLeavesTheOtherMemberAlone()
    {
        QVERIFY(copy(m_home, m_alice).ok());
        {
            auto bob = open(m_bob);
            QVERIFY(bob);
            QVERIFY(bob->saveState(state(QStringLiteral("2611.00002"), true, false, false,
                                       QStringLiteral("bob's own"), {QStringLiteral("bob")}))
                        .ok());
        }
        auto counts = [this] {
            QStringList n;
            for (const char *table : {"papers", "paper_versions", "listings", "day_runs", "scores",
                     "gate_reports", "gate_members", "provider_batches", "provider_batch_papers",
                     "library_items", "paper_state", "paper_tags"}) {
                // As the superuser: every member's rows.
                n << QStringLiteral("%1 %2").arg(QString::fromLatin1(table),
                    Test::scalar(Test::PostgresCluster::forRole(m_lab, QStringLiteral("postgres")).toString(),
                        QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)))
                        .toString());
            }
            return n;
        };
        const QStringList before = counts();
        const JobOutcome again = copy(m_home, m_alice);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(counts(), before);
        const auto summary = again.resultAs<StoreCopySummary>();
        for (int k = 0; k < StoreCopySummary::KindCount; ++k)
            QVERIFY2(summary.tally.at(k).copied == 0,
                qPrintable(StoreCopySummary::kindName(StoreCopySummary::Kind(k))));
        QCOMPARE(tallyOf(again, StoreCopySummary::Papers).alreadyThere, 7);
        QCOMPARE(tallyOf(again, StoreCopySummary::Scores).alreadyThere, 4);
        QCOMPARE(tallyOf(again, StoreCopySummary::Stars).alreadyThere, 1);
        QCOMPARE(tallyOf(again, StoreCopySummary::Notes).alreadyThere, 2);
        QCOMPARE(tallyOf(again, StoreCopySummary::Tags).alreadyThere, 3);
        QVERIFY2(
            again.message.contains(QRegularExpression(QStringLiteral("papers: +0 copied, 7 already there"))),
            qPrintable(again.message));

        auto bob = open(m_bob);
        QVERIFY(bob);
        const PaperState mine = bob->state(QStringLiteral("2611.00002")).value();
        QVERIFY(mine.starred && !mine.read);
        QCOMPARE(mine.note, QStringLiteral("bob's own"));
        QCOMPARE(mine.tags, QStringList {QStringLiteral("bob")});
        QVERIFY(bob->state(QStringLiteral("2611.00001"))->isDefault());
        auto alice = open(m_alice);
        QVERIFY(alice);
        const PaperState hers = alice->state(QStringLiteral("2611.00002")).value();
        QVERIFY(!hers.starred && hers.read && hers.note.isEmpty());
    }

    void theLabKeepsNewerPapersAndPrivateStateMerges()
    {
        {
            // The lab has 2611.00001 at version 3, and alice triaged it and 2611.00004 there already.
            auto admin = open(m_lab);
            QVERIFY(admin);
            QVERIFY(admin->upsertPaper(Test::makePaper(QStringLiteral("2611.00001"), 3, kDay2)).ok());
            QVERIFY(admin->upsertPaper(Test::makePaper(QStringLiteral("2611.00004"))).ok());
            auto alice = open(m_alice);
            QVERIFY(alice);
            QVERIFY(alice
                        ->saveState(state(QStringLiteral("2611.00001"), false, false, true,
                            QStringLiteral("lab note: compare with the baseline"), {QStringLiteral("lab")}))
                        .ok());
            QVERIFY(alice
                        ->saveState(state(QStringLiteral("2611.00004"), false, false, false,
                            QStringLiteral("read later, then cite it")))
                        .ok());
        }
        const JobOutcome outcome = copy(m_home, m_alice);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        const auto summary = outcome.resultAs<StoreCopySummary>();
        QCOMPARE(summary.joinedNotes, QStringList {QStringLiteral("2611.00001")});
        QVERIFY2(outcome.message.contains(QStringLiteral("joined")), qPrintable(outcome.message));

        auto alice = open(m_alice);
        QVERIFY(alice);
        // The lab's newer version stays; the library's version 2 (and its version 1) join the history.
        QCOMPARE(alice->paper(QStringLiteral("2611.00001"))->value().version, 3);
        QList<int> history;
        const auto versions = alice->previousVersions(QStringLiteral("2611.00001"));
        for (const Paper &p : versions.value())
            history << p.version;
        QCOMPARE(history, (QList<int> {1, 2}));
        // Marks set on either side stay set; tags are the union; both notes are kept, the newer (the lab's)
        // first.
        const PaperState merged = alice->state(QStringLiteral("2611.00001")).value();
        QVERIFY(merged.starred && merged.read && merged.dismissed);
        QCOMPARE(merged.tags,
            (QStringList {QStringLiteral("imported"), QStringLiteral("kv"), QStringLiteral("lab")}));
        QCOMPARE(merged.note,
            QStringLiteral("lab note: compare with the baseline") + StoreCopy::NoteSeparator +
                QStringLiteral("home note on kv caches"));
        // A note that already holds the library's text is left as it is.
        QCOMPARE(
            alice->state(QStringLiteral("2611.00004"))->note, QStringLiteral("read later, then cite it"));

        // Again: nothing joins twice.
        const JobOutcome again = copy(m_home, m_alice);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QVERIFY(again.resultAs<StoreCopySummary>().joinedNotes.isEmpty());
        QCOMPARE(alice->state(QStringLiteral("2611.00001"))->note, merged.note);
        QCOMPARE(tallyOf(again, StoreCopySummary::Notes).copied, 0);
    }

    void aCopyStoppedBetweenChunksResumes()
    {
        StoreCopyJob job(m_home, m_alice, 3);
        connect(&job, &Job::progress, this, [&](const JobProgress &p) {
            if (p.message.startsWith(u"papers copied"))
                job.cancel(); // as Ctrl+C does: after the first chunk
        });
        const JobOutcome stopped = job.execute();
        QVERIFY(stopped.cancelled());
        const auto partial = stopped.resultAs<StoreCopySummary>();
        QVERIFY(!partial.complete);
        QCOMPARE(partial.tally.at(StoreCopySummary::Papers).copied, 3);
        QVERIFY(partial.report().contains(QStringLiteral("run the same copy again")));
        {
            // Whole chunks: the first three papers with their scores and state, nothing of the others.
            auto alice = open(m_alice);
            QVERIFY(alice);
            QCOMPARE(alice->recordsForRange()->size(), 3);
            QVERIFY(alice->state(QStringLiteral("2611.00001"))->starred);
            QCOMPARE(alice->scoreHistory(QStringLiteral("2611.00001"))->size(), 2);
            QVERIFY(!alice->contains(QStringLiteral("2611.00004")).value());
        }
        const JobOutcome resumed = copy(m_home, m_alice);
        QVERIFY2(resumed.ok(), qPrintable(resumed.message));
        QCOMPARE(tallyOf(resumed, StoreCopySummary::Papers).copied, 4);
        QCOMPARE(tallyOf(resumed, StoreCopySummary::Papers).alreadyThere, 3);
        auto home = open(m_home);
        auto alice = open(m_alice);
        QVERIFY(home && alice);
        QCOMPARE(contentOf(*alice), contentOf(*home));
    }

    void leavingCopiesTheLabAndOnlyThisMembersStateBack()
    {
        QVERIFY(copy(m_home, m_alice).ok());
        {
            auto bob = open(m_bob);
            QVERIFY(bob);
            QVERIFY(bob->saveState(
                           state(QStringLiteral("2611.00005"), true, false, false, QStringLiteral("bob's")))
                        .ok());
        }
        Test::TempProfileDir leaving;
        const StoreLocation fresh = StoreLocation::sqliteFile(leaving.databasePath());
        const JobOutcome outcome = copy(m_alice, fresh);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(tallyOf(outcome, StoreCopySummary::Papers).copied, 7);
        auto home = open(m_home);
        auto copied = open(fresh);
        QVERIFY(home && copied);
        QCOMPARE(contentOf(*copied), contentOf(*home));
        QVERIFY(copied->state(QStringLiteral("2611.00005"))->isDefault());
        // And the fresh library searches its copied notes with SQLite's own index.
        QCOMPARE(*copied->search(QStringLiteral("caches")), QStringList {QStringLiteral("2611.00001")});
    }

    // Schema 15's shared notes: the member's own shared note moves in shared, under the member's name on
    // the lab's server, once; a note another member shared in the lab does not move out as one's own.
    void theMembersSharedNotesMoveAlong()
    {
        const QString id = QStringLiteral("2611.00003");
        {
            auto home = open(m_home);
            QVERIFY(home);
            PaperState shared = *home->state(id);
            shared.note = QStringLiteral("for the reading group");
            shared.noteShared = true;
            QVERIFY(home->saveState(shared).ok());
        }
        const JobOutcome in = copy(m_home, m_alice);
        QVERIFY2(in.ok(), qPrintable(in.message));
        QCOMPARE(tallyOf(in, StoreCopySummary::SharedNotes).copied, 1);
        QVERIFY2(in.message.contains(QStringLiteral("shared notes:")), qPrintable(in.message));
        {
            auto bob = open(m_bob);
            QVERIFY(bob);
            const auto seen = bob->sharedNotes(id);
            QVERIFY(seen.ok());
            QCOMPARE(seen->size(), 1);
            QCOMPARE(seen->first().author, QStringLiteral("alice"));
            QCOMPARE(seen->first().text, QStringLiteral("for the reading group"));
            // Bob shares one of his own in the lab.
            QVERIFY(bob->saveState(
                           state(QStringLiteral("2611.00004"), false, false, false, QStringLiteral("bob's")))
                        .ok());
            PaperState bobs = *bob->state(QStringLiteral("2611.00004"));
            bobs.noteShared = true;
            QVERIFY(bob->saveState(bobs).ok());
        }
        auto alice = open(m_alice);
        QVERIFY(alice);
        QVERIFY(alice->state(id)->noteShared);
        QCOMPARE(alice->state(id)->note, QStringLiteral("for the reading group"));

        // Again: nothing twice.
        const JobOutcome again = copy(m_home, m_alice);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(tallyOf(again, StoreCopySummary::SharedNotes).copied, 0);
        QCOMPARE(tallyOf(again, StoreCopySummary::SharedNotes).alreadyThere, 1);
        QCOMPARE(alice->sharedNotes(id)->size(), 1);
        QCOMPARE(alice->sharedNotes(id)->first().version, 1);

        // Leaving: alice's shared note comes back shared; bob's stays in the lab.
        Test::TempProfileDir leaving;
        const StoreLocation fresh = StoreLocation::sqliteFile(leaving.databasePath());
        const JobOutcome out = copy(m_alice, fresh);
        QVERIFY2(out.ok(), qPrintable(out.message));
        QCOMPARE(tallyOf(out, StoreCopySummary::SharedNotes).copied, 1);
        auto copied = open(fresh);
        QVERIFY(copied);
        QVERIFY(copied->state(id)->noteShared);
        QCOMPARE(copied->sharedNotes(id)->first().text, QStringLiteral("for the reading group"));
        QCOMPARE(copied->sharedNotes(QStringLiteral("2611.00004"))->size(), 0);
    }

    void aMemberWithoutWritePrivilegesIsToldAndNothingIsWritten()
    {
        const JobOutcome outcome = copy(m_home, m_bob);
        QVERIFY(!outcome.ok() && !outcome.cancelled());
        QVERIFY2(outcome.message.contains(QStringLiteral("privileges")), qPrintable(outcome.message));
        auto bob = open(m_bob);
        QVERIFY(bob);
        QCOMPARE(bob->days()->size(), 0);
        QCOMPARE(bob->recordsForRange()->size(), 0);
    }

    void aMissingSourceIsNamedAndNotCreated()
    {
        const QString missing = m_dir->path() + QStringLiteral("/no-such.db");
        const JobOutcome outcome = copy(StoreLocation::sqliteFile(missing), m_alice);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message.contains(missing), qPrintable(outcome.message));
        QVERIFY(!QFile::exists(missing));
        const JobOutcome same = copy(m_home, m_home);
        QVERIFY(!same.ok());
        QVERIFY2(same.message.contains(QStringLiteral("both the source and the target")),
            qPrintable(same.message));
    }

private:
    Test::PostgresCluster m_cluster;
    std::unique_ptr<Test::TempProfileDir> m_dir;
    StoreLocation m_home;
    StoreLocation m_lab;
    StoreLocation m_alice;
    StoreLocation m_bob;
};

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "test_storecopy.moc"
