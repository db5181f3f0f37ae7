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

// NOTE: every member is an implicitly shared Qt value, a date, a number or an optional of those, none
// pointing into the record itself: a QList of records may move them as bytes (realloc, memmove). Putting
// a re-read's new rows into the 100k rows of "All days" otherwise moved every record one by one, twice
// (the list grown, then opened up), holding the GUI thread 150 ms and both arrays at once.
Q_DECLARE_TYPEINFO(Lectern::PaperRecord, Q_RELOCATABLE_TYPE);
