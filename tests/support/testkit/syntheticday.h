// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/dayrun.h"
#include "domain/paperrecord.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace Lectern {
class PaperStore;
}

namespace Lectern::Test {

/// A made-up announcement day for the export tests: what a day holds, and what is hard to export.
struct SyntheticDay
{
    DayRun run;
    QList<PaperRecord> records; ///< every paper listed that day, with its score and state
};

/// Eight papers on bells, lichens and tide clocks, in this order of the digest (thresholds 8/7, followed
/// author "Maren Óskarsdóttir"):
///  1. an author match with low scores, an affiliation and a non-ASCII name;
///  2. 10/7, TeX accents in an author (D\'iaz);
///  3. 9/8 "Bells & Whistles: 100% Coverage of $x_1$ Rows" (& % and math), starred;
///  4. 9/8 "Sets {A, B} and #hash_tags in Ringing" ({ } # _), tagged "to-read";
///  5. 8/9 with an abstract that holds an <img> tag and a <link rel=stylesheet> pointing at @p imageHost;
///  6. 8/7 starred, tagged "field-work" and "to-read", with a two-line note, a DOI and a journal reference;
/// not in the digest: an unscored paper (starred) and one under the bar (7/9, tagged "to-read").
/// Ids are "YYMM.DDNNN" after @p day, so several days never share a paper.
SyntheticDay syntheticDay(const QDate &day, const QString &imageHost = QStringLiteral("http://127.0.0.1:9"));

/// @p n relevant papers with realistic abstract lengths (~1200 characters, some TeX), for benchmarks.
SyntheticDay largeDay(const QDate &day, int n);

/// The followed authors that make paper 1 an author match.
QStringList syntheticFollowedAuthors();

/// Stores the day's papers, scores, states and run.
void storeDay(PaperStore &store, const SyntheticDay &day);

} // namespace Lectern::Test
