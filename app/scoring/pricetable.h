// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace Lectern {

class Profile;

/// What one model costs, in USD per million tokens.
struct ModelPrice
{
    QString model; ///< name as the provider reports it, or its undated stem ("gpt-5-mini")
    double input = 0; ///< input tokens not served from the cache
    double cachedInput = 0; ///< input tokens read from the provider's prompt cache
    double cacheWrite = 0; ///< input tokens written to the cache (Anthropic bills a premium; OpenAI none)
    double output = 0; ///< output tokens, reasoning included (billed as output)

    bool operator==(const ModelPrice &) const = default;
};

/// Model prices with real defaults and the user's own file on top.
///
/// Defaults (USD per 1M tokens, research notes §5.7, LiteLLM's table as of 2026-09-14):
/// gpt-5 1.25 in / 0.125 cached / 10 out; gpt-5-mini 0.25 / 0.025 / 2; gpt-5-nano 0.05 / 0.005 / 0.40;
/// gpt-4.1-mini 0.40 / 0.10 / 1.60; claude-sonnet-4-5 3 / 0.30 (write 3.75) / 15; claude-haiku-4-5 1 / 0.10
/// (write 1.25) / 5; lectern-local 0. Cache writes are priced at Anthropic's 5-minute rate (1.25 x input).
///
/// The file (prices.json beside the settings file) is JSON:
///
///     {"checked": "2026-09-14",
///      "models": {"gpt-5-mini": {"input": 0.25, "cachedInput": 0.025, "cacheWrite": 0.25, "output": 2.0}}}
///
/// Its entries replace or add to the defaults by name; a missing cachedInput or cacheWrite is taken as
/// the input price. Lookup is case-insensitive, ignores a "vendor/" prefix (OpenRouter) and falls back
/// to the longest entry that the name extends with a dated suffix ("gpt-5-mini-2025-08-07" ->
/// "gpt-5-mini", "claude-haiku-4-5-20251001" -> "claude-haiku-4-5"), never to a different model
/// ("gpt-5.1" is not "gpt-5").
class PriceTable final
{
public:
    /// The date the default prices were checked.
    static constexpr QLatin1StringView DefaultsChecked {"2026-09-14"};

    [[nodiscard]] static PriceTable defaults();
    /// The defaults with the entries of @p json on top.
    [[nodiscard]] static Result<PriceTable> fromJson(const QByteArray &json);
    /// Reads @p path over the defaults; writes the defaults there first when the file is missing, so
    /// the user has something to edit.
    [[nodiscard]] static Result<PriceTable> loadOrCreate(const QString &path);
    /// prices.json in the folder of the profile's settings file.
    [[nodiscard]] static QString pathFor(const Profile &profile);

    [[nodiscard]] QByteArray toJson() const;
    [[nodiscard]] const QList<ModelPrice> &entries() const { return m_entries; }
    /// Adds or replaces the entry of price.model.
    void set(const ModelPrice &price);
    [[nodiscard]] std::optional<ModelPrice> find(const QString &model) const;

    /// USD for @p usage at @p price: uncached input (prompt - cached - cache writes) at the input price,
    /// cached and written input at theirs, completion (reasoning included) at the output price.
    /// @p batchApi halves it all (OpenAI Batch, Anthropic Message Batches).
    [[nodiscard]] static double cost(const ModelPrice &price, const TokenUsage &usage, bool batchApi = false);
    /// The same by model name; nullopt when the model has no price.
    [[nodiscard]] std::optional<double> cost(
        const QString &model, const TokenUsage &usage, bool batchApi = false) const;
    /// What @p reply cost: at the price of the model it names, else at @p fallback (the configured model's);
    /// 0 when neither has a price.
    [[nodiscard]] double replyCost(
        const BatchResult &reply, const std::optional<ModelPrice> &fallback, bool batchApi = false) const;

    /// "$0.42", or four decimals below a cent ("$0.0042"), as summaries print amounts.
    [[nodiscard]] static QString money(double usd);

private:
    QList<ModelPrice> m_entries;
};

} // namespace Lectern
