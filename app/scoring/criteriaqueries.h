// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/researchtopics.h"
#include "scoring/tfidfvectorizer.h"

#include <vector>

namespace Lectern {

/// The user's topics as queries, one per topic, ranked by BM25 over the tf-idf vocabulary.
///
/// A topic's query q is the topic as a pseudo-document: its name, description and Relevant keywords (each
/// keyword a part of its own, so that no bigram joins two keywords), plus its Applications keywords at
/// half weight, in the TfidfVectorizer's space (stemmed word uni- and bigrams, sublinear tf, the
/// collection's idf, L2-normalised). Its Irrelevant keywords form a negative query n.
///
/// Pseudo-relevance feedback (Rocchio, 1971): the collection's FeedbackDocs best papers for the query are
/// taken as relevant, and the centroid c of their tf-idf vectors, cut to its FeedbackTerms heaviest terms,
/// widens the query: q' = Alpha q + Beta c - Gamma n, normalised again. The constants are Rocchio's and
/// the TREC literature's usual values (alpha 1, beta 0.75, gamma 0.15; 10 documents, 20 terms), not fitted
/// to any day.
///
/// Negative feedback (Rocchio's non-relevant documents, on unless setNegativeFeedback(false)): the
/// collection's FeedbackDocs papers that the topic's negative criteria match best — its Irrelevant keywords
/// and its Applications keywords as one query, since the topics ask for foundational work and not the
/// application-driven kind — stand for the non-relevant papers, and the centroid of their tf-idf vectors,
/// cut to its FeedbackTerms heaviest terms, is taken off: q' = Alpha q + Beta c - Gamma c_n - Gamma n. The
/// keywords name an area ("time series"); the papers they match carry the words such work is written in
/// ("forecasting", "patients"), so a paper that reads like them loses a little, whatever its keywords.
///
/// A paper's score for a topic is BM25 with q' as the query's term weights (which carry the idf):
/// sum over terms of q'_t tf_t (K1 + 1) / (tf_t + K1 (1 - B + B len / avglen)), tf counted over the title
/// (TitleWeight times) and the abstract, with Robertson's usual K1 = 1.2 and B = 0.75. A keyword phrase
/// found whole also matches its bigram, so it counts more than its words found apart.
///
/// A paper's match with the topics is its best topic's (the maximum, not a sum: a long topic does not
/// outweigh a short one, and a paper has to fit one topic well).
class CriteriaQueries final
{
public:
    static constexpr double Alpha = 1.0;
    static constexpr double Beta = 0.75;
    static constexpr double Gamma = 0.15;
    static constexpr int FeedbackDocs = 10;
    static constexpr int FeedbackTerms = 20;
    static constexpr double ApplicationWeight = 0.5;
    static constexpr double K1 = 1.2;
    static constexpr double B = 0.75;

    struct Match
    {
        int topic = -1; ///< the best topic; -1 when there is no query
        double score = 0; ///< its BM25 score (below 0 when only Irrelevant keywords match)
    };

    /// Builds the queries over @p vectorizer's vocabulary. @p collection (the papers' tf-idf vectors) and
    /// @p frequencies (their TfidfVectorizer::frequencies(), in the same order) give the average length
    /// and the feedback's ground. Without @p feedback, q' = Alpha q - Gamma n.
    void build(const ResearchTopics &topics, const TfidfVectorizer &vectorizer,
        const std::vector<const SparseVector *> &collection,
        const std::vector<const SparseVector *> &frequencies, bool feedback = true);
    /// The same with the feedback's papers chosen by a better first ranking than each query's own:
    /// @p candidates (indexes into @p collection, best first), of which each topic takes the FeedbackDocs
    /// its query scores highest.
    void build(const ResearchTopics &topics, const TfidfVectorizer &vectorizer,
        const std::vector<const SparseVector *> &collection,
        const std::vector<const SparseVector *> &frequencies, const std::vector<size_t> &candidates);

    /// Whether build() also takes the negative criteria's best papers as non-relevant (the default).
    void setNegativeFeedback(bool on) { m_negativeFeedback = on; }

    [[nodiscard]] bool isEmpty() const { return m_queries.empty(); }
    [[nodiscard]] int size() const { return int(m_queries.size()); }
    /// The paper's score for @p topic, from its TfidfVectorizer::frequencies().
    [[nodiscard]] double score(int topic, const SparseVector &frequencies) const;
    /// The paper's best topic.
    [[nodiscard]] Match match(const SparseVector &frequencies) const;
    /// The terms feedback added to @p topic's query, heaviest first (stems; bigrams "a b").
    [[nodiscard]] const QStringList &expansion(int topic) const { return m_expansions.at(size_t(topic)); }

private:
    [[nodiscard]] double scoreWith(const std::vector<float> &q, const SparseVector &frequencies) const;
    /// The FeedbackDocs of @p candidates that @p q scores highest (above 0), best first.
    [[nodiscard]] std::vector<size_t> bestMatches(const std::vector<float> &q,
        const std::vector<const SparseVector *> &frequencies, const std::vector<size_t> &candidates) const;

    std::vector<std::vector<float>> m_queries; ///< per topic, dense over the vocabulary; empty: no query
    std::vector<QStringList> m_expansions;
    double m_averageLength = 1;
    bool m_negativeFeedback = true;
};

} // namespace Lectern
