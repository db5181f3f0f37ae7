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
    /// Set on the lean rows of "All days" (PaperStore::tableRowsForRange), which hold only what the table
    /// shows: the abstract, comments, journal reference, DOI and the score's tokens and cost are not
    /// loaded, and the authors are one string, authorLines (one a line), instead of paper.authors. Whoever
    /// needs the rest loads the whole record by id (PaperStore::record).
    bool lean = false;
    /// The paper's row in the store (papers.id), which the search index returns; 0 when not from a store.
    qint64 rowId = 0;
    /// UTF-8, as the store holds them: half the size of a QString's UTF-16 (at 100k papers the author
    /// lines were the rows' largest text, 35 MB).
    QByteArray authorLines {};
};

} // namespace Lectern
