// SPDX-License-Identifier: GPL-3.0-or-later
// Hybrid scoring (scoring/mode hybrid): the built-in scorer ranks a synthetic day, the real OpenAiProvider
// sends only the gate and the day's sample to a loopback Chat Completions stand-in, and the rest keep the
// built-in's marks — labelled so in the table, the detail pane and the digest.
#include "digest/digestbuilder.h"
#include "digest/digesthtml.h"
#include "digest/digestjson.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "scoring/authormatcher.h"
#include "scoring/hybridgate.h"
#include "scoring/llmproviders.h"
#include "scoring/scoringjob.h"
#include "store/gatereportstore.h"
#include "store/paperstore.h"
#include "ui/detailpane.h"

#include <testkit/fixtures.h>
#include <testkit/openaistandin.h>
#include <testkit/scoringrun.h>

#include <QApplication>
#include <QEventLoop>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <numeric>

using namespace Lectern;

namespace {

const QDate kDay(2026, 11, 23);
const QDate kEarlier(2026, 11, 20);
constexpr int kPapers = 120;
const QString kModel = QStringLiteral("gpt-5-mini");

// Papers about the default topics (efficient LLM inference) and papers about other things.
const QStringList kOnTopic {QStringLiteral("Quantization of the kv cache for fast inference"),
    QStringLiteral("Speculative decoding with sparse attention"),
    QStringLiteral("Pruning mixture of experts layers for inference latency"),
    QStringLiteral("Knowledge distillation and low-rank adaptation for serving systems")};
const QStringList kOffTopic {QStringLiteral("Protein folding with equivariant networks"),
    QStringLiteral("Legged robot locomotion over rough terrain"),
    QStringLiteral("Graph colouring heuristics"), QStringLiteral("Causal discovery in econometric panels"),
    QStringLiteral("Medical image segmentation"), QStringLiteral("Fairness audits of credit scoring"),
    QStringLiteral("Music generation from symbolic scores"),
    QStringLiteral("Satellite imagery for crop yield")};

bool isOnTopic(int i)
{
    return i % 5 == 0;
}

/// Papers the built-in scorer cannot know the LLM wants: off topic by their words, selected all the same.
bool isHiddenGem(int i)
{
    return !isOnTopic(i) && i % 11 == 0;
}

QString idOf(int base, int i)
{
    return QStringLiteral("2611.%1").arg(base + i, 5, 10, QChar(u'0'));
}

QList<Paper> dayOf(int base, const QDate &day)
{
    QList<Paper> papers;
    for (int i = 1; i <= kPapers; ++i) {
        Paper p = Test::makePaper(idOf(base, i), 1, day);
        const QString &theme =
            isOnTopic(i) ? kOnTopic.at(i % kOnTopic.size()) : kOffTopic.at(i % kOffTopic.size());
        p.title = QStringLiteral("%1, study %2").arg(theme).arg(i);
        p.abstract = QStringLiteral("We study %1. Experiments on benchmark %2 show consistent gains.")
                         .arg(theme.toLower())
                         .arg(i % 7);
        papers << p;
    }
    return papers;
}

/// A day where every @p every-th paper is about the topics (the others about other things).
QList<Paper> dayWithOnTopicEvery(int base, const QDate &day, int every)
{
    QList<Paper> papers;
    for (int i = 1; i <= kPapers; ++i) {
        Paper p = Test::makePaper(idOf(base, i), 1, day);
        const bool onTopic = i % every == 0;
        const QString &theme =
            onTopic ? kOnTopic.at(i % kOnTopic.size()) : kOffTopic.at(i % kOffTopic.size());
        p.title = QStringLiteral("%1, study %2").arg(theme).arg(i);
        p.abstract = QStringLiteral("We study %1. Experiments on benchmark %2 show consistent gains.")
                         .arg(theme.toLower())
                         .arg(i % 7);
        papers << p;
    }
    return papers;
}

/// The stand-in's verdicts: on-topic papers and the hidden gems are selected (9/8), the others not (2/3).
std::pair<int, int> verdict(const QString &id)
{
    const int i = id.right(3).toInt();
    return isOnTopic(i) || isHiddenGem(i) ? std::pair {9, 8} : std::pair {2, 3};
}

void seed(const QString &databasePath, const QDate &day = kDay, bool earlierLabels = false)
{
    auto store = PaperStore::open(databasePath);
    QVERIFY(store.ok());
    QVERIFY(store.value()->upsertPapers(dayOf(0, day)).ok());
    if (!earlierLabels)
        return;
    // An earlier day the LLM scored: its verdicts are the built-in's labels (and the gate's calibration).
    const QList<Paper> earlier = dayOf(500, kEarlier);
    QVERIFY(store.value()->upsertPapers(earlier).ok());
    for (const Paper &p : earlier) {
        const int i = p.arxivId.right(3).toInt() - 500;
        Score s = Test::makeScore(p, isOnTopic(i) ? 9 : 2, isOnTopic(i) ? 8 : 3);
        s.model = kModel;
        s.scoredAt = QDateTime(kEarlier, QTime(8, 0), QTimeZone::UTC);
        QVERIFY(store.value()->addScore(s).ok());
    }
}

ScoringRequest request(const QString &databasePath, const QUrl &base, const QDate &day = kDay)
{
    ScoringRequest rq;
    rq.databasePath = databasePath;
    rq.day = day;
    rq.prompt = PromptTemplate::defaults();
    rq.batchSize = 10;
    rq.parallel = 2;
    rq.mode = ScoringMode::Hybrid;
    HttpOptions http;
    http.timeoutMs = 20000;
    rq.factory = Test::openAiFactory(base, kModel, http);
    return rq;
}

using Outcome = Test::ScoringRun;

Outcome runJob(const ScoringRequest &rq)
{
    return Test::runScoringJob(rq, 120000);
}

QList<PaperRecord> recordsOf(const QString &databasePath, const QDate &day = kDay)
{
    auto store = PaperStore::open(databasePath);
    if (!store)
        return {};
    auto records = store.value()->recordsForDay(day);
    return records ? *records : QList<PaperRecord>();
}

struct Served
{
    Test::LoopbackHttpServer server;
    Test::OpenAiStandIn standIn;
    Served()
    {
        standIn.verdicts = [](const QString &id) {
            const auto [relevance, novelty] = verdict(id);
            return Test::OpenAiStandIn::Verdict {relevance, novelty, QStringLiteral("Stand-in verdict")};
        };
        standIn.install(server);
    }
    QUrl base() const { return server.url(QStringLiteral("/v1")); }
    QSet<QString> sent() const
    {
        const QStringList ids = standIn.scoredIds();
        return QSet<QString>(ids.cbegin(), ids.cend());
    }
};

} // namespace

class TestHybridScoring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sampleIsSeededPerDayAndStable()
    {
        QStringList outside;
        for (int i = 1; i <= 200; ++i)
            outside << idOf(0, i);
        const QStringList a = HybridGate::sampleOf(outside, kDay, 8);
        QCOMPARE(a.size(), 8);
        QCOMPARE(QSet<QString>(a.cbegin(), a.cend()).size(), 8);
        // The same day, the papers in another order: the same sample.
        QStringList reversed = outside;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(HybridGate::sampleOf(reversed, kDay, 8), a);
        // A paper that leaves the rest (it entered the gate) takes no other sampled paper with it.
        QStringList fewer = outside;
        const QString gone = outside.at(0) == a.at(0) ? outside.at(1) : outside.at(0);
        fewer.removeOne(a.contains(gone) ? QString() : gone);
        QCOMPARE(HybridGate::sampleOf(fewer, kDay, 8), a);
        // Another day: another sample.
        QVERIFY(HybridGate::sampleOf(outside, kDay.addDays(1), 8) != a);

        HybridGateSettings s;
        s.sampleShare = 0.04;
        s.minSample = 5;
        QCOMPARE(HybridGate(s).sampleSize(0), 0);
        QCOMPARE(HybridGate(s).sampleSize(3), 3);
        QCOMPARE(HybridGate(s).sampleSize(100), 5);
        QCOMPARE(HybridGate(s).sampleSize(400), 16);
    }

    void cutAndRecallArithmetic()
    {
        // Ten positives needed 1 %..10 % of the day: 95 % of them need the tenth's share, 80 % the eighth's.
        QList<double> shares;
        for (int i = 10; i >= 1; --i)
            shares << i / 100.0;
        QCOMPARE(HybridGate::shareForRecall(shares, 0.95), 0.10);
        QCOMPARE(HybridGate::shareForRecall(shares, 0.8), 0.08);
        QCOMPARE(HybridGate::shareForRecall({}, 0.95), 1.0);
        // 9 selected in the gate; 1 of 10 sampled papers of 90 outside: about 9 missed, recall 0.5.
        QCOMPARE(*HybridGate::recallEstimate(9, 1, 10, 90), 0.5);
        QCOMPARE(*HybridGate::recallEstimate(9, 0, 10, 90), 1.0);
        QVERIFY(!HybridGate::recallEstimate(9, 0, 0, 90));
        QVERIFY(!HybridGate::recallEstimate(0, 0, 10, 90));
        // Nothing found in a sample of 10 still allows about 21 % selected outside (Wilson, 95 %): 19 missed.
        GateReport r;
        r.ranked = 100;
        r.gate = 10;
        r.gateRelevant = 9;
        r.sampleJudged = 10;
        QVERIFY(r.recallLowerBound());
        QVERIFY2(*r.recallLowerBound() > 0.31 && *r.recallLowerBound() < 0.33,
            qPrintable(QString::number(*r.recallLowerBound())));
        r.sampleJudged = 0;
        QVERIFY(!r.recallLowerBound());
    }

    /// Only the gate and the sample reach the LLM; the others keep the built-in's marks as lectern-local's,
    /// and the run reports how many the LLM saw and the gate's estimated recall.
    void onlyTheGateAndTheSampleReachTheLlm()
    {
        Served served;
        QVERIFY(served.server.listen());
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        const Outcome out = runJob(request(dir.databasePath(), served.base()));
        QVERIFY2(out.ok, qPrintable(out.message));
        const ScoringSummary &sum = out.summary;
        QVERIFY(sum.hybrid);
        QVERIFY(sum.gateReport);
        const GateReport &report = *sum.gateReport;

        // No labels yet: the gate takes its ceiling (30 %), the sample 4 % of the rest but at least 5.
        QCOMPARE(report.ranked, kPapers);
        QCOMPARE(report.gate, 36);
        QCOMPARE(report.sample, 5);
        const QSet<QString> sent = served.sent();
        QCOMPARE(int(sent.size()), report.gate + report.sample);
        QCOMPARE(served.standIn.scoredIds().size(), sent.size()); // each paper sent once
        QCOMPARE(report.llmSeen, int(sent.size()));
        QCOMPARE(sum.scored, int(sent.size()));
        QCOMPARE(sum.gateLocal, kPapers - int(sent.size()));

        // Every paper the LLM did not see has the built-in's marks, as lectern-local's, ranked below the
        // gate.
        const QRegularExpression rank(QStringLiteral(
            "^Not sent to the LLM: the hybrid gate ranked it (\\d+) of 120\\. Built-in scorer \\(no LLM\\)"));
        int local = 0;
        const QList<PaperRecord> records = recordsOf(dir.databasePath());
        QCOMPARE(int(records.size()), kPapers);
        for (const PaperRecord &r : records) {
            QVERIFY(r.score && r.score->isScored());
            if (sent.contains(r.paper.arxivId)) {
                QCOMPARE(r.score->model, kModel);
                QCOMPARE(std::pair(*r.score->relevance, *r.score->novelty), verdict(r.paper.arxivId));
                continue;
            }
            ++local;
            QCOMPARE(r.score->model, QStringLiteral("lectern-local"));
            QVERIFY(r.score->isLocal());
            const auto m = rank.match(r.score->comment);
            QVERIFY2(m.hasMatch(), qPrintable(r.score->comment));
            QVERIFY2(m.captured(1).toInt() > report.gate, qPrintable(r.score->comment));
        }
        QCOMPARE(local, kPapers - report.gate - report.sample);
        // Every on-topic paper is in the gate: the built-in ranks them first by the topics' keywords.
        for (int i = 1; i <= kPapers; ++i) {
            if (isOnTopic(i))
                QVERIFY2(sent.contains(idOf(0, i)), qPrintable(idOf(0, i)));
        }
        // The LLM's selections among what it saw, as the report counts them (gate and sample).
        const int selectedSent = int(std::count_if(
            sent.cbegin(), sent.cend(), [](const QString &id) { return verdict(id).first >= 8; }));
        QCOMPARE(report.gateRelevant + report.sampleRelevant, selectedSent);
        QCOMPARE(report.sampleJudged, report.sample);
        QCOMPARE(report.recall,
            HybridGate::recallEstimate(
                report.gateRelevant, report.sampleRelevant, report.sampleJudged, report.outside()));

        // Stored with the day.
        {
            auto store = PaperStore::open(dir.databasePath());
            auto stored = GateReportStore(store.value()->database()).load(kDay);
            QVERIFY(stored.ok() && stored->has_value());
            QCOMPARE((*stored)->llmSeen, report.llmSeen);
            QCOMPARE((*stored)->gate, report.gate);
            QCOMPARE((*stored)->recall, report.recall);
        }

        // The report lines of `lectern score`.
        const QString lines = sum.stageLines().join(u'\n');
        QVERIFY2(
            lines.contains(QStringLiteral("Hybrid gate: gate: top 36 of 120 (30.0 %)")), qPrintable(lines));
        QVERIFY2(lines.contains(
                     QStringLiteral("Hybrid scoring: the LLM (gpt-5-mini) saw %1 of 120 papers (gate 36, "
                                    "random sample 5)")
                         .arg(sent.size())),
            qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("Estimated recall of the gate: ")), qPrintable(lines));
        QVERIFY2(sum.describe().contains(
                     QStringLiteral("hybrid: the LLM saw %1 of 120 papers, estimated recall of "
                                    "the gate ")
                         .arg(sent.size())),
            qPrintable(sum.describe()));

        // A second run sends no paper again: the LLM's verdicts are cached. (The gate is decided again by a
        // model that learned them, so it may reach papers it ruled out before; those are sent once.)
        const Outcome again = runJob(request(dir.databasePath(), served.base()));
        QVERIFY2(again.ok, qPrintable(again.message));
        const QStringList all = served.standIn.scoredIds();
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
        QCOMPARE(again.summary.gateReport->llmSeen, int(all.size()));
        QCOMPARE(again.summary.cached, int(sent.size()));
    }

    /// The day's sample is the same on every run of the day (another profile, the same papers), and another
    /// day draws another sample of the same papers while the gate stays.
    void theSampleIsDeterministicPerDay()
    {
        QSet<QString> first;
        QSet<QString> second;
        QSet<QString> otherDay;
        for (auto [set, day] :
            {std::pair {&first, kDay}, std::pair {&second, kDay}, std::pair {&otherDay, kDay.addDays(1)}}) {
            Served served;
            QVERIFY(served.server.listen());
            Test::TempProfileDir dir;
            seed(dir.databasePath(), day);
            const Outcome out = runJob(request(dir.databasePath(), served.base(), day));
            QVERIFY2(out.ok, qPrintable(out.message));
            *set = served.sent();
        }
        QCOMPARE(first, second);
        QCOMPARE(first.size(), otherDay.size());
        QVERIFY(first != otherDay);
        // What differs is the sample only: at most its 5 papers each way.
        QVERIFY2((first - otherDay).size() <= 5, qPrintable(QString::number((first - otherDay).size())));
    }

    /// With an earlier day of LLM verdicts, the gate's share comes from the calibrated probabilities, not the
    /// ceiling, and the held-out labels say how much of them it holds.
    void labelsCalibrateTheGate()
    {
        Served served;
        QVERIFY(served.server.listen());
        Test::TempProfileDir dir;
        seed(dir.databasePath(), kDay, true);
        const Outcome out = runJob(request(dir.databasePath(), served.base()));
        QVERIFY2(out.ok, qPrintable(out.message));
        const GateReport &report = *out.summary.gateReport;
        qInfo("%s", qPrintable(out.summary.gateLine));
        QVERIFY2(out.summary.gateLine.contains(QStringLiteral("held-out labels: 24 positives")),
            qPrintable(out.summary.gateLine));
        QVERIFY2(
            out.summary.gateLine.contains(QStringLiteral("chosen by the model's calibrated probabilities")),
            qPrintable(out.summary.gateLine));
        QVERIFY(report.heldOutRecall);
        // About the on-topic fifth of the day, not the 30 % ceiling; of the on-topic papers the LLM sees at
        // least the 95 % the probabilities aim at.
        QVERIFY2(report.gate < 36, qPrintable(out.summary.gateLine));
        QVERIFY2(report.gate >= int(0.95 * kPapers / 5), qPrintable(out.summary.gateLine));
        const QSet<QString> sent = served.sent();
        int onTopic = 0;
        int onTopicSent = 0;
        for (int i = 1; i <= kPapers; ++i) {
            onTopic += isOnTopic(i);
            onTopicSent += isOnTopic(i) && sent.contains(idOf(0, i));
        }
        QVERIFY2(onTopicSent >= 0.95 * onTopic,
            qPrintable(QStringLiteral("%1 of %2").arg(onTopicSent).arg(onTopic)));

        // What the model expected of its gate is the report's too: stored with the day, and said by
        // `lectern score` and the digest beside the sample's estimate.
        QVERIFY(report.expectedRecall && report.expectedRelevant);
        const QString expected = QString::number(*report.expectedRecall, 'f', 2);
        QVERIFY2(out.summary.gateLine.contains(QStringLiteral("the gate holds %1 of them").arg(expected)),
            qPrintable(out.summary.gateLine));
        const QString said = QStringLiteral("Recall expected by the built-in model: %1 (of the %2 selections")
                                 .arg(expected, QString::number(*report.expectedRelevant, 'f', 1));
        QVERIFY2(out.summary.stageLines().join(u'\n').contains(said), qPrintable(report.line()));
        QVERIFY2(out.summary.describe().contains(QStringLiteral("(the model expected %1)").arg(expected)),
            qPrintable(out.summary.describe()));
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        auto stored = GateReportStore(store.value()->database()).load(kDay);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->expectedRecall, report.expectedRecall);
        QCOMPARE((*stored)->expectedRelevant, report.expectedRelevant);
        auto digest = DigestBuilder::fromStore(*store.value(), kDay, AuthorMatcher(QStringList()), 8, 7);
        QVERIFY(digest.ok() && digest->gate);
        const QString markdown = DigestBuilder::markdown(*digest);
        // The totals, then the hybrid line with both estimates (Markdown escapes its parentheses).
        const qsizetype totals = markdown.indexOf(QStringLiteral("Total relevant papers: "));
        const qsizetype line =
            markdown.indexOf(QStringLiteral("Recall expected by the built-in model: ") + expected);
        QVERIFY2(totals >= 0 && line > totals, qPrintable(markdown.left(2000)));
        QVERIFY(DigestHtml::render({*digest}).contains(
            QStringLiteral("Recall expected by the built-in model: ") + expected));
        const QJsonObject hybrid = DigestJson::day(*digest).value(QStringLiteral("hybrid")).toObject();
        QCOMPARE(hybrid.value(QStringLiteral("expectedRecall")).toDouble(), *report.expectedRecall);
    }

    /// The gate's share is the model's own calibrated confidence: the shortest top of the ranking that leaves
    /// out at most 5 % of the selections the probabilities expect. A day with few likely papers sends fewer
    /// to the LLM than a day with many, and the decision says what it expected.
    void theGateFollowsTheCalibratedProbabilities()
    {
        // An earlier day the LLM scored (a fifth on the topics, selected) teaches and calibrates the model.
        const QList<Paper> earlier = dayWithOnTopicEvery(500, kEarlier, 5);
        HybridGateSettings settings;
        settings.maxShare = 1.0; // no ceiling: the share is the probabilities' own
        const auto decide = [&](int every) {
            const QList<Paper> day = dayWithOnTopicEvery(0, kDay, every);
            BuiltinModel::Inputs inputs;
            inputs.topics = PromptTemplate::defaults().topics();
            inputs.collection = day + earlier;
            for (const Paper &p : earlier)
                (p.arxivId.right(3).toInt() % 5 == 0 ? inputs.llmRelevant : inputs.llmOther) << p;
            const auto model = BuiltinModel::build(inputs);
            return HybridGate(settings).decide(*model, inputs, day, kDay);
        };
        const GateDecision few = decide(20); // 6 of 120 about the topics
        const GateDecision many = decide(3); // 40 of 120
        qInfo("few: %s", qPrintable(few.describe()));
        qInfo("many: %s", qPrintable(many.describe()));
        for (const GateDecision *d : {&few, &many}) {
            QVERIFY(d->byProbability);
            QVERIFY(d->expectedRelevant && d->expectedRecall && d->probabilityBound);
            QVERIFY2(d->describe().contains(QStringLiteral("chosen by the model's calibrated probabilities")),
                qPrintable(d->describe()));
            // The rule: what is left out carries at most 5 % of the expected selections, and the gate is
            // the shortest top that does (one paper less would leave out more), unless the floor holds it.
            std::vector<double> p;
            for (const GateEntry &e : d->ranked)
                p.push_back(*e.probability);
            const double total = std::accumulate(p.begin(), p.end(), 0.0);
            QCOMPARE(total, *d->expectedRelevant);
            const int size = d->gateSize();
            const double left = std::accumulate(p.begin() + size, p.end(), 0.0);
            QVERIFY2(left <= 0.05 * total + 1e-9, qPrintable(QString::number(left / total)));
            if (size > int(std::ceil(settings.minShare * kPapers)))
                QVERIFY(left + p[size_t(size) - 1] > 0.05 * total);
            QVERIFY(*d->expectedRecall >= 0.95);
            QCOMPARE(*d->probabilityBound, p[size_t(size) - 1]);
            // At least 95 % of the papers about the topics are in the gate.
            int onTopic = 0;
            int inGate = 0;
            for (const GateEntry &e : d->ranked) {
                const bool about = kOnTopic.contains(e.paper.title.section(u',', 0, 0));
                onTopic += about;
                inGate += about && d->gate.contains(e.paper.arxivId);
            }
            QVERIFY2(
                inGate >= 0.95 * onTopic, qPrintable(QStringLiteral("%1 of %2").arg(inGate).arg(onTopic)));
        }
        QVERIFY2(*few.expectedRelevant < *many.expectedRelevant,
            qPrintable(few.describe() + u'\n' + many.describe()));
        QVERIFY2(few.gateSize() < many.gateSize(), qPrintable(few.describe() + u'\n' + many.describe()));
        // Few: about its 6 papers, not a fixed share of the day.
        QVERIFY2(few.gateSize() <= 12, qPrintable(few.describe()));
        QVERIFY2(many.gateSize() >= 38, qPrintable(many.describe()));
    }

    /// Marks the LLM did not give say so in the table, the detail pane and the digest (Markdown, HTML, JSON).
    void localMarksAreLabelledEverywhere()
    {
        Served served;
        QVERIFY(served.server.listen());
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        const Outcome out = runJob(request(dir.databasePath(), served.base()));
        QVERIFY2(out.ok, qPrintable(out.message));
        const QSet<QString> sent = served.sent();
        const QList<PaperRecord> records = recordsOf(dir.databasePath());

        PaperTableModel model;
        model.setRecords(records);
        DetailPane pane;
        int localRows = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = model.index(row, 0).data(ArxivIdRole).toString();
            const bool local = !sent.contains(id);
            localRows += local;
            QCOMPARE(model.index(row, 0).data(LocalScoreRole).toBool(), local);
            const QModelIndex relevance = model.index(row, RelevanceColumn);
            QCOMPARE(
                relevance.data(Qt::ToolTipRole).toString().contains(QStringLiteral("lectern-local")), local);
            QCOMPARE(relevance.data(Qt::FontRole).value<QFont>().italic(), local);
            if (row < 12) { // a few of each in the pane
                pane.showRecord(&records.at(row));
                const QString text = pane.toPlainText();
                QCOMPARE(text.contains(QStringLiteral("scored by lectern-local")),
                    !sent.contains(records.at(row).paper.arxivId));
                QCOMPARE(text.contains(kModel), sent.contains(records.at(row).paper.arxivId));
            }
        }
        QCOMPARE(localRows, kPapers - int(sent.size()));

        // Every paper in the digest (thresholds 1/1), each local one labelled, no LLM verdict labelled so.
        auto store = PaperStore::open(dir.databasePath());
        auto digest = DigestBuilder::fromStore(*store.value(), kDay, AuthorMatcher(QStringList()), 1, 1);
        QVERIFY(digest.ok());
        QVERIFY(digest->gate);
        QCOMPARE(int(digest->entries.size()), kPapers);
        const QString markdown = DigestBuilder::markdown(*digest);
        QVERIFY2(
            markdown.contains(QStringLiteral("Hybrid scoring: the LLM \\(gpt-5-mini\\) saw %1 of 120 papers")
                                  .arg(sent.size())) ||
                markdown.contains(QStringLiteral("Hybrid scoring: the LLM (gpt-5-mini) saw %1 of 120 papers")
                                      .arg(sent.size())),
            qPrintable(markdown.left(1500)));
        QVERIFY(markdown.contains(QStringLiteral("Estimated recall of the gate: ")));
        const QStringList sections = markdown.split(QStringLiteral("\n\n---\n\n"));
        int labelled = 0;
        for (const QString &section : sections) {
            const auto id = QRegularExpression(QStringLiteral("\\*\\*ArXiv ID:\\*\\* (\\S+)")).match(section);
            if (!id.hasMatch())
                continue;
            const bool isLabelled = section.contains(
                QStringLiteral("*scored by lectern-local (the built-in scorer, not an LLM)*"));
            QCOMPARE(isLabelled, !sent.contains(id.captured(1)));
            labelled += isLabelled;
        }
        QCOMPARE(labelled, localRows);
        const QString html = DigestHtml::render({*digest});
        QCOMPARE(int(html.count(QStringLiteral("scored by lectern-local (the built-in scorer, not an LLM)"))),
            localRows);
        QVERIFY(html.contains(QStringLiteral("saw %1 of 120 papers").arg(sent.size())));
        const QJsonObject day = DigestJson::day(*digest);
        QCOMPARE(day.value(QStringLiteral("hybrid")).toObject().value(QStringLiteral("llmSeen")).toInt(),
            int(sent.size()));
        int jsonLabelled = 0;
        for (const QJsonValue &e : day.value(QStringLiteral("papers")).toArray()) {
            const QJsonObject score = e.toObject().value(QStringLiteral("score")).toObject();
            const bool isLabelled = score.contains(QStringLiteral("scoredBy"));
            QCOMPARE(isLabelled, score.value(QStringLiteral("model")).toString() == u"lectern-local");
            jsonLabelled += isLabelled;
        }
        QCOMPARE(jsonLabelled, localRows);
    }

    /// The dry run estimates the hybrid run's cost next to sending every paper, and sends nothing.
    void dryRunShowsTheHybridEstimate()
    {
        Served served;
        QVERIFY(served.server.listen());
        Test::TempProfileDir dir;
        seed(dir.databasePath());
        ScoringRequest rq = request(dir.databasePath(), served.base());
        rq.dryRun = true;
        const Outcome out = runJob(rq);
        QVERIFY2(out.ok, qPrintable(out.message));
        QVERIFY(served.standIn.served.isEmpty());
        const ScoringSummary &sum = out.summary;
        QCOMPARE(sum.toScore, 41);
        QCOMPARE(sum.beforeGate, kPapers);
        QVERIFY(sum.estimatedCost > 0);
        QVERIFY2(sum.ungatedCost > 2.5 * sum.estimatedCost, qPrintable(sum.describe()));
        QVERIFY2(sum.describe().contains(QStringLiteral("dry run, hybrid: 41 of 120 papers would be sent")),
            qPrintable(sum.describe()));
        QVERIFY(sum.stageLines().join(u'\n').contains(
            QStringLiteral("Without the hybrid gate (all 120 papers to the LLM)")));
        // Nothing stored.
        for (const PaperRecord &r : recordsOf(dir.databasePath()))
            QVERIFY(!r.score);
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestHybridScoring test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_hybridscoring.moc"
