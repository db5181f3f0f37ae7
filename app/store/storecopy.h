// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <functional>

namespace Lectern {

class PaperStore;

/// What one copy between two stores did, kind by kind: rows written, and rows the target already had.
struct StoreCopySummary
{
    enum Kind {
        Papers,
        EarlierVersions,
        Listings,
        DayRuns,
        Scores,
        GateReports,
        GateMembers,
        ProviderBatches,
        LibraryItems,
        Stars,
        ReadMarks,
        Dismissals,
        Tags,
        Notes,
        SharedNotes, ///< the member's own notes shared with the group (schema 15)
        KindCount
    };
    struct Tally
    {
        qint64 copied = 0;
        qint64 alreadyThere = 0;
    };

    QString from;
    QString to;
    std::array<Tally, KindCount> tally {};
    /// Papers the target held at an older version, now at the source's newer one (its old one in the
    /// history).
    qint64 papersUpdated = 0;
    /// Papers whose notes differed on both sides and were joined, newer first.
    QStringList joinedNotes;
    /// Provider batches still waiting at the provider: not copied (the other store's clients could not
    /// collect them with this key).
    int openBatchesLeft = 0;
    bool complete = false;

    [[nodiscard]] static QString kindName(Kind kind);
    /// One line per kind ("papers: 12 copied, 3 already there"), then the joined notes and what was left.
    [[nodiscard]] QString report() const;
};

/// Copies one store's content into another (a personal SQLite library into a lab's PostgreSQL database, or
/// back), as the member the target connection signs in as: papers with their earlier versions and
/// listings, day runs, scores (keyed by paper version, model and prompt hash), the hybrid gate's records,
/// finished provider batches, the imported library's items, and the source member's own stars, read
/// marks, dismissals, tags and notes.
///
/// Re-runnable: every row goes in by its natural key and a row the target has is left as it is (the
/// target's shared rows win; a paper is replaced only by a newer arXiv version, its old one going to the
/// history). Private state merges: a star, read mark or dismissal set on either side stays set, tags are
/// the union, a note the target lacks is copied, one that contains the other is kept, and two different
/// notes are joined, the newer first (reported). Papers go in chunks, each chunk with its versions,
/// listings, scores and state in one transaction of the target: a copy killed or cancelled half-way
/// leaves whole chunks, and running it again goes on where it stopped.
class StoreCopy final
{
public:
    static constexpr int DefaultChunkSize = 500;
    /// The line that separates two joined notes.
    static const QString NoteSeparator;

    StoreCopy(PaperStore &source, PaperStore &target);

    void setChunkSize(int papers) { m_chunkSize = qMax(1, papers); }
    /// Checked between chunks; when set, run() stops with the summary so far (complete = false).
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    /// Called after each step with the work done and the work there is.
    void setProgress(std::function<void(int done, int total, const QString &message)> progress)
    {
        m_progress = std::move(progress);
    }

    [[nodiscard]] Result<StoreCopySummary> run();

private:
    [[nodiscard]] bool cancelled() const { return m_cancel && m_cancel->load(); }
    Result<void> copyDayRuns();
    Result<void> copyPaperChunk(const QStringList &ids);
    Result<void> copyState(const QStringList &ids);
    /// The signed-in member's own shared notes of @p ids, merged like the private notes.
    Result<void> copySharedNotes(const QStringList &ids);
    Result<void> copyLibraryItems();
    Result<void> copyGateReports();
    Result<void> copyProviderBatches();
    void step(const QString &message);

    PaperStore &m_source;
    PaperStore &m_target;
    int m_chunkSize = DefaultChunkSize;
    const std::atomic_bool *m_cancel = nullptr;
    std::function<void(int, int, const QString &)> m_progress;
    StoreCopySummary m_summary;
    int m_done = 0;
    int m_total = 0;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::StoreCopySummary)
