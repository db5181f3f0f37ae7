// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in scorer on a real arXiv day against an LLM's verdicts (../shared/data, read at run time):
// topics only, and after one day of labels with the README's 2-fold split.
#include "scoring/builtinscorer.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>
#include <testkit/realday.h>
#include <testkit/separatetest.h>

#include <QRegularExpression>
#include <QTest>

using namespace Lectern;

namespace {

/// Trains on one half's verdicts (through a real store) and measures on the other half.
RankingEvaluation fold(const Test::RealDay &day, const QList<Paper> &train, const QList<Paper> &test)
{
    Test::TempProfileDir dir;
    if (!Test::storeDay(dir.databasePath(), day, train))
        return {};
    return Test::evaluateFromStore(dir.databasePath(), day, test);
}

/// What the marks of a model trained on @p train's verdicts say of @p test: the papers over the digest's
/// default thresholds (relevance 8, novelty 7), the selected ones among them, and the papers' calibrated
/// probabilities added up (the selections the model expects).
struct AtTheThresholds
{
    int over = 0;
    int selectedOver = 0;
    int selected = 0;
    double expected = 0;
};

AtTheThresholds marksOf(const Test::RealDay &day, const QList<Paper> &train, const QList<Paper> &test)
{
    AtTheThresholds t;
    Test::TempProfileDir dir;
    if (!Test::storeDay(dir.databasePath(), day, train))
        return t;
    auto store = PaperStore::open(dir.databasePath());
    if (!store)
        return t;
    auto inputs = BuiltinModel::inputsFromStore(*store.value(), day.topics);
    if (!inputs)
        return t;
    const auto model = BuiltinModel::build(*inputs);
    for (const Paper &p : test) {
        const BuiltinModel::Assessment a = model->assess(p);
        const bool selected = day.relevant.contains(p.arxivId);
        const bool over = a.relevance >= 8 && a.novelty >= 7;
        t.over += over;
        t.selectedOver += over && selected;
        t.selected += selected;
        t.expected += a.probability.value_or(0);
    }
    return t;
}

/// The model's inputs from a store holding the day with the verdicts of @p train, as a run reads them.
std::optional<BuiltinModel::Inputs> inputsAfter(const Test::RealDay &day, const QList<Paper> &train)
{
    Test::TempProfileDir dir;
    if (!Test::storeDay(dir.databasePath(), day, train))
        return std::nullopt;
    auto store = PaperStore::open(dir.databasePath());
    if (!store)
        return std::nullopt;
    auto inputs = BuiltinModel::inputsFromStore(*store.value(), day.topics);
    if (!inputs)
        return std::nullopt;
    return *inputs;
}

RankingEvaluation evaluate(const Test::RealDay &day, BuiltinModel::Inputs inputs,
    const BuiltinModel::Methods &methods, const QList<Paper> &measured)
{
    inputs.methods = methods;
    const auto model = BuiltinModel::build(inputs);
    std::vector<double> scores;
    std::vector<bool> relevant;
    for (const Paper &p : measured) {
        scores.push_back(model->assess(p).rankScore);
        relevant.push_back(day.relevant.contains(p.arxivId));
    }
    return RankingEvaluation::of(scores, relevant);
}

/// recall@k and the top 30 %'s recall, averaged over folds.
struct Figure
{
    double recallAtK = 0;
    double top30 = 0;
    double shareFor95 = 0;
    void add(const RankingEvaluation &e, int folds)
    {
        recallAtK += e.recallAtK / folds;
        top30 += e.recallAtShare30 / folds;
        shareFor95 += e.shareFor95 / folds;
    }
    QString describe() const
    {
        return QStringLiteral("%1 / %2 / %3 %")
            .arg(recallAtK, 0, 'f', 2)
            .arg(top30, 0, 'f', 2)
            .arg(100 * shareFor95, 0, 'f', 0);
    }
};

} // namespace

class TestBuiltinScorerRealDay : public QObject
{
    Q_OBJECT
    Test::RealDay m_day;
    /// recallMethodsCompared's inputs and what each measures: topics only, then the two folds.
    std::vector<std::pair<BuiltinModel::Inputs, QList<Paper>>> m_protocols;
    /// recallMethodsOverRandomHalves': the inputs after each random half, and the other half.
    std::vector<std::pair<BuiltinModel::Inputs, QList<Paper>>> m_randomHalves;

private Q_SLOTS:
    void initTestCase()
    {
        m_day = Test::loadRealDay();
        if (!m_day.isLoaded())
            QSKIP(qPrintable(QStringLiteral("no real day in %1 (the shared/ folder beside the repository)")
                                 .arg(Test::sharedDataDir())));
        QVERIFY(m_day.topics.hasKeywords());
    }

    void topicsOnly()
    {
        Test::TempProfileDir dir;
        QVERIFY(Test::storeDay(dir.databasePath(), m_day, {}));
        const RankingEvaluation e = Test::evaluateFromStore(dir.databasePath(), m_day, m_day.papers);
        qInfo("topics only: %s", qPrintable(e.describe()));
        QCOMPARE(e.relevant, int(m_day.relevant.size()));
        QVERIFY2(e.recallAtK >= TopicsOnlyRecallAtK, qPrintable(e.describe()));
        QVERIFY2(e.recallAtShare30 >= TopicsOnlyTop30, qPrintable(e.describe()));
    }

    /// `lectern eval` on the real day, through the binary: the figures the README's table shows, and the
    /// same recall@k as the ranking measured here.
    void evalCommandOnTheRealDay()
    {
        Test::TempProfileDir dir;
        QVERIFY(Test::storeDay(dir.databasePath(), m_day, {}));
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/prompts")));
        QVERIFY(QFile::copy(QDir(Test::sharedDataDir()).filePath(QStringLiteral("topics-reference.md")),
            dir.path() + QStringLiteral("/prompts/topics.md")));
        const Test::LecternRun run =
            Test::runLectern({QStringLiteral("--profile"), dir.path(), QStringLiteral("eval"),
                QStringLiteral("--day"), m_day.day.toString(Qt::ISODate), QStringLiteral("--truth"),
                QDir(Test::sharedDataDir())
                    .filePath(QStringLiteral("realdays/%1.labels.json").arg(m_day.day.toString(Qt::ISODate))),
                QStringLiteral("--scorer"), QStringLiteral("builtin")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        qInfo("%s", qPrintable(run.out.section(QStringLiteral("\n\nselected"), 0, 0)));
        // The top list marks the judge's papers with "*" (a selected paper is among the first ten).
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\n  \\* #\\d+ \\d{4}\\.\\d{5} "))),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\n    #\\d+ \\d{4}\\.\\d{5} "))),
            qPrintable(run.out));
        const RankingEvaluation e = Test::evaluateFromStore(dir.databasePath(), m_day, m_day.papers);
        QVERIFY2(run.out.contains(QStringLiteral("| recall@k (k = %1) | %2 |")
                                      .arg(e.relevant)
                                      .arg(QString::number(e.recallAtK, 'f', 2))),
            qPrintable(run.out));
    }

    void oneDayOfLabelsTwoFold()
    {
        const auto [even, odd] = Test::halves(m_day);
        const RankingEvaluation a = fold(m_day, even, odd);
        const RankingEvaluation b = fold(m_day, odd, even);
        qInfo("trained on even ids, measured on odd: %s", qPrintable(a.describe()));
        qInfo("trained on odd ids, measured on even: %s", qPrintable(b.describe()));
        const double recall = (a.recallAtK + b.recallAtK) / 2;
        const double top30 = (a.recallAtShare30 + b.recallAtShare30) / 2;
        qInfo("2-fold: recall@k %.2f, top 30 %% %.2f", recall, top30);
        QVERIFY2(recall >= TwoFoldRecallAtK, qPrintable(QString::number(recall)));
        QVERIFY2(top30 >= TwoFoldTop30, qPrintable(QString::number(top30)));
    }

    /// With one day of labels the marks are the calibrated probability that the LLM selects a paper: how
    /// many papers of the other half they put over the thresholds, against the LLM's own selection.
    void oneDayOfLabelsMarksAtTheThresholds()
    {
        const auto [even, odd] = Test::halves(m_day);
        AtTheThresholds sum;
        for (const auto &[train, test] : {std::pair {&even, &odd}, std::pair {&odd, &even}}) {
            const AtTheThresholds t = marksOf(m_day, *train, *test);
            qInfo("2-fold half: %d papers over the thresholds, %d of them selected, of %d selected; the "
                  "probabilities add up to %.1f",
                t.over, t.selectedOver, t.selected, t.expected);
            sum.over += t.over;
            sum.selectedOver += t.selectedOver;
            sum.selected += t.selected;
            sum.expected += t.expected;
        }
        qInfo("2-fold: %d papers over the thresholds (the LLM selected %d), precision %.2f, recall %.2f; the "
              "probabilities add up to %.1f",
            sum.over, sum.selected, sum.over > 0 ? double(sum.selectedOver) / sum.over : 0.0,
            double(sum.selectedOver) / sum.selected, sum.expected);
        // Calibrated: the expected selections are of the order of the real ones (not the fixed quarter of
        // the day that places gave), and what passes the thresholds is mostly what the LLM selected.
        QVERIFY2(sum.expected > 0.5 * sum.selected && sum.expected < 2.0 * sum.selected,
            qPrintable(QString::number(sum.expected)));
        QVERIFY2(sum.over < 2 * sum.selected, qPrintable(QString::number(sum.over)));
    }

    void oneDayOfLabelsRandomHalves()
    {
        double recall = 0;
        double top30 = 0;
        double worst = 1;
        constexpr int Repeats = 8;
        for (quint32 seed = 1; seed <= Repeats; ++seed) {
            const auto [first, second] = Test::halves(m_day, seed);
            const RankingEvaluation e = fold(m_day, first, second);
            recall += e.recallAtK / Repeats;
            top30 += e.recallAtShare30 / Repeats;
            worst = std::min(worst, e.recallAtK);
        }
        qInfo("%d random halves: mean recall@k %.2f (worst %.2f), mean top 30 %% %.2f", Repeats, recall,
            worst, top30);
        QVERIFY2(recall >= RandomHalvesRecallAtK, qPrintable(QString::number(recall)));
        QVERIFY2(top30 >= RandomHalvesTop30, qPrintable(QString::number(top30)));
    }

    /// Every recall method on its own and together, without labels and with one day of them (2-fold): the
    /// figures the README's table of methods shows (recall@k / top 30 % / share of the day for 95 %).
    /// Measures only: which methods are on by default is decided by these figures, and the tests above hold
    /// the defaults to their floors. A CTest test of its own (tests/CMakeLists.txt), as is the next.
    void recallMethodsCompared_data()
    {
        QTest::addColumn<bool>("selfTraining");
        QTest::addColumn<bool>("latentSemantic");
        QTest::addColumn<bool>("topicsAsPositives");
        QTest::addColumn<bool>("coTraining");
        QTest::addColumn<bool>("categoryPrior");
        QTest::addColumn<bool>("placeFeature");
        QTest::addColumn<bool>("fusedFeedback");
        QTest::addColumn<bool>("committee");
        QTest::newRow("none of them") << false << false << false << false << false << false << false << false;
        QTest::newRow("self-training (the default)")
            << true << false << false << false << false << false << false << false;
        QTest::newRow("latent semantic index")
            << false << true << false << false << false << false << false << false;
        QTest::newRow("topics as positives")
            << false << false << true << false << false << false << false << false;
        QTest::newRow("all three") << true << true << true << false << false << false << false << false;
        QTest::newRow("co-training in place of self-training")
            << false << false << false << true << false << false << false << false;
        QTest::newRow("co-training beside self-training")
            << true << false << false << true << false << false << false << false;
        QTest::newRow("category prior") << true << false << false << false << true << false << false << false;
        QTest::newRow("feedback from the fused ranking")
            << true << false << false << false << false << false << true << false;
        QTest::newRow("committee of the folds")
            << true << false << false << false << false << false << false << true;
        QTest::newRow("place feature") << true << false << false << false << false << true << false << false;
        QTest::newRow("self-training, without negative feedback")
            << true << false << false << false << false << false << false << false;
    }
    void recallMethodsCompared()
    {
        LECTERN_SEPARATE_TEST();
        QFETCH(bool, selfTraining);
        QFETCH(bool, latentSemantic);
        QFETCH(bool, topicsAsPositives);
        QFETCH(bool, coTraining);
        QFETCH(bool, categoryPrior);
        QFETCH(bool, placeFeature);
        QFETCH(bool, fusedFeedback);
        QFETCH(bool, committee);
        BuiltinModel::Methods methods {selfTraining, latentSemantic, topicsAsPositives, coTraining,
            categoryPrior, placeFeature, fusedFeedback, committee};
        methods.negativeFeedback = !QByteArray(QTest::currentDataTag()).endsWith("without negative feedback");
        const auto [even, odd] = Test::halves(m_day);
        if (m_protocols.empty()) {
            // The stores are written once; each method builds its models from the inputs they give.
            const auto topicsOnly = inputsAfter(m_day, {});
            const auto trainedEven = inputsAfter(m_day, even);
            const auto trainedOdd = inputsAfter(m_day, odd);
            QVERIFY(topicsOnly && trainedEven && trainedOdd);
            m_protocols.emplace_back(*topicsOnly, m_day.papers);
            m_protocols.emplace_back(*trainedEven, odd);
            m_protocols.emplace_back(*trainedOdd, even);
        }
        Figure topics;
        topics.add(evaluate(m_day, m_protocols[0].first, methods, m_protocols[0].second), 1);
        Figure twoFold;
        for (size_t i = 1; i <= 2; ++i)
            twoFold.add(evaluate(m_day, m_protocols[i].first, methods, m_protocols[i].second), 2);
        qInfo("| %s | %s | %s |", QTest::currentDataTag(), qPrintable(topics.describe()),
            qPrintable(twoFold.describe()));
        QVERIFY(topics.recallAtK > 0 && twoFold.recallAtK > 0);
    }

    /// The same over 8 random halves. Self-training is a method for days without labels (with labels it is
    /// off), so with labels "none of them" is also the default and "latent semantic index and topics as
    /// positives" also all three.
    void recallMethodsOverRandomHalves_data()
    {
        QTest::addColumn<bool>("latentSemantic");
        QTest::addColumn<bool>("topicsAsPositives");
        QTest::addColumn<bool>("categoryPrior");
        QTest::addColumn<bool>("placeFeature");
        QTest::newRow("none of them") << false << false << false << false;
        QTest::newRow("latent semantic index") << true << false << false << false;
        QTest::newRow("topics as positives") << false << true << false << false;
        QTest::newRow("latent semantic index and topics as positives") << true << true << false << false;
        QTest::newRow("category prior") << false << false << true << false;
        QTest::newRow("place feature") << false << false << false << true;
        QTest::newRow("committee of the folds") << false << false << false << false;
        QTest::newRow("without negative feedback") << false << false << false << false;
    }
    void recallMethodsOverRandomHalves()
    {
        LECTERN_SEPARATE_TEST();
        QFETCH(bool, latentSemantic);
        QFETCH(bool, topicsAsPositives);
        QFETCH(bool, categoryPrior);
        QFETCH(bool, placeFeature);
        BuiltinModel::Methods methods {
            true, latentSemantic, topicsAsPositives, false, categoryPrior, placeFeature};
        methods.committee = QTest::currentDataTag() == QByteArray("committee of the folds");
        methods.negativeFeedback = QTest::currentDataTag() != QByteArray("without negative feedback");
        constexpr int Repeats = 8;
        if (m_randomHalves.empty()) {
            for (quint32 seed = 1; seed <= Repeats; ++seed) {
                const auto [first, second] = Test::halves(m_day, seed);
                const auto inputs = inputsAfter(m_day, first);
                QVERIFY(inputs);
                m_randomHalves.emplace_back(*inputs, second);
            }
        }
        Figure halves;
        for (const auto &[inputs, measured] : m_randomHalves)
            halves.add(evaluate(m_day, inputs, methods, measured), Repeats);
        qInfo("| %s | %s |", QTest::currentDataTag(), qPrintable(halves.describe()));
        QVERIFY(halves.recallAtK > 0);
    }

private:
    // What the method reaches on 2025-11-04, a little under the measured figures (topics only 0.49 with
    // 0.83 in the top 30 %, 2-fold 0.52 with 0.94, random halves 0.53 with 0.90); issue 16 aims at 0.5, 0.75
    // and 0.95. Before the criteria queries' negative feedback: topics only 0.46 (0.83), the rest the same;
    // before self-training: topics only 0.43 (0.80); before the criteria queries and the learned
    // blend: 0.34 (0.77), 0.54 (0.89), 0.59 (0.85); before the cross-list prior: 0.31 (0.77), 0.50 (0.86),
    // 0.56; before pseudo-relevance feedback and category terms: 0.26, 0.48 (0.83), 0.52.
    // The floors sit at the measured figures (2026-12-07, after five more methods were measured and left
    // off: README), so that a change that loses a paper of the day fails here.
    static constexpr double TopicsOnlyRecallAtK = 0.48;
    static constexpr double TopicsOnlyTop30 = 0.82;
    static constexpr double TwoFoldRecallAtK = 0.52;
    static constexpr double TwoFoldTop30 = 0.93;
    static constexpr double RandomHalvesRecallAtK = 0.52;
    static constexpr double RandomHalvesTop30 = 0.89;
};

QTEST_GUILESS_MAIN(TestBuiltinScorerRealDay)
#include "test_builtinscorer_realday.moc"
