// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/ledgerstage.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>

#include <QTest>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);

Score verdict(
    const Paper &p, std::optional<int> relevance, std::optional<int> novelty, const QString &comment = {})
{
    Score s = Test::makeScore(p, 1, 1);
    s.relevance = relevance;
    s.novelty = novelty;
    s.comment = comment;
    return s;
}

} // namespace

class TestLedgerStage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thresholdsRankingAndTheDaysCost()
    {
        Test::TempProfileDir dir;
        auto opened = PaperStore::open(dir.databasePath());
        QVERIFY(opened);
        PaperStore &store = *opened.value();
        const Paper high = Test::makePaper(QStringLiteral("2611.00001"));
        const Paper higher = Test::makePaper(QStringLiteral("2611.00002"));
        const Paper lowNovelty = Test::makePaper(QStringLiteral("2611.00003"));
        Paper byAuthor = Test::makePaper(QStringLiteral("2611.00004"));
        byAuthor.authors = {QStringLiteral("Grace Followed")};
        const Paper unscored = Test::makePaper(QStringLiteral("2611.00005"));
        QVERIFY(store.upsertPapers({high, higher, lowNovelty, byAuthor, unscored}));
        QVERIFY(store.addScores({verdict(high, 8, 7), verdict(higher, 10, 9), verdict(lowNovelty, 9, 2),
            verdict(byAuthor, std::nullopt, std::nullopt, QString(Score::AuthorMatchComment)),
            verdict(unscored, std::nullopt, std::nullopt, QStringLiteral("Not scored"))}));

        const LedgerStage ledger({QStringLiteral("Grace Followed")}, 8, 7, {});
        TokenUsage usage;
        usage.promptTokens = 1000;
        usage.completionTokens = 200;
        auto first =
            ledger.record(store, kDay, QStringLiteral("test-model"), usage, 0.25, QStringLiteral("prompt"));
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(first->relevant, 3);
        QCOMPARE(first->passedThresholds, 2);
        QCOMPARE(first->ranking,
            QStringList({byAuthor.arxivId, higher.arxivId, high.arxivId})); // author matches first
        QCOMPARE(first->dayCost, 0.25);

        // A second run of the day adds its cost to the first's.
        auto second =
            ledger.record(store, kDay, QStringLiteral("test-model"), usage, 0.5, QStringLiteral("prompt"));
        QVERIFY(second);
        QCOMPARE(second->dayCost, 0.75);
        auto run = store.dayRun(kDay);
        QVERIFY(run && run->has_value());
        QCOMPARE((*run)->cost, 0.75);
        QCOMPARE((*run)->totalRelevant, 3);
    }
};

QTEST_GUILESS_MAIN(TestLedgerStage)
#include "test_ledgerstage.moc"
