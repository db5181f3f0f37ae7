// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/authormatcher.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QDate>
#include <QStringList>

namespace Lectern {

class PaperStore;

/// What the ledger stage found and wrote.
struct LedgerEntry
{
    int relevant = 0; ///< papers in the digest: author matches plus those that passed the thresholds
    int passedThresholds = 0; ///< of which scored papers (not author matches)
    QStringList ranking; ///< their ids in digest order
    double dayCost = 0; ///< USD, every run of the day
};

/// The last stage of every run: thresholds and ranking exactly as the digest does them
/// (DigestBuilder::fromStore), then the day's DayRun gets the run's tokens and cost (added to earlier
/// runs'), the model, the prompt text and the relevant count (ScoringLedger). Two statements: fits in the
/// caller's transaction (provider batches collect in one).
class LedgerStage final
{
public:
    /// @p announceTypes empty: DigestBuilder::defaultAnnounceTypes().
    LedgerStage(QStringList followedAuthors, int minRelevance, int minNovelty, QStringList announceTypes);

    [[nodiscard]] Result<LedgerEntry> record(PaperStore &store, const QDate &day, const QString &model,
        const TokenUsage &usage, double cost, const QString &promptText) const;

private:
    AuthorMatcher m_authors;
    int m_minRelevance;
    int m_minNovelty;
    QStringList m_types;
};

} // namespace Lectern
