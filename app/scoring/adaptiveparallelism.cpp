// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/adaptiveparallelism.h"

#include <algorithm>

namespace Lectern {

AdaptiveParallelism::AdaptiveParallelism(int configured)
    : m_configured(std::max(1, configured))
    , m_allowed(m_configured)
    , m_lowest(m_configured)
{ }

bool AdaptiveParallelism::mayStart(int inFlight, qint64 nowMs) const
{
    return inFlight < m_allowed && nowMs >= m_holdUntil;
}

void AdaptiveParallelism::holdFor(qint64 waitMs, qint64 nowMs)
{
    const qint64 until = nowMs + std::clamp<qint64>(waitMs, 0, MaxHoldMs);
    if (until <= m_holdUntil)
        return;
    // Only the part not already covered by an earlier hold counts as time held.
    m_heldMs += until - std::max(nowMs, m_holdUntil);
    m_holdUntil = until;
}

void AdaptiveParallelism::onReply(
    const RateLimitInfo &info, int inFlight, qint64 nextBatchTokens, qint64 nowMs)
{
    const bool refused = info.rateLimitedAttempts > 0;
    const bool fewRequests = info.remainingRequests && *info.remainingRequests < m_allowed;
    const bool fewTokens = info.remainingTokens && nextBatchTokens > 0 &&
        *info.remainingTokens < nextBatchTokens * std::max(1, m_allowed);
    if (!refused && !fewRequests && !fewTokens) {
        if (++m_healthy >= RecoverAfter && m_allowed < m_configured) {
            ++m_allowed;
            m_healthy = 0;
        }
        return;
    }
    m_healthy = 0;
    ++m_slowdowns;
    m_allowed = std::max(1, m_allowed / 2);
    m_lowest = std::min(m_lowest, m_allowed);

    // Wait when nothing more can be sent before the limit resets.
    qint64 wait = -1;
    if (refused)
        wait = info.retryAfterMs.value_or(info.resetRequestsMs.value_or(DefaultHoldMs));
    if (info.remainingRequests && *info.remainingRequests <= inFlight)
        wait = std::max(wait, info.resetRequestsMs.value_or(DefaultHoldMs));
    if (info.remainingTokens && nextBatchTokens > 0 && *info.remainingTokens < nextBatchTokens)
        wait = std::max(wait, info.resetTokensMs.value_or(DefaultHoldMs));
    if (wait >= 0)
        holdFor(wait, nowMs);
}

} // namespace Lectern
