// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/tfidfvectorizer.h"

#include <QSet>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <libstemmer.h>
#include <memory>
#include <thread>

namespace Lectern {

namespace {

const QSet<QString> &stopwords()
{
    // Surface forms, checked before stemming.
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "with", "by",
                 "we", "our", "us", "this", "that", "these", "those", "is", "are", "was", "were", "be",
                 "been", "being", "as", "at", "from", "it", "its", "which", "who", "can", "could", "may",
                 "might", "will", "would", "should", "using", "use", "used", "uses", "based", "via", "into",
                 "than", "such", "also", "show", "shows", "shown", "paper", "propose", "proposes", "proposed",
                 "approach", "approaches", "method", "methods", "result", "results", "new", "between", "both",
                 "while", "more", "most", "not", "no", "their", "has", "have", "had", "do", "does", "how",
                 "what", "when", "where", "why", "each", "other", "some", "any", "all", "over", "under",
                 "through", "up", "out", "about", "further", "well", "however", "here", "there", "then",
                 "thus", "only", "one", "two", "first", "work", "study", "present", "introduce", "introduces",
                 "existing", "demonstrate", "experiments", "achieve", "achieves", "across", "without",
                 "within", "if", "so", "but", "them", "they", "i", "e", "g", "et", "al", "s"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

/// Snowball stemmers keep state between calls: one per thread.
QString stem(const QString &word)
{
    struct Stemmer
    {
        sb_stemmer *s = sb_stemmer_new("english", "UTF_8");
        ~Stemmer() { sb_stemmer_delete(s); }
    };
    thread_local Stemmer stemmer;
    // A day's words repeat: the stemmer runs once per distinct word (bounded, so a long life stays small).
    thread_local QHash<QString, QString> cache;
    if (const auto hit = cache.constFind(word); hit != cache.cend())
        return *hit;
    if (cache.size() > 200000)
        cache.clear();
    if (!stemmer.s)
        return word;
    const QByteArray utf8 = word.toUtf8();
    const sb_symbol *out =
        sb_stemmer_stem(stemmer.s, reinterpret_cast<const sb_symbol *>(utf8.constData()), int(utf8.size()));
    if (!out)
        return word;
    const QString stemmed =
        QString::fromUtf8(reinterpret_cast<const char *>(out), sb_stemmer_length(stemmer.s));
    cache.insert(word, stemmed);
    return stemmed;
}

// A term as one integer: a unigram is its stem's id, a bigram (first id + 1) << 32 | second id. Counting
// a day's bigrams as strings cost a string hash and an allocation each; integers cost neither.
quint64 unigramKey(int stem)
{
    return quint64(quint32(stem));
}

quint64 bigramKey(int first, int second)
{
    return (quint64(quint32(first) + 1) << 32) | quint32(second);
}

/// Adds the text's unigram and bigram counts. @p stemId gives a stem's id, or -1 for a stem that cannot be
/// a term (not in a fitted vocabulary).
template<typename StemId>
void addTerms(const std::vector<TextAnalyzer::Token> &tokens, int weight, TfidfVectorizer::Counts &counts,
    StemId stemId)
{
    int previous = -1;
    for (const TextAnalyzer::Token &t : tokens) {
        if (!t.content)
            continue; // a bigram joins the content words either side of a stopword, as scikit-learn's do
        const int id = stemId(t.stem);
        if (id >= 0) {
            counts[unigramKey(id)] += weight;
            if (previous >= 0)
                counts[bigramKey(previous, id)] += weight;
        }
        previous = id;
    }
}

template<typename StemId>
void addTerms(QStringView text, int weight, TfidfVectorizer::Counts &counts, StemId stemId)
{
    addTerms(TextAnalyzer::tokens(text), weight, counts, stemId);
}

/// A category term counts as a word used this often: one term among a few hundred would weigh too little
/// for a regularised classifier to use it, and the listing a paper is in says much about who reads it.
constexpr int kCategoryCount = 3;

/// Adds the document's category terms (see TfidfVectorizer::Document).
template<typename StemId>
void addCategories(const TfidfVectorizer::Document &document, TfidfVectorizer::Counts &counts, StemId stemId)
{
    for (const QString &c : document.categories) {
        if (const int id = stemId(u'#' + c.toLower()); id >= 0)
            counts[unigramKey(id)] = kCategoryCount;
    }
    if (!document.primaryCategory.isEmpty()) {
        if (const int id = stemId(QStringLiteral("#primary:") + document.primaryCategory.toLower()); id >= 0)
            counts[unigramKey(id)] = kCategoryCount;
    }
}

} // namespace

double SparseVector::dot(const std::vector<float> &dense) const
{
    double sum = 0;
    for (size_t j = 0; j < ids.size(); ++j)
        sum += double(dense[size_t(ids[j])]) * double(weights[j]);
    return sum;
}

double SparseVector::dot(const SparseVector &other) const
{
    double sum = 0;
    size_t i = 0;
    size_t j = 0;
    while (i < ids.size() && j < other.ids.size()) {
        if (ids[i] < other.ids[j]) {
            ++i;
        } else if (ids[i] > other.ids[j]) {
            ++j;
        } else {
            sum += double(weights[i++]) * double(other.weights[j++]);
        }
    }
    return sum;
}

std::vector<TextAnalyzer::Token> TextAnalyzer::tokens(QStringView text)
{
    std::vector<Token> out;
    QString word;
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
                const bool content = word.size() >= 2 && !stopwords().contains(word);
                out.push_back(Token {stem(word), content});
            }
            word.resize(0);
        }
        command = c == u'\\';
    }
    return out;
}

QStringList TextAnalyzer::stems(QStringView text)
{
    QStringList out;
    for (const Token &t : tokens(text))
        out << t.stem;
    return out;
}

QStringList TextAnalyzer::spelledAs(const QStringList &terms, QStringView text)
{
    QHash<QString, QString> wordOfStem;
    QString word;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const QChar c = i < text.size() ? text[i] : QChar(u' ');
        if (c.isLetterOrNumber()) {
            word += c.toLower();
            continue;
        }
        if (!word.isEmpty()) {
            const QString stemmed = stem(word);
            if (!wordOfStem.contains(stemmed))
                wordOfStem.insert(stemmed, word);
            word.clear();
        }
    }
    QStringList out;
    for (const QString &term : terms) {
        QStringList words;
        for (const QString &part : term.split(u' '))
            words << wordOfStem.value(part, part);
        out << words.join(u' ');
    }
    return out;
}

TfidfVectorizer::Counts TfidfVectorizer::termCounts(const Document &document, int titleWeight) const
{
    Counts counts;
    const auto known = [this](const QString &stem) { return m_stemIds.value(stem, -1); };
    addTerms(document.title, titleWeight, counts, known);
    addTerms(document.abstract, 1, counts, known);
    addCategories(document, counts, known);
    return counts;
}

void TfidfVectorizer::fit(const QList<Document> &documents)
{
    fitDocuments(documents, nullptr, false, nullptr);
}

std::vector<TfidfVectorizer::Analysed> TfidfVectorizer::analyse(const QList<Document> &documents)
{
    std::vector<Analysed> out(size_t(documents.size()));
    const auto work = [&](size_t from, size_t step) {
        for (size_t i = from; i < out.size(); i += step) {
            out[i].title = TextAnalyzer::tokens(documents.at(qsizetype(i)).title);
            out[i].abstract = TextAnalyzer::tokens(documents.at(qsizetype(i)).abstract);
        }
    };
    constexpr qsizetype WorthThreads = 256;
    const size_t threads =
        documents.size() < WorthThreads ? 1 : size_t(std::clamp(QThread::idealThreadCount(), 1, 8));
    std::vector<std::thread> helpers;
    for (size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work, t, threads);
    work(0, threads);
    for (std::thread &h : helpers)
        h.join();
    return out;
}

std::vector<SparseVector> TfidfVectorizer::fitTransform(const QList<Document> &documents)
{
    return fitDocuments(documents, nullptr, true, nullptr);
}

std::vector<SparseVector> TfidfVectorizer::fitTransform(const QList<Document> &documents,
    const std::vector<Analysed> &analysed, std::vector<SparseVector> *frequencies)
{
    return fitDocuments(documents, &analysed, true, frequencies);
}

std::vector<SparseVector> TfidfVectorizer::fitDocuments(const QList<Document> &documents,
    const std::vector<Analysed> *analysed, bool withVectors, std::vector<SparseVector> *frequencies)
{
    // Each document is analysed once: its counts serve the vocabulary and then its vector. Analysed here,
    // a slice at a time (each on every core): the tokens of all of them at once were 34 MB for the 4000
    // papers "More like this" fits on, the peak of its build. A fit alone keeps no document's counts.
    constexpr qsizetype Slice = 512;
    std::vector<Analysed> slice;
    QHash<QString, int> stemIds;
    QStringList stems;
    const auto grow = [&](const QString &stem) {
        auto it = stemIds.constFind(stem);
        if (it == stemIds.cend()) {
            it = stemIds.insert(stem, int(stems.size()));
            stems << stem;
        }
        return *it;
    };
    std::vector<Counts> allCounts;
    if (withVectors)
        allCounts.reserve(size_t(documents.size()));
    QHash<quint64, int> df;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const Document &d = documents.at(i);
        if (!analysed && i % Slice == 0)
            slice = analyse(documents.mid(i, Slice));
        const Analysed &a = analysed ? (*analysed)[size_t(i)] : slice[size_t(i % Slice)];
        Counts counts;
        addTerms(a.title, TitleWeight, counts, grow);
        addTerms(a.abstract, 1, counts, grow);
        addCategories(d, counts, grow);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            ++df[it.key()];
        if (withVectors)
            allCounts.push_back(std::move(counts));
    }
    slice = {};
    m_documents = int(documents.size());
    const int maxDf = std::max(MinDf, int(MaxDfShare * double(m_documents)));
    std::vector<std::pair<int, quint64>> kept;
    for (auto it = df.cbegin(); it != df.cend(); ++it) {
        if (it.value() >= MinDf && it.value() <= maxDf)
            kept.emplace_back(it.value(), it.key());
    }
    // The most frequent first; ties by key (stems are numbered in order of appearance), so that a
    // vocabulary depends on the documents, not on hashing. Only the MaxFeatures kept need sorting.
    const auto order = [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    };
    if (kept.size() > size_t(MaxFeatures)) {
        std::nth_element(kept.begin(), kept.begin() + MaxFeatures, kept.end(), order);
        kept.resize(size_t(MaxFeatures));
    }
    std::sort(kept.begin(), kept.end(), order);
    m_terms.clear();
    m_idf.clear();
    QHash<quint64, int> featureOfKey;
    for (const auto &[count, key] : kept) {
        const quint64 first = key >> 32;
        const QString &second = stems.at(qsizetype(key & 0xffffffffu));
        featureOfKey.insert(key, int(m_terms.size()));
        m_terms << (first == 0 ? second : stems.at(qsizetype(first - 1)) + u' ' + second);
        m_idf.push_back(float(std::log(double(1 + m_documents) / double(1 + count)) + 1.0));
    }
    rebuildIndex();
    // The documents' counts are keyed by the fitting ids; the index just built numbers stems anew.
    std::vector<SparseVector> vectors;
    vectors.reserve(allCounts.size());
    for (const Counts &counts : allCounts) {
        Counts mapped;
        mapped.reserve(counts.size());
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (const auto f = featureOfKey.constFind(it.key()); f != featureOfKey.cend())
                mapped.insert(m_keys[size_t(*f)], it.value());
        }
        vectors.push_back(vectorOf(mapped));
        if (frequencies)
            frequencies->push_back(frequenciesOf(mapped));
    }
    return vectors;
}

void TfidfVectorizer::rebuildIndex()
{
    m_index.clear();
    m_stemIds.clear();
    m_keyIndex.clear();
    m_keys.clear();
    m_keys.reserve(size_t(m_terms.size()));
    const auto idOf = [this](const QString &stem) {
        auto it = m_stemIds.constFind(stem);
        if (it == m_stemIds.cend())
            it = m_stemIds.insert(stem, int(m_stemIds.size()));
        return *it;
    };
    for (qsizetype i = 0; i < m_terms.size(); ++i) {
        const QString &term = m_terms.at(i);
        m_index.insert(term, int(i));
        const qsizetype space = term.indexOf(u' ');
        const quint64 key =
            space < 0 ? unigramKey(idOf(term)) : bigramKey(idOf(term.left(space)), idOf(term.mid(space + 1)));
        m_keyIndex.insert(key, int(i));
        m_keys.push_back(key);
    }
}

SparseVector TfidfVectorizer::vectorOf(const Counts &counts) const
{
    std::vector<std::pair<int, float>> entries;
    entries.reserve(size_t(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const int id = m_keyIndex.value(it.key(), -1);
        if (id >= 0)
            entries.emplace_back(id, float((1.0 + std::log(double(it.value()))) * m_idf[size_t(id)]));
    }
    std::sort(entries.begin(), entries.end());
    SparseVector v;
    double norm2 = 0;
    for (const auto &[id, w] : entries)
        norm2 += double(w) * double(w);
    const double inv = norm2 > 0 ? 1.0 / std::sqrt(norm2) : 0.0;
    for (const auto &[id, w] : entries) {
        v.ids.push_back(id);
        v.weights.push_back(float(w * inv));
    }
    return v;
}

SparseVector TfidfVectorizer::frequenciesOf(const Counts &counts) const
{
    std::vector<std::pair<int, float>> entries;
    entries.reserve(size_t(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (const int id = m_keyIndex.value(it.key(), -1); id >= 0)
            entries.emplace_back(id, float(it.value()));
    }
    std::sort(entries.begin(), entries.end());
    SparseVector v;
    for (const auto &[id, n] : entries) {
        v.ids.push_back(id);
        v.weights.push_back(n);
    }
    return v;
}

SparseVector TfidfVectorizer::frequencies(const Document &document) const
{
    return frequenciesOf(termCounts(document, TitleWeight));
}

SparseVector TfidfVectorizer::transform(const Document &document) const
{
    return vectorOf(termCounts(document, TitleWeight));
}

SparseVector TfidfVectorizer::transform(QStringView text) const
{
    return vectorOf(termCounts(Document {{}, text.toString(), {}, {}}, 1));
}

SparseVector TfidfVectorizer::transform(const QStringList &parts) const
{
    Counts counts;
    const auto known = [this](const QString &stem) { return m_stemIds.value(stem, -1); };
    for (const QString &part : parts)
        addTerms(part, 1, counts, known);
    return vectorOf(counts);
}

QDataStream &operator<<(QDataStream &out, const TfidfVectorizer &v)
{
    out << qint32(v.m_documents) << v.m_terms;
    out << qint32(v.m_idf.size());
    for (const float f : v.m_idf)
        out << f;
    return out;
}

QDataStream &operator>>(QDataStream &in, TfidfVectorizer &v)
{
    qint32 documents = 0;
    qint32 count = 0;
    in >> documents >> v.m_terms >> count;
    v.m_documents = documents;
    v.m_idf.assign(size_t(std::max<qint32>(0, count)), 0.0f);
    for (float &f : v.m_idf)
        in >> f;
    v.rebuildIndex();
    if (v.m_idf.size() != size_t(v.m_terms.size()))
        in.setStatus(QDataStream::ReadCorruptData);
    return in;
}

} // namespace Lectern
