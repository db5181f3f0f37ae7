// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/papertableorders.h"
#include "jobs/job.h"

#include <QDate>
#include <QList>

#include <optional>

namespace Lectern {

class PaperStore;

/// The rows of "All days" that changed since they were shown, each to replace the shown row of its arXiv
/// id; the shown rows' places, orders and categories still hold.
struct PaperRowChanges
{
    QList<PaperRecord> records;
    qsizetype read = 0; ///< rows read from the store to find them
};

/// Reads the papers of a range of days (all days by default) on a worker thread, through a store
/// connection of its own: many stored days must not freeze the window. The lean rows
/// (PaperStore::tableRowsForRange), with their orders for the table's text sorts, are the outcome's
/// result (PaperTableRows).
class RecordsLoadJob final : public Job
{
    Q_OBJECT
public:
    explicit RecordsLoadJob(QString databasePath, QDate from = {}, QDate to = {});
    /// Reads only @p changedDays' rows again (other clients fetched or scored them) and merges them into
    /// @p shown, the rows the table holds: at 100k papers the whole read is seconds of work for each burst
    /// of another client's changes, a day's few hundred rows are not.
    RecordsLoadJob(QString databasePath, QList<PaperRecord> shown, QList<QDate> changedDays);
    /// Reads every row again, comparing each with @p shown, the rows the table holds: when the same rows
    /// come in the same places (only states, notes or marks changed), the outcome's result is only the
    /// changed rows (PaperRowChanges), so a second set of 100k rows is never held beside the shown one.
    /// Otherwise (rows added, gone, moved, or text that the sorts order changed) it is a whole read.
    RecordsLoadJob(QString databasePath, QList<PaperRecord> shown);

    /// Above this many changed rows a re-read hands over every row: each changed row costs the GUI
    /// thread a row update in the views, a whole set one reset.
    static constexpr qsizetype kMaxInPlaceRows = 1000;

protected:
    Result<QString> run() override;

private:
    /// @p fresh (the changed days' rows) over m_shown, in the table's order.
    [[nodiscard]] QList<PaperRecord> merged(QList<PaperRecord> fresh) const;
    /// The rows that differ from m_shown, read one at a time; nullopt when they cannot replace their shown
    /// rows in place.
    [[nodiscard]] Result<std::optional<QList<PaperRecord>>> changedInPlace(PaperStore &store);

    QString m_databasePath;
    QDate m_from;
    QDate m_to;
    bool m_update = false;
    bool m_compare = false; ///< every row read, compared with m_shown
    QList<PaperRecord> m_shown;
    QList<QDate> m_changedDays;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::PaperRowChanges)
