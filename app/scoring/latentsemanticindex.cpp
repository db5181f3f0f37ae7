// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/latentsemanticindex.h"

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <algorithm>
#include <cmath>
#include <random>

namespace Lectern {

namespace {

/// Any fixed number: the sketch must be the same on every run, not random from one run to the next.
constexpr std::mt19937::result_type kSketchSeed = 20251104;

/// Replaces @p m's columns by an orthonormal basis of their span (thin QR).
void orthonormalise(Eigen::MatrixXd &m)
{
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(m);
    m = qr.householderQ() * Eigen::MatrixXd::Identity(m.rows(), m.cols());
}

} // namespace

void LatentSemanticIndex::fit(const std::vector<const SparseVector *> &documents, int terms, int concepts)
{
    m_concepts = 0;
    m_terms = 0;
    m_termConcepts.clear();
    const int n = int(documents.size());
    if (n < 3 || terms < 3)
        return;
    const int k = std::min({concepts, n - 1, terms - 1});
    if (k < 1)
        return;
    const int sketch = std::min({k + Oversampling, n, terms});

    std::vector<Eigen::Triplet<double>> entries;
    for (int d = 0; d < n; ++d) {
        const SparseVector &v = *documents[size_t(d)];
        for (size_t j = 0; j < v.ids.size(); ++j) {
            if (v.ids[j] >= 0 && v.ids[j] < terms)
                entries.emplace_back(d, v.ids[j], double(v.weights[j]));
        }
    }
    Eigen::SparseMatrix<double, Eigen::RowMajor> a(n, terms);
    a.setFromTriplets(entries.begin(), entries.end());

    // A Gaussian sketch of the row space, sharpened by power iterations (each re-orthonormalised, so that
    // small singular values are not lost to rounding).
    std::mt19937 random(kSketchSeed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd omega(n, sketch);
    for (int j = 0; j < sketch; ++j) {
        for (int i = 0; i < n; ++i)
            omega(i, j) = normal(random);
    }
    Eigen::MatrixXd q = a.transpose() * omega; // terms x sketch
    orthonormalise(q);
    for (int i = 0; i < PowerIterations; ++i) {
        Eigen::MatrixXd z = a * q; // documents x sketch
        orthonormalise(z);
        q = a.transpose() * z;
        orthonormalise(q);
    }
    // A's projection on that basis is small: its exact SVD gives the leading right singular vectors.
    const Eigen::MatrixXd b = a * q; // documents x sketch
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(b, Eigen::ComputeThinV);
    const Eigen::MatrixXd vk = q * svd.matrixV().leftCols(k); // terms x k
    m_termConcepts.resize(size_t(terms) * size_t(k));
    for (int t = 0; t < terms; ++t) {
        for (int c = 0; c < k; ++c)
            m_termConcepts[size_t(t) * size_t(k) + size_t(c)] = float(vk(t, c));
    }
    m_concepts = k;
    m_terms = terms;
}

std::vector<float> LatentSemanticIndex::project(const SparseVector &x) const
{
    std::vector<float> z(size_t(m_concepts), 0.0f);
    for (size_t j = 0; j < x.ids.size(); ++j) {
        if (x.ids[j] < 0 || x.ids[j] >= m_terms)
            continue;
        const float w = x.weights[j];
        const float *row = m_termConcepts.data() + size_t(x.ids[j]) * size_t(m_concepts);
        for (int c = 0; c < m_concepts; ++c)
            z[size_t(c)] += w * row[c];
    }
    double norm2 = 0;
    for (const float v : z)
        norm2 += double(v) * double(v);
    if (norm2 > 0) {
        const float inv = float(1.0 / std::sqrt(norm2));
        for (float &v : z)
            v *= inv;
    }
    return z;
}

double LatentSemanticIndex::cosine(const std::vector<float> &a, const std::vector<float> &b)
{
    double sum = 0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        sum += double(a[i]) * double(b[i]);
    return sum;
}

} // namespace Lectern
