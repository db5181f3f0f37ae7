// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimit.h"

#include "net/headernumber.h"
#include "net/httpclient.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace Lectern {

namespace {

std::optional<qint64> number(const QByteArray &value)
{
    return HeaderNumber::count(value);
}

std::optional<qint64> untilTimestamp(const QByteArray &value, const QDateTime &now)
{
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::ISODateWithMs);
    if (!when.isValid())
        return std::nullopt;
    return std::clamp<qint64>(now.msecsTo(when), 0, HeaderNumber::MaxWaitMs);
}

/// The first of @p names the response carries.
QByteArray firstHeader(const HttpResponse &r, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QByteArray v = r.header(QByteArray(name));
        if (!v.isEmpty())
            return v;
    }
    return {};
}

} // namespace

std::optional<qint64> RateLimitInfo::parseDurationMs(QByteArrayView text)
{
    const QByteArray s = text.toByteArray().trimmed();
    if (s.isEmpty())
        return std::nullopt;
    // Plain seconds, bounded: "1e300" or "99999999999999999" must not overflow on the way to milliseconds.
    if (const auto plain = HeaderNumber::secondsAsWaitMs(s))
        return plain;
    bool ok = false;

    // Go-style durations as OpenAI sends them: a sequence of <number><unit>, units h, m, s, ms.
    double total = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype start = i;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s.at(i))) || s.at(i) == '.'))
            ++i;
        if (i == start)
            return std::nullopt;
        const double value = s.mid(start, i - start).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s.at(i))))
            ++i;
        const QByteArray unit = s.mid(unitStart, i - unitStart);
        if (unit == "h")
            total += value * 3600000.0;
        else if (unit == "m")
            total += value * 60000.0;
        else if (unit == "s")
            total += value * 1000.0;
        else if (unit == "ms")
            total += value;
        else
            return std::nullopt;
    }
    return HeaderNumber::waitMs(total); // "99999999999h" is clamped, not converted out of range
}

RateLimitInfo RateLimitInfo::fromResponse(const HttpResponse &r, const QDateTime &now)
{
    RateLimitInfo info;
    // OpenAI and the servers that copy it.
    info.limitRequests = number(r.header("x-ratelimit-limit-requests"));
    info.remainingRequests = number(r.header("x-ratelimit-remaining-requests"));
    info.limitTokens = number(r.header("x-ratelimit-limit-tokens"));
    info.remainingTokens = number(r.header("x-ratelimit-remaining-tokens"));
    info.resetRequestsMs = parseDurationMs(r.header("x-ratelimit-reset-requests"));
    info.resetTokensMs = parseDurationMs(r.header("x-ratelimit-reset-tokens"));

    // Anthropic: the tokens budget, or the input-tokens one (the tighter for scoring) when only that is sent.
    if (!info.limitRequests)
        info.limitRequests = number(r.header("anthropic-ratelimit-requests-limit"));
    if (!info.remainingRequests)
        info.remainingRequests = number(r.header("anthropic-ratelimit-requests-remaining"));
    if (!info.resetRequestsMs)
        info.resetRequestsMs = untilTimestamp(r.header("anthropic-ratelimit-requests-reset"), now);
    if (!info.limitTokens)
        info.limitTokens = number(
            firstHeader(r, {"anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-input-tokens-limit"}));
    if (!info.remainingTokens)
        info.remainingTokens = number(firstHeader(
            r, {"anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-input-tokens-remaining"}));
    if (!info.resetTokensMs)
        info.resetTokensMs = untilTimestamp(
            firstHeader(r, {"anthropic-ratelimit-tokens-reset", "anthropic-ratelimit-input-tokens-reset"}),
            now);

    if (!r.ok()) {
        const qint64 wait = HttpClient::retryAfterMs(r, now);
        if (wait >= 0)
            info.retryAfterMs = wait;
    }
    if (r.status == 429)
        info.rateLimitedAttempts = 1;
    return info;
}

} // namespace Lectern
