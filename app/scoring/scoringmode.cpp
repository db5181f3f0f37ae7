// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scoringmode.h"

#include "config/settings.h"

namespace Lectern {

QString scoringModeName(ScoringMode mode)
{
    switch (mode) {
    case ScoringMode::Llm:
        return QStringLiteral("llm");
    case ScoringMode::Hybrid:
        return QStringLiteral("hybrid");
    case ScoringMode::Builtin:
        return QStringLiteral("builtin");
    }
    return {};
}

std::optional<ScoringMode> parseScoringMode(const QString &name)
{
    for (const ScoringMode m : {ScoringMode::Llm, ScoringMode::Hybrid, ScoringMode::Builtin}) {
        if (scoringModeName(m) == name)
            return m;
    }
    return std::nullopt;
}

ScoringMode effectiveScoringMode(const Settings &settings)
{
    if (settings.string(Keys::ScoringProvider) == u"builtin")
        return ScoringMode::Builtin;
    return parseScoringMode(settings.string(Keys::ScoringMode)).value_or(ScoringMode::Llm);
}

} // namespace Lectern
