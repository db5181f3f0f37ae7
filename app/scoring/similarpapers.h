// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/tfidfvectorizer.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Lectern {

class PaperStore;

/// "More like this": the papers nearest to a given one by cosine similarity of their tf-idf vectors (the
/// space the built-in scorer learns in), from an inverted index over a library of papers.
///
/// Each indexed paper keeps only its IndexedTerms heaviest terms (the vector cut there and scaled back to
/// unit length): a paper's few distinctive terms carry most of its weight, and at 100k papers the whole
/// vectors would hold some 150 terms each. The index is those terms' postings alone (paper, weight), in
/// two flat arrays, so a query sums its whole vector against them: the similarity reported is the exact
/// cosine between the query and each paper's kept terms.
class SimilarPapers final
{
public:
    static constexpr int IndexedTerms = 32;

    struct Match
    {
        QString arxivId;
        double similarity = 0; ///< cosine, 0..1
        QStringList sharedTerms; ///< the terms that contribute most to it, strongest first
    };

    /// The store's papers (the @p limit most recently stored) in the built-in scorer's space: the vocabulary
    /// it kept at @p modelPath, or one fitted on the most recent papers when it has kept none yet.
    [[nodiscard]] static Result<SimilarPapers> fromStore(
        PaperStore &store, const QString &modelPath, int limit = DefaultLimit);
    static constexpr int DefaultLimit = 100000;

    /// Indexes @p vectors (L2-normalised) under @p ids; @p vectorizer names the terms.
    SimilarPapers(
        const TfidfVectorizer &vectorizer, const QStringList &ids, const std::vector<SparseVector> &vectors);

    /// The @p n papers nearest to @p query, best first, leaving out @p exclude (the query paper itself).
    [[nodiscard]] QList<Match> nearest(const SparseVector &query, int n, const QString &exclude = {}) const;
    [[nodiscard]] int size() const { return int(m_ids.size()); }
    [[nodiscard]] bool contains(const QString &arxivId) const { return m_row.contains(arxivId); }
    [[nodiscard]] const TfidfVectorizer &vectorizer() const { return m_vectorizer; }
    /// What the index holds in memory, in bytes (postings, ids, vocabulary not counted).
    [[nodiscard]] size_t postingBytes() const;
    /// @p vector cut to its IndexedTerms heaviest terms and scaled back to unit length, in term order.
    [[nodiscard]] static SparseVector kept(const SparseVector &vector);

private:
    SimilarPapers() = default;
    /// Adds one paper: its kept terms go to the postings under construction.
    void add(const QString &arxivId, const SparseVector &vector);
    /// Turns the collected (term, paper, weight) triples into the flat postings.
    void finish();

    TfidfVectorizer m_vectorizer;
    QStringList m_ids; ///< by index row
    QHash<QString, int> m_row;
    /// Postings, flat: term t's papers are m_papers[m_start[t] .. m_start[t + 1]), ascending, with their
    /// weights beside them in m_weights.
    std::vector<quint32> m_start;
    std::vector<qint32> m_papers;
    std::vector<float> m_weights;
    /// While building: the kept terms of every paper added, by row (m_start marks each row's first).
    std::vector<qint32> m_pendingTerms;
};

} // namespace Lectern
