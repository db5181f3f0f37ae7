// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/similarpapers.h"

#include "scoring/builtinscorer.h"
#include "store/database.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <numeric>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Lectern {

namespace {

constexpr int kSharedTermsShown = 4;

} // namespace

SimilarPapers::SimilarPapers(
    const TfidfVectorizer &vectorizer, const QStringList &ids, const std::vector<SparseVector> &vectors)
    : m_vectorizer(vectorizer)
{
    for (qsizetype i = 0; i < ids.size() && size_t(i) < vectors.size(); ++i)
        add(ids.at(i), vectors[size_t(i)]);
    finish();
}

SparseVector SimilarPapers::kept(const SparseVector &vector)
{
    if (vector.ids.size() <= size_t(IndexedTerms))
        return vector;
    std::vector<size_t> order(vector.ids.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::partial_sort(order.begin(), order.begin() + IndexedTerms, order.end(), [&](size_t a, size_t b) {
        return vector.weights[a] != vector.weights[b] ? vector.weights[a] > vector.weights[b]
                                                      : vector.ids[a] < vector.ids[b];
    });
    order.resize(size_t(IndexedTerms));
    std::sort(order.begin(), order.end()); // back in term order, as every SparseVector is
    SparseVector out;
    double norm = 0;
    for (const size_t k : order) {
        out.ids.push_back(vector.ids[k]);
        out.weights.push_back(vector.weights[k]);
        norm += double(vector.weights[k]) * double(vector.weights[k]);
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
        for (float &w : out.weights)
            w = float(double(w) / norm);
    }
    return out;
}

void SimilarPapers::add(const QString &arxivId, const SparseVector &vector)
{
    if (m_row.contains(arxivId))
        return;
    const int row = int(m_ids.size());
    m_row.insert(arxivId, row);
    m_ids << arxivId;
    m_start.push_back(quint32(m_pendingTerms.size()));
    const SparseVector k = kept(vector);
    for (size_t i = 0; i < k.ids.size(); ++i) {
        m_pendingTerms.push_back(k.ids[i]);
        m_weights.push_back(k.weights[i]);
    }
}

void SimilarPapers::finish()
{
    // Counting sort of the (paper, term, weight) triples by term, in place: at 100k papers the triples
    // take some 25 MB, and a copy of them beside the postings was the window's peak of memory.
    const size_t terms = size_t(std::max(0, m_vectorizer.size()));
    std::vector<quint32> rowStart = std::move(m_start);
    rowStart.push_back(quint32(m_pendingTerms.size()));
    // Terms the vocabulary does not know are dropped first, each row's start following.
    size_t kept = 0;
    for (size_t row = 0; row + 1 < rowStart.size(); ++row) {
        const quint32 begin = rowStart[row];
        const quint32 end = rowStart[row + 1];
        rowStart[row] = quint32(kept);
        for (quint32 e = begin; e < end; ++e) {
            const qint32 t = m_pendingTerms[e];
            if (t < 0 || size_t(t) >= terms)
                continue;
            m_pendingTerms[kept] = t;
            m_weights[kept] = m_weights[e];
            ++kept;
        }
    }
    rowStart.back() = quint32(kept);
    m_pendingTerms.resize(kept);
    m_weights.resize(kept);

    std::vector<quint32> start(terms + 1, 0);
    for (const qint32 t : m_pendingTerms)
        ++start[size_t(t) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    // Each triple's place in the postings replaces its term; papers come in row order, so each term's
    // postings end up ascending.
    std::vector<qint32> &slotOf = m_pendingTerms;
    {
        std::vector<quint32> next(start.begin(), start.end() - 1);
        for (qint32 &t : slotOf)
            t = qint32(next[size_t(t)]++);
    }
    // The permutation is turned round in place (the triple at each place), then the weights are
    // gathered to their places and the triples become their papers: no array of papers beside the
    // triples, which at 100k papers was the last 13 MB of the index's build and the window's peak.
    constexpr quint32 Mark = 0x80000000u;
    const auto marked = [](qint32 v) { return (quint32(v) & Mark) != 0; };
    const auto unmarked = [](qint32 v) { return qint32(quint32(v) & ~Mark); };
    const auto mark = [](qint32 v) { return qint32(quint32(v) | Mark); };
    for (size_t i = 0; i < kept; ++i) {
        if (marked(slotOf[i]))
            continue;
        // The cycle i -> slotOf[i] -> ... -> i, each place given the one before it.
        qint32 previous = qint32(i);
        size_t j = size_t(slotOf[i]);
        while (j != i) {
            const size_t following = size_t(slotOf[j]);
            slotOf[j] = mark(previous);
            previous = qint32(j);
            j = following;
        }
        slotOf[i] = mark(previous);
    }
    std::vector<qint32> &tripleAt = slotOf;
    for (qint32 &t : tripleAt)
        t = unmarked(t);
    for (size_t i = 0; i < kept; ++i) {
        if (marked(tripleAt[i]))
            continue;
        const float first = m_weights[i];
        size_t k = i;
        for (;;) {
            const size_t from = size_t(tripleAt[k]);
            tripleAt[k] = mark(tripleAt[k]);
            if (from == i) {
                m_weights[k] = first;
                break;
            }
            m_weights[k] = m_weights[from];
            k = from;
        }
    }
    // A triple's paper is the row whose part of the triples holds it.
    for (qint32 &t : tripleAt) {
        const auto after = std::upper_bound(rowStart.begin(), rowStart.end(), quint32(unmarked(t)));
        t = qint32(after - rowStart.begin()) - 1;
    }
    m_start = std::move(start);
    m_papers = std::move(m_pendingTerms);
    m_pendingTerms = {};
}

size_t SimilarPapers::postingBytes() const
{
    return m_start.size() * sizeof(quint32) + m_papers.size() * sizeof(qint32) +
        m_weights.size() * sizeof(float);
}

Result<SimilarPapers> SimilarPapers::fromStore(PaperStore &store, const QString &modelPath, int limit)
{
    SimilarPapers index;
    // Room for every paper's kept terms at once (asked before the papers' query: on PostgreSQL a second
    // query on the connection would cut that one's rows off): grown by doubling, the two arrays would hold up
    // to a third more than they need, and twice that while they are copied.
    {
        QSqlQuery count(store.database().sql());
        if (count.exec(QStringLiteral("SELECT count(*) FROM papers")) && count.next()) {
            const size_t papers = size_t(std::clamp<qint64>(count.value(0).toLongLong(), 0, limit));
            index.m_pendingTerms.reserve(papers * size_t(IndexedTerms));
            index.m_weights.reserve(papers * size_t(IndexedTerms));
            index.m_start.reserve(papers + 1);
        }
    }
    QSqlQuery q(store.database().sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT arxiv_id, title, abstract, categories, primary_category FROM papers "
                             "ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "read the papers to compare"), q);
    // The texts are turned into vectors as they are read, not held: at 100k papers the abstracts alone
    // would take some 250 MB. Only the newest CollectionLimit wait, when the vocabulary is fitted on them.
    TfidfVectorizer vectorizer;
    bool fitted = false;
    if (std::optional<BuiltinModel::Learned> learned = BuiltinModel::loadLearned(modelPath)) {
        vectorizer = std::move(learned->vectorizer);
        fitted = true;
    }
    QStringList waitingIds;
    QList<TfidfVectorizer::Document> waiting;
    auto fitOnWaiting = [&] {
        vectorizer.fit(waiting);
        fitted = true;
        for (qsizetype i = 0; i < waiting.size(); ++i)
            index.add(waitingIds.at(i), vectorizer.transform(waiting.at(i)));
        waiting.clear();
        waitingIds.clear();
    };
    while (q.next()) {
        TfidfVectorizer::Document document {q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString().split(u' ', Qt::SkipEmptyParts), q.value(4).toString()};
        if (fitted) {
            index.add(q.value(0).toString(), vectorizer.transform(document));
            continue;
        }
        waitingIds << q.value(0).toString();
        waiting << std::move(document);
        if (waiting.size() == BuiltinModel::CollectionLimit)
            fitOnWaiting();
    }
    if (!fitted)
        fitOnWaiting();
    index.m_vectorizer = std::move(vectorizer);
    index.finish();
#ifdef __GLIBC__
    // The build's own thread freed some 35 MB at 100k papers (the fitted papers' texts and counts, the
    // query's rows) into an allocator arena of its own, which no other thread reuses: they go back to
    // the system, and a reload of "All days" afterwards does not peak that much higher.
    malloc_trim(0);
#endif
    return index;
}

QList<SimilarPapers::Match> SimilarPapers::nearest(
    const SparseVector &query, int n, const QString &exclude) const
{
    QList<Match> out;
    if (n <= 0 || query.ids.empty() || m_ids.isEmpty())
        return out;
    const size_t terms = m_start.empty() ? 0 : m_start.size() - 1;
    // The whole query against the postings: each paper's sum is its exact cosine with the query.
    std::vector<float> sum(size_t(m_ids.size()), 0.0f);
    std::vector<qint32> touched;
    for (size_t j = 0; j < query.ids.size(); ++j) {
        const int term = query.ids[j];
        if (term < 0 || size_t(term) >= terms)
            continue;
        const float w = query.weights[j];
        for (quint32 e = m_start[size_t(term)]; e < m_start[size_t(term) + 1]; ++e) {
            float &s = sum[size_t(m_papers[e])];
            if (s == 0.0f)
                touched.push_back(m_papers[e]);
            s += w * m_weights[e];
        }
    }
    const int excluded = m_row.value(exclude, -1);
    touched.erase(std::remove_if(touched.begin(), touched.end(),
                      [&](qint32 row) { return row == excluded || sum[size_t(row)] <= 0.0f; }),
        touched.end());
    const size_t keep = std::min(touched.size(), size_t(n));
    std::partial_sort(
        touched.begin(), touched.begin() + qsizetype(keep), touched.end(), [&](qint32 a, qint32 b) {
            return sum[size_t(a)] != sum[size_t(b)] ? sum[size_t(a)] > sum[size_t(b)] : a < b;
        });
    for (size_t i = 0; i < keep; ++i) {
        const qint32 row = touched[i];
        // The shared terms by their share of the cosine: the paper's weight found in each query term's
        // postings (ascending, so a binary search).
        std::vector<std::pair<double, int>> shared;
        for (size_t j = 0; j < query.ids.size(); ++j) {
            const int term = query.ids[j];
            if (term < 0 || size_t(term) >= terms)
                continue;
            const auto first = m_papers.begin() + qsizetype(m_start[size_t(term)]);
            const auto last = m_papers.begin() + qsizetype(m_start[size_t(term) + 1]);
            const auto at = std::lower_bound(first, last, row);
            if (at != last && *at == row)
                shared.emplace_back(
                    double(query.weights[j]) * double(m_weights[size_t(at - m_papers.begin())]), term);
        }
        std::sort(
            shared.begin(), shared.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        Match m {m_ids.at(row), std::clamp(double(sum[size_t(row)]), 0.0, 1.0), {}};
        for (size_t t = 0; t < shared.size() && t < size_t(kSharedTermsShown); ++t)
            m.sharedTerms << m_vectorizer.terms().value(shared[t].second);
        out << m;
    }
    return out;
}

} // namespace Lectern
