// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/papertableorders.h"
#include "jobs/job.h"

#include <QDate>
#include <QList>

#include <algorithm>
#include <optional>

namespace Lectern {

class PaperStore;

/// Reads the papers of a range of days (all days by default) on a worker thread, through a store
/// connection of its own: many stored days must not freeze the window. The lean rows
/// (PaperStore::tableRowsForRange), with their orders for the table's text sorts, are the outcome's
/// result (PaperTableRows).
class RecordsLoadJob final : public Job
{
    Q_OBJECT
public:
    explicit RecordsLoadJob(QString databasePath, QDate from = {}, QDate to = {});
    /// Reads only @p changedDays' rows again (other clients fetched or scored them) and compares them with
    /// @p shown, the rows the table holds, as the constructor below does: at 100k papers the whole read is
    /// seconds of work for each burst of another client's changes, a day's few hundred rows are not. A
    /// shown row of a changed day that is not read again is gone.
    RecordsLoadJob(QString databasePath, QList<PaperRecord> shown, QList<QDate> changedDays);
    /// Reads every row again, comparing each with @p shown, the rows the table holds: the outcome's result
    /// is only the rows changed, added and gone (PaperRowChanges), with the sorts' orders of the rows after
    /// them when places or sorted text changed, so a second set of 100k rows is never held beside the shown
    /// one. When more rows changed than changesInPlaceAtMost() allows it is a whole read (PaperTableRows).
    RecordsLoadJob(QString databasePath, QList<PaperRecord> shown);

    /// Below this many shown rows any number of changes goes in place.
    static constexpr qsizetype kMinInPlaceRows = 1000;
    /// How many rows a re-read beside @p shown rows hands over as changes at most: half of them (at least
    /// kMinInPlaceRows). Beyond that the changes weigh about as much as a second set, and the table's one
    /// reset costs the window less than putting that many rows in place.
    [[nodiscard]] static qsizetype changesInPlaceAtMost(qsizetype shown)
    {
        return std::max(kMinInPlaceRows, shown / 2);
    }

protected:
    Result<QString> run() override;

private:
    /// The rows that differ from m_shown, read one at a time (all days, or m_changedDays); nullopt when
    /// they are too many to put in place.
    [[nodiscard]] Result<std::optional<PaperRowChanges>> changesFrom(PaperStore &store);

    QString m_databasePath;
    QDate m_from;
    QDate m_to;
    bool m_update = false;
    bool m_compare = false; ///< every row read, compared with m_shown
    QList<PaperRecord> m_shown;
    QList<QDate> m_changedDays;
};

} // namespace Lectern
