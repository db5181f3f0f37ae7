// SPDX-License-Identifier: GPL-3.0-or-later
// The stages that handle the replies of a direct run: TitleFilterStage and AbstractBatchStage, fed replies
// by hand; what they queue is read from the dispatcher, what they store from the database.
#include "scoring/pipeline/abstractbatchstage.h"
#include "scoring/pipeline/batchdispatcher.h"
#include "scoring/pipeline/costestimator.h"
#include "scoring/pipeline/runaccount.h"
#include "scoring/pipeline/titlefilterstage.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/manualclock.h>

#include <QTest>

using namespace Lectern;

namespace {

const QString kModel = QStringLiteral("stage-model");
const QString kHash = QStringLiteral("prompt-hash");
const QString kTitleHash = QStringLiteral("title-hash");

QList<Paper> papers(int from, int n)
{
    QList<Paper> out;
    for (int i = from; i < from + n; ++i)
        out << Test::makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QLatin1Char('0')));
    return out;
}

BatchResult keep(const QList<Paper> &batch, const QStringList &ids)
{
    BatchResult r;
    r.model = kModel;
    r.usage.promptTokens = 100;
    r.usage.completionTokens = 10;
    for (const Paper &p : batch) {
        if (ids.contains(p.arxivId))
            r.items << ScoredItem {p.arxivId, std::nullopt, std::nullopt, QString()};
    }
    return r;
}

BatchResult marks(const QList<Paper> &batch, int count)
{
    BatchResult r;
    r.model = kModel;
    r.usage.promptTokens = 1000;
    r.usage.completionTokens = 100;
    for (int i = 0; i < count && i < batch.size(); ++i)
        r.items << ScoredItem {batch.at(i).arxivId, 7, 6, QStringLiteral("fits")};
    return r;
}

/// A store with papers 1..20, a dispatcher that is never run, and the account the stages share.
struct Fixture
{
    Test::TempProfileDir dir;
    std::unique_ptr<PaperStore> store;
    PromptTemplate prompt = PromptTemplate::defaults();
    BatchDispatcher dispatcher {
        []() -> std::unique_ptr<ScoringProvider> { return nullptr; }, prompt, 1, nullptr};
    ScoringSummary summary;
    PriceTable prices;
    RunAccount account {summary, prices, ModelPrice {kModel, 1.0, 0.1, 0, 2.0}};
    CostEstimator estimator {prompt, std::nullopt};
    std::atomic_bool cancel {false};
    QStringList progress;
    Test::ManualClock clock;

    Fixture()
    {
        auto opened = PaperStore::open(dir.databasePath());
        if (!opened || !opened.value()->upsertPapers(papers(1, 20)))
            qFatal("cannot seed the store");
        store = std::move(opened).value();
    }
    std::function<void(const QString &)> onProgress()
    {
        return [this](const QString &m) { progress << m; };
    }
    QList<Score> scoresOf(const QString &id) { return store->scoreHistory(id).value(); }
};

} // namespace

class TestReplyStages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void titleDropsAreStoredAndKeptPapersFillAbstractBatches()
    {
        Fixture f;
        TitleFilterStage titles(*f.store, f.dispatcher, f.account, f.clock, kModel, kTitleHash, 2, 3,
            TitleFilterStage::KeptTo::AbstractBatches, &f.cancel, f.onProgress());
        const QList<Paper> first = papers(1, 4);
        BatchReply reply {BatchTask {first, 1, true}, keep(first, {first[0].arxivId, first[1].arxivId})};
        titles.onReply(reply);
        QCOMPARE(f.summary.titleKept, 2);
        QCOMPARE(f.summary.titleDropped, 2);
        QCOMPARE(f.summary.titleUsage.promptTokens, 100);
        QCOMPARE(f.summary.usage.promptTokens, 100);
        QVERIFY(f.summary.titleCost > 0);
        QCOMPARE(f.summary.cost, f.summary.titleCost);
        QVERIFY(f.dispatcher.pending().empty()); // two kept: not a full batch of 3 yet
        QCOMPARE(titles.waiting(), 2);
        const QList<Score> drop = f.scoresOf(first[2].arxivId);
        QCOMPARE(drop.size(), 1);
        QCOMPARE(drop.first().comment, QString(Score::TitleDropComment));
        QCOMPARE(drop.first().promptHash, kTitleHash);
        QCOMPARE(drop.first().scoredAt, f.clock.nowUtc());
        QVERIFY(!drop.first().isScored());
        QVERIFY(f.scoresOf(first[0].arxivId).isEmpty());

        // The last title batch: one full abstract batch, then the partial rest.
        const QList<Paper> second = papers(5, 3);
        BatchReply last {BatchTask {second, 1, true},
            keep(second, {second[0].arxivId, second[1].arxivId, second[2].arxivId})};
        titles.onReply(last);
        QCOMPARE(f.dispatcher.pending().size(), size_t(2));
        QCOMPARE(f.dispatcher.pending().front().papers.size(), 3);
        QVERIFY(!f.dispatcher.pending().front().titles);
        QCOMPARE(f.dispatcher.pending().back().papers.size(), 2);
        QCOMPARE(titles.waiting(), 0);
        QCOMPARE(f.progress.last(), QStringLiteral("Title pre-filter: 5 kept of 7 so far"));
    }

    void keptPapersWaitForTheCallerOfAProviderBatch()
    {
        Fixture f;
        TitleFilterStage titles(*f.store, f.dispatcher, f.account, f.clock, kModel, kTitleHash, 2, 2,
            TitleFilterStage::KeptTo::Caller, &f.cancel, f.onProgress());
        const QList<Paper> first = papers(1, 4);
        BatchReply reply {
            BatchTask {first, 1, true}, keep(first, {first[0].arxivId, first[2].arxivId, first[3].arxivId})};
        titles.onReply(reply);
        const QList<Paper> second = papers(5, 2);
        BatchReply last {BatchTask {second, 1, true}, keep(second, {second[1].arxivId})};
        titles.onReply(last);
        // Nothing goes to abstract batches: the kept papers, in order, are the caller's to submit.
        QVERIFY(f.dispatcher.pending().empty());
        QCOMPARE(titles.kept().size(), 4);
        QCOMPARE(titles.kept().at(0).arxivId, first[0].arxivId);
        QCOMPARE(titles.kept().at(3).arxivId, second[1].arxivId);
        QCOMPARE(f.summary.titleKept, 4);
        QCOMPARE(f.summary.titleDropped, 2);
        QCOMPARE(f.scoresOf(first[1].arxivId).size(), 1);
    }

    void anUnusableTitleReplyKeepsItsBatch()
    {
        Fixture f;
        TitleFilterStage titles(*f.store, f.dispatcher, f.account, f.clock, kModel, kTitleHash, 1, 10,
            TitleFilterStage::KeptTo::AbstractBatches, &f.cancel, f.onProgress());
        const QList<Paper> batch = papers(1, 3);
        BatchResult unusable;
        unusable.error = QStringLiteral("The title pre-filter's reply holds no list of ids");
        BatchReply reply {BatchTask {batch, 1, true}, unusable};
        titles.onReply(reply);
        QCOMPARE(f.summary.titleKept, 3);
        QCOMPARE(f.summary.titleFailedOpen, 3);
        QCOMPARE(f.summary.titleDropped, 0);
        QCOMPARE(f.summary.warnings.size(), 1);
        QVERIFY(f.summary.warnings.first().contains(QStringLiteral("they all go on to abstract scoring")));
        QCOMPARE(f.dispatcher.pending().size(), size_t(1));
    }

    void aFatalTitleReplyStopsTheRun()
    {
        Fixture f;
        TitleFilterStage titles(*f.store, f.dispatcher, f.account, f.clock, kModel, kTitleHash, 2, 10,
            TitleFilterStage::KeptTo::AbstractBatches, &f.cancel, f.onProgress());
        BatchResult fatal;
        fatal.fatal = true;
        fatal.error = QStringLiteral("The key was refused.");
        BatchReply reply {BatchTask {papers(1, 4), 1, true}, fatal};
        titles.onReply(reply);
        QVERIFY(f.dispatcher.isStopping());
        QCOMPARE(f.account.fatal(), QStringLiteral("The key was refused."));
        QCOMPARE(f.summary.notSent, 4);
        QCOMPARE(f.summary.titleKept, 0);
    }

    void abstractRepliesAreStoredAndMissingPapersRetriedOnce()
    {
        Fixture f;
        AbstractBatchStage abstracts(*f.store, f.dispatcher, f.account, f.estimator, f.clock, kModel, kHash,
            4, &f.cancel, f.onProgress());
        f.summary.toScore = 4;
        const QList<Paper> batch = papers(1, 4);
        BatchReply reply {BatchTask {batch}, marks(batch, 1)};
        abstracts.onReply(reply);
        QCOMPARE(f.summary.scored, 1);
        QCOMPARE(f.summary.retried, 3);
        QCOMPARE(f.summary.usage.promptTokens, 1000);
        const QList<Score> stored = f.scoresOf(batch[0].arxivId);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().relevance, 7);
        QCOMPARE(stored.first().promptHash, kHash);
        QCOMPARE(stored.first().scoredAt, f.clock.nowUtc());
        // The three missing papers go first, in batches of half the size, marked as a second attempt.
        QCOMPARE(f.dispatcher.pending().size(), size_t(2));
        QCOMPARE(f.dispatcher.pending().front().papers.size(), 2);
        QCOMPARE(f.dispatcher.pending().front().papers.first().arxivId, batch[1].arxivId);
        QCOMPARE(f.dispatcher.pending().front().attempt, 2);
        QCOMPARE(f.progress.last().left(22), QStringLiteral("1 of 4 papers scored ("));

        // Missing again: stored without marks, with the reason.
        const QList<Paper> retry = {batch[1], batch[2]};
        BatchReply second {BatchTask {retry, 2}, marks(retry, 1)};
        abstracts.onReply(second);
        QCOMPARE(f.summary.scored, 2);
        QCOMPARE(f.summary.unscored, 1);
        const QList<Score> unscored = f.scoresOf(batch[2].arxivId);
        QCOMPARE(unscored.size(), 1);
        QVERIFY(!unscored.first().isScored());
        QCOMPARE(unscored.first().comment,
            QStringLiteral("Not scored: the model's reply left this paper out twice."));
        QCOMPARE(f.dispatcher.pending().size(), size_t(2)); // nothing more queued
    }

    void aFatalAbstractReplyStopsTheRunAndLeavesItsPapersUnsent()
    {
        Fixture f;
        AbstractBatchStage abstracts(*f.store, f.dispatcher, f.account, f.estimator, f.clock, kModel, kHash,
            4, &f.cancel, f.onProgress());
        BatchResult fatal;
        fatal.fatal = true;
        fatal.error = QStringLiteral("Out of credit.");
        BatchReply reply {BatchTask {papers(1, 4)}, fatal};
        abstracts.onReply(reply);
        QVERIFY(f.dispatcher.isStopping());
        QCOMPARE(f.account.fatal(), QStringLiteral("Out of credit."));
        QCOMPARE(f.summary.notSent, 4);
        QCOMPARE(f.summary.retried, 0);
        QVERIFY(f.dispatcher.pending().empty());
        QVERIFY(f.scoresOf(QStringLiteral("2611.00001")).isEmpty());
    }

    void warningsAreCapped()
    {
        Fixture f;
        for (int i = 0; i < RunAccount::MaxWarnings + 5; ++i)
            f.account.warn(QStringLiteral("warning %1").arg(i));
        QCOMPARE(f.summary.warnings.size(), RunAccount::MaxWarnings);
        QCOMPARE(f.summary.warnings.last(), QStringLiteral("warning %1").arg(RunAccount::MaxWarnings - 1));
    }
};

QTEST_GUILESS_MAIN(TestReplyStages)
#include "test_replystages.moc"
