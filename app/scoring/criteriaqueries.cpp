// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/criteriaqueries.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Lectern {

namespace {

void add(std::vector<float> &dense, const SparseVector &v, double factor)
{
    for (size_t j = 0; j < v.ids.size(); ++j)
        dense[size_t(v.ids[j])] += float(factor * v.weights[j]);
}

void normalise(std::vector<float> &dense)
{
    double norm2 = 0;
    for (const float w : dense)
        norm2 += double(w) * double(w);
    if (norm2 <= 0)
        return;
    const double inv = 1.0 / std::sqrt(norm2);
    for (float &w : dense)
        w = float(w * inv);
}

/// The centroid of @p docs' tf-idf vectors (indexes into @p collection), cut to its @p keep heaviest terms:
/// (term, weight), heaviest first.
std::vector<std::pair<size_t, float>> centroidTerms(const std::vector<const SparseVector *> &collection,
    const std::vector<size_t> &docs, size_t dimensions, size_t keep)
{
    std::vector<float> centroid(dimensions, 0.0f);
    for (const size_t i : docs)
        add(centroid, *collection[i], 1.0 / double(docs.size()));
    std::vector<int> terms(dimensions);
    std::iota(terms.begin(), terms.end(), 0);
    keep = std::min(keep, dimensions);
    std::partial_sort(terms.begin(), terms.begin() + qsizetype(keep), terms.end(), [&](int a, int b) {
        return centroid[size_t(a)] != centroid[size_t(b)] ? centroid[size_t(a)] > centroid[size_t(b)] : a < b;
    });
    std::vector<std::pair<size_t, float>> out;
    for (size_t k = 0; k < keep && centroid[size_t(terms[k])] > 0; ++k)
        out.emplace_back(size_t(terms[k]), centroid[size_t(terms[k])]);
    return out;
}

} // namespace

std::vector<size_t> CriteriaQueries::bestMatches(const std::vector<float> &q,
    const std::vector<const SparseVector *> &frequencies, const std::vector<size_t> &candidates) const
{
    std::vector<std::pair<double, size_t>> ranked;
    ranked.reserve(candidates.size());
    for (const size_t i : candidates) {
        if (const double s = scoreWith(q, *frequencies[i]); s > 0)
            ranked.emplace_back(s, i);
    }
    const size_t top = std::min<size_t>(FeedbackDocs, ranked.size());
    std::partial_sort(
        ranked.begin(), ranked.begin() + qsizetype(top), ranked.end(), [](const auto &x, const auto &y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        });
    std::vector<size_t> best;
    best.reserve(top);
    for (size_t r = 0; r < top; ++r)
        best.push_back(ranked[r].second);
    return best;
}

void CriteriaQueries::build(const ResearchTopics &topics, const TfidfVectorizer &vectorizer,
    const std::vector<const SparseVector *> &collection, const std::vector<const SparseVector *> &frequencies,
    bool feedback)
{
    std::vector<size_t> all;
    if (feedback) {
        all.resize(collection.size());
        std::iota(all.begin(), all.end(), size_t(0));
    }
    build(topics, vectorizer, collection, frequencies, all);
}

void CriteriaQueries::build(const ResearchTopics &topics, const TfidfVectorizer &vectorizer,
    const std::vector<const SparseVector *> &collection, const std::vector<const SparseVector *> &frequencies,
    const std::vector<size_t> &candidates)
{
    const bool feedback = !candidates.empty();
    m_queries.clear();
    double total = 0;
    for (const SparseVector *f : frequencies)
        total += std::accumulate(f->weights.begin(), f->weights.end(), 0.0);
    m_averageLength = frequencies.empty() ? 1.0 : std::max(1.0, total / double(frequencies.size()));
    m_expansions.clear();
    const size_t dimensions = size_t(vectorizer.size());
    for (const ResearchTopic &topic : topics.topics) {
        std::vector<float> q(dimensions, 0.0f);
        QStringList parts {topic.name, topic.description};
        parts += topic.relevant;
        add(q, vectorizer.transform(parts), 1.0);
        if (!topic.applications.isEmpty())
            add(q, vectorizer.transform(topic.applications), ApplicationWeight);
        normalise(q);
        const SparseVector negative = vectorizer.transform(topic.irrelevant);
        QStringList expansion;
        if (feedback && !collection.empty()) {
            // The collection ranked by the query; its best papers' centroid, cut to its heaviest terms.
            for (const auto &[t, w] : centroidTerms(
                     collection, bestMatches(q, frequencies, candidates), dimensions, FeedbackTerms)) {
                q[t] = float(Alpha * q[t] + Beta * w);
                expansion << vectorizer.terms().at(qsizetype(t));
            }
        }
        if (feedback && m_negativeFeedback && !collection.empty()) {
            // Rocchio's non-relevant papers: those the topic's negative criteria (its Irrelevant keywords
            // and its application areas) match best, over the whole collection.
            std::vector<float> unwanted(dimensions, 0.0f);
            add(unwanted, negative, 1.0);
            add(unwanted, vectorizer.transform(topic.applications), 1.0);
            std::vector<size_t> all(collection.size());
            std::iota(all.begin(), all.end(), size_t(0));
            for (const auto &[t, w] :
                centroidTerms(collection, bestMatches(unwanted, frequencies, all), dimensions, FeedbackTerms))
                q[t] = float(q[t] - Gamma * w);
        }
        add(q, negative, -Gamma);
        normalise(q);
        const bool any = std::any_of(q.begin(), q.end(), [](float w) { return w != 0.0f; });
        m_queries.push_back(any ? std::move(q) : std::vector<float> {});
        m_expansions.push_back(expansion);
    }
}

double CriteriaQueries::scoreWith(const std::vector<float> &q, const SparseVector &frequencies) const
{
    if (q.empty())
        return 0;
    const double length = std::accumulate(frequencies.weights.begin(), frequencies.weights.end(), 0.0);
    const double norm = K1 * (1.0 - B + B * length / m_averageLength);
    double sum = 0;
    for (size_t j = 0; j < frequencies.ids.size(); ++j) {
        const double tf = frequencies.weights[j];
        sum += double(q[size_t(frequencies.ids[j])]) * tf * (K1 + 1.0) / (tf + norm);
    }
    return sum;
}

double CriteriaQueries::score(int topic, const SparseVector &frequencies) const
{
    return scoreWith(m_queries.at(size_t(topic)), frequencies);
}

CriteriaQueries::Match CriteriaQueries::match(const SparseVector &frequencies) const
{
    Match best;
    for (int t = 0; t < size(); ++t) {
        if (m_queries[size_t(t)].empty())
            continue;
        const double s = score(t, frequencies);
        if (best.topic < 0 || s > best.score) {
            best.topic = t;
            best.score = s;
        }
    }
    return best;
}

} // namespace Lectern
