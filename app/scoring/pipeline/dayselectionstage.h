// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"
#include "util/result.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace Lectern {

class PaperStore;

/// The papers a run of a day considers, in listing order.
struct DaySelection
{
    int listed = 0; ///< papers listed on the day
    int considered = 0; ///< of which have an announce type that is scored (each paper once)
    QList<PaperRecord> records; ///< the considered papers with their latest score
};

/// The first stage: the day's listed papers of the scored announce types, each paper once. A paper without
/// an announce type (older feeds) is considered.
class DaySelectionStage final
{
public:
    explicit DaySelectionStage(QStringList announceTypes);

    [[nodiscard]] Result<DaySelection> run(PaperStore &store, const QDate &day) const;

private:
    QStringList m_types;
};

} // namespace Lectern
