// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scoringledger.h"

#include "store/paperstore.h"

namespace Lectern {

QString ScoringLedger::mergedModel(const QString &before, bool beforeSpent, const QString &now)
{
    if (before.isEmpty() || !beforeSpent)
        return now;
    QStringList parts = before.split(QStringLiteral(" + "), Qt::SkipEmptyParts);
    if (!parts.contains(now))
        parts << now;
    return parts.join(QStringLiteral(" + "));
}

Result<DayRun> ScoringLedger::addRun(PaperStore &store, const QDate &day, const QString &model,
    const TokenUsage &usage, double cost, const QString &promptText, int relevant)
{
    auto stored = store.dayRun(day);
    if (!stored)
        return Error {stored.error()};
    DayRun run = stored->value_or(DayRun {});
    run.date = day;
    const bool spentEarlier = run.promptTokens + run.completionTokens > 0 || run.cost > 0;
    run.model = mergedModel(run.model, spentEarlier, model);
    run.promptTokens += usage.promptTokens;
    run.completionTokens += usage.completionTokens;
    run.cost += cost;
    run.promptText = promptText;
    run.totalRelevant = relevant;
    if (auto saved = store.saveDayRun(run); !saved)
        return Error {saved.error()};
    return run;
}

} // namespace Lectern
