// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern {

/// One reason why a day looks partial, or how it was completed, as the day's status note keeps it: a code
/// and its arguments (categories, dates, counts; a feed's error message stays the text it was).
struct DayProblem
{
    enum class Code {
        FeedFailed, ///< category, error
        FeedNotTried, ///< category
        FeedRepeats, ///< category, the earlier day
        DatesDiffer, ///< —
        DatedOtherwise, ///< the feeds' day, the expected day
        EmptyFeeds, ///< how many
        CompletedByBackfill, ///< —
        Backfilled, ///< —
    };
    Code code;
    QStringList args;
    bool operator==(const DayProblem &) const = default;
};

/// A day's status note (DayRun::statusNote, the day_runs.status_note column) is stored language-neutral —
/// the problems' codes and arguments as JSON — and put into words when shown, in the language of whoever
/// reads it, not of the window or command that fetched the day. A note stored as plain text (before
/// schema 22's Lectern, or by hand) is shown as it is.
namespace DayStatusNote {

/// The stored form of @p problems; empty for none.
[[nodiscard]] QString encode(const QList<DayProblem> &problems);
/// The problems of a stored note; nothing for a plain-text or empty note.
[[nodiscard]] QList<DayProblem> decode(const QString &stored);
/// @p problem in the user's language.
[[nodiscard]] QString describe(const DayProblem &problem);
/// A stored note in the user's language, the problems joined by "; "; plain text as it is.
[[nodiscard]] QString display(const QString &stored);
/// A stored note in English whatever translation is installed, for machine-read exports (digest JSON).
[[nodiscard]] QString english(const QString &stored);

} // namespace DayStatusNote

} // namespace Lectern
