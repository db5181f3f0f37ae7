// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/clock.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace Lectern {

struct HttpResponse;

/// What a provider said about its rate limits in the last response of a batch, so that the scoring job
/// can slow down before it is refused. Values the server did not send stay empty.
struct RateLimitInfo
{
    std::optional<qint64> limitRequests;
    std::optional<qint64> remainingRequests;
    std::optional<qint64> limitTokens;
    std::optional<qint64> remainingTokens;
    std::optional<qint64> resetRequestsMs; ///< until the request budget is full again
    std::optional<qint64> resetTokensMs; ///< until the token budget is full again
    std::optional<qint64> retryAfterMs; ///< the wait the last refusal (429, 503, 529) asked for
    int rateLimitedAttempts = 0; ///< attempts of this batch refused with 429 (retried or not)

    [[nodiscard]] bool known() const
    {
        return remainingRequests || remainingTokens || resetRequestsMs || resetTokensMs || retryAfterMs ||
            rateLimitedAttempts > 0;
    }

    /// OpenAI (x-ratelimit-*, resets as "6m0s", "12ms") and Anthropic (anthropic-ratelimit-*, resets as
    /// RFC 3339 times) headers, and retry-after-ms / Retry-After.
    /// @p now: the time the response came (Anthropic's resets are times).
    [[nodiscard]] static RateLimitInfo fromResponse(
        const HttpResponse &response, const QDateTime &now = Clock::system().nowUtc());
    /// "6m0s", "1h2m3.5s", "12ms", "0.5s", "20" (seconds) -> milliseconds; nullopt when unreadable.
    [[nodiscard]] static std::optional<qint64> parseDurationMs(QByteArrayView text);
};

} // namespace Lectern
