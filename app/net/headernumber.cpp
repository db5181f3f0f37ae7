// SPDX-License-Identifier: GPL-3.0-or-later
#include "headernumber.h"

#include <QByteArray>

#include <cmath>

namespace Lectern {

namespace {

/// The text as a finite or infinite decimal number: digits with at most one point and an optional
/// exponent. "inf", "nan", hex and trailing junk are not numbers here, whatever strtod would say.
std::optional<double> decimal(QByteArrayView text)
{
    const QByteArray s = text.toByteArray().trimmed();
    if (s.isEmpty() || s.size() > 64)
        return std::nullopt;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return std::nullopt;
    }
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || std::isnan(v))
        return std::nullopt;
    return v;
}

} // namespace

std::optional<qint64> HeaderNumber::waitMs(double ms)
{
    if (std::isnan(ms) || ms < 0)
        return std::nullopt;
    // Compared as doubles before any conversion: converting an out-of-range double is undefined.
    if (ms >= double(MaxWaitMs))
        return MaxWaitMs;
    return qint64(std::llround(ms));
}

std::optional<qint64> HeaderNumber::secondsAsWaitMs(QByteArrayView text)
{
    const auto v = decimal(text);
    return v ? waitMs(*v * 1000.0) : std::nullopt;
}

std::optional<qint64> HeaderNumber::millisecondsAsWaitMs(QByteArrayView text)
{
    const auto v = decimal(text);
    return v ? waitMs(*v) : std::nullopt;
}

std::optional<qint64> HeaderNumber::count(QByteArrayView text)
{
    const QByteArray s = text.toByteArray().trimmed();
    if (s.isEmpty())
        return std::nullopt;
    for (const char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qulonglong n = s.toULongLong(&ok);
    if (!ok) // more digits than 64 bits hold
        return MaxCount;
    return qint64(std::min<qulonglong>(n, qulonglong(MaxCount)));
}

} // namespace Lectern
