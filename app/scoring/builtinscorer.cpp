// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/builtinscorer.h"

#include "scoring/latentsemanticindex.h"
#include "scoring/scorecomments.h"
#include "store/paperstore.h"
#include "store/sqldialect.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <mutex>
#include <numeric>

namespace Lectern {

namespace {
// The constants below are documented on BuiltinModel.
constexpr double kTitleWeight = 3.0;
constexpr double kAbstractWeight = 1.0;
constexpr double kTitleB = 0.5;
constexpr double kAbstractB = 0.75;
constexpr double kK1 = 1.2;
constexpr double kApplicationWeight = 0.5;
constexpr double kSaturation = 0.7;
constexpr double kNoveltyFullSimilarity = 0.6;
constexpr int kUserLabelWeight = 3;
constexpr int kLlmLabelWeight = 2;
constexpr int kWeakLabelWeight = 1;
constexpr int kBackgroundPerPositive = 4;
constexpr double kFeedbackTop = 0.1;
constexpr double kFeedbackBottom = 0.5;
constexpr int kFeedbackMinPositives = 5;
constexpr int kFeedbackMinCollection = 200;
/// Self-training's rounds: the classic procedure iterates until little changes; two rounds are where the
/// pseudo-relevance feedback literature stops (each round after the first moves the ranking less).
constexpr int kSelfTrainingRounds = 2;
constexpr int kLlmRelevance = 8; // a digest's default thresholds: what the model selected
constexpr int kLlmNovelty = 7;
constexpr quint32 kModelMagic = 0x4c4d4431; // "LMD1"

int mark(double x01)
{
    return 1 + int(std::lround(9.0 * std::clamp(x01, 0.0, 1.0)));
}

/// A calibrated probability as a mark: 8 (the digest's default threshold) at even odds, one mark for each
/// natural unit of log-odds (9 from 73 %, 10 from 88 %; 7 from 27 %, 6 from 12 %, ..., 1 below 0.25 %).
int markOfProbability(double p)
{
    const double q = std::clamp(p, 1e-9, 1.0 - 1e-9);
    return std::clamp(8 + int(std::floor(std::log(q / (1.0 - q)))), 1, 10);
}

QString percent(double x)
{
    return QString::number(x, 'f', 2);
}

/// RRF's constant (Cormack, Clarke and Buettcher 2009): a ranking's top places count, but not alone.
constexpr double kFusionK = 60;
constexpr int kBlendFolds = 5;
/// The blend's logistic regression: liblinear's default C; two features, hundreds of labels.
constexpr double kBlendC = 1.0;
/// Platt scaling is a maximum-likelihood fit: liblinear's regularisation (which also shrinks the intercept
/// towards even odds) is made negligible, and only keeps labels that one score separates finite.
constexpr double kCalibrationC = 100.0;

/// What the topics alone say of a paper, on a scale that does not depend on the day: the keyword prior k
/// without the feedback (which compares the paper with the collection's best), less the cross-list prior.
double topicMatch(const BuiltinModel::Assessment &a)
{
    return std::clamp(a.keywordScore - (a.crossList ? BuiltinModel::CrossListPenalty : 0.0), 0.0, 1.0);
}

bool isCrossList(const Paper &p)
{
    return p.announceType.endsWith(QLatin1StringView("cross"));
}

/// The share of @p sorted (ascending) below @p x: where x stands in the collection, 0 to 1.
double shareBelow(const std::vector<double> &sorted, double x)
{
    if (sorted.empty())
        return 0;
    return double(std::lower_bound(sorted.begin(), sorted.end(), x) - sorted.begin()) / double(sorted.size());
}

std::pair<double, double> meanAndSd(const std::vector<double> &xs)
{
    if (xs.empty())
        return {0, 1};
    double mean = 0;
    for (const double x : xs)
        mean += x / double(xs.size());
    double var = 0;
    for (const double x : xs)
        var += (x - mean) * (x - mean) / double(xs.size());
    return {mean, var > 0 ? std::sqrt(var) : 1.0};
}

TfidfVectorizer::Document documentOf(const Paper &p)
{
    return TfidfVectorizer::Document {p.title, p.abstract, p.categories, p.primaryCategory};
}

} // namespace

QStringList BuiltinModel::tokenize(QStringView text)
{
    return TextAnalyzer::stems(text);
}

void BuiltinModel::Inputs::forgetLabels(const QSet<QString> &ids)
{
    for (QList<Paper> *labels : {&starred, &dismissed, &read, &llmRelevant, &llmOther})
        labels->removeIf([&](const Paper &p) { return ids.contains(p.arxivId); });
    for (const QString &id : ids)
        importedFrom.remove(id);
}

BuiltinModel::Words BuiltinModel::wordsOf(const Paper &paper) const
{
    return wordsOf(
        TfidfVectorizer::Analysed {TextAnalyzer::tokens(paper.title), TextAnalyzer::tokens(paper.abstract)});
}

BuiltinModel::Words BuiltinModel::wordsOf(const TfidfVectorizer::Analysed &analysed) const
{
    Words w;
    for (const auto &[tokens, ids] :
        {std::pair {&analysed.title, &w.title}, std::pair {&analysed.abstract, &w.abstract}}) {
        ids->reserve(tokens->size());
        for (const TextAnalyzer::Token &t : *tokens)
            ids->push_back(m_vocab.value(t.stem, -1));
    }
    return w;
}

void BuiltinModel::countPhrases(const std::vector<int> &tokens, std::vector<int> &counts) const
{
    const size_t n = tokens.size();
    for (size_t i = 0; i < n; ++i) {
        if (tokens[i] < 0)
            continue;
        const auto it = m_phrasesByFirst.constFind(tokens[i]);
        if (it == m_phrasesByFirst.constEnd())
            continue;
        for (const int p : it.value()) {
            const std::vector<int> &phrase = m_phrases[size_t(p)].ids;
            if (i + phrase.size() > n)
                continue;
            bool match = true;
            for (size_t k = 1; k < phrase.size() && match; ++k)
                match = tokens[i + k] == phrase[k];
            if (match)
                ++counts[size_t(p)];
        }
    }
}

struct BuiltinModel::Scratch
{
    std::vector<float> accumulator;
    std::vector<int> touched;
    std::vector<int> titleCounts;
    std::vector<int> abstractCounts;
    bool collectionWords = false; ///< read papers of the collection from m_buildWords
};

std::shared_ptr<const BuiltinModel> BuiltinModel::build(const Inputs &in, const Learned *previous)
{
    std::shared_ptr<BuiltinModel> m(new BuiltinModel);
    m->m_topics = in.topics;

    // Keyword phrases, shared between topics when spelled alike; their words make the phrase vocabulary.
    QHash<QString, int> phraseIndex;
    const auto phraseOf = [&](const QString &keyword) -> int {
        const QStringList words = tokenize(keyword);
        if (words.isEmpty())
            return -1;
        const QString key = words.join(u' ');
        if (phraseIndex.contains(key))
            return phraseIndex.value(key);
        Phrase p;
        p.text = keyword.simplified();
        for (const QString &w : words) {
            if (!m->m_vocab.contains(w))
                m->m_vocab.insert(w, int(m->m_vocab.size()));
            p.ids.push_back(m->m_vocab.value(w));
        }
        const int index = int(m->m_phrases.size());
        m->m_phrasesByFirst[p.ids.front()].append(index);
        m->m_phrases.push_back(std::move(p));
        phraseIndex.insert(key, index);
        return index;
    };
    for (const ResearchTopic &t : in.topics.topics) {
        TopicPhrases tp;
        for (const auto &[keywords, target] : {std::pair {&t.relevant, &tp.relevant},
                 std::pair {&t.applications, &tp.applications}, std::pair {&t.irrelevant, &tp.irrelevant}}) {
            for (const QString &k : *keywords) {
                const int p = phraseOf(k);
                if (p >= 0 && std::find(target->begin(), target->end(), p) == target->end())
                    target->push_back(p);
            }
        }
        m->m_hasKeywords = m->m_hasKeywords || !tp.relevant.empty() || !tp.applications.empty();
        m->m_topicPhrases.push_back(std::move(tp));
    }

    // The collection: every distinct paper the model was given.
    QList<Paper> docs;
    QHash<QString, int> docIndex;
    for (const QList<Paper> *list :
        {&in.collection, &in.starred, &in.dismissed, &in.library, &in.read, &in.llmRelevant, &in.llmOther}) {
        for (const Paper &p : *list) {
            if (!docIndex.contains(p.arxivId)) {
                docIndex.insert(p.arxivId, int(docs.size()));
                docs << p;
            }
        }
    }
    m->m_docs = int(docs.size());
    // Each paper is analysed once, on every core: the phrases and the tf-idf vectors both read it.
    QList<TfidfVectorizer::Document> documents;
    documents.reserve(docs.size());
    for (const Paper &p : docs)
        documents << documentOf(p);
    const std::vector<TfidfVectorizer::Analysed> analysed = TfidfVectorizer::analyse(documents);

    // Average field lengths and phrase rarity over the collection.
    {
        double titleTotal = 0;
        double abstractTotal = 0;
        std::vector<int> phraseDf(m->m_phrases.size(), 0);
        std::vector<int> counts(m->m_phrases.size(), 0);
        for (size_t d = 0; d < analysed.size(); ++d) {
            const Words &w = *m->m_buildWords.insert(docs.at(qsizetype(d)).arxivId, m->wordsOf(analysed[d]));
            titleTotal += double(w.title.size());
            abstractTotal += double(w.abstract.size());
            std::fill(counts.begin(), counts.end(), 0);
            m->countPhrases(w.title, counts);
            m->countPhrases(w.abstract, counts);
            for (size_t i = 0; i < counts.size(); ++i)
                phraseDf[i] += counts[i] > 0;
        }
        const double n = double(docs.size());
        if (n > 0) {
            m->m_avgTitle = std::max(1.0, titleTotal / n);
            m->m_avgAbstract = std::max(1.0, abstractTotal / n);
        }
        const double idfMax = std::log(1.0 + (n + 0.5) / 0.5);
        for (size_t p = 0; p < m->m_phrases.size(); ++p) {
            const double df = double(phraseDf[p]);
            const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
            m->m_phrases[p].weight = idfMax > 0 ? 0.5 + 0.5 * std::clamp(idf / idfMax, 0.0, 1.0) : 1.0;
        }
    }

    // tf-idf vocabulary, and the topics as pseudo-documents over it.
    {
        std::vector<SparseVector> frequencies;
        std::vector<SparseVector> vectors =
            m->m_learned.vectorizer.fitTransform(documents, analysed, &frequencies);
        for (qsizetype i = 0; i < docs.size(); ++i)
            m->m_buildFrequencies.insert(docs.at(i).arxivId, std::move(frequencies[size_t(i)]));
        // Kept for the rest of the build: the topic baselines, the classifier's examples and the novelty
        // reference reuse them instead of analysing the same text again.
        for (qsizetype i = 0; i < docs.size(); ++i)
            m->m_buildVectors.insert(docs.at(i).arxivId, std::move(vectors[size_t(i)]));
    }
    for (qsizetype t = 0; t < in.topics.topics.size(); ++t) {
        const ResearchTopic &topic = in.topics.topics.at(t);
        const QString text = QStringList {topic.name, topic.description,
            topic.relevant.join(QStringLiteral(". ")), topic.applications.join(QStringLiteral(". "))}
                                 .join(QStringLiteral(". "));
        TopicPhrases &tp = m->m_topicPhrases[size_t(t)];
        tp.description = m->m_learned.vectorizer.transform(text);
        // Every paper shares some words with a description: only similarity beyond the collection's
        // median says something.
        std::vector<double> similarities;
        const qsizetype step = std::max<qsizetype>(1, docs.size() / 1000);
        for (qsizetype i = 0; i < docs.size(); i += step)
            similarities.push_back(m->vectorFor(docs.at(i)).dot(tp.description));
        if (!similarities.empty()) {
            std::nth_element(similarities.begin(), similarities.begin() + qsizetype(similarities.size() / 2),
                similarities.end());
            tp.descriptionBaseline = similarities[similarities.size() / 2];
        }
    }

    {
        std::vector<const SparseVector *> collection;
        std::vector<const SparseVector *> frequencies;
        collection.reserve(size_t(docs.size()));
        frequencies.reserve(size_t(docs.size()));
        for (const Paper &p : docs) {
            collection.push_back(&*m->m_buildVectors.constFind(p.arxivId));
            frequencies.push_back(&*m->m_buildFrequencies.constFind(p.arxivId));
        }
        m->m_criteria.setNegativeFeedback(in.methods.negativeFeedback);
        m->m_criteria.build(in.topics, m->m_learned.vectorizer, collection, frequencies);
    }

    const Labels labels = m->trainClassifier(in, previous);
    if (!m->isLearning())
        m->trainFeedback(docs);

    // Where each paper of the collection stands in each of the topics' rankings: the fusion of the rankings
    // is a ranking of places among these.
    if (m->m_hasKeywords)
        m->rankTopics(docs, in.methods);
    m->m_placeFeature = in.methods.placeFeature;
    m->m_useCommittee = in.methods.committee;
    if (m->isLearning()) {
        // A sample of the collection stands for it: the blend's and the calibration's scales.
        QList<Paper> sample;
        const qsizetype every = std::max<qsizetype>(1, in.collection.size() / 2000);
        for (qsizetype i = 0; i < in.collection.size(); i += every)
            sample << in.collection.at(i);
        m->trainBlend(labels, sample);
    }

    m->m_importedFrom = in.importedFrom;
    // Novelty reference: the user's library, or the whole collection when it is empty.
    QList<Paper> reference;
    if (!in.library.isEmpty()) {
        QSet<QString> seen;
        for (const Paper &p : in.library) {
            if (!seen.contains(p.arxivId)) {
                seen.insert(p.arxivId);
                reference << p;
                m->m_libraryIds << p.arxivId;
            }
        }
    } else {
        reference = docs;
    }
    m->m_postings.assign(size_t(m->m_learned.vectorizer.size()), {});
    for (qsizetype r = 0; r < reference.size(); ++r) {
        const SparseVector v = m->vectorFor(reference.at(r));
        for (size_t j = 0; j < v.ids.size(); ++j)
            m->m_postings[size_t(v.ids[j])].emplace_back(int(r), v.weights[j]);
        m->m_refIds << reference.at(r).arxivId;
    }
    return m;
}

void BuiltinModel::rankTopics(const QList<Paper> &docs, const Methods &methods)
{
    Scratch s;
    s.collectionWords = true;
    std::vector<TopicScores> scores;
    scores.reserve(size_t(docs.size()));
    for (const Paper &p : docs) {
        Assessment a;
        TopicScores t;
        t.keywords = keywordPrior(p, vectorFor(p), s, a);
        t.criteria = criteriaScore(p);
        scores.push_back(t);
    }
    const auto sortedOf = [&](double TopicScores::*field) {
        std::vector<double> sorted;
        sorted.reserve(scores.size());
        for (const TopicScores &t : scores)
            sorted.push_back(t.*field);
        std::sort(sorted.begin(), sorted.end());
        return sorted;
    };
    m_keywordSorted = sortedOf(&TopicScores::keywords);
    m_criteriaSorted = sortedOf(&TopicScores::criteria);
    const bool dayOrMore = docs.size() >= kFeedbackMinCollection;

    // Latent semantic indexing over the collection: each topic's text and each paper in the concept space,
    // a paper scored by its best topic's cosine.
    if (methods.latentSemantic && dayOrMore) {
        std::vector<const SparseVector *> vectors;
        vectors.reserve(size_t(docs.size()));
        for (const Paper &p : docs)
            vectors.push_back(&*m_buildVectors.constFind(p.arxivId));
        m_latent.fit(vectors, m_learned.vectorizer.size());
        if (!m_latent.isEmpty()) {
            for (const TopicPhrases &tp : m_topicPhrases)
                m_topicConcepts.push_back(m_latent.project(tp.description));
            for (size_t i = 0; i < scores.size(); ++i)
                scores[i].latent = latentScore(*vectors[i]);
            m_latentSorted = sortedOf(&TopicScores::latent);
        }
    }

    // Self-training (Yarowsky 1995; pseudo-relevance feedback with a classifier), while there are no labels
    // to learn from: the fused ranking's top kFeedbackTop (+) against its bottom kFeedbackBottom (-) train a
    // linear SVM whose margin becomes a ranking of its own in the fusion; then once more from the ranking
    // that includes it. (With labels it measured worse: the labels' classifier does this job.)
    if (methods.selfTraining && dayOrMore && !isLearning()) {
        for (int round = 0; round < kSelfTrainingRounds; ++round) {
            std::vector<std::pair<double, qsizetype>> ranked;
            ranked.reserve(scores.size());
            for (size_t i = 0; i < scores.size(); ++i)
                ranked.emplace_back(fused(scores[i], isCrossList(docs.at(qsizetype(i)))), qsizetype(i));
            std::stable_sort(
                ranked.begin(), ranked.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
            const std::vector<LinearClassifier::Example> examples = feedbackExamples(ranked, docs, false);
            LinearClassifier c;
            if (!c.train(examples, m_learned.vectorizer.size()))
                break;
            m_selfTraining = std::move(c);
            for (qsizetype i = 0; i < docs.size(); ++i)
                scores[size_t(i)].selfTrained = m_selfTraining.decision(vectorFor(docs.at(i)));
            m_selfTrainedSorted = sortedOf(&TopicScores::selfTrained);
        }
    }
    if (methods.coTraining && dayOrMore && !isLearning())
        coTrain(docs, scores);
    if (methods.fusedFeedback && dayOrMore && !isLearning()) {
        // Pseudo-relevance feedback works as well as its first ranking: the queries' own ranking was the
        // criteria alone; the fused one (keywords, criteria, self-training) ranks better, so each query is
        // widened again by its best papers among the fused ranking's top.
        std::vector<std::pair<double, size_t>> ranked;
        for (size_t i = 0; i < scores.size(); ++i)
            ranked.emplace_back(fused(scores[i], isCrossList(docs.at(qsizetype(i)))), i);
        std::stable_sort(
            ranked.begin(), ranked.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        const size_t top =
            std::max<size_t>(kFeedbackMinPositives, size_t(kFeedbackTop * double(ranked.size())));
        std::vector<size_t> candidates;
        for (size_t r = 0; r < top && r < ranked.size(); ++r)
            candidates.push_back(ranked[r].second);
        std::vector<const SparseVector *> collection;
        std::vector<const SparseVector *> frequencies;
        for (const Paper &p : docs) {
            collection.push_back(&*m_buildVectors.constFind(p.arxivId));
            frequencies.push_back(&*m_buildFrequencies.constFind(p.arxivId));
        }
        m_criteria.build(m_topics, m_learned.vectorizer, collection, frequencies, candidates);
        for (qsizetype i = 0; i < docs.size(); ++i)
            scores[size_t(i)].criteria = criteriaScore(docs.at(i));
        m_criteriaSorted = sortedOf(&TopicScores::criteria);
    }

    for (qsizetype i = 0; i < docs.size(); ++i)
        m_fusedSorted.push_back(fused(scores[size_t(i)], isCrossList(docs.at(i))));
    std::sort(m_fusedSorted.begin(), m_fusedSorted.end());
}

namespace {

TfidfVectorizer::Document titleView(const Paper &p)
{
    return TfidfVectorizer::Document {p.title, QString(), {}, QString()};
}

TfidfVectorizer::Document abstractView(const Paper &p)
{
    return TfidfVectorizer::Document {QString(), p.abstract, p.categories, p.primaryCategory};
}

} // namespace

void BuiltinModel::coTrain(const QList<Paper> &docs, std::vector<TopicScores> &scores)
{
    // Co-training (Blum and Mitchell 1998): a paper's title and its abstract say what it is about each on
    // their own. A classifier of each view learns the fused ranking's top against its bottom; then each
    // learns again from the other's ranking, so that what one view finds (a paper whose abstract is about
    // the topics in words its title lacks) teaches the other.
    const TfidfVectorizer &v = m_learned.vectorizer;
    std::vector<SparseVector> titles;
    std::vector<SparseVector> abstracts;
    titles.reserve(size_t(docs.size()));
    abstracts.reserve(size_t(docs.size()));
    for (const Paper &p : docs) {
        titles.push_back(v.transform(titleView(p)));
        abstracts.push_back(v.transform(abstractView(p)));
    }
    const size_t n = size_t(docs.size());
    const auto rankedBy = [&](const std::function<double(size_t)> &score) {
        std::vector<std::pair<double, size_t>> ranked;
        ranked.reserve(n);
        for (size_t i = 0; i < n; ++i)
            ranked.emplace_back(score(i), i);
        std::stable_sort(
            ranked.begin(), ranked.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        return ranked;
    };
    const size_t top = std::max<size_t>(kFeedbackMinPositives, size_t(kFeedbackTop * double(n)));
    const size_t bottomFrom = size_t((1.0 - kFeedbackBottom) * double(n));
    const auto train = [&](const std::vector<std::pair<double, size_t>> &ranked,
                           const std::vector<SparseVector> &view, LinearClassifier &c) {
        std::vector<LinearClassifier::Example> examples;
        for (size_t r = 0; r < n; ++r) {
            if (r < top)
                examples.push_back({view[ranked[r].second], true, 1});
            else if (r >= bottomFrom)
                examples.push_back({view[ranked[r].second], false, 1});
        }
        LinearClassifier trained;
        if (!trained.train(examples, v.size()))
            return false;
        c = std::move(trained);
        return true;
    };
    const auto fusedRanking =
        rankedBy([&](size_t i) { return fused(scores[i], isCrossList(docs.at(qsizetype(i)))); });
    CoTraining co;
    if (!train(fusedRanking, titles, co.title) || !train(fusedRanking, abstracts, co.abstract))
        return;
    for (int round = 1; round < kSelfTrainingRounds; ++round) {
        const auto byTitle = rankedBy([&](size_t i) { return co.title.decision(titles[i]); });
        const auto byAbstract = rankedBy([&](size_t i) { return co.abstract.decision(abstracts[i]); });
        if (!train(byAbstract, titles, co.title) || !train(byTitle, abstracts, co.abstract))
            return;
    }
    std::vector<double> t;
    std::vector<double> a;
    for (size_t i = 0; i < n; ++i) {
        t.push_back(co.title.decision(titles[i]));
        a.push_back(co.abstract.decision(abstracts[i]));
    }
    co.titleSd = meanAndSd(t).second;
    co.abstractSd = meanAndSd(a).second;
    m_coTraining = std::move(co);
    std::vector<double> sorted;
    for (size_t i = 0; i < n; ++i) {
        scores[i].coTrained = t[i] / m_coTraining.titleSd + a[i] / m_coTraining.abstractSd;
        sorted.push_back(scores[i].coTrained);
    }
    std::sort(sorted.begin(), sorted.end());
    m_coTrainedSorted = std::move(sorted);
}

double BuiltinModel::coTrainedScore(const Paper &paper) const
{
    const TfidfVectorizer &v = m_learned.vectorizer;
    return m_coTraining.title.decision(v.transform(titleView(paper))) / m_coTraining.titleSd +
        m_coTraining.abstract.decision(v.transform(abstractView(paper))) / m_coTraining.abstractSd;
}

SparseVector BuiltinModel::frequenciesFor(const Paper &paper) const
{
    const auto hit = m_buildFrequencies.constFind(paper.arxivId);
    return hit != m_buildFrequencies.cend() ? *hit : m_learned.vectorizer.frequencies(documentOf(paper));
}

SparseVector BuiltinModel::vectorFor(const Paper &paper) const
{
    const auto hit = m_buildVectors.constFind(paper.arxivId);
    return hit != m_buildVectors.cend() ? *hit : m_learned.vectorizer.transform(documentOf(paper));
}

std::vector<LinearClassifier::Example> BuiltinModel::feedbackExamples(
    const std::vector<std::pair<double, qsizetype>> &ranked, const QList<Paper> &docs,
    bool positivesScoreAboveZero) const
{
    const size_t n = ranked.size();
    const size_t top = std::max<size_t>(kFeedbackMinPositives, size_t(kFeedbackTop * double(n)));
    const size_t bottomFrom = size_t((1.0 - kFeedbackBottom) * double(n));
    std::vector<LinearClassifier::Example> examples;
    for (size_t r = 0; r < n; ++r) {
        if (r < top && (!positivesScoreAboveZero || ranked[r].first > 0))
            examples.push_back({vectorFor(docs.at(ranked[r].second)), true, 1});
        else if (r >= bottomFrom)
            examples.push_back({vectorFor(docs.at(ranked[r].second)), false, 1});
    }
    return examples;
}

void BuiltinModel::trainFeedback(const QList<Paper> &docs)
{
    if (!m_hasKeywords || docs.size() < kFeedbackMinCollection)
        return;
    // The collection ranked by the topic prior.
    Scratch s;
    s.collectionWords = true;
    std::vector<std::pair<double, qsizetype>> ranked;
    ranked.reserve(size_t(docs.size()));
    for (qsizetype i = 0; i < docs.size(); ++i) {
        Assessment a;
        assessTopics(docs.at(i), vectorFor(docs.at(i)), s, a);
        ranked.emplace_back(a.keywordScore, i);
    }
    std::stable_sort(
        ranked.begin(), ranked.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
    const size_t n = ranked.size();
    const std::vector<LinearClassifier::Example> examples = feedbackExamples(ranked, docs, true);
    if (!m_feedback.classifier.train(examples, m_learned.vectorizer.size()))
        return;
    // The same calibration as the label classifier's: a typical paper 0, the pseudo-positives +1, the
    // pseudo-negatives -1.
    double positiveSum = 0;
    double negativeSum = 0;
    int positives = 0;
    for (const LinearClassifier::Example &e : examples) {
        const double z = m_feedback.classifier.decision(e.x);
        (e.positive ? positiveSum : negativeSum) += z;
        positives += e.positive;
    }
    const int negatives = int(examples.size()) - positives;
    std::vector<double> margins;
    for (size_t r = 0; r < n; r += std::max<size_t>(1, n / 1000))
        margins.push_back(m_feedback.classifier.decision(vectorFor(docs.at(ranked[r].second))));
    std::nth_element(margins.begin(), margins.begin() + qsizetype(margins.size() / 2), margins.end());
    m_feedback.zero = margins[margins.size() / 2];
    m_feedback.up = std::max(1e-6, positiveSum / std::max(1, positives) - m_feedback.zero);
    m_feedback.down = std::max(1e-6, m_feedback.zero - negativeSum / std::max(1, negatives));
}

BuiltinModel::Labels BuiltinModel::trainClassifier(const Inputs &in, const Learned *previous)
{
    const TfidfVectorizer &vectorizer = m_learned.vectorizer;
    Labels labels;
    std::vector<LinearClassifier::Example> &examples = labels.examples;
    QList<Paper> &labelledPapers = labels.papers; // beside examples
    QSet<QString> labelled;
    int positives = 0;
    int explicitNegatives = 0;
    const auto add = [&](const QList<Paper> &papers, bool positive, int weight) {
        for (const Paper &p : papers) {
            if (labelled.contains(p.arxivId))
                continue; // the first label wins: the user's over a language model's
            labelled.insert(p.arxivId);
            examples.push_back({vectorFor(p), positive, weight});
            labelledPapers << p;
            (positive ? positives : explicitNegatives) += 1;
        }
    };
    add(in.starred, true, kUserLabelWeight);
    add(in.dismissed, false, kUserLabelWeight);
    add(in.llmRelevant, true, kLlmLabelWeight);
    add(in.llmOther, false, kLlmLabelWeight);
    const size_t explicitEnd = examples.size();
    if (in.methods.categoryPrior && positives > 0) {
        double positiveWeight = 0;
        double allWeight = 0;
        for (size_t k = 0; k < explicitEnd; ++k) {
            CategoryCounts &c = m_categories[labelledPapers.at(qsizetype(k)).primaryCategory];
            c.all += examples[k].weight;
            allWeight += examples[k].weight;
            if (examples[k].positive) {
                c.positive += examples[k].weight;
                positiveWeight += examples[k].weight;
            }
        }
        m_categoryBase = positiveWeight / allWeight;
    }
    for (const Paper &p : in.library)
        labelled.insert(p.arxivId); // held: not a background negative
    add(in.read, false, kWeakLabelWeight);
    if (positives < MinPositivesToLearn)
        return labels;
    // Background: the oldest unlabelled papers, when negatives are few.
    int negatives = int(examples.size()) - positives;
    for (qsizetype i = in.collection.size() - 1; i >= 0 && negatives < kBackgroundPerPositive * positives;
         --i) {
        const Paper &p = in.collection.at(i);
        if (labelled.contains(p.arxivId))
            continue;
        labelled.insert(p.arxivId);
        examples.push_back({vectorFor(p), false, kWeakLabelWeight});
        labelledPapers << p;
        ++negatives;
    }

    // The topics as documents the user wrote about what they want: positives beside the labels, so that a
    // classifier of a few labels knows the topics' words too (counted as a user's label each).
    if (in.methods.topicsAsPositives) {
        for (const TopicPhrases &tp : m_topicPhrases) {
            if (!tp.description.ids.empty())
                labels.topics.push_back({tp.description, true, kUserLabelWeight});
        }
    }
    std::vector<LinearClassifier::Example> training = examples;
    training.insert(training.end(), labels.topics.begin(), labels.topics.end());

    // Warm start: the previous run's weights, moved onto this run's vocabulary.
    std::optional<LinearClassifier> start;
    if (previous && previous->classifier.isTrained()) {
        std::vector<int> map;
        for (const QString &term : previous->vectorizer.terms())
            map.push_back(vectorizer.indexOf(term));
        start = previous->classifier.remapped(map, vectorizer.size());
    }
    if (!m_learned.classifier.train(
            training, vectorizer.size(), LinearClassifier::DefaultC, start ? &*start : nullptr))
        return labels;
    m_learned.positives = positives;
    m_learned.negatives = explicitNegatives; // labels, not the background

    // Calibration: the margin of a typical paper of the collection is the zero point, the average positive
    // +1 and the average explicit negative -1. Raw margins of a model fitted to a few dozen examples are not
    // comparable from one day's labels to the next; these positions are.
    std::vector<double> typical;
    const qsizetype step = std::max<qsizetype>(1, in.collection.size() / 1000);
    for (qsizetype i = 0; i < in.collection.size(); i += step)
        typical.push_back(m_learned.classifier.decision(vectorFor(in.collection.at(i))));
    if (!typical.empty()) {
        std::nth_element(typical.begin(), typical.begin() + qsizetype(typical.size() / 2), typical.end());
        m_zeroMargin = typical[typical.size() / 2];
    }
    double posMean = 0;
    double negMean = 0;
    int negCount = 0;
    for (size_t k = 0; k < explicitEnd; ++k) {
        const double z = m_learned.classifier.decision(examples[k].x);
        if (examples[k].positive) {
            posMean += z / positives;
        } else {
            negMean += z;
            ++negCount;
        }
    }
    m_upScale = std::max(1e-6, posMean - m_zeroMargin);
    m_downScale = negCount > 0 ? std::max(1e-6, m_zeroMargin - negMean / negCount) : m_upScale;
    m_learnedWeight = m_hasKeywords ? double(positives) / (double(positives) + LabelsForHalf) : 1.0;
    labels.explicitEnd = explicitEnd;
    return labels;
}

void BuiltinModel::trainBlend(const Labels &labels, const QList<Paper> &collectionPapers)
{
    const std::vector<LinearClassifier::Example> &examples = labels.examples;
    const QList<Paper> &papers = labels.papers;
    std::vector<const SparseVector *> collection;
    std::vector<TopicScores> collectionTopics;
    std::vector<double> topicOrder;
    Scratch scratch;
    scratch.collectionWords = true;
    const auto topicsOf = [&](const Paper &p) {
        Assessment a;
        return topicScores(p, vectorFor(p), scratch, a);
    };
    for (const Paper &p : collectionPapers) {
        collection.push_back(&*m_buildVectors.constFind(p.arxivId));
        if (m_hasKeywords) {
            collectionTopics.push_back(topicsOf(p));
            topicOrder.push_back(fused(collectionTopics.back(), isCrossList(p)));
        }
    }
    // Each example's margin by a classifier that did not see it (k-fold): what the classifier knows of
    // papers it has not learned, which is what it is asked about. The blend learns from the explicit labels'
    // margins, the calibration from every example's.
    const int dimensions = m_learned.vectorizer.size();
    std::vector<double> outOfFold(examples.size(), 0.0);
    std::vector<float> committee;
    double committeeBias = 0;
    for (int f = 0; f < kBlendFolds; ++f) {
        std::vector<LinearClassifier::Example> train = labels.topics;
        for (size_t k = 0; k < examples.size(); ++k) {
            if (int(k % kBlendFolds) != f)
                train.push_back(examples[k]);
        }
        LinearClassifier c;
        if (!c.train(train, dimensions))
            return; // a fold without one class: too few labels to weigh them; the fixed blend stays
        std::vector<double> margins;
        for (const SparseVector *v : collection)
            margins.push_back(c.decision(*v));
        const auto [mean, sd] = meanAndSd(margins);
        for (size_t k = size_t(f); k < examples.size(); k += kBlendFolds)
            outOfFold[k] = (c.decision(examples[k].x) - mean) / sd;
        if (m_useCommittee) {
            // The committee: the folds' standardised margins averaged, itself a linear model.
            committee.resize(size_t(dimensions), 0.0f);
            const std::vector<float> &w = c.weights();
            for (size_t j = 0; j < w.size() && j < committee.size(); ++j)
                committee[j] += float(w[j] / sd / kBlendFolds);
            committeeBias += (double(c.bias()) - mean) / sd / kBlendFolds;
        }
    }
    if (m_useCommittee) {
        m_committee = std::move(committee);
        m_committeeBias = committeeBias;
    }
    // Every score standardised over the collection, so that the weights compare.
    std::vector<double> margins;
    for (const SparseVector *v : collection)
        margins.push_back(blendMargin(*v));
    std::vector<BlendFeatures> raw;
    raw.reserve(collection.size());
    for (size_t i = 0; i < collection.size(); ++i)
        raw.push_back(featuresOf(m_hasKeywords ? collectionTopics[i] : TopicScores {}, margins[i]));
    for (size_t j = 0; j < kBlendFeatures; ++j) {
        std::vector<double> column;
        column.reserve(raw.size());
        for (const BlendFeatures &x : raw)
            column.push_back(x[j]);
        std::tie(m_blend.means[j], m_blend.sds[j]) = meanAndSd(column);
    }
    // The examples' features: the topics' scores and the out-of-fold margin, standardised.
    std::vector<BlendFeatures> features(examples.size(), BlendFeatures {});
    for (size_t k = 0; m_hasKeywords && k < examples.size(); ++k) {
        TopicScores t = topicsOf(papers.at(qsizetype(k)));
        if (m_categoryBase > 0 && k < labels.explicitEnd) {
            // Its own label left out, as the margin is out of fold.
            const double w = examples[k].weight;
            t.category = categoryLogOdds(
                papers.at(qsizetype(k)).primaryCategory, CategoryCounts {examples[k].positive ? w : 0.0, w});
        }
        features[k] = standardised(featuresOf(t, 0.0));
        features[k][kMarginFeature] = outOfFold[k];
    }
    std::vector<BlendFeatures> collectionFeatures;
    for (const BlendFeatures &x : raw)
        collectionFeatures.push_back(standardised(x));
    if (m_hasKeywords && !fitBlend(labels, features, collectionPapers, collectionFeatures, topicOrder))
        return;
    // Calibration (Platt 1999): a logistic regression of every example's label on its out-of-fold score,
    // each paper once and the classes as they come, so that its probability keeps the labels' base rate.
    std::vector<LinearClassifier::Example> platt;
    platt.reserve(examples.size());
    for (size_t k = 0; k < examples.size(); ++k) {
        double score = outOfFold[k];
        if (m_blend.active) {
            score = 0;
            for (size_t j = 0; j < kBlendFeatures; ++j)
                score += m_blend.weights[j] * features[k][j];
        }
        platt.push_back({SparseVector {{0}, {float(score)}}, examples[k].positive, 1});
    }
    LinearClassifier calibration;
    if (calibration.train(platt, 1, kCalibrationC, nullptr, LinearClassifier::Loss::Logistic,
            LinearClassifier::Classes::AsGiven) &&
        calibration.weights()[0] > 0) {
        m_calibration.active = true;
        m_calibration.slope = calibration.weights()[0];
        m_calibration.intercept = calibration.bias();
    }
}

bool BuiltinModel::fitBlend(const Labels &labels, const std::vector<BlendFeatures> &features,
    const QList<Paper> &collectionPapers, const std::vector<BlendFeatures> &collectionFeatures,
    const std::vector<double> &topicOrder)
{
    const std::vector<LinearClassifier::Example> &examples = labels.examples;
    const QList<Paper> &papers = labels.papers;
    const size_t explicitEnd = labels.explicitEnd;
    const auto row = [](const BlendFeatures &x) {
        SparseVector v;
        for (size_t j = 0; j < kBlendFeatures; ++j) {
            v.ids.push_back(int(j));
            v.weights.push_back(float(x[j]));
        }
        return v;
    };
    std::vector<LinearClassifier::Example> stacked;
    for (size_t k = 0; k < explicitEnd; ++k)
        stacked.push_back({row(features[k]), examples[k].positive, examples[k].weight});
    // The topics' own verdict as LabelsForHalf virtual labels each way: the collection's papers they rank
    // first (+) and papers of its lower half (-), by their scores now. Labels that say nothing about the
    // topics (all far from them) then leave the topics their weight; real labels outweigh these as they grow.
    {
        std::vector<size_t> order(collectionPapers.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::stable_sort(
            order.begin(), order.end(), [&](size_t x, size_t y) { return topicOrder[x] > topicOrder[y]; });
        QSet<QString> labelled;
        for (qsizetype k = 0; k < qsizetype(explicitEnd); ++k)
            labelled.insert(papers.at(k).arxivId);
        const auto virtualLabel = [&](size_t i, bool positive) {
            stacked.push_back({row(collectionFeatures[i]), positive, 1});
        };
        const int virtualLabels = int(LabelsForHalf);
        int added = 0;
        for (size_t r = 0; r < order.size() && added < virtualLabels; ++r) {
            if (!labelled.contains(collectionPapers.at(qsizetype(order[r])).arxivId)) {
                virtualLabel(order[r], true);
                ++added;
            }
        }
        // The lower half, evenly spread.
        const size_t half = order.size() / 2;
        const size_t stride = std::max<size_t>(1, (order.size() - half) / size_t(virtualLabels));
        added = 0;
        for (size_t r = half; r < order.size() && added < virtualLabels; r += stride) {
            if (!labelled.contains(collectionPapers.at(qsizetype(order[r])).arxivId)) {
                virtualLabel(order[r], false);
                ++added;
            }
        }
    }
    LinearClassifier blend;
    if (!blend.train(stacked, int(kBlendFeatures), kBlendC, nullptr, LinearClassifier::Loss::Logistic))
        return false;
    // A score that predicts against the labels is left out rather than turned upside down.
    double total = 0;
    for (size_t j = 0; j < kBlendFeatures; ++j) {
        m_blend.weights[j] = std::max(0.0, double(blend.weights()[j]));
        total += m_blend.weights[j];
    }
    if (total <= 0)
        return false;
    m_blend.active = true;
    m_learnedWeight = m_blend.weights[kMarginFeature] / total;
    return true;
}

BuiltinModel::BlendFeatures BuiltinModel::featuresOf(const TopicScores &t, double margin)
{
    return BlendFeatures {t.criteria, margin, t.keywords, t.selfTrained, t.latent, t.category, t.place};
}

BuiltinModel::BlendFeatures BuiltinModel::standardised(const BlendFeatures &x) const
{
    BlendFeatures z {};
    for (size_t j = 0; j < kBlendFeatures; ++j)
        z[j] = (x[j] - m_blend.means[j]) / m_blend.sds[j];
    return z;
}

double BuiltinModel::blended(const TopicScores &t, double margin) const
{
    const BlendFeatures z = standardised(featuresOf(t, margin));
    double sum = 0;
    for (size_t j = 0; j < kBlendFeatures; ++j)
        sum += m_blend.weights[j] * z[j];
    return sum;
}

double BuiltinModel::criteriaScore(const Paper &paper) const
{
    return m_criteria.isEmpty() ? 0.0 : m_criteria.match(frequenciesFor(paper)).score;
}

double BuiltinModel::fused(const TopicScores &t, bool crossList) const
{
    const double n = double(m_keywordSorted.size());
    // Places above the paper in each ranking; a cross-list loses CrossListPenalty of the collection's
    // places in each ranking but the keywords' (whose prior it lost CrossListPenalty already).
    const double cross = crossList ? CrossListPenalty : 0.0;
    const auto term = [&](const std::vector<double> &sorted, double x, double penalty) {
        return 1.0 / (kFusionK + n * (1.0 - shareBelow(sorted, x) + penalty));
    };
    double f = term(m_keywordSorted, t.keywords, 0.0) + term(m_criteriaSorted, t.criteria, cross);
    if (!m_selfTrainedSorted.empty())
        f += term(m_selfTrainedSorted, t.selfTrained, cross);
    if (!m_coTrainedSorted.empty())
        f += term(m_coTrainedSorted, t.coTrained, cross);
    if (!m_latentSorted.empty())
        f += term(m_latentSorted, t.latent, cross);
    return f;
}

BuiltinModel::TopicScores BuiltinModel::topicScores(
    const Paper &paper, const SparseVector &vector, Scratch &s, Assessment &a) const
{
    TopicScores t;
    t.keywords = keywordPrior(paper, vector, s, a);
    t.criteria = criteriaScore(paper);
    if (m_coTraining.isTrained())
        t.coTrained = coTrainedScore(paper);
    if (m_selfTraining.isTrained())
        t.selfTrained = m_selfTraining.decision(vector);
    if (!m_latent.isEmpty())
        t.latent = latentScore(vector);
    if (m_categoryBase > 0)
        t.category = categoryLogOdds(paper.primaryCategory);
    if (m_placeFeature && !m_fusedSorted.empty())
        t.place = shareBelow(m_fusedSorted, fused(t, a.crossList));
    return t;
}

double BuiltinModel::blendMargin(const SparseVector &vector) const
{
    return m_committee.empty() ? m_learned.classifier.decision(vector)
                               : vector.dot(m_committee) + m_committeeBias;
}

double BuiltinModel::categoryLogOdds(const QString &category, const CategoryCounts &without) const
{
    // The m-estimate (Cestnik 1990) with m = 2: a category seen in few labels stays near the base rate.
    constexpr double m = 2;
    const CategoryCounts c = m_categories.value(category);
    const double positive = std::max(0.0, c.positive - without.positive);
    const double all = std::max(0.0, c.all - without.all);
    const double p = std::clamp((positive + m * m_categoryBase) / (all + m), 1e-6, 1.0 - 1e-6);
    return std::log(p / (1.0 - p));
}

double BuiltinModel::latentScore(const SparseVector &vector) const
{
    const std::vector<float> z = m_latent.project(vector);
    double best = -1;
    for (const std::vector<float> &topic : m_topicConcepts)
        best = std::max(best, LatentSemanticIndex::cosine(z, topic));
    return best;
}

bool BuiltinModel::canScore(QString *why) const
{
    if (m_hasKeywords || isLearning())
        return true;
    if (why) {
        *why = m_topics.topics.isEmpty()
            ? QStringLiteral(
                  "the built-in scorer has no topics: add topics with \"Relevant:\" keywords to topics.md")
            : QStringLiteral("the built-in scorer found no keywords: add \"Relevant:\" lines to the topics "
                             "in topics.md");
    }
    return false;
}

BuiltinModel::Assessment BuiltinModel::assess(const Paper &paper) const
{
    Scratch scratch;
    return assess(paper, scratch);
}

void BuiltinModel::assessTopics(
    const Paper &paper, const SparseVector &vector, Scratch &s, Assessment &a) const
{
    // While building, papers of the collection are read as they were analysed; a paper asked about is
    // read afresh (the same id may come with other text).
    const auto known = s.collectionWords ? m_buildWords.constFind(paper.arxivId) : m_buildWords.cend();
    const Words words = known != m_buildWords.cend() ? *known : wordsOf(paper);

    // Keywords, BM25F.
    s.titleCounts.assign(m_phrases.size(), 0);
    s.abstractCounts.assign(m_phrases.size(), 0);
    if (!m_phrases.empty()) {
        countPhrases(words.title, s.titleCounts);
        countPhrases(words.abstract, s.abstractCounts);
    }
    const double titleNorm = 1.0 - kTitleB + kTitleB * double(words.title.size()) / m_avgTitle;
    const double abstractNorm = 1.0 - kAbstractB + kAbstractB * double(words.abstract.size()) / m_avgAbstract;
    const auto phraseScore = [&](int p) {
        const double tf = kTitleWeight * s.titleCounts[size_t(p)] / titleNorm +
            kAbstractWeight * s.abstractCounts[size_t(p)] / abstractNorm;
        return m_phrases[size_t(p)].weight * tf / (kK1 + tf);
    };
    double best = 0;
    double bestFor = 0; // before the Irrelevant keywords, to name the topic even when they cancel it
    for (size_t t = 0; t < m_topicPhrases.size(); ++t) {
        const TopicPhrases &tp = m_topicPhrases[t];
        double score = 0;
        for (const int p : tp.relevant)
            score += phraseScore(p);
        for (const int p : tp.applications)
            score += kApplicationWeight * phraseScore(p);
        const double forTopic = score;
        for (const int p : tp.irrelevant)
            score -= phraseScore(p);
        score = std::max(0.0, score) +
            DescriptionWeight * std::max(0.0, vector.dot(tp.description) - tp.descriptionBaseline);
        if (score > best || (score == best && forTopic > bestFor)) {
            best = score;
            bestFor = forTopic;
            a.topic = forTopic > 0 ? int(t) : -1;
        }
    }
    a.keywordScore = 1.0 - std::exp(-best / kSaturation);
    if (a.topic >= 0) {
        const TopicPhrases &tp = m_topicPhrases[size_t(a.topic)];
        std::vector<std::pair<double, int>> found;
        for (const int p : tp.relevant) {
            if (const double v = phraseScore(p); v > 0)
                found.emplace_back(v, p);
        }
        for (const int p : tp.applications) {
            if (const double v = kApplicationWeight * phraseScore(p); v > 0)
                found.emplace_back(v, p);
        }
        std::stable_sort(
            found.begin(), found.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        for (const auto &[v, p] : found) {
            a.matched << m_phrases[size_t(p)].text;
            if (s.titleCounts[size_t(p)] > 0)
                a.inTitle << m_phrases[size_t(p)].text;
        }
        for (const int p : tp.irrelevant) {
            if (s.titleCounts[size_t(p)] + s.abstractCounts[size_t(p)] > 0)
                a.against << m_phrases[size_t(p)].text;
        }
    }
}

double BuiltinModel::keywordPrior(
    const Paper &paper, const SparseVector &vector, Scratch &s, Assessment &a) const
{
    assessTopics(paper, vector, s, a);
    // Pseudo-relevance feedback (without labels): the keywords' verdict widened to the words and listings
    // that the papers they rank first share.
    double prior = a.keywordScore;
    if (m_feedback.classifier.isTrained()) {
        const double centred = m_feedback.classifier.decision(vector) - m_feedback.zero;
        a.feedback = std::clamp(centred / (centred >= 0 ? m_feedback.up : m_feedback.down), -1.0, 1.0);
        prior += FeedbackWeight * *a.feedback;
    }
    if (m_hasKeywords && isCrossList(paper)) {
        a.crossList = true;
        prior -= CrossListPenalty;
    }
    return prior;
}

BuiltinModel::Assessment BuiltinModel::assess(const Paper &paper, Scratch &s) const
{
    Assessment a;
    const SparseVector vector = vectorFor(paper);
    const TopicScores topics = topicScores(paper, vector, s, a);
    a.criteriaScore = topics.criteria;
    // The topics: the keywords' ranking and the criteria's fused, placed among the collection's papers.
    double rank = 0;
    double r = 0;
    if (m_hasKeywords) {
        rank = fused(topics, a.crossList);
        r = shareBelow(m_fusedSorted, rank); // the place orders; the marks say how fully it meets a topic
    }
    // The classifier, blended in as far as the labels carry it.
    if (isLearning()) {
        const double margin = m_learned.classifier.decision(vector);
        const double centred = margin - m_zeroMargin;
        a.learned = std::clamp(centred / (centred >= 0 ? m_upScale : m_downScale), -1.0, 1.0);
        if (m_blend.active) {
            rank = blended(topics, blendMargin(vector));
        } else {
            rank = (1.0 - m_learnedWeight) * r + m_learnedWeight * *a.learned;
        }
        if (m_calibration.active) {
            // The probability that the labels would call it relevant, from the score the ranking uses.
            const double score = m_blend.active
                ? rank
                : (margin - m_blend.means[kMarginFeature]) / m_blend.sds[kMarginFeature];
            a.probability = 1.0 / (1.0 + std::exp(-(m_calibration.slope * score + m_calibration.intercept)));
        } else {
            // Too few labels to calibrate on: the topics' strength and the classifier's place, as blended.
            r = (m_hasKeywords ? (1.0 - m_learnedWeight) * topicMatch(a) : 0.0) +
                m_learnedWeight * std::max(0.0, *a.learned);
        }
        // Why: the terms whose weights raise the margin most.
        std::vector<std::pair<double, int>> pushes;
        const std::vector<float> &w = m_learned.classifier.weights();
        for (size_t j = 0; j < vector.ids.size(); ++j) {
            if (const double push = double(w[size_t(vector.ids[j])]) * vector.weights[j]; push > 0)
                pushes.emplace_back(push, vector.ids[j]);
        }
        std::sort(
            pushes.begin(), pushes.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        QStringList terms;
        for (size_t i = 0; i < pushes.size() && i < 3; ++i)
            terms << m_learned.vectorizer.terms().at(pushes[i].second);
        a.strongestTerms = TextAnalyzer::spelledAs(terms, QString(paper.title + u' ' + paper.abstract));
    }
    a.rankScore = rank;
    if (!isLearning())
        r = m_hasKeywords ? topicMatch(a) : 0.0;
    a.relevanceScore = a.probability ? *a.probability : std::clamp(r, 0.0, 1.0);

    // Novelty: the closest reference paper other than this one.
    s.accumulator.resize(size_t(m_refIds.size()), 0.0f);
    s.touched.clear();
    for (size_t j = 0; j < vector.ids.size(); ++j) {
        for (const auto &[doc, w] : m_postings[size_t(vector.ids[j])]) {
            if (s.accumulator[size_t(doc)] == 0.0f)
                s.touched.push_back(doc);
            s.accumulator[size_t(doc)] += w * vector.weights[j];
        }
    }
    int nearest = -1;
    float top = 0;
    for (const int doc : s.touched) {
        if (s.accumulator[size_t(doc)] > top && m_refIds.at(doc) != paper.arxivId) {
            top = s.accumulator[size_t(doc)];
            nearest = doc;
        }
        s.accumulator[size_t(doc)] = 0.0f;
    }
    a.similarity = std::clamp(double(top), 0.0, 1.0);
    a.nearest = nearest >= 0 ? m_refIds.at(nearest) : QString();
    a.againstLibrary = !m_libraryIds.isEmpty();

    a.relevance = a.probability ? markOfProbability(*a.probability) : mark(a.relevanceScore);
    a.novelty = mark(1.0 - std::min(1.0, a.similarity / kNoveltyFullSimilarity));
    if (const auto known = m_importedFrom.constFind(paper.arxivId); known != m_importedFrom.cend()) {
        // The user has it in their library: nothing new to them, however far it is from the rest.
        a.importedFrom = *known;
        a.similarity = 1;
        a.novelty = 1;
    }

    // The comment says what the marks rest on, and that no language model was involved. Stored English
    // (as exports show it); the detail pane reads it back in the user's language (ScoreComments::readable).
    using ScoreComments::BuiltinPart;
    QStringList parts;
    if (a.topic >= 0) {
        QStringList shown;
        for (qsizetype i = 0; i < a.matched.size() && i < 4; ++i)
            shown << (a.inTitle.contains(a.matched.at(i)) ? a.matched.at(i) + ScoreComments::titleMark()
                                                          : a.matched.at(i));
        parts << ScoreComments::builtinPart(
            BuiltinPart::Topic, {m_topics.topics.at(a.topic).name, shown.join(QStringLiteral(", "))});
        if (!a.against.isEmpty())
            parts << ScoreComments::builtinPart(BuiltinPart::Against, {a.against.join(QStringLiteral(", "))});
    } else {
        parts << ScoreComments::builtinPart(BuiltinPart::NoTopic);
    }
    if (a.crossList)
        parts << ScoreComments::builtinPart(BuiltinPart::CrossListed,
            {paper.primaryCategory.isEmpty() ? ScoreComments::anotherArchive() : paper.primaryCategory});
    if (a.learned) {
        if (*a.learned >= 0.25)
            parts << (a.strongestTerms.isEmpty() ? ScoreComments::builtinPart(BuiltinPart::LikeStarred)
                                                 : ScoreComments::builtinPart(BuiltinPart::LikeStarredBecause,
                                                       {a.strongestTerms.join(QStringLiteral(", "))}));
        else if (*a.learned <= -0.25)
            parts << ScoreComments::builtinPart(BuiltinPart::LikeDismissed);
    }
    if (!a.importedFrom.isEmpty())
        parts << ScoreComments::builtinPart(BuiltinPart::InLibrary, {a.importedFrom});
    else if (!a.nearest.isEmpty())
        parts << ScoreComments::builtinPart(
            a.againstLibrary ? BuiltinPart::ClosestInLibrary : BuiltinPart::ClosestOther,
            {a.nearest, percent(a.similarity)});
    a.comment = ScoreComments::builtinComment(parts);
    return a;
}

namespace {

/// The columns paperFrom() reads, first in each query.
constexpr QLatin1StringView kPaperColumns {
    "p.arxiv_id, p.version, p.title, p.abstract, p.categories, p.primary_category"};
constexpr int kPaperColumnCount = 6;

Paper paperFrom(const QSqlQuery &q)
{
    Paper p;
    p.arxivId = q.value(0).toString();
    p.version = q.value(1).toInt();
    p.title = q.value(2).toString();
    p.abstract = q.value(3).toString();
    p.categories = q.value(4).toString().split(u' ', Qt::SkipEmptyParts);
    p.primaryCategory = q.value(5).toString();
    return p;
}

} // namespace

Result<BuiltinModel::Inputs> BuiltinModel::inputsFromStore(PaperStore &store, const ResearchTopics &topics)
{
    Inputs in;
    in.topics = topics;
    QSqlQuery q(store.database().sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM papers p ORDER BY p.id DESC LIMIT ?").arg(kPaperColumns));
    q.addBindValue(CollectionLimit);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read recent papers for the built-in scorer"),
            q);
    while (q.next())
        in.collection << paperFrom(q);
    QSqlQuery s(store.database().sql());
    s.setForwardOnly(true);
    // A paper imported from the user's library (tagged so) counts as starred: a positive, and held.
    const QString imported =
        QStringLiteral("EXISTS (SELECT 1 FROM paper_tags t WHERE t.arxiv_id = st.arxiv_id AND t.tag = '%1')")
            .arg(PaperState::ImportedTag);
    // The flags are 0/1 integers on both backends: compared, never used as booleans (PostgreSQL has no
    // integer OR).
    s.prepare(
        QStringLiteral("SELECT %1, CASE WHEN st.starred <> 0 OR %2 THEN 1 ELSE 0 END, st.read, st.dismissed "
                       "FROM paper_state st JOIN papers p ON p.arxiv_id = st.arxiv_id "
                       "WHERE st.starred <> 0 OR st.read <> 0 OR st.dismissed <> 0 OR %2 "
                       "ORDER BY st.updated_at DESC, p.id DESC LIMIT ?")
            .arg(kPaperColumns, imported));
    s.addBindValue(StateLimit);
    if (!s.exec())
        return sqlError(QCoreApplication::translate(
                            "Lectern::Database", "read starred and dismissed papers for the built-in scorer"),
            s);
    while (s.next()) {
        const Paper p = paperFrom(s);
        const bool starred = s.value(kPaperColumnCount).toBool();
        const bool read = s.value(kPaperColumnCount + 1).toBool();
        const bool dismissed = s.value(kPaperColumnCount + 2).toBool();
        if (starred)
            in.starred << p;
        else if (dismissed)
            in.dismissed << p;
        else if (read)
            in.read << p;
        if (starred || (read && !dismissed))
            in.library << p;
    }
    // The library kept as text (a book, a journal paper without an arXiv id): positives and held as well;
    // their title and abstract are the document.
    QSqlQuery t(store.database().sql());
    t.setForwardOnly(true);
    t.prepare(QStringLiteral("SELECT id, title, abstract FROM library_items WHERE arxiv_id IS NULL "
                             "ORDER BY id DESC LIMIT ?"));
    t.addBindValue(StateLimit);
    if (!t.exec())
        return sqlError(QCoreApplication::translate(
                            "Lectern::Database", "read the library kept as text for the built-in scorer"),
            t);
    while (t.next()) {
        Paper p;
        p.arxivId = QStringLiteral("library:") + t.value(0).toString();
        p.title = t.value(1).toString();
        p.abstract = t.value(2).toString();
        in.starred << p;
        in.library << p;
    }
    // Where each imported arXiv paper came from (a tag set by hand, or an import older than schema 9,
    // names no file).
    QSqlQuery f(store.database().sql());
    f.setForwardOnly(true);
    f.prepare(QStringLiteral("SELECT t.arxiv_id, (SELECT l.source FROM library_items l WHERE l.arxiv_id = "
                             "t.arxiv_id ORDER BY l.id LIMIT 1) FROM paper_tags t WHERE t.tag = ?"));
    f.addBindValue(QString(PaperState::ImportedTag));
    if (!f.exec())
        return sqlError(QCoreApplication::translate(
                            "Lectern::Database", "read the imported papers for the built-in scorer"),
            f);
    while (f.next()) {
        const QString source = f.value(1).toString();
        in.importedFrom.insert(
            f.value(0).toString(), source.isEmpty() ? QStringLiteral("an earlier import") : source);
    }
    // Language models' verdicts, each paper's latest; the user's own marks take precedence in training.
    QSqlQuery v(store.database().sql());
    v.setForwardOnly(true);
    // Each paper's latest verdict is the row no later verdict follows (not a bare column beside MAX(),
    // which only SQLite reads so); of two at the same time, the later row.
    // Only the member's own prompts' and the lab's: another member's prompt judged by other criteria.
    const QString verdict =
        QStringLiteral("%1.model <> ? AND %1.relevance IS NOT NULL AND %1.novelty IS NOT NULL AND ") +
        store.database().dialect().visiblePrompt(QStringLiteral("%1.prompt_hash"));
    v.prepare(QStringLiteral(
        "SELECT %1, s.relevance, s.novelty "
        "FROM scores s JOIN papers p ON p.arxiv_id = s.arxiv_id "
        "WHERE %2 AND NOT EXISTS (SELECT 1 FROM scores n WHERE n.arxiv_id = s.arxiv_id "
        "AND %3 AND (n.scored_at > s.scored_at OR (n.scored_at = s.scored_at AND n.id > s.id))) "
        "ORDER BY s.scored_at DESC, s.id DESC LIMIT ?")
                  .arg(kPaperColumns, verdict.arg(QStringLiteral("s")), verdict.arg(QStringLiteral("n"))));
    v.addBindValue(QString(BuiltinScorer::ModelName));
    v.addBindValue(QString(BuiltinScorer::ModelName));
    v.addBindValue(LlmVerdictLimit);
    if (!v.exec())
        return sqlError(QCoreApplication::translate(
                            "Lectern::Database", "read language models' scores for the built-in scorer"),
            v);
    while (v.next()) {
        const bool selected = v.value(kPaperColumnCount).toInt() >= kLlmRelevance &&
            v.value(kPaperColumnCount + 1).toInt() >= kLlmNovelty;
        (selected ? in.llmRelevant : in.llmOther) << paperFrom(v);
    }
    return in;
}

Result<void> BuiltinModel::saveLearned(const QString &path) const
{
    QDir().mkpath(QFileInfo(path).absolutePath()); // a PostgreSQL store's model is not beside a database file
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {QCoreApplication::translate(
            "Lectern::BuiltinScorer", "Cannot write the built-in scorer's model %1: %2")
                          .arg(path, file.errorString())};
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_8);
    out << kModelMagic << m_learned.vectorizer << m_learned.classifier << qint32(m_learned.positives)
        << qint32(m_learned.negatives);
    if (out.status() != QDataStream::Ok || !file.commit())
        return Error {QCoreApplication::translate(
            "Lectern::BuiltinScorer", "Cannot write the built-in scorer's model %1: %2")
                          .arg(path, file.errorString())};
    return {};
}

std::optional<BuiltinModel::Learned> BuiltinModel::loadLearned(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_8);
    quint32 magic = 0;
    Learned learned;
    qint32 positives = 0;
    qint32 negatives = 0;
    in >> magic;
    if (magic != kModelMagic)
        return std::nullopt;
    in >> learned.vectorizer >> learned.classifier >> positives >> negatives;
    if (in.status() != QDataStream::Ok ||
        learned.classifier.weights().size() != size_t(learned.vectorizer.size()))
        return std::nullopt; // an unreadable model only costs the warm start
    learned.positives = positives;
    learned.negatives = negatives;
    return learned;
}

// The model of a run, built once by whichever worker asks first.
struct BuiltinScorer::Source
{
    std::mutex mutex;
    bool ready = false;
    std::shared_ptr<const BuiltinModel> model;
    QString error;
    ResearchTopics topics;
    QString databasePath;
};

BuiltinScorer::BuiltinScorer(std::shared_ptr<const BuiltinModel> model)
    : m_source(std::make_shared<Source>())
{
    m_source->ready = true;
    m_source->model = std::move(model);
}

BuiltinScorer::BuiltinScorer(std::shared_ptr<Source> source)
    : m_source(std::move(source))
{ }

QString BuiltinScorer::modelPath(const QString &databasePath)
{
    if (StoreLocation::parse(databasePath).isPostgres()) {
        const QByteArray key =
            QCryptographicHash::hash(databasePath.toUtf8(), QCryptographicHash::Sha1).toHex();
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
            QStringLiteral("/lectern/builtin-scorer-%1.model").arg(QString::fromLatin1(key.left(12)));
    }
    return QFileInfo(databasePath).dir().filePath(QStringLiteral("builtin-scorer.model"));
}

ScoringProviderFactory BuiltinScorer::factory(const ResearchTopics &topics, const QString &databasePath)
{
    auto source = std::make_shared<Source>();
    source->topics = topics;
    source->databasePath = databasePath;
    return [source]() -> std::unique_ptr<ScoringProvider> {
        return std::unique_ptr<ScoringProvider>(new BuiltinScorer(source));
    };
}

BatchResult BuiltinScorer::scoreBatch(
    const QList<Paper> &papers, const RenderedPrompt &, const std::atomic_bool *cancel)
{
    BatchResult result;
    result.model = ModelName;
    std::shared_ptr<const BuiltinModel> model;
    {
        std::lock_guard lock(m_source->mutex);
        if (!m_source->ready) {
            // This thread's own connection, closed again once the model is built.
            auto store = PaperStore::open(m_source->databasePath);
            if (!store) {
                m_source->error = store.error();
            } else {
                auto inputs = BuiltinModel::inputsFromStore(*store.value(), m_source->topics);
                const QString path = modelPath(m_source->databasePath);
                const std::optional<BuiltinModel::Learned> previous = BuiltinModel::loadLearned(path);
                if (!inputs) {
                    m_source->error = inputs.error();
                } else {
                    m_source->model = BuiltinModel::build(*inputs, previous ? &*previous : nullptr);
                    if (m_source->model->isLearning()) {
                        if (auto saved = m_source->model->saveLearned(path); !saved)
                            qCWarning(lcApp) << saved.error();
                    }
                }
            }
            m_source->ready = true;
        }
        model = m_source->model;
        result.error = m_source->error;
    }
    QString why;
    if (result.error.isEmpty() && (!model || !model->canScore(&why)))
        result.error = why.isEmpty() ? QStringLiteral("the built-in scorer has no model") : why;
    if (!result.error.isEmpty()) {
        result.fatal = true;
        return result;
    }
    BuiltinModel::Scratch scratch;
    for (const Paper &p : papers) {
        if (cancel && *cancel) {
            result.error = QStringLiteral("Cancelled.");
            return result;
        }
        const BuiltinModel::Assessment a = model->assess(p, scratch);
        result.items << ScoredItem {p.arxivId, a.relevance, a.novelty, a.comment};
    }
    return result;
}

} // namespace Lectern
