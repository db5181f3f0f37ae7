// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/dayrun.h"
#include "domain/gatereport.h"
#include "domain/paper.h"
#include "domain/paperstate.h"
#include "domain/score.h"
#include "domain/sharednote.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lectern {

/// One paper of a daily digest: its metadata, latest score and the user's state.
struct DigestEntry
{
    Paper paper;
    std::optional<Score> score;
    PaperState state;
    bool authorMatch = false; ///< listed first, with the comment "Author match" and no scores
    QStringList matchedAuthors; ///< the followed names that matched, for views
    QList<SharedNote> sharedNotes; ///< other members' notes shared with the group (PostgreSQL)
};

/// A daily digest, its entries already selected and ordered (DigestBuilder::select).
///
/// The "Total relevant papers" line is relevantCount(): the papers of the day over the thresholds the
/// digest was built with (not run.totalRelevant: the run is kept as stored, and the thresholds may differ).
/// A narrowed view (starred only, a tag, every paper) keeps that figure and says how many it shows
/// (shownSelection), instead of passing its own count off as the day's.
///
/// Cost: DayRun only knows the day's total. The prompt/completion split needs the model's prices, which
/// the caller knows (DigestBuilder::applyPrices). When the split is unknown the two cells print "-" and
/// the Total cell still prints the day's cost; a made-up split would be worse than none.
struct Digest
{
    DayRun run;
    QList<DigestEntry> entries;
    std::optional<double> promptCost; ///< USD, for the day's prompt tokens
    std::optional<double> completionCost; ///< USD, for the day's completion tokens (reasoning included)

    std::optional<GateReport> gate; ///< hybrid mode: what the LLM saw and the gate's estimated recall
    std::optional<int> dayRelevant; ///< the day's relevant papers when entries is another selection
    QString shownSelection; ///< what entries holds when narrowed ("starred"), else empty

    [[nodiscard]] int relevantCount() const { return dayRelevant.value_or(int(entries.size())); }
    [[nodiscard]] bool narrowed() const { return !shownSelection.isEmpty(); }
    /// run.cost when recorded; otherwise the sum of the split when known; otherwise 0.
    [[nodiscard]] double totalCost() const
    {
        if (run.cost > 0 || !promptCost || !completionCost)
            return run.cost;
        return *promptCost + *completionCost;
    }
};

/// The two messages of a scoring prompt.
///
/// Stored format of DayRun::promptText (what the scorer saves, what the digest appendix quotes):
///
///     ## System Prompt
///
///     <system message>
///
///     ## User Prompt
///
///     <user message, with the paper-list placeholder rather than the papers>
///
/// The headings are the digest's own, so the appendix is the stored text with each message quoted. Text
/// without a leading "## System Prompt" line is all user prompt (a hand-written or older prompt). The
/// system message must not contain a line "## User Prompt": the first such line ends it.
struct StoredPrompt
{
    QString system;
    QString user;

    /// The stored form; an empty part is left out. Line ends become "\n".
    [[nodiscard]] QString toText() const;
    /// Splits a stored text; blank lines around each part are dropped.
    [[nodiscard]] static StoredPrompt fromText(const QString &text);
    bool operator==(const StoredPrompt &) const = default;
};

} // namespace Lectern
