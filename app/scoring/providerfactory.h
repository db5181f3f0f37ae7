// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/scoringprovider.h"

#include <QString>

namespace Lectern {

class Profile;
class Settings;

/// The provider the settings choose (scoring/provider): "builtin" scores with lectern-local, from the
/// profile's topics.md and database. The other choices are not available in this build yet: the result
/// is then empty and @p error says so.
[[nodiscard]] ScoringProviderFactory makeScoringProviderFactory(
    const Settings &settings, const Profile &profile, QString *error);

} // namespace Lectern
