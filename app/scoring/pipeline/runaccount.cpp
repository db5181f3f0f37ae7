// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/runaccount.h"

#include "store/paperstore.h"

#include <QCoreApplication>

namespace Lectern {

RunAccount::RunAccount(
    ScoringSummary &summary, const PriceTable &prices, std::optional<ModelPrice> configured)
    : m_summary(summary)
    , m_prices(prices)
    , m_configured(std::move(configured))
{ }

double RunAccount::charge(const BatchResult &reply)
{
    const double cost = m_prices.replyCost(reply, m_configured);
    m_summary.usage += reply.usage;
    m_summary.cost += cost;
    return cost;
}

void RunAccount::warn(const QString &warning)
{
    if (m_summary.warnings.size() < MaxWarnings)
        m_summary.warnings << warning;
}

void RunAccount::failWith(const BatchResult &reply)
{
    if (m_fatal.isEmpty())
        m_fatal = reply.error.isEmpty()
            ? QCoreApplication::translate("Lectern::ScoringJob", "The scoring provider stopped the run.")
            : reply.error;
}

bool RunAccount::store(PaperStore &store, const QList<Score> &rows)
{
    if (auto written = store.addScores(rows); !written) {
        m_storeError = written.error();
        return false;
    }
    return true;
}

} // namespace Lectern
