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
/// A query walks the postings of its QueryTerms heaviest terms only: a paper's few distinctive terms carry
/// most of its vector's weight, and the common terms' long postings would cost most of the time. Every
/// candidate found is then scored with its full cosine, so the order among candidates is exact.
class SimilarPapers final
{
public:
    static constexpr int QueryTerms = 24;

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
        const TfidfVectorizer &vectorizer, const QStringList &ids, std::vector<SparseVector> vectors);

    /// The @p n papers nearest to @p query, best first, leaving out @p exclude (the query paper itself).
    [[nodiscard]] QList<Match> nearest(const SparseVector &query, int n, const QString &exclude = {}) const;
    /// The indexed paper's vector; empty when it is not indexed.
    [[nodiscard]] SparseVector vectorOf(const QString &arxivId) const;
    [[nodiscard]] int size() const { return int(m_ids.size()); }
    /// The indexed paper's title, for display.
    [[nodiscard]] QString titleOf(const QString &arxivId) const
    {
        return m_titles.value(m_row.value(arxivId, -1));
    }
    [[nodiscard]] const TfidfVectorizer &vectorizer() const { return m_vectorizer; }

private:
    TfidfVectorizer m_vectorizer;
    QStringList m_titles; ///< by row, when built from a store
    QStringList m_ids;
    QHash<QString, int> m_row;
    std::vector<SparseVector> m_vectors;
    std::vector<std::vector<int>> m_postings; ///< per term: the papers holding it
};

} // namespace Lectern
