// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDataStream>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Lectern {

/// A sparse vector: sorted feature indexes and their values.
struct SparseVector
{
    std::vector<int> ids;
    std::vector<float> weights;

    [[nodiscard]] double dot(const std::vector<float> &dense) const;
    /// The cosine similarity, for two L2-normalised vectors.
    [[nodiscard]] double dot(const SparseVector &other) const;
};

/// Words of English text as the built-in scorer sees them: lower case, Snowball-stemmed, TeX commands
/// (\mathcal) dropped, "model's" one word. Stopwords are kept but flagged, so that keyword phrases such as
/// "mixture of experts" still match word for word.
class TextAnalyzer final
{
public:
    struct Token
    {
        QString stem;
        bool content = false; ///< not a stopword, 2+ characters
    };
    [[nodiscard]] static std::vector<Token> tokens(QStringView text);
    [[nodiscard]] static QStringList stems(QStringView text);
    /// @p terms (stems; bigrams "a b") as @p text spells them, to show them to a reader: "kv cach" ->
    /// "kv cache". A stem the text does not hold stays as it is.
    [[nodiscard]] static QStringList spelledAs(const QStringList &terms, QStringView text);
};

/// tf-idf vectors over word unigrams and bigrams, the representation arxiv-sanity-lite and scikit-learn's
/// TfidfVectorizer use: stopwords left out (a bigram joins the content words either side of them),
/// sublinear tf (1 + log tf), smoothed idf (log((1 + n) / (1 + df)) + 1), L2-normalised. The title counts
/// TitleWeight times: it is the paper's own summary. The vocabulary is fitted on a collection: terms in at
/// least MinDf documents and at most MaxDfShare of them (too common to tell papers apart), the
/// MaxFeatures most frequent.
class TfidfVectorizer final
{
public:
    static constexpr int TitleWeight = 2;
    static constexpr int MinDf = 2;
    static constexpr double MaxDfShare = 0.5;
    static constexpr int MaxFeatures = 60000;

    /// Unigram and bigram counts keyed by term (stem ids packed in an integer).
    using Counts = QHash<quint64, int>;

    struct Document
    {
        QString title;
        QString abstract;
        /// arXiv categories: terms of their own ("#cs.lg", and "#primary:cs.lg" for the primary one), which
        /// no word can spell, so that a classifier learns which listings the user reads.
        QStringList categories;
        QString primaryCategory;
    };

    /// A document's title and abstract as TextAnalyzer reads them.
    struct Analysed
    {
        std::vector<TextAnalyzer::Token> title;
        std::vector<TextAnalyzer::Token> abstract;
    };
    /// Analyses @p documents, on every core for a collection large enough to be worth it (stemming is
    /// most of building a model): the same result as analysing them one by one.
    [[nodiscard]] static std::vector<Analysed> analyse(const QList<Document> &documents);

    /// Fits the vocabulary and idf on @p documents.
    void fit(const QList<Document> &documents);
    /// fit(), returning the documents' vectors (each document analysed once).
    std::vector<SparseVector> fitTransform(const QList<Document> &documents);
    /// The same, for documents analysed already (@p analysed: analyse(@p documents)).
    /// @p frequencies, when given, receives each document's frequencies().
    std::vector<SparseVector> fitTransform(const QList<Document> &documents,
        const std::vector<Analysed> &analysed, std::vector<SparseVector> *frequencies = nullptr);
    [[nodiscard]] SparseVector transform(const Document &document) const;
    /// Free text (a topic's description, say): every field weighs alike.
    [[nodiscard]] SparseVector transform(QStringView text) const;
    /// The document's raw term counts over the vocabulary (the title's counted TitleWeight times), for
    /// ranking functions that weigh term frequency themselves (BM25).
    [[nodiscard]] SparseVector frequencies(const Document &document) const;
    /// Free text in parts (a description, then keywords one by one): no bigram spans two parts.
    [[nodiscard]] SparseVector transform(const QStringList &parts) const;

    [[nodiscard]] int size() const { return int(m_terms.size()); }
    [[nodiscard]] int documents() const { return m_documents; }
    [[nodiscard]] const QStringList &terms() const { return m_terms; }
    [[nodiscard]] int indexOf(const QString &term) const { return m_index.value(term, -1); }

    friend QDataStream &operator<<(QDataStream &out, const TfidfVectorizer &v);
    friend QDataStream &operator>>(QDataStream &in, TfidfVectorizer &v);

private:
    /// Unigram and bigram counts of a text over the vocabulary's stems, the title's weighted.
    [[nodiscard]] Counts termCounts(const Document &document, int titleWeight) const;
    [[nodiscard]] SparseVector vectorOf(const Counts &counts) const;
    [[nodiscard]] SparseVector frequenciesOf(const Counts &counts) const;
    /// The look-ups derived from m_terms: term -> feature, stem -> id, term key -> feature.
    void rebuildIndex();
    /// fit() and fitTransform(): @p analysed, when null, is made a slice of documents at a time, and only
    /// @p withVectors are the documents' counts kept, for their vectors (returned; none otherwise).
    std::vector<SparseVector> fitDocuments(const QList<Document> &documents,
        const std::vector<Analysed> *analysed, bool withVectors, std::vector<SparseVector> *frequencies);

    QStringList m_terms;
    QHash<QString, int> m_index;
    QHash<QString, int> m_stemIds; ///< the stems of the vocabulary's terms
    QHash<quint64, int> m_keyIndex; ///< term key -> feature
    std::vector<quint64> m_keys; ///< feature -> term key
    std::vector<float> m_idf;
    int m_documents = 0;
};

} // namespace Lectern
