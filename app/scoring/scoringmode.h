// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Lectern {

class Settings;

/// Who scores a day (scoring/mode): the provider alone, the built-in scorer alone, or both — the built-in
/// ranks the whole day and the provider scores only the papers its gate keeps (HybridGateStage).
enum class ScoringMode { Llm, Hybrid, Builtin };

/// The mode's name in the settings file ("llm", "hybrid", "builtin").
[[nodiscard]] QString scoringModeName(ScoringMode mode);
[[nodiscard]] std::optional<ScoringMode> parseScoringMode(const QString &name);

/// The mode a run uses: scoring/mode, except that the built-in provider has no LLM to ask, so with
/// scoring/provider builtin every mode is builtin (what Lectern did before the setting existed).
[[nodiscard]] ScoringMode effectiveScoringMode(const Settings &settings);

} // namespace Lectern
