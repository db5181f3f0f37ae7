// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/providerfactory.h"

#include "config/profile.h"
#include "config/settings.h"
#include "scoring/builtinscorer.h"
#include "scoring/llmproviders.h"
#include "scoring/prompttemplate.h"
#include "scoring/scoringmode.h"

namespace Lectern {

ScoringProviderFactory makeScoringProviderFactory(
    const Settings &settings, const Profile &profile, QString *error, ApiKeySource::KeyringLookup keyring)
{
    const QString provider = settings.string(Keys::ScoringProvider);
    // builtin mode: lectern-local scores, whichever LLM is configured.
    if (provider == u"builtin" || effectiveScoringMode(settings) == ScoringMode::Builtin) {
        auto prompt = PromptTemplate::load(profile.promptsDir());
        if (!prompt) {
            if (error)
                *error = prompt.error();
            return {};
        }
        return BuiltinScorer::factory(prompt->topics(), profile.store());
    }
    auto config = llmConfigFromSettings(settings, ApiKeySource(std::move(keyring)));
    if (!config) {
        if (error)
            *error = config.error();
        return {};
    }
    // Build one now so that a bad configuration is reported before any work starts; workers build their own.
    if (auto probe = makeLlmProvider(*config); !probe) {
        if (error)
            *error = probe.error();
        return {};
    }
    return [cfg = *config]() -> std::unique_ptr<ScoringProvider> {
        auto made = makeLlmProvider(cfg);
        return made ? std::move(made).value() : nullptr;
    };
}

} // namespace Lectern
