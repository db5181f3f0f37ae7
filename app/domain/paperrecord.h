// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/paperstate.h"
#include "domain/score.h"

#include <optional>

namespace Lectern {

/// A paper with what the views need beside it: its latest score and the user's state.
struct PaperRecord
{
    Paper paper;
    std::optional<Score> score;
    PaperState state;
};

} // namespace Lectern
