// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/builtinscorer.h"

#include "store/paperstore.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
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
constexpr double kMaxLearnedWeight = 0.6;
constexpr double kLearnedFullAt = 20;
constexpr int kTrainingIterations = 250;
constexpr double kLearningRate = 2.0;
constexpr double kL2 = 0.002;
constexpr double kWeakNegativeWeight = 0.5;
constexpr int kMaxExamplesPerClass = 1500;

void stem(QString &w)
{
    const qsizetype n = w.size();
    if (n <= 3 || !w.endsWith(u's'))
        return;
    if (n > 4 && w.endsWith(QLatin1StringView("ies"))) {
        w.chop(3);
        w += u'y';
    } else if (w.endsWith(QLatin1StringView("sses"))) {
        w.chop(2);
    } else if (!w.endsWith(QLatin1StringView("ss")) && !w.endsWith(QLatin1StringView("us")) &&
        !w.endsWith(QLatin1StringView("is"))) {
        w.chop(1);
    }
}

const QSet<QString> &stopwords()
{
    // Stemmed forms. Only for the bag-of-words vectors; keyword phrases keep every word.
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "with", "by",
                 "we", "our", "u", "this", "that", "these", "those", "is", "are", "wa", "were", "be", "been",
                 "being", "as", "at", "from", "it", "its", "which", "who", "can", "could", "may", "might",
                 "will", "would", "should", "using", "use", "used", "based", "via", "into", "than", "such",
                 "also", "show", "shown", "paper", "propose", "proposed", "approach", "method", "result",
                 "new", "between", "both", "while", "more", "most", "not", "no", "their", "ha", "have", "had",
                 "do", "doe", "how", "what", "when", "where", "why", "each", "other", "some", "any", "all",
                 "over", "under", "through", "up", "out", "about", "further", "well", "however", "here",
                 "there", "then", "thu", "only", "one", "two", "first", "work", "study", "present",
                 "introduce", "existing", "demonstrate", "experiment", "achieve", "across", "without",
                 "within", "if", "so", "but", "them", "they", "it", "i", "e", "g", "et", "al"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

int mark(double x01)
{
    return 1 + int(std::lround(9.0 * std::clamp(x01, 0.0, 1.0)));
}

QString percent(double x)
{
    return QString::number(x, 'f', 2);
}

} // namespace

namespace {

/// Calls @p f with each word of @p text, lower case and stemmed, in a buffer reused between words.
template<typename F> void forEachWord(QStringView text, F &&f)
{
    QString word;
    word.reserve(32);
    bool command = false; // the word follows a backslash: a TeX command, not content
    const qsizetype n = text.size();
    for (qsizetype i = 0; i <= n; ++i) {
        const QChar c = i < n ? text[i] : QChar(u' ');
        if (c.isLetterOrNumber()) {
            word += c.toLower();
            continue;
        }
        // "model's" is one word.
        if (isApostrophe(c) && !word.isEmpty() && i + 1 < n && text[i + 1].isLetter())
            continue;
        if (!word.isEmpty()) {
            if (!command) {
                stem(word);
                f(word);
            }
            word.resize(0);
        }
        command = c == u'\\';
    }
}

bool isContent(const QString &word)
{
    return word.size() >= 2 && !stopwords().contains(word);
}

} // namespace

QStringList BuiltinModel::tokenize(QStringView text)
{
    QStringList out;
    forEachWord(text, [&](const QString &w) { out << w; });
    return out;
}

int BuiltinModel::intern(const QString &word)
{
    const auto it = m_vocab.constFind(word);
    if (it != m_vocab.constEnd())
        return it.value();
    const int id = int(m_vocab.size());
    m_vocab.insert(word, id);
    m_df.push_back(0);
    m_content.push_back(isContent(word));
    return id;
}

BuiltinModel::Words BuiltinModel::internWords(const Paper &paper)
{
    Words w;
    forEachWord(paper.title, [&](const QString &word) { w.title.push_back(intern(word)); });
    forEachWord(paper.abstract, [&](const QString &word) { w.abstract.push_back(intern(word)); });
    return w;
}

BuiltinModel::Words BuiltinModel::wordsOf(const Paper &paper) const
{
    Words w;
    const auto add = [&](std::vector<int> &ids, int times) {
        return [&ids, times, &w, this](const QString &word) {
            const int id = m_vocab.value(word, -1);
            ids.push_back(id);
            if (id < 0 && isContent(word))
                w.unknown[word] += times;
        };
    };
    forEachWord(paper.title, add(w.title, 2));
    forEachWord(paper.abstract, add(w.abstract, 1));
    return w;
}

void BuiltinModel::countPhrases(const std::vector<int> &tokens, std::vector<int> &counts) const
{
    const size_t n = tokens.size();
    for (size_t i = 0; i < n; ++i) {
        if (tokens[i] < 0 || !m_startsPhrase[size_t(tokens[i])])
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

double BuiltinModel::idf(int df) const
{
    return std::log(double(m_docs + 1) / double(df + 1)) + 1.0;
}

BuiltinModel::SparseVector BuiltinModel::vectorOf(const Words &words) const
{
    // The title counts twice: it is the paper's own summary of itself.
    std::vector<int> known;
    known.reserve(2 * words.title.size() + words.abstract.size());
    for (const int id : words.title) {
        if (id >= 0 && m_content[size_t(id)])
            known.insert(known.end(), 2, id);
    }
    for (const int id : words.abstract) {
        if (id >= 0 && m_content[size_t(id)])
            known.push_back(id);
    }
    std::sort(known.begin(), known.end());
    SparseVector v;
    double norm2 = 0;
    for (size_t i = 0; i < known.size();) {
        size_t j = i;
        while (j < known.size() && known[j] == known[i])
            ++j;
        const int id = known[i];
        const double w = (1.0 + std::log(double(j - i))) * idf(m_df[size_t(id)]);
        v.ids.push_back(id);
        v.weights.push_back(float(w));
        norm2 += w * w;
        i = j;
    }
    // Words the collection never had count in the norm (they make the paper less like any other).
    double unknownNorm2 = 0;
    for (auto it = words.unknown.cbegin(); it != words.unknown.cend(); ++it) {
        const double w = (1.0 + std::log(double(it.value()))) * idf(0);
        unknownNorm2 += w * w;
    }
    norm2 += unknownNorm2;
    if (norm2 > 0) {
        const double inv = 1.0 / std::sqrt(norm2);
        for (float &w : v.weights)
            w = float(w * inv);
    }
    return v;
}

std::shared_ptr<const BuiltinModel> BuiltinModel::build(const Inputs &in)
{
    std::shared_ptr<BuiltinModel> m(new BuiltinModel);
    m->m_topics = in.topics;

    // The collection: every distinct paper the model was given.
    struct Doc
    {
        QString id;
        Words words;
    };
    std::vector<Doc> docs;
    QHash<QString, int> docIndex;
    const auto addDoc = [&](const Paper &p) {
        if (docIndex.contains(p.arxivId))
            return docIndex.value(p.arxivId);
        docIndex.insert(p.arxivId, int(docs.size()));
        docs.push_back(Doc {p.arxivId, m->internWords(p)});
        return int(docs.size() - 1);
    };
    for (const QList<Paper> *list : {&in.collection, &in.starred, &in.dismissed, &in.library}) {
        for (const Paper &p : *list)
            addDoc(p);
    }
    m->m_docs = int(docs.size());

    // Document frequencies and average field lengths.
    double titleTotal = 0;
    double abstractTotal = 0;
    std::vector<int> lastSeen(m->m_vocab.size(), -1);
    for (size_t d = 0; d < docs.size(); ++d) {
        titleTotal += double(docs[d].words.title.size());
        abstractTotal += double(docs[d].words.abstract.size());
        for (const std::vector<int> *ids : {&docs[d].words.title, &docs[d].words.abstract}) {
            for (const int id : *ids) {
                if (lastSeen[size_t(id)] != int(d)) {
                    lastSeen[size_t(id)] = int(d);
                    ++m->m_df[size_t(id)];
                }
            }
        }
    }
    if (!docs.empty()) {
        m->m_avgTitle = std::max(1.0, titleTotal / double(docs.size()));
        m->m_avgAbstract = std::max(1.0, abstractTotal / double(docs.size()));
    }

    // Keyword phrases, shared between topics when spelled alike.
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
        for (const QString &w : words)
            p.ids.push_back(m->intern(w));
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
    m->m_startsPhrase.assign(m->m_vocab.size(), 0);
    for (const Phrase &p : m->m_phrases)
        m->m_startsPhrase[size_t(p.ids.front())] = 1;
    // Phrase rarity over the collection.
    {
        std::vector<int> phraseDf(m->m_phrases.size(), 0);
        std::vector<int> counts(m->m_phrases.size(), 0);
        for (const Doc &d : docs) {
            std::fill(counts.begin(), counts.end(), 0);
            m->countPhrases(d.words.title, counts);
            m->countPhrases(d.words.abstract, counts);
            for (size_t p = 0; p < counts.size(); ++p)
                phraseDf[p] += counts[p] > 0;
        }
        const double n = double(docs.size());
        const double idfMax = std::log(1.0 + (n + 0.5) / 0.5);
        for (size_t p = 0; p < m->m_phrases.size(); ++p) {
            const double df = double(phraseDf[p]);
            const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
            m->m_phrases[p].weight = idfMax > 0 ? 0.5 + 0.5 * std::clamp(idf / idfMax, 0.0, 1.0) : 1.0;
        }
    }

    const auto vectorOfDoc = [&](int index) { return m->vectorOf(docs[size_t(index)].words); };

    // Stars and dismissals.
    QSet<QString> marked;
    for (const QList<Paper> *list : {&in.starred, &in.dismissed, &in.library}) {
        for (const Paper &p : *list)
            marked.insert(p.arxivId);
    }
    struct Example
    {
        SparseVector x;
        double y;
        double weight;
    };
    std::vector<Example> examples;
    int positives = 0;
    for (const Paper &p : in.starred) {
        if (positives >= kMaxExamplesPerClass)
            break;
        examples.push_back(Example {vectorOfDoc(docIndex.value(p.arxivId)), 1.0, 1.0});
        ++positives;
    }
    int dismissed = 0;
    QSet<QString> starredIds;
    for (const Paper &p : in.starred)
        starredIds.insert(p.arxivId);
    for (const Paper &p : in.dismissed) {
        if (dismissed >= kMaxExamplesPerClass)
            break;
        if (starredIds.contains(p.arxivId))
            continue;
        examples.push_back(Example {vectorOfDoc(docIndex.value(p.arxivId)), 0.0, 1.0});
        ++dismissed;
    }
    if (positives >= MinStarsToLearn) {
        // Weak negatives: the oldest unmarked papers, when the user has dismissed little.
        int weak = 0;
        const int wanted = std::max(0, 2 * positives - dismissed);
        for (qsizetype i = in.collection.size() - 1; i >= 0 && weak < wanted; --i) {
            const Paper &p = in.collection.at(i);
            if (marked.contains(p.arxivId))
                continue;
            examples.push_back(Example {vectorOfDoc(docIndex.value(p.arxivId)), 0.0, kWeakNegativeWeight});
            ++weak;
        }
        double posTotal = 0;
        double negTotal = 0;
        for (const Example &e : examples)
            (e.y > 0 ? posTotal : negTotal) += e.weight;
        if (negTotal > 0) {
            for (Example &e : examples)
                e.weight *= 0.5 / (e.y > 0 ? posTotal : negTotal);
            // Batch gradient descent on the weighted log loss with L2, over the features the examples use.
            std::vector<int> features;
            for (const Example &e : examples)
                features.insert(features.end(), e.x.ids.begin(), e.x.ids.end());
            std::sort(features.begin(), features.end());
            features.erase(std::unique(features.begin(), features.end()), features.end());
            std::vector<std::vector<int>> local(examples.size());
            for (size_t k = 0; k < examples.size(); ++k) {
                for (const int id : examples[k].x.ids)
                    local[k].push_back(
                        int(std::lower_bound(features.begin(), features.end(), id) - features.begin()));
            }
            std::vector<double> w(features.size(), 0.0);
            std::vector<double> grad(features.size(), 0.0);
            double bias = 0;
            for (int it = 0; it < kTrainingIterations; ++it) {
                for (size_t f = 0; f < w.size(); ++f)
                    grad[f] = kL2 * w[f];
                double gradBias = 0;
                for (size_t k = 0; k < examples.size(); ++k) {
                    const Example &e = examples[k];
                    double z = bias;
                    for (size_t j = 0; j < local[k].size(); ++j)
                        z += w[size_t(local[k][j])] * e.x.weights[j];
                    const double g = e.weight * (sigmoid(z) - e.y);
                    for (size_t j = 0; j < local[k].size(); ++j)
                        grad[size_t(local[k][j])] += g * e.x.weights[j];
                    gradBias += g;
                }
                for (size_t f = 0; f < w.size(); ++f)
                    w[f] -= kLearningRate * grad[f];
                bias -= kLearningRate * gradBias;
            }
            m->m_w.assign(m->m_vocab.size(), 0.0f);
            for (size_t f = 0; f < features.size(); ++f)
                m->m_w[size_t(features[f])] = float(w[f]);
            m->m_bias = float(bias);
            // Calibration: the margin of a typical paper of the collection is the zero point, the average
            // starred paper +1 and the average dismissed one -1 (the stars' distance when nothing was
            // dismissed). Raw probabilities of a model fitted to a few dozen examples are not comparable
            // from one day's stars to the next; these positions are.
            const auto margin = [&](const SparseVector &x) {
                double z = m->m_bias;
                for (size_t j = 0; j < x.ids.size(); ++j)
                    z += double(m->m_w[size_t(x.ids[j])]) * double(x.weights[j]);
                return z;
            };
            std::vector<double> typical;
            const qsizetype step = std::max<qsizetype>(1, in.collection.size() / 1000);
            for (qsizetype i = 0; i < in.collection.size(); i += step)
                typical.push_back(margin(vectorOfDoc(docIndex.value(in.collection.at(i).arxivId))));
            double posMean = 0;
            double negMean = 0;
            // examples: the stars, then the dismissed papers, then the weak negatives.
            for (int k = 0; k < positives; ++k)
                posMean += margin(examples[size_t(k)].x) / positives;
            for (int k = positives; k < positives + dismissed; ++k)
                negMean += margin(examples[size_t(k)].x) / dismissed;
            if (!typical.empty()) {
                std::nth_element(typical.begin(), typical.begin() + typical.size() / 2, typical.end());
                m->m_zeroMargin = typical[typical.size() / 2];
            }
            m->m_upScale = std::max(1e-6, posMean - m->m_zeroMargin);
            m->m_downScale = dismissed > 0 ? std::max(1e-6, m->m_zeroMargin - negMean) : m->m_upScale;
            m->m_positives = positives;
            m->m_negatives = dismissed;
            m->m_learnedWeight =
                kMaxLearnedWeight * std::min(1.0, double(positives + dismissed) / kLearnedFullAt);
        }
    }

    // Novelty reference: the user's library, or the whole collection when it is empty.
    std::vector<int> reference;
    if (!in.library.isEmpty()) {
        QSet<int> seen;
        for (const Paper &p : in.library) {
            const int index = docIndex.value(p.arxivId);
            if (!seen.contains(index)) {
                seen.insert(index);
                reference.push_back(index);
                m->m_libraryIds << p.arxivId;
            }
        }
    } else {
        reference.resize(docs.size());
        std::iota(reference.begin(), reference.end(), 0);
    }
    m->m_postings.assign(m->m_vocab.size(), {});
    for (size_t r = 0; r < reference.size(); ++r) {
        const SparseVector v = vectorOfDoc(reference[r]);
        for (size_t j = 0; j < v.ids.size(); ++j)
            m->m_postings[size_t(v.ids[j])].emplace_back(int(r), v.weights[j]);
        m->m_refIds << docs[size_t(reference[r])].id;
    }
    return m;
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

struct BuiltinModel::Scratch
{
    std::vector<float> accumulator;
    std::vector<int> touched;
    std::vector<int> titleCounts;
    std::vector<int> abstractCounts;
};

BuiltinModel::Assessment BuiltinModel::assess(const Paper &paper) const
{
    Scratch scratch;
    return assess(paper, scratch);
}

BuiltinModel::Assessment BuiltinModel::assess(const Paper &paper, Scratch &s) const
{
    Assessment a;
    const Words words = wordsOf(paper);

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
        score = std::max(0.0, score);
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

    const SparseVector v = vectorOf(words);

    // Stars and dismissals.
    double r = a.keywordScore;
    if (isLearning()) {
        double z = m_bias;
        for (size_t j = 0; j < v.ids.size(); ++j)
            z += double(m_w[size_t(v.ids[j])]) * double(v.weights[j]);
        const double centred = z - m_zeroMargin;
        a.learned = std::clamp(centred / (centred >= 0 ? m_upScale : m_downScale), -1.0, 1.0);
        r = m_hasKeywords ? a.keywordScore + m_learnedWeight * *a.learned : std::max(0.0, *a.learned);
    }
    a.relevanceScore = std::clamp(r, 0.0, 1.0);

    // Novelty: the closest reference paper other than this one.
    s.accumulator.resize(size_t(m_refIds.size()), 0.0f);
    s.touched.clear();
    for (size_t j = 0; j < v.ids.size(); ++j) {
        for (const auto &[doc, w] : m_postings[size_t(v.ids[j])]) {
            if (s.accumulator[size_t(doc)] == 0.0f)
                s.touched.push_back(doc);
            s.accumulator[size_t(doc)] += w * v.weights[j];
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

    a.relevance = mark(a.relevanceScore);
    a.novelty = mark(1.0 - std::min(1.0, a.similarity / kNoveltyFullSimilarity));

    // The comment says what the marks rest on, and that no language model was involved.
    QStringList parts;
    if (a.topic >= 0) {
        QStringList shown;
        for (qsizetype i = 0; i < a.matched.size() && i < 4; ++i)
            shown << (a.inTitle.contains(a.matched.at(i)) ? a.matched.at(i) + QStringLiteral(" (title)")
                                                          : a.matched.at(i));
        QString part = QStringLiteral("topic \"%1\": %2")
                           .arg(m_topics.topics.at(a.topic).name, shown.join(QStringLiteral(", ")));
        if (!a.against.isEmpty())
            part += QStringLiteral("; against: ") + a.against.join(QStringLiteral(", "));
        parts << part;
    } else {
        parts << QStringLiteral("no topic keyword found");
    }
    if (a.learned) {
        if (*a.learned >= 0.25)
            parts << QStringLiteral("like papers you starred");
        else if (*a.learned <= -0.25)
            parts << QStringLiteral("like papers you dismissed");
    }
    if (!a.nearest.isEmpty())
        parts << QStringLiteral("closest %1: %2 (similarity %3)")
                     .arg(a.againstLibrary ? QStringLiteral("paper in your library")
                                           : QStringLiteral("other paper"),
                         a.nearest, percent(a.similarity));
    a.comment = QStringLiteral("Built-in scorer (no LLM): ") + parts.join(QStringLiteral("; ")) + u'.';
    return a;
}

Result<BuiltinModel::Inputs> BuiltinModel::inputsFromStore(PaperStore &store, const ResearchTopics &topics)
{
    Inputs in;
    in.topics = topics;
    QSqlQuery q(store.database().sql());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT arxiv_id, version, title, abstract FROM papers ORDER BY id DESC LIMIT ?"));
    q.addBindValue(CollectionLimit);
    if (!q.exec())
        return sqlError(QStringLiteral("read recent papers for the built-in scorer"), q);
    while (q.next()) {
        Paper p;
        p.arxivId = q.value(0).toString();
        p.version = q.value(1).toInt();
        p.title = q.value(2).toString();
        p.abstract = q.value(3).toString();
        in.collection << p;
    }
    QSqlQuery s(store.database().sql());
    s.setForwardOnly(true);
    s.prepare(QStringLiteral(
        "SELECT p.arxiv_id, p.version, p.title, p.abstract, st.starred, st.read, st.dismissed "
        "FROM paper_state st JOIN papers p ON p.arxiv_id = st.arxiv_id "
        "WHERE st.starred OR st.read OR st.dismissed ORDER BY st.updated_at DESC, p.id DESC LIMIT ?"));
    s.addBindValue(StateLimit);
    if (!s.exec())
        return sqlError(QStringLiteral("read starred and dismissed papers for the built-in scorer"), s);
    while (s.next()) {
        Paper p;
        p.arxivId = s.value(0).toString();
        p.version = s.value(1).toInt();
        p.title = s.value(2).toString();
        p.abstract = s.value(3).toString();
        const bool starred = s.value(4).toBool();
        const bool read = s.value(5).toBool();
        const bool dismissed = s.value(6).toBool();
        if (starred)
            in.starred << p;
        else if (dismissed)
            in.dismissed << p;
        if (starred || (read && !dismissed))
            in.library << p;
    }
    return in;
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
                if (!inputs)
                    m_source->error = inputs.error();
                else
                    m_source->model = BuiltinModel::build(*inputs);
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
