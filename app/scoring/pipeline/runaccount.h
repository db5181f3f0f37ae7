// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/score.h"
#include "scoring/pipeline/scoringsummary.h"
#include "scoring/pricetable.h"

#include <QList>
#include <QString>

#include <optional>

namespace Lectern {

class PaperStore;

/// The running account of a direct run, kept by the stages that handle replies (all on the run's thread):
/// the summary's counters, tokens and cost, the warnings (the first 50), and why the run must stop.
class RunAccount final
{
public:
    static constexpr int MaxWarnings = 50;

    RunAccount(ScoringSummary &summary, const PriceTable &prices, std::optional<ModelPrice> configured);

    [[nodiscard]] ScoringSummary &summary() { return m_summary; }
    /// Adds @p reply's tokens and cost (at the price of the model it names, else the configured one) to the
    /// run's; returns the cost.
    double charge(const BatchResult &reply);
    void warn(const QString &warning);
    /// Remembers the first fatal reply's message: the run stops with it.
    void failWith(const BatchResult &reply);
    /// Stores @p rows in one transaction; on failure remembers why (the run stops) and returns false.
    [[nodiscard]] bool store(PaperStore &store, const QList<Score> &rows);

    [[nodiscard]] const QString &fatal() const { return m_fatal; }
    [[nodiscard]] const QString &storeError() const { return m_storeError; }

private:
    ScoringSummary &m_summary;
    const PriceTable &m_prices;
    std::optional<ModelPrice> m_configured;
    QString m_fatal;
    QString m_storeError;
};

} // namespace Lectern
