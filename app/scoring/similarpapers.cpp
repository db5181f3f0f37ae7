// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/similarpapers.h"

#include "scoring/builtinscorer.h"
#include "store/database.h"
#include "store/paperstore.h"

#include <QSqlQuery>

#include <algorithm>
#include <numeric>

namespace Lectern {

namespace {

/// Candidates rescored with their full cosine, per paper asked for: the partial sums over the query's
/// heaviest terms order them closely enough that the true nearest are among these.
constexpr int kCandidatesPerResult = 20;
constexpr int kSharedTermsShown = 4;

} // namespace

SimilarPapers::SimilarPapers(
    const TfidfVectorizer &vectorizer, const QStringList &ids, std::vector<SparseVector> vectors)
    : m_vectorizer(vectorizer)
    , m_ids(ids)
    , m_vectors(std::move(vectors))
    , m_postings(size_t(vectorizer.size()))
{
    for (qsizetype i = 0; i < m_ids.size() && size_t(i) < m_vectors.size(); ++i) {
        m_row.insert(m_ids.at(i), int(i));
        for (const int term : m_vectors[size_t(i)].ids) {
            if (term >= 0 && size_t(term) < m_postings.size())
                m_postings[size_t(term)].push_back(int(i));
        }
    }
}

Result<SimilarPapers> SimilarPapers::fromStore(PaperStore &store, const QString &modelPath, int limit)
{
    QSqlQuery q(store.database().sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT arxiv_id, title, abstract, categories, primary_category FROM papers "
                             "ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(QStringLiteral("read the papers to compare"), q);
    // The texts are turned into vectors as they are read, not held: at 100k papers the abstracts alone
    // would take some 250 MB. Only the newest CollectionLimit wait, when the vocabulary is fitted on them.
    TfidfVectorizer vectorizer;
    bool fitted = false;
    if (std::optional<BuiltinModel::Learned> learned = BuiltinModel::loadLearned(modelPath)) {
        vectorizer = std::move(learned->vectorizer);
        fitted = true;
    }
    QStringList ids;
    QStringList titles;
    QList<TfidfVectorizer::Document> waiting;
    std::vector<SparseVector> vectors;
    auto fitOnWaiting = [&] {
        vectorizer.fit(waiting);
        fitted = true;
        for (const TfidfVectorizer::Document &d : std::as_const(waiting))
            vectors.push_back(vectorizer.transform(d));
        waiting.clear();
    };
    while (q.next()) {
        ids << q.value(0).toString();
        titles << q.value(1).toString();
        TfidfVectorizer::Document document {q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString().split(u' ', Qt::SkipEmptyParts), q.value(4).toString()};
        if (fitted) {
            vectors.push_back(vectorizer.transform(document));
            continue;
        }
        waiting << std::move(document);
        if (waiting.size() == BuiltinModel::CollectionLimit)
            fitOnWaiting();
    }
    if (!fitted)
        fitOnWaiting();
    SimilarPapers index(vectorizer, ids, std::move(vectors));
    index.m_titles = titles;
    return index;
}

SparseVector SimilarPapers::vectorOf(const QString &arxivId) const
{
    const auto row = m_row.constFind(arxivId);
    return row == m_row.cend() ? SparseVector {} : m_vectors[size_t(*row)];
}

QList<SimilarPapers::Match> SimilarPapers::nearest(
    const SparseVector &query, int n, const QString &exclude) const
{
    QList<Match> out;
    if (n <= 0 || query.ids.empty())
        return out;
    std::vector<size_t> heaviest(query.ids.size());
    std::iota(heaviest.begin(), heaviest.end(), size_t(0));
    const size_t used = std::min(heaviest.size(), size_t(QueryTerms));
    std::partial_sort(heaviest.begin(), heaviest.begin() + qsizetype(used), heaviest.end(),
        [&](size_t a, size_t b) { return query.weights[a] > query.weights[b]; });

    std::vector<float> partial(m_vectors.size(), 0.0f);
    std::vector<int> touched;
    const int excluded = m_row.value(exclude, -1);
    for (size_t k = 0; k < used; ++k) {
        const size_t j = heaviest[k];
        const int term = query.ids[j];
        if (term < 0 || size_t(term) >= m_postings.size())
            continue;
        for (const int doc : m_postings[size_t(term)]) {
            if (doc == excluded)
                continue;
            if (partial[size_t(doc)] == 0.0f)
                touched.push_back(doc);
            // The indexed weight is not stored per posting: the query weight alone orders candidates
            // well enough, and every candidate kept is rescored exactly below.
            partial[size_t(doc)] += query.weights[j];
        }
    }
    const size_t keep = std::min(touched.size(), size_t(n) * kCandidatesPerResult);
    std::partial_sort(touched.begin(), touched.begin() + qsizetype(keep), touched.end(),
        [&](int a, int b) { return partial[size_t(a)] > partial[size_t(b)]; });
    std::vector<std::pair<double, int>> scored;
    scored.reserve(keep);
    for (size_t i = 0; i < keep; ++i)
        scored.emplace_back(query.dot(m_vectors[size_t(touched[i])]), touched[i]);
    std::sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (size_t i = 0; i < scored.size() && out.size() < n; ++i) {
        const SparseVector &v = m_vectors[size_t(scored[i].second)];
        // The shared terms by their share of the cosine.
        std::vector<std::pair<double, int>> shared;
        size_t a = 0;
        size_t b = 0;
        while (a < query.ids.size() && b < v.ids.size()) {
            if (query.ids[a] < v.ids[b]) {
                ++a;
            } else if (query.ids[a] > v.ids[b]) {
                ++b;
            } else {
                shared.emplace_back(double(query.weights[a]) * double(v.weights[b]), query.ids[a]);
                ++a;
                ++b;
            }
        }
        std::sort(
            shared.begin(), shared.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        Match m {m_ids.at(scored[i].second), std::clamp(scored[i].first, 0.0, 1.0), {}};
        for (size_t t = 0; t < shared.size() && t < size_t(kSharedTermsShown); ++t)
            m.sharedTerms << m_vectorizer.terms().value(shared[t].second);
        out << m;
    }
    return out;
}

} // namespace Lectern
