// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDate>
#include <QString>

#include <functional>

namespace Lectern {

class PaperStore;

/// Writes a synthetic library of a given size through PaperStore, shaped like two busy categories over
/// months: 250 papers per weekday, ~1,200-character abstracts, 1–60 authors, some TeX, scores from two
/// models and two prompts, 3 % starred, read and dismissed papers, tags, notes and replaced versions.
/// The same seed gives the same papers, scores and states: benchmarks at 10k, 100k and 300k papers
/// compare like with like. Everything goes through the store's own API, so the database is what a real
/// profile of that size would be (search index, listings, score history).
class LibraryGenerator final
{
public:
    struct Options
    {
        int papers = 10000;
        int papersPerDay = 250;
        QDate lastDay = QDate(2026, 11, 30); ///< the newest announcement day (weekdays back from it)
        quint64 seed = 13;
    };
    struct Summary
    {
        int papers = 0; ///< distinct papers stored
        int days = 0;
        int listings = 0; ///< listings, replacements included
        int scores = 0;
        int starred = 0;
        int notes = 0;
    };

    explicit LibraryGenerator(Options options);

    /// Writes the library into @p store, one day per transaction; @p progress (if given) gets the days
    /// written and the days in all.
    Result<Summary> write(PaperStore &store, const std::function<void(int, int)> &progress = {});

private:
    Options m_options;
};

} // namespace Lectern
