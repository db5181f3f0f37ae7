// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>

namespace Lectern {

/// One announcement day in the day list.
struct DaySummary
{
    QDate date;
    int papers = 0; ///< papers listed that day
    int scored = 0; ///< of which the latest score has both marks
    bool hasRun = false;
    bool complete = true; ///< false when the day's fetch looked partial
    // The others by what their latest score says; papers minus all the counts were never scored.
    int authorMatches = 0; ///< by a followed author, no marks needed
    int titleDropped = 0; ///< dropped by the title pre-filter
    int belowHIndex = 0; ///< not sent: below the h-index threshold
    int failed = 0; ///< asked, but no usable score came back
    /// False while the counts above are not read yet (PaperStore::dayList; the window counts in the
    /// background).
    bool counted = true;
};

} // namespace Lectern
