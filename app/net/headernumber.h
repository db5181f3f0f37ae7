// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <optional>

namespace Lectern {

/// Numbers that servers send in headers (Retry-After, retry-after-ms, rate-limit counts and resets), read
/// with bounds. A header is the server's text: "99999999999999999", "1e300", "inf", "nan" or "-5" must give
/// a sane value or none, never an overflow (undefined behaviour, an abort in a sanitizer build).
class HeaderNumber final
{
public:
    /// The longest wait a header can ask for; longer ones are clamped to it (and then refused as too long
    /// by the caller's own limit).
    static constexpr qint64 MaxWaitMs = 7LL * 24 * 3600 * 1000;
    /// The largest count (requests, tokens) taken from a header.
    static constexpr qint64 MaxCount = qint64(1) << 50;

    /// @p ms as a wait: rounded, clamped to 0..MaxWaitMs; none for NaN or a negative value.
    [[nodiscard]] static std::optional<qint64> waitMs(double ms);
    /// A wait in (possibly fractional) seconds or milliseconds, as the header's text; none unless the whole
    /// text is one decimal number.
    [[nodiscard]] static std::optional<qint64> secondsAsWaitMs(QByteArrayView text);
    [[nodiscard]] static std::optional<qint64> millisecondsAsWaitMs(QByteArrayView text);
    /// A non-negative whole count, clamped to MaxCount; none for anything else.
    [[nodiscard]] static std::optional<qint64> count(QByteArrayView text);
};

} // namespace Lectern
