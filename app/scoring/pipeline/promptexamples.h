// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/prompttemplate.h"
#include "util/result.h"

#include <QDate>
#include <QStringList>

#include <utility>

namespace Lectern {

class PaperStore;

/// The user's recent stars and dismissals as examples in the prompt (PromptTemplate::setExamples): part of
/// the prompt, so of its hash; the same for direct scoring and provider batches, so both share a cache.
struct PromptExamples
{
    PromptTemplate prompt; ///< the prompt given, with the examples set
    int starred = 0; ///< starred papers' titles that went in
    int dismissed = 0;

    /// Copies the counts and the prompt's hash into a run's summary (ScoringSummary, BatchSubmission).
    template<typename Summary> void countInto(Summary &summary) const
    {
        summary.examplesStarred = starred;
        summary.examplesDismissed = dismissed;
        summary.promptHash = prompt.hash();
    }

    /// @p prompt with recent() set when @p count > 0.
    [[nodiscard]] static Result<PromptExamples> apply(
        PaperStore &store, const PromptTemplate &prompt, int count, const QDate &day);

    /// Titles of the @p count papers most recently starred, and of as many dismissed (and not starred),
    /// from other days than @p day (a paper of the day itself would be told its own verdict).
    [[nodiscard]] static Result<std::pair<QStringList, QStringList>> recent(
        PaperStore &store, int count, const QDate &day);
};

} // namespace Lectern
