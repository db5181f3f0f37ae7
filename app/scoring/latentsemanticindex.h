// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/tfidfvectorizer.h"

#include <vector>

namespace Lectern {

/// Latent semantic indexing (Deerwester, Dumais et al. 1990): the truncated singular value decomposition
/// A ~ U_k S_k V_k^T of a collection's tf-idf matrix A (documents x terms), whose k right singular vectors
/// are "concepts", directions of terms that occur together. Two texts that share no word but whose words
/// keep the same company come close in that space, which is what a topic written in prose needs against
/// abstracts written in the field's own words (vocabulary mismatch).
///
/// A text's coordinates are V_k^T x (x its tf-idf vector); texts compare by the cosine of these, which is
/// the cosine Deerwester et al. use between a folded-in query and a document, both scaled by S_k.
///
/// The decomposition is Halko, Martinsson and Tropp's randomized range finder (2011): a Gaussian sketch of
/// A's row space, refined by power iterations, then an exact SVD of the small projected matrix; Eigen does
/// the linear algebra. Constants: k = 100 concepts (Deerwester et al.'s choice; Dumais 1991 found 100 to
/// 300 best), and scikit-learn's randomized_svd defaults (10 extra sketch vectors, 4 power iterations when
/// k is not small against the collection). The sketch's seed is fixed: the same collection gives the same
/// index on every run and machine.
class LatentSemanticIndex final
{
public:
    static constexpr int Concepts = 100;
    static constexpr int Oversampling = 10;
    static constexpr int PowerIterations = 4;

    /// Fits the index of @p concepts concepts (fewer when the collection's rank is lower) on @p documents
    /// (tf-idf vectors over @p terms features). Empty when the collection is too small to have a concept
    /// (fewer than 3 documents or terms).
    void fit(const std::vector<const SparseVector *> &documents, int terms, int concepts = Concepts);

    [[nodiscard]] bool isEmpty() const { return m_concepts == 0; }
    [[nodiscard]] int concepts() const { return m_concepts; }
    /// @p x's coordinates in the concept space, L2-normalised (all zero when x holds no known term).
    [[nodiscard]] std::vector<float> project(const SparseVector &x) const;
    /// The cosine of two projections.
    [[nodiscard]] static double cosine(const std::vector<float> &a, const std::vector<float> &b);

private:
    int m_concepts = 0;
    int m_terms = 0;
    std::vector<float> m_termConcepts; ///< V_k, terms x concepts, row-major
};

} // namespace Lectern
