// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"

#include <QByteArray>
#include <QString>

namespace Lectern {

/// The text the paper table shows for a record, TeX made readable: what its Title and Authors columns
/// display and sort by. Shared by the table model and the "All days" loader, which orders the rows on
/// its own thread.
class PaperTableText
{
public:
    [[nodiscard]] static QString title(const PaperRecord &record);
    /// "First Author +N"; empty without authors.
    [[nodiscard]] static QString shortAuthors(const PaperRecord &record);
    /// Every author, comma separated.
    [[nodiscard]] static QString fullAuthors(const PaperRecord &record);
    /// Lower-cased UTF-8: compared byte by byte it orders in code point order.
    [[nodiscard]] static QByteArray sortKey(const QString &text);
};

} // namespace Lectern
