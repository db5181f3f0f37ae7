// SPDX-License-Identifier: GPL-3.0-or-later
// The front stages of the scoring pipeline, each on its own, then together (ScoringPipeline::prepare).
#include "scoring/pipeline/dayselectionstage.h"
#include "scoring/pipeline/followedauthorsstage.h"
#include "scoring/pipeline/scorecache.h"
#include "scoring/pipeline/scorecachestage.h"
#include "scoring/pipeline/scoringpipeline.h"
#include "scoring/pipeline/scoringsummary.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <testkit/fixtures.h>

#include <QTest>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);
const QString kModel = QStringLiteral("stage-model");
const QString kHash = QStringLiteral("prompt-hash");
const QString kTitleHash = QStringLiteral("title-hash");
const QDateTime kNow(kDay, QTime(9, 0), QTimeZone::UTC);

std::unique_ptr<PaperStore> openStore(const Test::TempProfileDir &dir)
{
    auto store = PaperStore::open(dir.databasePath());
    if (!store)
        qFatal("cannot open the store");
    return std::move(store).value();
}

Score scoreOf(const Paper &p, std::optional<int> relevance, const QString &hash, const QString &comment = {})
{
    Score s;
    s.arxivId = p.arxivId;
    s.version = p.version;
    s.relevance = relevance;
    s.novelty = relevance;
    s.comment = comment;
    s.model = kModel;
    s.promptHash = hash;
    s.scoredAt = QDateTime(kDay, QTime(8, 0), QTimeZone::UTC);
    return s;
}

QStringList idsOf(const QList<Paper> &papers)
{
    QStringList out;
    for (const Paper &p : papers)
        out << p.arxivId;
    return out;
}

QStringList idsOf(const QList<PaperRecord> &records)
{
    QStringList out;
    for (const PaperRecord &r : records)
        out << r.paper.arxivId;
    return out;
}

Result<QList<PaperRecord>> records(PaperStore &store)
{
    auto day = DaySelectionStage({QStringLiteral("new"), QStringLiteral("cross")}).run(store, kDay);
    if (!day)
        return Error {day.error()};
    return day->records;
}

} // namespace

class TestSelectionStages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void daySelectionKeepsScoredAnnounceTypesOnce()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir);
        Paper untyped = Test::makePaper(QStringLiteral("2611.00004"));
        untyped.announceType.clear();
        QVERIFY(store->upsertPapers({Test::makePaper(QStringLiteral("2611.00001")),
            Test::makePaper(QStringLiteral("2611.00002"), 1, kDay, QStringLiteral("replace")),
            Test::makePaper(QStringLiteral("2611.00003"), 1, kDay, QStringLiteral("cross")), untyped,
            Test::makePaper(QStringLiteral("2611.00005"), 1, kDay.addDays(-1))}));

        auto day = DaySelectionStage({QStringLiteral("new"), QStringLiteral("cross")}).run(*store, kDay);
        QVERIFY2(day, qPrintable(day.error()));
        QCOMPARE(day->listed, 4); // the paper of the day before is not listed on kDay
        QCOMPARE(day->considered, 3);
        QCOMPARE(idsOf(day->records),
            QStringList(
                {QStringLiteral("2611.00001"), QStringLiteral("2611.00003"), QStringLiteral("2611.00004")}));
    }

    void followedAuthorsGetARowUnlessScoredBefore()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir);
        Paper fresh = Test::makePaper(QStringLiteral("2611.00001"));
        fresh.authors = {QStringLiteral("Zoë Müller")};
        Paper scored = Test::makePaper(QStringLiteral("2611.00002"));
        scored.authors = {QStringLiteral("Zoe Muller")};
        Paper marked = Test::makePaper(QStringLiteral("2611.00003"));
        marked.authors = {QStringLiteral("Zoë Müller")};
        const Paper other = Test::makePaper(QStringLiteral("2611.00004"));
        QVERIFY(store->upsertPapers({fresh, scored, marked, other}));
        QVERIFY(store->addScore(scoreOf(scored, 9, kHash)));
        // A newer score of another prompt: the cached one must become the latest again.
        QVERIFY(store->addScore(scoreOf(scored, 2, QStringLiteral("other-hash"))));
        QVERIFY(store->addScore(scoreOf(marked, std::nullopt, kHash, QString(Score::AuthorMatchComment))));

        auto list = records(*store);
        QVERIFY(list);
        auto cache = ScoreCache::load(*store, kDay, kModel, kHash);
        QVERIFY2(cache, qPrintable(cache.error()));
        const FollowedAuthors out = FollowedAuthorsStage(AuthorMatcher({QStringLiteral("Zoë Müller")}))
                                        .run(*list, *cache, kModel, kHash, kNow);
        QCOMPARE(out.matches, 3);
        QCOMPARE(out.rows.size(), 1); // the marked paper has its row already
        QCOMPARE(out.rows.first().arxivId, fresh.arxivId);
        QCOMPARE(out.rows.first().comment, QString(Score::AuthorMatchComment));
        QVERIFY(!out.rows.first().isScored());
        QCOMPARE(out.rows.first().scoredAt, kNow);
        QCOMPARE(out.restamp.size(), 1);
        QCOMPARE(out.restamp.first().first.arxivId, scored.arxivId);
        QCOMPARE(out.restamp.first().second, kHash);
        QCOMPARE(idsOf(out.others), QStringList {other.arxivId});
    }

    void scoreCacheDecidesWhatIsNotSentAgain()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir);
        const Paper scored = Test::makePaper(QStringLiteral("2611.00001"));
        const Paper dropped = Test::makePaper(QStringLiteral("2611.00002"));
        const Paper waiting = Test::makePaper(QStringLiteral("2611.00003"));
        const Paper unscoredBefore = Test::makePaper(QStringLiteral("2611.00004"));
        const Paper newVersion = Test::makePaper(QStringLiteral("2611.00005"), 2);
        const Paper otherModel = Test::makePaper(QStringLiteral("2611.00006"));
        QVERIFY(store->upsertPapers({scored, dropped, waiting, unscoredBefore, newVersion, otherModel}));
        QVERIFY(store->addScore(scoreOf(scored, 8, kHash)));
        QVERIFY(
            store->addScore(scoreOf(dropped, std::nullopt, kTitleHash, QString(Score::TitleDropComment))));
        QVERIFY(store->addScore(scoreOf(unscoredBefore, std::nullopt, kHash, QStringLiteral("Not scored"))));
        Paper oldVersion = newVersion;
        oldVersion.version = 1;
        QVERIFY(store->addScore(scoreOf(oldVersion, 8, kHash)));
        Score foreign = scoreOf(otherModel, 8, kHash);
        foreign.model = QStringLiteral("another-model");
        QVERIFY(store->addScore(foreign));
        ProviderBatch batch;
        batch.batchId = QStringLiteral("batch_1");
        batch.provider = QStringLiteral("openai");
        batch.model = kModel;
        batch.day = kDay;
        batch.promptHash = kHash;
        batch.requests[QStringLiteral("lectern-1")] = {BatchPaperRef {waiting.arxivId, waiting.version}};
        batch.submittedAt = kNow;
        QVERIFY(ProviderBatchStore(store->database()).add(batch));

        auto list = records(*store);
        QVERIFY(list);
        auto cache = ScoreCache::load(*store, kDay, kModel, kHash, kTitleHash);
        QVERIFY2(cache, qPrintable(cache.error()));
        const CacheDecision out = ScoreCacheStage(kModel, kHash, kTitleHash, false).run(*list, *cache);
        QCOMPARE(out.cached, 1);
        QCOMPARE(out.titleDroppedCached, 1);
        QCOMPARE(out.inProviderBatch, 1);
        QCOMPARE(idsOf(out.toScore),
            QStringList({unscoredBefore.arxivId, newVersion.arxivId, otherModel.arxivId}));
        // Both verdicts are the latest scores already: nothing to bring back.
        QVERIFY(out.restamp.isEmpty());

        // Without the title hash the earlier drop is not recognised; a rescore ignores the marks too, but a
        // paper in a provider batch still waits for it.
        const CacheDecision noTitles = ScoreCacheStage(kModel, kHash, QString(), false).run(*list, *cache);
        QCOMPARE(noTitles.titleDroppedCached, 0);
        QVERIFY(idsOf(noTitles.toScore).contains(dropped.arxivId));
        const CacheDecision rescore = ScoreCacheStage(kModel, kHash, kTitleHash, true).run(*list, *cache);
        QCOMPARE(rescore.cached, 0);
        QCOMPARE(rescore.titleDroppedCached, 0);
        QCOMPARE(rescore.inProviderBatch, 1);
        QCOMPARE(rescore.toScore.size(), 5);
    }

    void cachedScoreBecomesTheLatestAgain()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir);
        const Paper p = Test::makePaper(QStringLiteral("2611.00001"));
        QVERIFY(store->upsertPapers({p}));
        QVERIFY(store->addScore(scoreOf(p, 8, kHash)));
        QVERIFY(store->addScore(scoreOf(p, 3, QStringLiteral("newer-hash"))));
        auto list = records(*store);
        QVERIFY(list);
        auto cache = ScoreCache::load(*store, kDay, kModel, kHash);
        QVERIFY(cache);
        const CacheDecision out = ScoreCacheStage(kModel, kHash, QString(), false).run(*list, *cache);
        QCOMPARE(out.cached, 1);
        QCOMPARE(out.restamp.size(), 1);
        QCOMPARE(out.restamp.first().second, kHash);
    }

    void pipelineRunsTheFrontStagesAndWritesTheirRows()
    {
        Test::TempProfileDir dir;
        auto store = openStore(dir);
        Paper byAuthor = Test::makePaper(QStringLiteral("2611.00001"));
        byAuthor.authors = {QStringLiteral("Grace Followed")};
        const Paper cached = Test::makePaper(QStringLiteral("2611.00002"));
        const Paper fresh = Test::makePaper(QStringLiteral("2611.00003"));
        QVERIFY(store->upsertPapers({byAuthor, cached, fresh}));
        QVERIFY(store->addScore(scoreOf(cached, 7, kHash)));
        QVERIFY(store->addScore(scoreOf(cached, 2, QStringLiteral("newer-hash"))));

        ScoringRequest rq;
        rq.databasePath = dir.databasePath();
        rq.day = kDay;
        rq.followedAuthors = {QStringLiteral("Grace Followed")};
        rq.hIndex.minHIndex = 30; // a dry run does not ask Semantic Scholar
        auto prepared = ScoringPipeline(*store, rq, nullptr).prepare(kModel, kHash, QString(), false, kNow);
        QVERIFY2(prepared, qPrintable(prepared.error()));
        QCOMPARE(prepared->listed, 3);
        QCOMPARE(prepared->considered, 3);
        QCOMPARE(prepared->authorMatches, 1);
        QCOMPARE(prepared->cached, 1);
        QCOMPARE(idsOf(prepared->toScore), QStringList {fresh.arxivId});
        QCOMPARE(prepared->hIndexLine, QStringLiteral("h-index filter (min 30): not applied in a dry run"));
        ScoringSummary summary;
        prepared->countInto(summary);
        QCOMPARE(summary.listed, 3);
        QCOMPARE(summary.authorMatches, 1);
        QCOMPARE(summary.cached, 1);
        QCOMPARE(summary.hIndexLine, prepared->hIndexLine);

        QVERIFY(prepared->write(*store, kModel, kNow));
        auto stored = store->recordsForDay(kDay);
        QVERIFY(stored);
        for (const PaperRecord &r : *stored) {
            if (r.paper.arxivId == byAuthor.arxivId) {
                QVERIFY(r.score);
                QCOMPARE(r.score->comment, QString(Score::AuthorMatchComment));
            } else if (r.paper.arxivId == cached.arxivId) {
                QVERIFY(r.score);
                QCOMPARE(r.score->promptHash, kHash); // brought back as the latest
                QCOMPARE(r.score->relevance, 7);
            } else {
                QVERIFY(!r.score);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSelectionStages)
#include "test_selectionstages.moc"
