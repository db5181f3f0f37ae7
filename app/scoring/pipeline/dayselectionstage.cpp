// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/dayselectionstage.h"

#include "store/paperstore.h"

#include <QSet>

namespace Lectern {

DaySelectionStage::DaySelectionStage(QStringList announceTypes)
    : m_types(std::move(announceTypes))
{ }

Result<DaySelection> DaySelectionStage::run(PaperStore &store, const QDate &day) const
{
    auto records = store.recordsForDay(day);
    if (!records)
        return Error {records.error()};
    QList<PaperRecord> listed = std::move(records).value();
    DaySelection out;
    out.listed = int(listed.size());
    QSet<QString> seen;
    for (PaperRecord &r : listed) {
        const Paper &p = r.paper;
        if (!p.announceType.isEmpty() && !m_types.contains(p.announceType))
            continue;
        if (seen.contains(p.arxivId))
            continue;
        seen.insert(p.arxivId);
        out.records << std::move(r);
    }
    out.considered = int(out.records.size());
    return out;
}

} // namespace Lectern
