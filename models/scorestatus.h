// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/score.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Lectern {

/// What a paper's latest score says in words, for a paper without marks: not scored yet, decided by a
/// stage (followed author, title pre-filter, h-index), or failed. One wording for the table and the
/// detail pane.
class ScoreStatus final
{
    Q_DECLARE_TR_FUNCTIONS(ScoreStatus)
public:
    /// Empty for a paper with marks (they speak for themselves).
    [[nodiscard]] static QString describe(const std::optional<Score> &score);
};

} // namespace Lectern
