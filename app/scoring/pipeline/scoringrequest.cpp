// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/scoringrequest.h"

#include "config/profile.h"
#include "config/settings.h"

namespace Lectern {

Result<ScoringRequest> ScoringRequest::fromProfile(
    const Settings &settings, const Profile &profile, const QDate &day)
{
    ScoringRequest r;
    r.databasePath = profile.store();
    r.day = day;
    auto prompt = PromptTemplate::load(profile.promptsDir());
    if (!prompt)
        return Error {prompt.error()};
    r.prompt = std::move(prompt).value();
    auto prices = PriceTable::loadOrCreate(PriceTable::pathFor(profile));
    if (!prices)
        return Error {prices.error()};
    r.prices = std::move(prices).value();
    r.batchSize = settings.integer(Keys::ScoringBatchSize);
    r.parallel = settings.integer(Keys::ScoringParallel);
    r.minRelevance = settings.integer(Keys::ScoringRelevanceThreshold);
    r.minNovelty = settings.integer(Keys::ScoringNoveltyThreshold);
    r.followedAuthors = settings.stringList(Keys::TopicsFollowedAuthors);
    r.dailyBudget = settings.real(Keys::ScoringDailyBudget);
    r.announceTypes = settings.stringList(Keys::ArxivAnnounceTypes);
    r.titleFilter = settings.flag(Keys::ScoringTitleFilter);
    r.titleBatchSize = settings.integer(Keys::ScoringTitleBatchSize);
    r.exampleCount = settings.flag(Keys::ScoringExamples) ? settings.integer(Keys::ScoringExampleCount) : 0;
    r.hIndex = HIndexFilterSettings::fromSettings(settings);
    r.mode = effectiveScoringMode(settings);
    r.gate = HybridGateSettings::fromSettings(settings);
    return r;
}

} // namespace Lectern
