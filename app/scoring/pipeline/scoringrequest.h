// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/authorhindexfilter.h"
#include "scoring/hybridgate.h"
#include "scoring/pricetable.h"
#include "scoring/prompttemplate.h"
#include "scoring/scoringmode.h"
#include "scoring/scoringprovider.h"
#include "util/clock.h"
#include "util/result.h"

#include <QDate>
#include <QStringList>

namespace Lectern {

class Profile;
class Settings;

/// What one scoring run of a day is asked to do: direct scoring, the dry run and provider batches read it.
struct ScoringRequest
{
    QString databasePath;
    QDate day;
    ScoringProviderFactory factory; ///< one provider per worker thread, made on that thread
    PromptTemplate prompt;
    PriceTable prices = PriceTable::defaults();
    int batchSize = 20;
    int parallel = 4; ///< batches in flight at once
    int minRelevance = 8;
    int minNovelty = 7;
    QStringList followedAuthors;
    /// Most USD to spend on this announcement day, what earlier runs of the day cost included; 0: no limit.
    double dailyBudget = 0;
    /// Listed papers of these announce types are scored, and the digest's relevant count uses them;
    /// empty: DigestBuilder::defaultAnnounceTypes().
    QStringList announceTypes;
    /// Title pre-filter: before abstract scoring, titles go to the model in batches of titleBatchSize and
    /// only the papers it keeps are scored. Needs a provider that supports it (LLM providers).
    bool titleFilter = false;
    int titleBatchSize = 100;
    /// Titles of this many recently starred and as many dismissed papers (of other days) go into the
    /// prompt as examples; 0: none.
    int exampleCount = 0;
    bool rescore = false; ///< ignore the score cache: send every paper again
    bool dryRun = false; ///< count and estimate only; send and store nothing
    /// The lab's morning run (`lectern run`): its prompt becomes one of the lab's, whose scores members see
    /// where they have none of their own prompt (PaperStore::usePrompt()).
    bool labPrompt = false;
    HIndexFilterSettings hIndex; ///< the optional h-index stage (off while minHIndex is 0)
    /// What scores, re-stamped cache hits and provider batches are stamped with.
    const Clock *clock = &Clock::system();
    /// Hybrid: the built-in scorer ranks the day and only the papers its gate keeps (and the day's sample)
    /// are sent (HybridGateStage); the others get its marks. Llm and Builtin send every paper to the
    /// factory's provider.
    ScoringMode mode = ScoringMode::Llm;
    HybridGateSettings gate; ///< the hybrid gate's limits

    /// The request the profile's settings describe: batch size, parallelism, thresholds, followed
    /// authors, budget, announce types, h-index filter, title pre-filter, examples, mode and hybrid gate, the
    /// profile's prompt
    /// copies and price table. The provider factory is left to the caller.
    [[nodiscard]] static Result<ScoringRequest> fromProfile(
        const Settings &settings, const Profile &profile, const QDate &day);
};

} // namespace Lectern
