// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/readerview.h"

#include <QSignalSpy>

namespace Lectern::Test {

/// Waits until @p reader's pane shows the selected paper's details (its abstract in "All days", versions,
/// library source, shared notes, "More like this"), which a worker reads. True at once when none are read.
inline bool waitForDetails(ReaderView *reader, int timeoutMs = 20000)
{
    if (!reader->isReadingDetails())
        return true;
    QSignalSpy shown(reader, &ReaderView::detailsShown);
    while (reader->isReadingDetails())
        if (!shown.wait(timeoutMs))
            return false;
    return true;
}

} // namespace Lectern::Test
