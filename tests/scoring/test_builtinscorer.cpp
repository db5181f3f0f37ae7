// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/builtinscorer.h"
#include "scoring/prompttemplate.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/labelledpapers.h>

#include <QTest>

using namespace Lectern;
using Assessment = BuiltinModel::Assessment;

namespace {

ResearchTopics testTopics()
{
    return ResearchTopics::parse(QString::fromUtf8(Test::fixture(QStringLiteral("scoring/topics.md"))));
}

std::shared_ptr<const BuiltinModel> modelFor(const QList<Test::LabelledPaper> &all, bool withStars,
    bool withDismissals, const QList<Paper> &library = {})
{
    BuiltinModel::Inputs in;
    in.topics = testTopics();
    // Newest first, as the store gives them: the probes are the day's papers, the oldest ones fill in as
    // weak negatives.
    for (const QString &label :
        {QStringLiteral("probe-star"), QStringLiteral("probe-dismiss"), QStringLiteral("probe-control")})
        in.collection << Test::withLabel(all, label);
    for (const Test::LabelledPaper &l : all) {
        if (!l.label.startsWith(QStringLiteral("probe")))
            in.collection << l.paper;
    }
    if (withStars)
        in.starred = Test::withLabel(all, QStringLiteral("star"));
    if (withDismissals)
        in.dismissed = Test::withLabel(all, QStringLiteral("dismiss"));
    in.library = library;
    return BuiltinModel::build(in);
}

Paper byId(const QList<Test::LabelledPaper> &all, const QString &id)
{
    for (const Test::LabelledPaper &l : all) {
        if (l.paper.arxivId == id)
            return l.paper;
    }
    qFatal("no paper %s", qPrintable(id));
}

/// A made-up day of @p count papers, each mostly of its own words (pseudo-words from a large pool, so that
/// no two papers are alike); the first @p onTopic are about the first test topic (quantization, kv caches
/// and pruning of language models, in title and abstract), the others about other things and only touch
/// the topics' wider words ("language models", "memory"), as most of a real listing does.
QList<Paper> madeUpDay(const QString &prefix, int count, int onTopic)
{
    QList<Paper> day;
    quint32 state = 12345U + quint32(prefix.toInt());
    const auto word = [&state]() {
        state = state * 1103515245U + 12345U; // a fixed sequence: the same day on every run
        // Letters only, so that each pseudo-word is one token.
        QString w;
        for (quint32 x = (state >> 8) % 20000 + 26 * 26; x > 0; x /= 26)
            w += QChar(u'a' + int(x % 26));
        return w;
    };
    const auto words = [&](int n) {
        QStringList out;
        for (int i = 0; i < n; ++i)
            out << word();
        return out.join(u' ');
    };
    for (int i = 0; i < count; ++i) {
        Paper p;
        p.arxivId = QStringLiteral("2611.%1%2").arg(prefix).arg(i, 4, 10, QLatin1Char('0'));
        p.version = 1;
        p.primaryCategory = QStringLiteral("cs.LG");
        p.categories = {p.primaryCategory};
        p.announceType = QStringLiteral("new");
        if (i < onTopic) {
            p.title = QStringLiteral("Quantization of the kv cache for %1").arg(words(3));
            p.abstract = QStringLiteral("We study quantization and pruning of the kv cache of language "
                                        "models, %1. The kv cache stays small in memory, %2.")
                             .arg(words(30), words(30));
        } else {
            p.title = QStringLiteral("On %1").arg(words(4));
            p.abstract = QStringLiteral("We study %1 with language models, %2. It needs little memory.")
                             .arg(words(30), words(30));
        }
        day << p;
    }
    return day;
}

/// How many of @p day's papers the model gives relevance 8 or more (the digest's default threshold), and
/// how many of those also have novelty 7 or more (the digest's).
std::pair<int, int> overTheThresholds(const BuiltinModel &model, const QList<Paper> &day)
{
    int relevant = 0;
    int both = 0;
    for (const Paper &p : day) {
        const Assessment a = model.assess(p);
        relevant += a.relevance >= 8;
        both += a.relevance >= 8 && a.novelty >= 7;
    }
    return {relevant, both};
}
} // namespace

class TestBuiltinScorer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenizer()
    {
        QCOMPARE(BuiltinModel::tokenize(
                     QStringLiteral("Mixture-of-Experts models' KV caches: $\\mathcal{O}(n)$ D\\'iaz")),
            (QStringList {QStringLiteral("mixtur"), QStringLiteral("of"), QStringLiteral("expert"),
                QStringLiteral("model"), QStringLiteral("kv"), QStringLiteral("cach"), QStringLiteral("o"),
                QStringLiteral("n"), QStringLiteral("d"), QStringLiteral("iaz")}));
        // Snowball stems: inflections meet ("quantized", "quantization"; "studies", "study").
        QCOMPARE(BuiltinModel::tokenize(QStringLiteral("the model's analysis of processes and studies")),
            (QStringList {QStringLiteral("the"), QStringLiteral("model"), QStringLiteral("analysi"),
                QStringLiteral("of"), QStringLiteral("process"), QStringLiteral("and"),
                QStringLiteral("studi")}));
        QCOMPARE(BuiltinModel::tokenize(QStringLiteral("quantized quantization study")),
            (QStringList {QStringLiteral("quantiz"), QStringLiteral("quantiz"), QStringLiteral("studi")}));
    }

    /// Analysing a collection on several threads gives what analysing each paper alone gives, in order.
    void analysisOnEveryCoreMatchesOnePaperAtATime()
    {
        QList<TfidfVectorizer::Document> documents;
        const QList<Paper> papers = Test::papersOf(Test::labelledPapers());
        for (int i = 0; i < 600; ++i) { // over the size worth threads
            const Paper &p = papers.at(i % papers.size());
            documents << TfidfVectorizer::Document {
                p.title + u' ' + QString::number(i), p.abstract, p.categories, p.primaryCategory};
        }
        const std::vector<TfidfVectorizer::Analysed> analysed = TfidfVectorizer::analyse(documents);
        QCOMPARE(analysed.size(), size_t(documents.size()));
        for (qsizetype i = 0; i < documents.size(); ++i) {
            const auto stemsOf = [](const std::vector<TextAnalyzer::Token> &tokens) {
                QStringList out;
                for (const TextAnalyzer::Token &t : tokens)
                    out << t.stem + (t.content ? u'+' : u'-');
                return out;
            };
            QCOMPARE(
                stemsOf(analysed[size_t(i)].title), stemsOf(TextAnalyzer::tokens(documents.at(i).title)));
            QCOMPARE(stemsOf(analysed[size_t(i)].abstract),
                stemsOf(TextAnalyzer::tokens(documents.at(i).abstract)));
        }
        // And the vectors fitted from them are those of fitting without the analysis given.
        TfidfVectorizer a;
        TfidfVectorizer b;
        const std::vector<SparseVector> va = a.fitTransform(documents, analysed);
        const std::vector<SparseVector> vb = b.fitTransform(documents);
        QCOMPARE(a.terms(), b.terms());
        for (size_t i = 0; i < va.size(); ++i) {
            QCOMPARE(va[i].ids, vb[i].ids);
            QCOMPARE(va[i].weights, vb[i].weights);
        }
    }

    void onTopicRanksAboveOffTopic()
    {
        const auto all = Test::labelledPapers();
        const auto model = modelFor(all, false, false);
        QVERIFY(model->canScore());
        QVERIFY(!model->isLearning());
        double lowestOn = 1;
        int lowestOnMark = 10;
        double highestOff = 0;
        int highestOffMark = 1;
        for (const Paper &p : Test::withLabel(all, QStringLiteral("on"))) {
            const Assessment a = model->assess(p);
            QVERIFY2(a.relevance >= 6,
                qPrintable(p.arxivId + u' ' + QString::number(a.relevance) + u' ' + a.comment));
            lowestOn = std::min(lowestOn, a.relevanceScore);
            lowestOnMark = std::min(lowestOnMark, a.relevance);
            QVERIFY(a.topic >= 0);
            QVERIFY(!a.matched.isEmpty());
            QVERIFY2(a.comment.startsWith(QStringLiteral("Built-in scorer (no LLM): topic \"")),
                qPrintable(a.comment));
        }
        for (const Paper &p : Test::withLabel(all, QStringLiteral("off"))) {
            const Assessment a = model->assess(p);
            // No keyword: at most a little from the criteria's wider words; below every paper with one.
            highestOff = std::max(highestOff, a.relevanceScore);
            highestOffMark = std::max(highestOffMark, a.relevance);
            QVERIFY(a.comment.contains(QStringLiteral("no topic keyword found")));
        }
        QVERIFY(lowestOn > highestOff);
        QVERIFY(lowestOnMark > highestOffMark);
        for (const Paper &p : Test::papersOf(all)) {
            const Assessment a = model->assess(p);
            QVERIFY(a.relevance >= 1 && a.relevance <= 10);
            QVERIFY(a.novelty >= 1 && a.novelty <= 10);
        }

        // The topic and keywords named in the comment are the ones that matched.
        const Assessment spec = model->assess(byId(all, QStringLiteral("2611.10001")));
        QCOMPARE(spec.topic, 0);
        QCOMPARE(spec.matched.first(), QStringLiteral("speculative decoding"));
        QVERIFY(spec.inTitle.contains(QStringLiteral("speculative decoding")));
        QVERIFY(spec.matched.contains(QStringLiteral("kv cache")));
        QVERIFY2(spec.comment.contains(QStringLiteral(
                     "\"Efficient inference for language models\": speculative decoding (title), kv cache")),
            qPrintable(spec.comment));
        QCOMPARE(model->assess(byId(all, QStringLiteral("2611.10006"))).topic, 1);
    }

    void irrelevantKeywordsAndTitlesWeigh()
    {
        const auto all = Test::labelledPapers();
        const auto model = modelFor(all, false, false);
        const Assessment survey = model->assess(byId(all, QStringLiteral("2611.10020")));
        const Assessment quant = model->assess(byId(all, QStringLiteral("2611.10002")));
        QVERIFY2(survey.relevanceScore < quant.relevanceScore, qPrintable(survey.comment));
        QVERIFY(survey.against.contains(QStringLiteral("survey")));
        QVERIFY(survey.comment.contains(QStringLiteral("against: survey")));
        // Without the irrelevant keyword the survey would be the most quantization-heavy paper of all.
        Paper unsurveyed = byId(all, QStringLiteral("2611.10020"));
        unsurveyed.title.replace(QStringLiteral("A survey of"), QStringLiteral("Notes on"));
        unsurveyed.abstract.replace(QStringLiteral("This survey reviews"), QStringLiteral("We review"));
        QVERIFY(model->assess(unsurveyed).relevanceScore > survey.relevanceScore);

        // The same keyword once in the title beats once in the abstract.
        Paper inTitle = Test::makePaper(QStringLiteral("2611.50001"));
        inTitle.title = QStringLiteral("Pruning revisited");
        inTitle.abstract = QStringLiteral(
            "We look again at an old question about networks and report what we found in practice.");
        Paper inAbstract = inTitle;
        inAbstract.arxivId = QStringLiteral("2611.50002");
        inAbstract.title = QStringLiteral("An old question revisited");
        inAbstract.abstract = QStringLiteral(
            "We look again at pruning of networks and report what we found in practice today.");
        QVERIFY(model->assess(inTitle).relevanceScore > model->assess(inAbstract).relevanceScore);
    }

    /// A cross-list has its home in another field: the same text ranks lower when it is one, and the
    /// comment says why. Without keywords there is no prior to lower.
    void crossListsStartLower()
    {
        const auto all = Test::labelledPapers();
        const auto model = modelFor(all, false, false);
        Paper own = byId(all, QStringLiteral("2611.10002"));
        own.announceType = QStringLiteral("new");
        Paper cross = own;
        cross.announceType = QStringLiteral("cross");
        cross.primaryCategory = QStringLiteral("eess.SP");
        Paper replacedCross = cross;
        replacedCross.announceType = QStringLiteral("replace-cross");
        const Assessment a = model->assess(own);
        const Assessment b = model->assess(cross);
        QVERIFY(!a.crossList);
        QVERIFY(b.crossList);
        QVERIFY(model->assess(replacedCross).crossList);
        QVERIFY2(b.rankScore < a.rankScore,
            qPrintable(QStringLiteral("%1 vs %2").arg(b.rankScore).arg(a.rankScore)));
        QVERIFY(b.relevance < a.relevance);
        QVERIFY2(b.comment.contains(QStringLiteral("cross-listed from eess.SP")), qPrintable(b.comment));
        QVERIFY(!a.comment.contains(QStringLiteral("cross-listed")));
    }

    void starsAndDismissalsMoveTheRanking()
    {
        const auto all = Test::labelledPapers();
        const Paper protein = byId(all, QStringLiteral("2611.40001"));
        const Paper recommender = byId(all, QStringLiteral("2611.40002"));
        const Paper control = byId(all, QStringLiteral("2611.40003"));

        const auto before = modelFor(all, false, false);
        const Assessment proteinBefore = before->assess(protein);
        const Assessment recBefore = before->assess(recommender);
        const Assessment controlBefore = before->assess(control);
        QCOMPARE(proteinBefore.topic, -1); // no keyword: little to go on
        QVERIFY(proteinBefore.relevance < recBefore.relevance);
        QVERIFY(!proteinBefore.learned);
        QVERIFY2(recBefore.relevance >= 3, qPrintable(recBefore.comment)); // "pruning" matched once
        QVERIFY(!(proteinBefore.relevanceScore > controlBefore.relevanceScore));

        // Stars only: the protein paper rises above the control, which no star resembles.
        const auto starred = modelFor(all, true, false);
        QVERIFY(starred->isLearning());
        QCOMPARE(starred->positives(), 6);
        QCOMPARE(starred->negatives(), 0);
        const Assessment proteinStarred = starred->assess(protein);
        const Assessment controlStarred = starred->assess(control);
        QVERIFY(proteinStarred.learned && *proteinStarred.learned > 0.25);
        QVERIFY(controlStarred.learned && std::abs(*controlStarred.learned) < 0.25);
        QVERIFY2(proteinStarred.relevance > controlStarred.relevance,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(proteinStarred.relevance).arg(controlStarred.relevance)));
        QVERIFY(proteinStarred.relevance > proteinBefore.relevance);
        QVERIFY(proteinStarred.comment.contains(QStringLiteral("like papers you starred")));
        // It says which of its words did it, as the paper spells them.
        QVERIFY(!proteinStarred.strongestTerms.isEmpty());
        QVERIFY2(proteinStarred.comment.contains(
                     QStringLiteral("like papers you starred (") + proteinStarred.strongestTerms.first()),
            qPrintable(proteinStarred.comment));
        for (const QString &term : proteinStarred.strongestTerms) {
            for (const QString &word : term.split(u' '))
                QVERIFY2(QString(protein.title + u' ' + protein.abstract).contains(word, Qt::CaseInsensitive),
                    qPrintable(term));
        }

        // Stars and dismissals: the recommender paper, like the dismissed ones, is less likely relevant than
        // with the stars alone, and than the control, and its mark is no higher than its keywords gave it.
        const auto both = modelFor(all, true, true);
        QCOMPARE(both->negatives(), 6);
        const Assessment recBoth = both->assess(recommender);
        QVERIFY(recBoth.learned && *recBoth.learned < -0.25);
        const Assessment recStarred = starred->assess(recommender);
        QVERIFY(recBoth.probability && recStarred.probability);
        QVERIFY2(*recBoth.probability < *recStarred.probability,
            qPrintable(QStringLiteral("%1 -> %2").arg(*recStarred.probability).arg(*recBoth.probability)));
        QVERIFY(*recBoth.probability < *both->assess(control).probability);
        QVERIFY2(recBoth.relevance <= recBefore.relevance,
            qPrintable(QStringLiteral("%1 -> %2").arg(recBefore.relevance).arg(recBoth.relevance)));
        QVERIFY(recBoth.comment.contains(QStringLiteral("like papers you dismissed")));
        QVERIFY(both->assess(protein).relevance > both->assess(control).relevance);
        // On-topic papers stay above off-topic ones.
        for (const Paper &on : Test::withLabel(all, QStringLiteral("on"))) {
            for (const Paper &off : Test::withLabel(all, QStringLiteral("off")))
                QVERIFY2(both->assess(on).relevanceScore > both->assess(off).relevanceScore,
                    qPrintable(on.arxivId + u' ' + off.arxivId));
        }
    }

    /// The blend of topics and classifier is learned from the labels: stars on a subject the topics do not
    /// know give the classifier the larger share, stars that the topics already predict leave it to the
    /// topics; either way the share is a weight of a fitted model, not a count of labels.
    void theBlendWeighsWhatPredictsTheLabels()
    {
        const auto all = Test::labelledPapers();
        const auto elsewhere = modelFor(all, true, true); // protein stars, recommender dismissals
        QVERIFY(elsewhere->isLearning());
        BuiltinModel::Inputs in;
        in.topics = testTopics();
        in.collection = Test::papersOf(all);
        in.starred = Test::withLabel(all, QStringLiteral("on"));
        in.dismissed = Test::withLabel(all, QStringLiteral("off"));
        const auto onTopics = BuiltinModel::build(in);
        QVERIFY(onTopics->isLearning());
        qInfo("classifier's share: %.2f (labels elsewhere), %.2f (labels on the topics)",
            elsewhere->learnedWeight(), onTopics->learnedWeight());
        QVERIFY(elsewhere->learnedWeight() > 0.5);
        QVERIFY(onTopics->learnedWeight() < elsewhere->learnedWeight());
        // Every starred paper ranks above every dismissed one, and the marks say so.
        for (const Paper &on : in.starred) {
            for (const Paper &off : in.dismissed)
                QVERIFY(onTopics->assess(on).rankScore > onTopics->assess(off).rankScore);
        }
    }

    void noveltyIsDistanceFromTheLibrary()
    {
        const auto all = Test::labelledPapers();
        // The library holds the speculative decoding paper; a near copy of it is not new, an unrelated one
        // is.
        const Paper held = byId(all, QStringLiteral("2611.10001"));
        const auto model = modelFor(all, false, false, {held});
        QCOMPARE(model->librarySize(), 1);
        Paper copy = held;
        copy.arxivId = QStringLiteral("2611.60001");
        copy.title = QStringLiteral("Adaptive draft lengths for speculative decoding");
        const Assessment near = model->assess(copy);
        QVERIFY2(near.novelty <= 3, qPrintable(QString::number(near.novelty)));
        QCOMPARE(near.nearest, held.arxivId);
        QVERIFY(near.againstLibrary);
        QVERIFY(near.comment.contains(QStringLiteral("closest paper in your library: 2611.10001")));
        const Assessment far = model->assess(byId(all, QStringLiteral("2611.10012")));
        QVERIFY2(far.novelty >= 9, qPrintable(QString::number(far.novelty)));
        // The library paper itself is compared with the rest of the library, not with itself.
        QVERIFY(model->assess(held).similarity < 0.99);

        // No library: the rest of the collection is the reference.
        const auto corpusModel = modelFor(all, false, false);
        QCOMPARE(corpusModel->librarySize(), 0);
        const Assessment a = corpusModel->assess(byId(all, QStringLiteral("2611.30002")));
        QVERIFY(!a.againstLibrary);
        QVERIFY(a.nearest != QStringLiteral("2611.30002") && !a.nearest.isEmpty());
        QVERIFY(a.comment.contains(QStringLiteral("closest other paper")));
    }

    void scoresDoNotDependOnTheBatch()
    {
        const auto all = Test::labelledPapers();
        BuiltinScorer scorer(modelFor(all, true, true));
        QCOMPARE(scorer.model(), QStringLiteral("lectern-local"));
        const QList<Paper> papers = Test::papersOf(all);
        const RenderedPrompt prompt = PromptTemplate::defaults().render({});
        const BatchResult whole = scorer.scoreBatch(papers, prompt, nullptr);
        QVERIFY(whole.error.isEmpty());
        QCOMPARE(whole.items.size(), papers.size());
        QCOMPARE(whole.usage.promptTokens + whole.usage.completionTokens, 0);
        for (qsizetype i = 0; i < papers.size(); ++i) {
            const BatchResult single = scorer.scoreBatch({papers.at(i)}, prompt, nullptr);
            QCOMPARE(single.items.size(), 1);
            QCOMPARE(single.items.first().arxivId, papers.at(i).arxivId);
            QCOMPARE(single.items.first().relevance, whole.items.at(i).relevance);
            QCOMPARE(single.items.first().novelty, whole.items.at(i).novelty);
            QCOMPARE(single.items.first().comment, whole.items.at(i).comment);
        }
        std::atomic_bool cancel {true};
        const BatchResult cancelled = scorer.scoreBatch(papers, prompt, &cancel);
        QVERIFY(cancelled.items.isEmpty());
        QVERIFY(!cancelled.error.isEmpty());
        QVERIFY(!cancelled.fatal);
    }

    void withoutKeywordsOrStarsItRefuses()
    {
        BuiltinModel::Inputs in;
        in.topics = ResearchTopics::parse(QStringLiteral("## Something\nOnly prose here.\n"));
        in.collection = Test::papersOf(Test::labelledPapers());
        BuiltinScorer scorer(BuiltinModel::build(in));
        const BatchResult r = scorer.scoreBatch({in.collection.first()}, RenderedPrompt {}, nullptr);
        QVERIFY(r.fatal);
        QVERIFY2(r.error.contains(QStringLiteral("Relevant:")), qPrintable(r.error));
        QVERIFY(r.items.isEmpty());
    }

    void factoryLearnsFromTheStore()
    {
        Test::TempProfileDir dir;
        const auto all = Test::labelledPapers();
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            QVERIFY(store.value()->upsertPapers(Test::papersOf(all)).ok());
            for (const Paper &p : Test::withLabel(all, QStringLiteral("star"))) {
                PaperState s;
                s.arxivId = p.arxivId;
                s.starred = true;
                s.read = true;
                QVERIFY(store.value()->saveState(s).ok());
            }
            for (const Paper &p : Test::withLabel(all, QStringLiteral("dismiss"))) {
                PaperState s;
                s.arxivId = p.arxivId;
                s.dismissed = true;
                s.read = true; // read and dismissed: not in the library
                QVERIFY(store.value()->saveState(s).ok());
            }
            // A language model's verdicts on two other papers: one selected, one not; its verdict on a
            // starred paper and the built-in scorer's own marks are no labels.
            const auto llmScore = [&](const QString &id, int relevance, int novelty, const QString &model) {
                Score s = Test::makeScore(byId(all, id), relevance, novelty);
                s.model = model;
                QVERIFY(store.value()->addScore(s).ok());
            };
            llmScore(QStringLiteral("2611.10001"), 9, 8, QStringLiteral("gpt-test"));
            llmScore(QStringLiteral("2611.10012"), 3, 5, QStringLiteral("gpt-test"));
            llmScore(QStringLiteral("2611.10002"), 10, 10, QString(BuiltinScorer::ModelName));
            auto inputs = BuiltinModel::inputsFromStore(*store.value(), testTopics());
            QVERIFY(inputs.ok());
            QCOMPARE(inputs->collection.size(), all.size());
            QCOMPARE(inputs->starred.size(), 6);
            QCOMPARE(inputs->dismissed.size(), 6);
            QCOMPARE(inputs->library.size(), 6);
            QCOMPARE(inputs->llmRelevant.size(), 1);
            QCOMPARE(inputs->llmRelevant.first().arxivId, QStringLiteral("2611.10001"));
            QCOMPARE(inputs->llmOther.size(), 1);
            QCOMPARE(inputs->llmOther.first().arxivId, QStringLiteral("2611.10012"));
        }
        const ScoringProviderFactory factory = BuiltinScorer::factory(testTopics(), dir.databasePath());
        auto first = factory();
        auto second = factory();
        const BatchResult r = first->scoreBatch(
            {byId(all, QStringLiteral("2611.40001")), byId(all, QStringLiteral("2611.40003"))},
            RenderedPrompt {}, nullptr);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.items.size(), 2);
        QVERIFY(*r.items.at(0).relevance > *r.items.at(1).relevance); // learned from the stored stars
        QVERIFY(r.items.at(0).comment.contains(QStringLiteral("closest paper in your library: 2611.200")));
        // The run left its model beside the database: vocabulary and weights, from 7 positives (6 stars, 1
        // language-model pick) and 7 labelled negatives.
        const auto saved = BuiltinModel::loadLearned(BuiltinScorer::modelPath(dir.databasePath()));
        QVERIFY(saved.has_value());
        QCOMPARE(saved->positives, 7);
        QCOMPARE(saved->negatives, 7);
        QVERIFY(saved->vectorizer.size() > 0);
        QCOMPARE(int(saved->classifier.weights().size()), saved->vectorizer.size());
        // The second scorer shares the model the first one built.
        const BatchResult again =
            second->scoreBatch({byId(all, QStringLiteral("2611.40001"))}, RenderedPrompt {}, nullptr);
        QCOMPARE(again.items.first().relevance, r.items.first().relevance);

        // A database that cannot be opened is a fatal error with the reason.
        const ScoringProviderFactory broken =
            BuiltinScorer::factory(testTopics(), dir.databasePath() + QStringLiteral("/x.db"));
        const BatchResult bad = broken()->scoreBatch({all.first().paper}, RenderedPrompt {}, nullptr);
        QVERIFY(bad.fatal);
        QVERIFY(!bad.error.isEmpty());
    }

    void feedbackWidensTheTopicsWithoutLabels()
    {
        // Six papers on quantization with lattice codebooks, 194 on other things (a day's worth: feedback
        // needs 200); two probes without any keyword: one about lattice codebooks, one about something else.
        BuiltinModel::Inputs in;
        in.topics = testTopics();
        const auto paper = [](const QString &id, const QString &title, const QString &abstract) {
            Paper p = Test::makePaper(id);
            p.title = title;
            p.abstract = abstract;
            return p;
        };
        for (int i = 0; i < 6; ++i)
            in.collection << paper(QStringLiteral("2611.7000%1").arg(i),
                QStringLiteral("Quantization of transformer layers with lattice codebooks, part %1").arg(i),
                QStringLiteral("We study quantization with lattice codebooks and vector codebook search for "
                               "weights and activations; codebook size %1.")
                    .arg(i));
        const QStringList others {QStringLiteral("glacier melt"), QStringLiteral("protein folding"),
            QStringLiteral("traffic signals"), QStringLiteral("crop yields"), QStringLiteral("river deltas"),
            QStringLiteral("bird migration"), QStringLiteral("coral reefs"), QStringLiteral("soil carbon"),
            QStringLiteral("urban heat"), QStringLiteral("ocean waves"), QStringLiteral("forest fires"),
            QStringLiteral("bee colonies"), QStringLiteral("desert dunes"), QStringLiteral("cave acoustics")};
        for (qsizetype i = 0; i < 194; ++i)
            in.collection << paper(QStringLiteral("2611.71%1").arg(i, 3, 10, QChar(u'0')),
                QStringLiteral("A field study of %1, site %2").arg(others.at(i % others.size())).arg(i),
                QStringLiteral("Field measurements of %1 over ten seasons, with regional maps.")
                    .arg(others.at(i % others.size())));
        const Paper codebooks =
            paper(QStringLiteral("2611.72001"), QStringLiteral("Lattice codebooks at scale"),
                QStringLiteral("Vector codebook search with lattice codebooks for weights and activations."));
        const Paper unrelated =
            paper(QStringLiteral("2611.72002"), QStringLiteral("Register allocation by coloring"),
                QStringLiteral("Graph coloring heuristics for register allocation in compilers."));
        in.collection << codebooks << unrelated;

        const auto model = BuiltinModel::build(in);
        QVERIFY(!model->isLearning());
        const Assessment near = model->assess(codebooks);
        const Assessment far = model->assess(unrelated);
        QCOMPARE(near.topic, -1); // no keyword of its own
        QVERIFY(near.feedback.has_value() && far.feedback.has_value());
        QVERIFY2(*near.feedback > 0.25, qPrintable(QString::number(*near.feedback)));
        QVERIFY2(near.rankScore > far.rankScore,
            qPrintable(QStringLiteral("%1 vs %2").arg(near.rankScore).arg(far.rankScore)));
        // The keyword papers stay first.
        QVERIFY(model->assess(in.collection.first()).rankScore > near.rankScore);

        // Once there are labels, the classifier learns from them instead.
        in.starred = in.collection.first(3);
        const auto learning = BuiltinModel::build(in);
        QVERIFY(learning->isLearning());
        QVERIFY(!learning->assess(codebooks).feedback.has_value());
    }

    /// Self-training reaches what one round of feedback cannot: a paper linked to the keyword papers only
    /// through a chain of papers, each sharing a term with the next.
    void selfTrainingFollowsAChainOfSharedWords()
    {
        // Chains of six papers each: quantization (keyword) + lattice codebooks; lattice codebooks + product
        // trees; product trees + bucket hashing; bucket hashing + bloom sketches. 176 papers on other things;
        // two probes without any keyword: one on bloom sketches (the chain's far end), one on something else.
        BuiltinModel::Inputs in;
        in.topics = testTopics();
        const auto paper = [](const QString &id, const QString &title, const QString &abstract) {
            Paper p = Test::makePaper(id);
            p.title = title;
            p.abstract = abstract;
            return p;
        };
        const QStringList chain {QStringLiteral("quantization"), QStringLiteral("lattice codebooks"),
            QStringLiteral("product trees"), QStringLiteral("bucket hashing"),
            QStringLiteral("bloom sketches")};
        for (qsizetype link = 0; link + 1 < chain.size(); ++link) {
            for (int i = 0; i < 6; ++i)
                in.collection << paper(QStringLiteral("2611.70%1%2").arg(link).arg(i, 2, 10, QChar(u'0')),
                    QStringLiteral("%1 with %2, part %3").arg(chain.at(link), chain.at(link + 1)).arg(i),
                    QStringLiteral("We combine %1 and %2; setting %3.")
                        .arg(chain.at(link), chain.at(link + 1))
                        .arg(i));
        }
        const QStringList others {QStringLiteral("glacier melt"), QStringLiteral("protein folding"),
            QStringLiteral("traffic signals"), QStringLiteral("crop yields"), QStringLiteral("river deltas"),
            QStringLiteral("bird migration"), QStringLiteral("coral reefs"), QStringLiteral("soil carbon"),
            QStringLiteral("urban heat"), QStringLiteral("ocean waves"), QStringLiteral("forest fires"),
            QStringLiteral("bee colonies"), QStringLiteral("desert dunes"), QStringLiteral("cave acoustics")};
        for (qsizetype i = 0; i < 176; ++i)
            in.collection << paper(QStringLiteral("2611.71%1").arg(i, 3, 10, QChar(u'0')),
                QStringLiteral("A field study of %1, site %2").arg(others.at(i % others.size())).arg(i),
                QStringLiteral("Field measurements of %1 over ten seasons, with regional maps.")
                    .arg(others.at(i % others.size())));
        const Paper far = paper(QStringLiteral("2611.72001"), QStringLiteral("Bloom sketches at scale"),
            QStringLiteral("Bloom sketches for streaming counts."));
        const Paper unrelated =
            paper(QStringLiteral("2611.72002"), QStringLiteral("Register allocation by coloring"),
                QStringLiteral("Graph coloring heuristics for register allocation in compilers."));
        in.collection << far << unrelated;

        const auto placeOf = [&](const BuiltinModel &model, const Paper &p) {
            const double score = model.assess(p).rankScore;
            int above = 0;
            for (const Paper &q : std::as_const(in.collection))
                above += model.assess(q).rankScore > score;
            return above;
        };
        const auto selfTrained = BuiltinModel::build(in);
        QVERIFY(!selfTrained->isLearning());
        QVERIFY(selfTrained->usesSelfTraining());
        QCOMPARE(selfTrained->assess(far).topic, -1); // no keyword of its own
        in.methods.selfTraining = false;
        const auto feedbackOnly = BuiltinModel::build(in);
        const int withIt = placeOf(*selfTrained, far);
        const int without = placeOf(*feedbackOnly, far);
        qInfo("the bloom-sketches paper: place %d with self-training, %d without; the unrelated one %d, %d",
            withIt, without, placeOf(*selfTrained, unrelated), placeOf(*feedbackOnly, unrelated));
        // The chain's 24 papers come first either way. Next, with self-training, the chain's far end; without
        // it, a paper on something else is as likely.
        QVERIFY2(withIt < placeOf(*selfTrained, unrelated), qPrintable(QString::number(withIt)));
        QVERIFY2(without >= placeOf(*feedbackOnly, unrelated), qPrintable(QString::number(without)));

        // Once there are labels, the classifier learns from them instead.
        in.methods.selfTraining = true;
        in.starred = in.collection.first(3);
        const auto learning = BuiltinModel::build(in);
        QVERIFY(learning->isLearning());
        QVERIFY(!learning->usesSelfTraining());
    }

    void categoriesAreTermsOfTheirOwn()
    {
        TfidfVectorizer v;
        QList<TfidfVectorizer::Document> docs;
        for (int i = 0; i < 4; ++i)
            docs << TfidfVectorizer::Document {QStringLiteral("Sparse attention %1").arg(i),
                QStringLiteral("cs lg cs cv"), {QStringLiteral("cs.LG"), QStringLiteral("cs.CV")},
                QStringLiteral("cs.LG")};
        for (int i = 0; i < 4; ++i)
            docs << TfidfVectorizer::Document {QStringLiteral("Sparse attention %1").arg(i), QString(),
                {QStringLiteral("math.OC")}, QStringLiteral("math.OC")};
        v.fit(docs);
        QVERIFY(v.indexOf(QStringLiteral("#cs.lg")) >= 0);
        QVERIFY(v.indexOf(QStringLiteral("#primary:cs.lg")) >= 0);
        QVERIFY(v.indexOf(QStringLiteral("#math.oc")) >= 0);
        // Words that spell a category's parts are words, not the category.
        const SparseVector text = v.transform(QStringView(u"cs lg cs cv"));
        QVERIFY(std::find(text.ids.begin(), text.ids.end(), v.indexOf(QStringLiteral("#cs.lg"))) ==
            text.ids.end());
        const SparseVector listed = v.transform(docs.first());
        QVERIFY(std::find(listed.ids.begin(), listed.ids.end(),
                    v.indexOf(QStringLiteral("#primary:cs.lg"))) != listed.ids.end());
    }

    void savedModelWarmStartsTheNextRun()
    {
        const auto all = Test::labelledPapers();
        const auto first = modelFor(all, true, true);
        QVERIFY(first->isLearning());
        Test::TempProfileDir dir;
        const QString path = BuiltinScorer::modelPath(dir.databasePath());
        QVERIFY(first->saveLearned(path).ok());
        const std::optional<BuiltinModel::Learned> saved = BuiltinModel::loadLearned(path);
        QVERIFY(saved.has_value());
        QCOMPARE(saved->vectorizer.terms(), first->learned().vectorizer.terms());
        QVERIFY(saved->classifier.weights() == first->learned().classifier.weights());
        QCOMPARE(saved->positives, first->positives());

        // The next run's collection has papers the first never saw: another vocabulary. The saved weights
        // are moved onto it term by term...
        BuiltinModel::Inputs in;
        in.topics = testTopics();
        for (int i = 0; i < 5; ++i) {
            Paper p = Test::makePaper(QStringLiteral("2611.8000%1").arg(i));
            p.title = QStringLiteral("Zebrafish fin regeneration, cohort %1").arg(i);
            p.abstract = QStringLiteral("Regeneration of zebrafish fins after injury in cohort %1.").arg(i);
            in.collection << p;
        }
        for (const Test::LabelledPaper &l : all)
            in.collection << l.paper;
        in.starred = Test::withLabel(all, QStringLiteral("star"));
        in.dismissed = Test::withLabel(all, QStringLiteral("dismiss"));
        const auto warm = BuiltinModel::build(in, &*saved);
        const TfidfVectorizer &next = warm->learned().vectorizer;
        QVERIFY(next.terms() != saved->vectorizer.terms());
        std::vector<int> map;
        for (const QString &term : saved->vectorizer.terms())
            map.push_back(next.indexOf(term));
        const LinearClassifier moved = saved->classifier.remapped(map, next.size());
        int shared = 0;
        for (qsizetype i = 0; i < saved->vectorizer.terms().size(); ++i) {
            if (map[size_t(i)] >= 0) {
                QCOMPARE(moved.weights()[size_t(map[size_t(i)])], saved->classifier.weights()[size_t(i)]);
                ++shared;
            }
        }
        QVERIFY(shared > 0);
        // ...and training from them reaches the model a cold start reaches (the problem is convex): the same
        // order of the probes.
        QVERIFY(warm->isLearning());
        const auto cold = BuiltinModel::build(in);
        const Paper protein = byId(all, QStringLiteral("2611.40001"));
        const Paper recommender = byId(all, QStringLiteral("2611.40002"));
        const Paper control = byId(all, QStringLiteral("2611.40003"));
        for (const auto &model : {warm, cold}) {
            QVERIFY(model->assess(protein).rankScore > model->assess(control).rankScore);
            QVERIFY(model->assess(control).rankScore > model->assess(recommender).rankScore);
        }
        QVERIFY(std::abs(*warm->assess(protein).learned - *cold->assess(protein).learned) < 0.1);
    }

    /// The marks mean the same on every day: a day with nothing on the topics puts (almost) nothing over
    /// the thresholds, a day full of papers on them many. Both are scored with the same earlier days in the
    /// collection (1200 papers, 2 % on the topics), as the store gives them. (Marks that are places in the
    /// collection put a good part of the quiet day over them, the papers that touch the topics' words.)
    void marksDoNotDependOnWhatTheDayHolds()
    {
        const QList<Paper> earlier = madeUpDay(QStringLiteral("1"), 1200, 24);
        BuiltinModel::Inputs quiet;
        quiet.topics = testTopics();
        const QList<Paper> quietDay = madeUpDay(QStringLiteral("2"), 300, 0);
        quiet.collection = quietDay + earlier; // newest first
        BuiltinModel::Inputs busy;
        busy.topics = testTopics();
        const QList<Paper> busyDay = madeUpDay(QStringLiteral("3"), 300, 100);
        busy.collection = busyDay + earlier;
        const auto [onQuiet, onQuietBoth] = overTheThresholds(*BuiltinModel::build(quiet), quietDay);
        const auto busyModel = BuiltinModel::build(busy);
        const auto [onBusy, onBusyBoth] = overTheThresholds(*busyModel, busyDay);
        qInfo("relevance >= 8 (and novelty >= 7): %d (%d) of 300 on a day without the topics, %d (%d) of 300 "
              "on a day with 100 papers on them",
            onQuiet, onQuietBoth, onBusy, onBusyBoth);
        QVERIFY2(onQuiet <= 3, qPrintable(QString::number(onQuiet)));
        QVERIFY2(onBusy >= 90, qPrintable(QString::number(onBusy)));
        // The papers over them are the ones on the topics.
        for (qsizetype i = 100; i < busyDay.size(); ++i)
            QVERIFY2(busyModel->assess(busyDay.at(i)).relevance < 8, qPrintable(busyDay.at(i).arxivId));
    }

    /// With a language model's verdicts on earlier days, relevance is the calibrated probability that it
    /// would select the paper (8 from even odds): a quiet day again puts (almost) nothing over the
    /// threshold, a busy one many, and the probabilities add up to about as many papers as the model
    /// selects on such a day.
    void learnedMarksAreCalibratedProbabilities()
    {
        const QList<Paper> earlier = madeUpDay(QStringLiteral("4"), 600, 60);
        BuiltinModel::Inputs base;
        base.topics = testTopics();
        for (qsizetype i = 0; i < earlier.size(); ++i)
            (i < 60 ? base.llmRelevant : base.llmOther) << earlier.at(i);
        const QList<Paper> quietDay = madeUpDay(QStringLiteral("5"), 300, 0);
        const QList<Paper> busyDay = madeUpDay(QStringLiteral("6"), 300, 100);
        BuiltinModel::Inputs quiet = base;
        quiet.collection = quietDay + earlier;
        BuiltinModel::Inputs busy = base;
        busy.collection = busyDay + earlier;
        const auto quietModel = BuiltinModel::build(quiet);
        const auto busyModel = BuiltinModel::build(busy);
        QVERIFY(quietModel->isLearning() && busyModel->isLearning());
        const auto [onQuiet, onQuietBoth] = overTheThresholds(*quietModel, quietDay);
        const auto [onBusy, onBusyBoth] = overTheThresholds(*busyModel, busyDay);
        double expected = 0;
        for (const Paper &p : busyDay) {
            const Assessment a = busyModel->assess(p);
            QVERIFY2(a.probability, qPrintable(a.comment));
            QVERIFY(a.relevanceScore == *a.probability);
            QCOMPARE(a.relevance >= 8, *a.probability >= 0.5);
            expected += *a.probability;
        }
        qInfo("learned: relevance >= 8: %d of 300 on a quiet day, %d of 300 on a day with 100 papers on the "
              "topics; their probabilities add up to %.1f",
            onQuiet, onBusy, expected);
        QVERIFY2(onQuiet <= 3, qPrintable(QString::number(onQuiet)));
        QVERIFY2(onBusy >= 90, qPrintable(QString::number(onBusy)));
        QVERIFY2(expected > 80 && expected < 120, qPrintable(QString::number(expected)));
    }

    void forgottenLabelsAreNotLearned()
    {
        const auto all = Test::labelledPapers();
        BuiltinModel::Inputs in;
        in.starred = Test::withLabel(all, QStringLiteral("star"));
        in.llmOther = Test::withLabel(all, QStringLiteral("dismiss"));
        in.library = in.starred;
        in.forgetLabels({in.starred.first().arxivId, in.llmOther.first().arxivId});
        QCOMPARE(in.starred.size(), 5);
        QCOMPARE(in.llmOther.size(), 5);
        QCOMPARE(in.library.size(), 6); // still held: only its label is forgotten
    }
};

QTEST_GUILESS_MAIN(TestBuiltinScorer)
#include "test_builtinscorer.moc"
