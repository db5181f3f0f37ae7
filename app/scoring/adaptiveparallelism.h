// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/ratelimit.h"

#include <QtGlobal>

namespace Lectern {

/// How many scoring batches may be in flight, adjusted to what the provider says about its rate limits.
///
/// After a batch whose reply shows the limits close (fewer requests left than batches allowed in flight,
/// or fewer tokens left than the next batches need) or that was refused with 429, the number allowed is
/// halved (at least 1). When nothing more may be sent before the limit resets (no request left beyond
/// those in flight, not enough tokens for the next batch, or a 429), new batches are held until the reset
/// or Retry-After time has passed, at most MaxHoldMs. After RecoverAfter batches in a row that came back
/// without those signs, one more batch is allowed again, up to the configured number.
///
/// Times are milliseconds on any monotonic clock the caller chooses; the class only compares them.
class AdaptiveParallelism final
{
public:
    static constexpr int RecoverAfter = 3;
    static constexpr qint64 MaxHoldMs = 60000; ///< a longer wait would look like a hang; the run goes on
    static constexpr qint64 DefaultHoldMs = 1000; ///< a 429 that named no wait

    explicit AdaptiveParallelism(int configured);

    [[nodiscard]] int configured() const { return m_configured; }
    [[nodiscard]] int allowed() const { return m_allowed; }
    [[nodiscard]] int lowest() const { return m_lowest; }
    [[nodiscard]] int slowdowns() const { return m_slowdowns; }
    [[nodiscard]] qint64 heldMs() const { return m_heldMs; }
    [[nodiscard]] qint64 holdUntilMs() const { return m_holdUntil; }

    /// Whether one more batch may go out at @p nowMs with @p inFlight batches out.
    [[nodiscard]] bool mayStart(int inFlight, qint64 nowMs) const;

    /// A batch came back with @p info. @p inFlight: batches still out; @p nextBatchTokens: what the next
    /// batch is estimated to take (prompt and completion), 0 when none is waiting.
    void onReply(const RateLimitInfo &info, int inFlight, qint64 nextBatchTokens, qint64 nowMs);

private:
    void holdFor(qint64 waitMs, qint64 nowMs);

    int m_configured;
    int m_allowed;
    int m_lowest;
    int m_slowdowns = 0;
    int m_healthy = 0;
    qint64 m_holdUntil = 0;
    qint64 m_heldMs = 0;
};

} // namespace Lectern
