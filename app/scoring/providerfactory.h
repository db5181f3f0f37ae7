// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/apikeysource.h"
#include "scoring/scoringprovider.h"

#include <QString>

namespace Lectern {

class Profile;
class Settings;

/// The provider the settings choose (scoring/provider): "builtin" scores with lectern-local, from the
/// profile's topics.md and database; "openai", "anthropic" and "local" (an OpenAI-compatible server) use
/// the LLM providers with the key from @p keyring (with scoring/mode builtin: lectern-local all the same)
/// (the UI's keyring lookup) or the environment. The configuration is checked here, once: on a problem (no
/// key, no model, a bad URL) the result is empty and
/// @p error says what to fix.
[[nodiscard]] ScoringProviderFactory makeScoringProviderFactory(const Settings &settings,
    const Profile &profile, QString *error, ApiKeySource::KeyringLookup keyring = {});

} // namespace Lectern
