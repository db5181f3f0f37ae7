// SPDX-License-Identifier: GPL-3.0-or-later
// Hybrid scoring replayed on the real day of ../shared/data (read at run time): a stand-in LLM answers with
// the reference digest's verdicts (selected 9/8, the others 3/3), so the all-LLM digest is the reference's
// selected set. Measured: the share of the day sent to the LLM, how much of the reference's selection the
// hybrid digest keeps, and the cost against sending every paper (the dry run's estimator, same prompt and
// model). "One day of labels" follows the README's 2-fold protocol: one half (by id parity) is an earlier day
// the LLM scored, the other half is the day scored in hybrid mode. Each replay is a CTest test of its own.
#include "digest/digestbuilder.h"
#include "scoring/authormatcher.h"
#include "scoring/llmproviders.h"
#include "scoring/pipeline/costestimator.h"
#include "scoring/scoringjob.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/openaistandin.h>
#include <testkit/realday.h>
#include <testkit/scoringrun.h>
#include <testkit/separatetest.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace Lectern;

namespace {

const QString kModel = QStringLiteral("gpt-5");
/// What the reference paid that day with gpt-5 for its 444 scanned papers (its digest's cost table).
constexpr double kReferenceCostPerPaper = 0.74 / 444;

struct Figures
{
    int papers = 0; ///< papers of the scored day
    int relevant = 0; ///< the reference's selected papers among them
    int sent = 0; ///< papers the LLM saw
    int kept = 0; ///< of the reference's selected papers, those in the hybrid digest
    double estimatedCost = 0; ///< hybrid dry run
    double ungatedCost = 0; ///< every paper to the LLM, same estimate
    std::optional<double> estimatedRecall; ///< the gate's, from the sample
    QString gateLine;

    double share() const { return papers > 0 ? double(sent) / papers : 0; }
    double keptShare() const { return relevant > 0 ? double(kept) / relevant : 0; }
    double costRatio() const { return ungatedCost > 0 ? estimatedCost / ungatedCost : 0; }
    double referenceRatio() const { return papers > 0 ? estimatedCost / papers / kReferenceCostPerPaper : 0; }
    QString describe() const
    {
        return QStringLiteral(
            "LLM saw %1 of %2 papers (%3 %), hybrid digest keeps %4 of %5 selected (%6 %), "
            "cost %7 of all-LLM (estimated $%10, %11 of the reference's cost per paper); gate's "
            "estimated recall %8; %9")
            .arg(sent)
            .arg(papers)
            .arg(100.0 * share(), 0, 'f', 1)
            .arg(kept)
            .arg(relevant)
            .arg(100.0 * keptShare(), 0, 'f', 1)
            .arg(costRatio(), 0, 'f', 3)
            .arg(estimatedRecall ? QString::number(*estimatedRecall, 'f', 2) : QStringLiteral("unknown"),
                gateLine)
            .arg(estimatedCost, 0, 'f', 4)
            .arg(referenceRatio(), 0, 'f', 3);
    }
};

using Outcome = Test::ScoringRun;

Outcome runJob(const ScoringRequest &rq)
{
    return Test::runScoringJob(rq, 240000);
}

/// @p scored on the real day, @p earlier (with the reference's verdicts, as an LLM's) on the day before.
bool storeReplay(const QString &databasePath, const Test::RealDay &day, const QList<Paper> &scored,
    const QList<Paper> &earlier)
{
    auto store = PaperStore::open(databasePath);
    if (!store)
        return false;
    QList<Paper> before = earlier;
    for (Paper &p : before)
        p.announced = day.day.addDays(-1);
    if (!store.value()->upsertPapers(scored).ok() || !store.value()->upsertPapers(before).ok())
        return false;
    const QDateTime at(day.day.addDays(-1), QTime(12, 0), QTimeZone::UTC);
    for (const Paper &p : std::as_const(before)) {
        const bool selected = day.relevant.contains(p.arxivId);
        Score s;
        s.arxivId = p.arxivId;
        s.relevance = selected ? 9 : 3;
        s.novelty = selected ? 8 : 3;
        s.model = QStringLiteral("reference-llm");
        s.promptHash = QStringLiteral("reference");
        s.scoredAt = at;
        if (!store.value()->addScore(s).ok())
            return false;
    }
    return true;
}

} // namespace

class TestHybridRealDay : public QObject
{
    Q_OBJECT
    Test::RealDay m_day;

    /// Scores @p scored in hybrid mode (after @p earlier as a day of labels) and measures it.
    Figures replay(const QList<Paper> &scored, const QList<Paper> &earlier, const HybridGateSettings &gate)
    {
        Figures f;
        Test::TempProfileDir dir;
        if (!storeReplay(dir.databasePath(), m_day, scored, earlier))
            return f;
        Test::LoopbackHttpServer server;
        if (!server.listen())
            return f;
        Test::OpenAiStandIn standIn;
        const QSet<QString> relevant = m_day.relevant;
        standIn.verdicts = [relevant](const QString &id) {
            return relevant.contains(id)
                ? Test::OpenAiStandIn::Verdict {9, 8, QStringLiteral("Reference: selected")}
                : Test::OpenAiStandIn::Verdict {3, 3, QStringLiteral("Reference: not selected")};
        };
        standIn.install(server);

        ScoringRequest rq;
        rq.databasePath = dir.databasePath();
        rq.day = m_day.day;
        const PromptTemplate defaults = PromptTemplate::defaults();
        QFile topics(QDir(Test::sharedDataDir()).filePath(QStringLiteral("topics-reference.md")));
        if (!topics.open(QIODevice::ReadOnly))
            return f;
        rq.prompt = PromptTemplate::fromTexts(
            defaults.systemText(), defaults.instructionsTemplate(), QString::fromUtf8(topics.readAll()));
        rq.batchSize = 20;
        rq.parallel = 2;
        rq.mode = ScoringMode::Hybrid;
        rq.gate = gate;
        const QUrl base = server.url(QStringLiteral("/v1"));
        HttpOptions http;
        http.timeoutMs = 20000;
        rq.factory = Test::openAiFactory(base, kModel, http);

        const Outcome out = runJob(rq);
        if (!out.ok) {
            qWarning("run: %s", qPrintable(out.message));
            return f;
        }
        f.papers = int(scored.size());
        for (const Paper &p : scored)
            f.relevant += relevant.contains(p.arxivId);
        const QStringList sentIds = standIn.scoredIds();
        const QSet<QString> sent(sentIds.cbegin(), sentIds.cend());
        f.sent = int(sent.size());
        // The cost as the dry run estimates it (the same estimator), for what was sent and for every paper.
        QList<Paper> sentPapers;
        for (const Paper &p : scored) {
            if (sent.contains(p.arxivId))
                sentPapers << p;
        }
        const CostEstimator estimator(rq.prompt, rq.prices.find(kModel));
        f.estimatedCost = estimator.cost(estimator.dryRun(sentPapers, rq.batchSize, 0));
        f.ungatedCost = estimator.cost(estimator.dryRun(scored, rq.batchSize, 0));
        f.gateLine = out.summary.gateLine;
        if (out.summary.gateReport)
            f.estimatedRecall = out.summary.gateReport->recall;
        auto store = PaperStore::open(dir.databasePath());
        auto digest = DigestBuilder::fromStore(*store.value(), m_day.day, AuthorMatcher(QStringList()), 8, 7);
        if (!digest)
            return f;
        for (const DigestEntry &e : std::as_const(digest->entries))
            f.kept += relevant.contains(e.paper.arxivId);
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_day = Test::loadRealDay();
        if (!m_day.isLoaded())
            QSKIP(qPrintable(QStringLiteral("no real day in %1 (the shared/ folder beside the repository)")
                                 .arg(Test::sharedDataDir())));
    }

    /// No labels: the topics alone rank the day and the gate takes its ceiling.
    void topicsOnly()
    {
        LECTERN_SEPARATE_TEST(); // each replay takes a minute or two on a loaded machine
        const Figures f = replay(m_day.papers, {}, HybridGateSettings {});
        qInfo("hybrid, topics only, default limits: %s", qPrintable(f.describe()));
        QCOMPARE(f.papers, int(m_day.papers.size()));
        QVERIFY2(f.sent > 0 && f.sent < f.papers / 2, qPrintable(f.describe()));
        QVERIFY2(f.keptShare() >= TopicsOnlyKept, qPrintable(f.describe()));
        QVERIFY2(f.costRatio() > 0 && f.costRatio() <= TopicsOnlyCost, qPrintable(f.describe()));
    }

    /// One earlier day of the LLM's verdicts (2-fold by id parity): the calibrated gate.
    void oneDayOfLabels_data()
    {
        QTest::addColumn<double>("maxShare");
        QTest::addColumn<double>("sampleShare");
        QTest::addColumn<double>("keptFloor");
        QTest::addColumn<double>("costCeiling");
        QTest::newRow("default limits") << 0.30 << 0.04 << DefaultKept << DefaultCost;
        QTest::newRow("10 % ceiling") << 0.10 << 0.03 << TenPercentKept << 0.14;
        // The share the calibrated probabilities ask for (95 % of the selections they expect), no ceiling:
        // 100 % of the digest at 0.58 of the cost (the held-out labels' share, before: 97 % at 0.55).
        QTest::newRow("the probabilities' own share") << 1.0 << 0.04 << OwnShareKept << 0.65;
        QTest::newRow("a tenth of the cost") << 0.065 << 0.03 << TenthKept << 0.10;
    }
    void oneDayOfLabels()
    {
        LECTERN_SEPARATE_TEST();
        QFETCH(double, maxShare);
        QFETCH(double, sampleShare);
        QFETCH(double, keptFloor);
        QFETCH(double, costCeiling);
        HybridGateSettings gate;
        gate.maxShare = maxShare;
        gate.sampleShare = sampleShare;
        const auto [even, odd] = Test::halves(m_day);
        Figures sum;
        for (const auto &[scored, earlier] : {std::pair {&odd, &even}, std::pair {&even, &odd}}) {
            const Figures f = replay(*scored, *earlier, gate);
            qInfo(
                "hybrid, one day of labels, %s, fold: %s", QTest::currentDataTag(), qPrintable(f.describe()));
            QVERIFY2(f.papers > 0, qPrintable(f.describe()));
            sum.papers += f.papers;
            sum.relevant += f.relevant;
            sum.sent += f.sent;
            sum.kept += f.kept;
            sum.estimatedCost += f.estimatedCost;
            sum.ungatedCost += f.ungatedCost;
        }
        qInfo("hybrid, one day of labels, %s, both folds: %s", QTest::currentDataTag(),
            qPrintable(sum.describe()));
        QVERIFY2(sum.keptShare() >= keptFloor, qPrintable(sum.describe()));
        QVERIFY2(sum.costRatio() > 0 && sum.costRatio() <= costCeiling, qPrintable(sum.describe()));
    }

private:
    // The honest floors reached (README, Scoring): below issue 16's target of 95 % at a tenth of the cost.
    // Since the built-in's marks are calibrated, papers outside a narrow gate no longer pass the thresholds
    // on their place alone: 10 % of the day keeps 57 %, a tenth of the cost 49 % (94 % before, by local
    // marks of 8 that only said "top 28 %").
    static constexpr double TopicsOnlyKept = 0.75;
    static constexpr double TopicsOnlyCost = 0.35;
    static constexpr double DefaultKept = 0.80;
    static constexpr double DefaultCost = 0.35;
    static constexpr double TenPercentKept = 0.52;
    static constexpr double TenthKept = 0.45;
    static constexpr double OwnShareKept = 0.95;
};

QTEST_GUILESS_MAIN(TestHybridRealDay)
#include "test_hybrid_realday.moc"
