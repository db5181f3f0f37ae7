// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/tfidfvectorizer.h"

#include <QDataStream>

#include <vector>

namespace Lectern {

/// A linear classifier over sparse vectors, trained by liblinear: an L2-regularised L2-loss support vector
/// machine (the solver behind scikit-learn's LinearSVC and arxiv-sanity-lite), classes balanced. Its
/// decision value w.x + b is a margin: positive on the positives' side.
class LinearClassifier final
{
public:
    /// Strong regularisation (arxiv-sanity-lite's is stronger still): few, noisy labels in many dimensions.
    static constexpr double DefaultC = 0.1;

    /// The loss the solver minimises: the squared hinge (an SVM, the default) or the logistic loss
    /// (logistic regression: margins that are log-odds).
    enum class Loss { SquaredHinge, Logistic };
    /// Whether each class weighs as much in total (for ranking from few positives) or each example as
    /// given (a logistic regression whose log-odds keep the labels' base rate: calibration).
    enum class Classes { Balanced, AsGiven };

    struct Example
    {
        SparseVector x;
        bool positive = false;
        int weight = 1; ///< how many times the example counts (liblinear has no per-example weights)
    };

    /// Trains on @p examples over @p dimensions features. @p start (same dimensions) warm-starts the
    /// solver from an earlier model, so a run after a few new labels converges in a few steps. False when
    /// one class has no example.
    bool train(const std::vector<Example> &examples, int dimensions, double c = DefaultC,
        const LinearClassifier *start = nullptr, Loss loss = Loss::SquaredHinge,
        Classes classes = Classes::Balanced);

    [[nodiscard]] bool isTrained() const { return !m_w.empty(); }
    [[nodiscard]] double decision(const SparseVector &x) const { return x.dot(m_w) + m_bias; }
    [[nodiscard]] const std::vector<float> &weights() const { return m_w; }
    [[nodiscard]] float bias() const { return m_bias; }
    /// The same model over a vocabulary of other term indexes: @p map gives each old index its new one
    /// (or -1).
    [[nodiscard]] LinearClassifier remapped(const std::vector<int> &map, int dimensions) const;

    friend QDataStream &operator<<(QDataStream &out, const LinearClassifier &c);
    friend QDataStream &operator>>(QDataStream &in, LinearClassifier &c);

private:
    std::vector<float> m_w;
    float m_bias = 0;
};

} // namespace Lectern
