// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/dayrun.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QDate>

namespace Lectern {

class PaperStore;

/// The day's record of what scoring spent (DayRun), kept by direct scoring and provider batches alike.
class ScoringLedger final
{
public:
    /// Adds a run's tokens and cost to @p day's DayRun (earlier runs' stay), names the model (both, when
    /// a day was scored by two, so the tokens are not credited to the wrong one), and records the prompt
    /// and the relevant count. Returns the saved run. A single statement: fits inside a transaction.
    static Result<DayRun> addRun(PaperStore &store, const QDate &day, const QString &model,
        const TokenUsage &usage, double cost, const QString &promptText, int relevant);

    /// "a + b" when a day was scored by model a before and now by b.
    [[nodiscard]] static QString mergedModel(const QString &before, bool beforeSpent, const QString &now);
};

} // namespace Lectern
