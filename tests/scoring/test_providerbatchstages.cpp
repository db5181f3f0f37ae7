// SPDX-License-Identifier: GPL-3.0-or-later
// The two steps of a provider batch that carry logic of their own: packing the papers into requests within
// the daily budget (ProviderBatchPlan) and reading an ended batch's results into score rows
// (ProviderBatchResults).
#include "scoring/pipeline/costestimator.h"
#include "scoring/pipeline/providerbatchplan.h"
#include "scoring/pipeline/providerbatchresults.h"
#include "scoring/prompttemplate.h"

#include <testkit/fixtures.h>

#include <QTest>

using namespace Lectern;

namespace {

const QString kModel = QStringLiteral("batch-model");
const ModelPrice kPrice {kModel, 1.0, 0.1, 0, 2.0};

QList<Paper> papers(int from, int n)
{
    QList<Paper> out;
    for (int i = from; i < from + n; ++i)
        out << Test::makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QLatin1Char('0')), 1 + i % 3);
    return out;
}

BatchResult marks(const QList<Paper> &batch, int count)
{
    BatchResult r;
    r.model = kModel;
    r.usage.promptTokens = 1000;
    r.usage.completionTokens = 100;
    for (int i = 0; i < count && i < batch.size(); ++i)
        r.items << ScoredItem {batch.at(i).arxivId, 8, 7, QStringLiteral("fits")};
    return r;
}

} // namespace

class TestProviderBatchStages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void planPacksTheBatchesDirectScoringSends()
    {
        const PromptTemplate prompt = PromptTemplate::defaults();
        const QList<Paper> all = papers(1, 7);
        const ProviderBatchPlan plan = ProviderBatchPlan::pack(all, 3, prompt, kPrice, 0, 0);
        QCOMPARE(plan.requests.size(), 3);
        QCOMPARE(plan.requests.at(0).customId, QStringLiteral("lectern-1"));
        QCOMPARE(plan.requests.at(2).customId, QStringLiteral("lectern-3"));
        QCOMPARE(plan.requests.at(2).papers.size(), 1);
        QCOMPARE(plan.sent, 7);
        QCOMPARE(plan.notSent, 0);
        QVERIFY(!plan.budgetReached);
        // Each request is the prompt direct scoring renders for the same papers.
        QCOMPARE(plan.requests.at(1).prompt.papers, prompt.render(all.mid(3, 3)).papers);
        QCOMPARE(plan.requests.at(1).prompt.hash, prompt.hash());
        // The paper versions each request carries, for collecting them later.
        QCOMPARE(plan.papers.size(), size_t(3));
        const QList<BatchPaperRef> &second = plan.papers.at(QStringLiteral("lectern-2"));
        QCOMPARE(second.size(), 3);
        QCOMPARE(second.at(0), (BatchPaperRef {all.at(3).arxivId, all.at(3).version}));
        // The estimate is the sum of the requests' at batch prices.
        const CostEstimator estimator(prompt, kPrice);
        double expected = 0;
        for (const LlmBatchRequest &r : plan.requests)
            expected += estimator.cost(estimator.abstracts(r.papers), true);
        QVERIFY(plan.estimatedCost > 0);
        QCOMPARE(plan.estimatedCost, expected);
    }

    void planStopsAtTheBudget()
    {
        const PromptTemplate prompt = PromptTemplate::defaults();
        const QList<Paper> all = papers(1, 9);
        const CostEstimator estimator(prompt, kPrice);
        const double one = estimator.cost(estimator.abstracts(all.mid(0, 3)), true);
        // The day has spent 1 USD; room for two requests and a bit, not three.
        const double budget = 1.0 + 2.5 * one;
        const ProviderBatchPlan plan = ProviderBatchPlan::pack(all, 3, prompt, kPrice, budget, 1.0);
        QCOMPARE(plan.requests.size(), 2);
        QCOMPARE(plan.sent, 6);
        QCOMPARE(plan.notSent, 3);
        QVERIFY(plan.budgetReached);
        QVERIFY(1.0 + plan.estimatedCost <= budget);

        // Without a price nothing counts against the budget.
        const ProviderBatchPlan unpriced = ProviderBatchPlan::pack(all, 3, prompt, std::nullopt, budget, 1.0);
        QCOMPARE(unpriced.sent, 9);
        QCOMPARE(unpriced.estimatedCost, 0.0);
    }

    void resultsBecomeScoredAndUnscoredRows()
    {
        ProviderBatch batch;
        batch.batchId = QStringLiteral("b1");
        batch.model = kModel;
        batch.promptHash = QStringLiteral("hash");
        const QList<Paper> a = papers(1, 3);
        const QList<Paper> b = papers(4, 2);
        const QList<Paper> c = papers(6, 2);
        QHash<QString, QList<Paper>> sent {{QStringLiteral("lectern-1"), a}, {QStringLiteral("lectern-2"), b},
            {QStringLiteral("lectern-3"), c}};
        for (const auto &[id, list] : sent.asKeyValueRange()) {
            for (const Paper &p : list)
                batch.requests[id] << BatchPaperRef {p.arxivId, p.version};
        }
        BatchResult failed;
        failed.error = QStringLiteral("overloaded");
        // lectern-1: two of three scored; lectern-2: the request failed; lectern-3: no result at all.
        const QHash<QString, BatchResult> results {
            {QStringLiteral("lectern-1"), marks(a, 2)}, {QStringLiteral("lectern-2"), failed}};
        LlmBatchStatus status;
        status.ended = true;
        PriceTable prices;
        prices.set(kPrice);
        const QDateTime now(QDate(2026, 11, 24), QTime(8, 0), QTimeZone::UTC);

        const ProviderBatchResults read =
            ProviderBatchResults::read(batch, sent, results, status, prices, now);
        QCOMPARE(read.scored, 2);
        QCOMPARE(read.unscored, 5);
        QCOMPARE(read.rows.size(), 7);
        QCOMPARE(read.usage.promptTokens, 1000);
        QCOMPARE(read.cost, PriceTable::cost(kPrice, read.usage, true));
        const auto rowOf = [&](const QString &id) {
            for (const Score &s : read.rows) {
                if (s.arxivId == id)
                    return s;
            }
            return Score {};
        };
        QVERIFY(rowOf(a[0].arxivId).isScored());
        QCOMPARE(rowOf(a[0].arxivId).version, a[0].version);
        QCOMPARE(rowOf(a[0].arxivId).scoredAt, now);
        QCOMPARE(rowOf(a[0].arxivId).promptHash, QStringLiteral("hash"));
        QCOMPARE(rowOf(a[2].arxivId).comment,
            QStringLiteral("Not scored: the model's reply left this paper out."));
        QCOMPARE(rowOf(b[0].arxivId).comment,
            QStringLiteral("Not scored: the batch request failed (overloaded)."));
        QCOMPARE(rowOf(c[1].arxivId).comment,
            QStringLiteral("Not scored: the provider batch returned no result for this request."));
        QVERIFY(read.warnings.join(u'\n').contains(
            QStringLiteral("Request lectern-2 of batch b1 failed: overloaded")));

        // A batch that failed as a whole says so for every paper.
        status.failed = true;
        status.error = QStringLiteral("expired");
        const ProviderBatchResults none = ProviderBatchResults::read(batch, sent, {}, status, prices, now);
        QCOMPARE(none.scored, 0);
        QCOMPARE(none.unscored, 7);
        for (const Score &s : none.rows)
            QCOMPARE(s.comment, QStringLiteral("Not scored: the provider batch failed (expired)."));
        QCOMPARE(none.cost, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestProviderBatchStages)
#include "test_providerbatchstages.moc"
