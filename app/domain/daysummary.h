// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>

namespace Lectern {

/// One announcement day in the day list.
struct DaySummary
{
    QDate date;
    int papers = 0; ///< papers listed that day
    int scored = 0; ///< of which have a score
    bool hasRun = false;
    bool complete = true; ///< false when the day's fetch looked partial
};

} // namespace Lectern
