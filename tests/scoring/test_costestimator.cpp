// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/costestimator.h"
#include "scoring/titleverdict.h"

#include <testkit/fixtures.h>

#include <QTest>

#include <cmath>

using namespace Lectern;

namespace {

PromptTemplate prompt()
{
    return PromptTemplate::fromTexts(QStringLiteral("You rate papers."),
        QStringLiteral("Rate each paper from 1 to 10.\n\n{{topics}}\n\n{{papers}}"),
        QStringLiteral("Sparse solvers."));
}

QList<Paper> papers(int n)
{
    QList<Paper> out;
    for (int i = 1; i <= n; ++i)
        out << Test::makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QLatin1Char('0')));
    return out;
}

qint64 rawPromptTokens(const PromptTemplate &p, const QList<Paper> &batch)
{
    const qsizetype chars = p.system().size() + p.instructions().size() + p.renderPapers(batch).size();
    return qint64(std::ceil(double(chars) / CostEstimator::CharsPerToken));
}

} // namespace

class TestCostEstimator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstEstimateFromPromptCharacters()
    {
        const PromptTemplate p = prompt();
        const CostEstimator estimator(p, std::nullopt);
        qint64 raw = 0;
        const TokenUsage u = estimator.abstracts(papers(4), &raw);
        QCOMPARE(raw, rawPromptTokens(p, papers(4)));
        QCOMPARE(u.promptTokens, raw);
        QCOMPARE(u.completionTokens, 4 * CostEstimator::DefaultCompletionPerPaper);
        QCOMPARE(estimator.cost(u), 0.0); // no price: no cost
    }

    void costAtTheConfiguredPrice()
    {
        const PromptTemplate p = prompt();
        const ModelPrice price {QStringLiteral("m"), 1.0, 0.1, 0, 4.0};
        const CostEstimator estimator(p, price);
        TokenUsage u;
        u.promptTokens = 1'000'000;
        u.completionTokens = 500'000;
        QCOMPARE(estimator.cost(u), PriceTable::cost(price, u));
        QCOMPARE(estimator.cost(u, true), PriceTable::cost(price, u, true));
        QVERIFY(estimator.cost(u, true) < estimator.cost(u));
    }

    void repliesScaleLaterEstimates()
    {
        const PromptTemplate p = prompt();
        CostEstimator estimator(p, std::nullopt);
        qint64 raw = 0;
        (void)estimator.abstracts(papers(2), &raw);
        TokenUsage reported;
        reported.promptTokens = raw * 2; // the model's tokenizer counts twice as many
        reported.completionTokens = 2 * 40; // and it answers in 40 tokens a paper
        estimator.learn(reported, raw, 2);
        const TokenUsage next = estimator.abstracts(papers(3));
        QCOMPARE(next.promptTokens, 2 * rawPromptTokens(p, papers(3)));
        QCOMPARE(next.completionTokens, 3 * 40);

        // A reply without usage teaches nothing.
        CostEstimator untaught(p, std::nullopt);
        untaught.learn(TokenUsage {}, raw, 2);
        QCOMPARE(
            untaught.abstracts(papers(3)).completionTokens, 3 * CostEstimator::DefaultCompletionPerPaper);
    }

    void dryRunAddsTitleBatchesWhenTheFilterRuns()
    {
        const PromptTemplate p = prompt();
        const CostEstimator estimator(p, std::nullopt);
        const QList<Paper> all = papers(5);
        TokenUsage abstracts;
        for (const QList<Paper> &b : batchesOf(all, 2))
            abstracts += estimator.abstracts(b);
        QCOMPARE(estimator.dryRun(all, 2, 0).promptTokens, abstracts.promptTokens);
        QCOMPARE(estimator.dryRun(all, 2, 0).completionTokens, 5 * CostEstimator::DefaultCompletionPerPaper);

        TokenUsage titles;
        for (const QList<Paper> &b : batchesOf(all, 3))
            titles += estimator.titles(b);
        const TokenUsage both = estimator.dryRun(all, 2, 3);
        QCOMPARE(both.promptTokens, abstracts.promptTokens + titles.promptTokens);
        QCOMPARE(both.completionTokens, abstracts.completionTokens + titles.completionTokens);
    }

    void batchesOfKeepsOrderAndSize()
    {
        const QList<QList<Paper>> b = batchesOf(papers(5), 2);
        QCOMPARE(b.size(), 3);
        QCOMPARE(b.at(2).size(), 1);
        QCOMPARE(b.at(1).first().arxivId, QStringLiteral("2611.00003"));
        QCOMPARE(batchesOf(papers(2), 0).size(), 2); // a size below 1 counts as 1
        QVERIFY(batchesOf({}, 3).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCostEstimator)
#include "test_costestimator.moc"
