// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace Lectern {

/// What a profile's database holds, for `lectern db stats`.
struct StoreStats
{
    QString path;
    int schemaVersion = 0;
    qint64 papers = 0;
    qint64 days = 0;
    qint64 scores = 0;
    qint64 starred = 0;
    qint64 notes = 0;
    qint64 fileSize = 0;
    std::optional<QDate> firstDay;
    std::optional<QDate> lastDay;
};

} // namespace Lectern
