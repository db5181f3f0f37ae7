// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorestatus.h"

namespace Lectern {

QString ScoreStatus::describe(const std::optional<Score> &score)
{
    if (!score)
        return tr("Not scored yet");
    switch (score->verdict()) {
    case ScoreVerdict::Scored:
        return {};
    case ScoreVerdict::AuthorMatch:
        return tr("By a followed author: in the digest without marks");
    case ScoreVerdict::DroppedByTitle:
        return tr("Dropped by the title pre-filter (%1): the abstract was not scored").arg(score->model);
    case ScoreVerdict::BelowHIndex:
        return tr("Not sent for scoring: no author reaches the h-index threshold");
    case ScoreVerdict::Failed:
        return tr("Not scored (%1 gave no usable score)").arg(score->model);
    }
    return {};
}

} // namespace Lectern
