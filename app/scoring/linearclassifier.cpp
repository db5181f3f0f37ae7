// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/linearclassifier.h"

#include <linear.h>
#include <mutex>

namespace Lectern {

namespace {

void quiet(const char *) { }

} // namespace

bool LinearClassifier::train(const std::vector<Example> &examples, int dimensions, double c,
    const LinearClassifier *start, Loss loss, Classes classes)
{
    static std::once_flag silenced;
    std::call_once(silenced, [] { set_print_string_function(quiet); });

    double positives = 0;
    double negatives = 0;
    for (const Example &e : examples)
        (e.positive ? positives : negatives) += e.weight;
    if (positives <= 0 || negatives <= 0 || dimensions <= 0)
        return false;

    // liblinear's rows: 1-based feature indexes, then the bias feature, then index -1.
    std::vector<std::vector<feature_node>> rows;
    std::vector<feature_node *> x;
    std::vector<double> y;
    for (const Example &e : examples) {
        std::vector<feature_node> row;
        row.reserve(e.x.ids.size() + 2);
        for (size_t j = 0; j < e.x.ids.size(); ++j)
            row.push_back(feature_node {e.x.ids[j] + 1, double(e.x.weights[j])});
        row.push_back(feature_node {dimensions + 1, 1.0});
        row.push_back(feature_node {-1, 0.0});
        rows.push_back(std::move(row));
    }
    for (size_t i = 0; i < examples.size(); ++i) {
        for (int k = 0; k < examples[i].weight; ++k) {
            x.push_back(rows[i].data());
            y.push_back(examples[i].positive ? 1.0 : -1.0);
        }
    }
    problem prob {};
    prob.l = int(x.size());
    prob.n = dimensions + 1;
    prob.x = x.data();
    prob.y = y.data();
    prob.bias = 1.0;

    // Balanced classes: each weighs as much in total, as scikit-learn's class_weight="balanced".
    int labels[2] = {1, -1};
    double classWeights[2] = {
        (positives + negatives) / (2 * positives), (positives + negatives) / (2 * negatives)};
    std::vector<double> init;
    parameter param {};
    // Primal solvers (trust-region Newton): the ones that take a warm start.
    param.solver_type = loss == Loss::Logistic ? L2R_LR : L2R_L2LOSS_SVC;
    param.eps = 0.01;
    param.C = c;
    param.nr_weight = classes == Classes::Balanced ? 2 : 0;
    param.weight_label = labels;
    param.weight = classWeights;
    if (start && start->m_w.size() == size_t(dimensions)) {
        init.assign(start->m_w.begin(), start->m_w.end());
        init.push_back(start->m_bias);
        param.init_sol = init.data();
    }
    if (check_parameter(&prob, &param))
        return false;
    model *m = ::train(&prob, &param);
    if (!m)
        return false;
    // w is stored for the model's first label; make it the positives' side.
    const double sign = m->label[0] == 1 ? 1.0 : -1.0;
    m_w.assign(size_t(dimensions), 0.0f);
    for (int i = 0; i < dimensions; ++i)
        m_w[size_t(i)] = float(sign * m->w[i]);
    m_bias = float(sign * m->w[dimensions]);
    free_and_destroy_model(&m);
    return true;
}

LinearClassifier LinearClassifier::remapped(const std::vector<int> &map, int dimensions) const
{
    LinearClassifier out;
    out.m_w.assign(size_t(dimensions), 0.0f);
    out.m_bias = m_bias;
    for (size_t i = 0; i < map.size() && i < m_w.size(); ++i) {
        if (map[i] >= 0 && map[i] < dimensions)
            out.m_w[size_t(map[i])] = m_w[i];
    }
    return out;
}

QDataStream &operator<<(QDataStream &out, const LinearClassifier &c)
{
    out << qint32(c.m_w.size()) << c.m_bias;
    for (const float f : c.m_w)
        out << f;
    return out;
}

QDataStream &operator>>(QDataStream &in, LinearClassifier &c)
{
    qint32 n = 0;
    in >> n >> c.m_bias;
    c.m_w.assign(size_t(std::max<qint32>(0, n)), 0.0f);
    for (float &f : c.m_w)
        in >> f;
    return in;
}

} // namespace Lectern
