// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Lectern {

/// One scoring of one paper version by one model with one prompt. Scores keep their history: a re-score
/// with another prompt or model adds a row. Missing relevance/novelty means "asked, but not scored" and is
/// shown as such, never replaced by a made-up number.
struct Score
{
    QString arxivId;
    int version = 1;
    std::optional<int> relevance; ///< 1..10
    std::optional<int> novelty; ///< 1..10
    QString comment;
    QString model;
    QString promptHash; ///< hash of the exact prompt text used
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double cost = 0.0; ///< USD
    QDateTime scoredAt;

    [[nodiscard]] bool isScored() const { return relevance.has_value() && novelty.has_value(); }
    [[nodiscard]] int total() const { return relevance.value_or(0) + novelty.value_or(0); }
};

} // namespace Lectern
