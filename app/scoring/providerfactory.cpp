// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/providerfactory.h"

#include "config/profile.h"
#include "config/settings.h"
#include "scoring/builtinscorer.h"
#include "scoring/prompttemplate.h"

namespace Lectern {

ScoringProviderFactory makeScoringProviderFactory(
    const Settings &settings, const Profile &profile, QString *error)
{
    const QString provider = settings.string(Keys::ScoringProvider);
    if (provider == u"builtin") {
        auto prompt = PromptTemplate::load(profile.promptsDir());
        if (!prompt) {
            if (error)
                *error = prompt.error();
            return {};
        }
        return BuiltinScorer::factory(prompt->topics(), profile.databasePath());
    }
    if (error)
        *error =
            QStringLiteral("The %1 scoring provider is not available in this build yet; the built-in scorer "
                           "is (lectern config set scoring/provider builtin).")
                .arg(provider);
    return {};
}

} // namespace Lectern
