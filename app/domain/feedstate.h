// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

namespace Lectern {

/// What a feed last gave (see schema 4).
struct FeedState
{
    QString url;
    QByteArray etag;
    QByteArray lastModified;
    QDate day;
    int items = 0; ///< all items
    int kept = 0; ///< items kept by the announce-type filter
    QString idsHash; ///< hash of the sorted versioned ids, to spot a feed repeating an earlier day
};

} // namespace Lectern
