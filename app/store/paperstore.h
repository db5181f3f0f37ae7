// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/dayrun.h"
#include "domain/daysummary.h"
#include "domain/feedstate.h"
#include "domain/paper.h"
#include "domain/paperrecord.h"
#include "domain/paperstate.h"
#include "domain/score.h"
#include "domain/sharednote.h"
#include "domain/storestats.h"
#include "store/database.h"
#include "util/clock.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace Lectern {

/// Lectern's papers, scores, user state and day runs in one SQLite file or PostgreSQL database. Each thread
/// opens its own PaperStore (one connection per thread); all of them may share a store.
class PaperStore final
{
public:
    enum class Upsert { Inserted, Updated, Unchanged };

    [[nodiscard]] static Result<std::unique_ptr<PaperStore>> open(const QString &path);
    explicit PaperStore(std::unique_ptr<Database> db);
    Q_DISABLE_COPY_MOVE(PaperStore)

    /// The clock that stamps rows (scores without a time of their own, fetches, triage, day records).
    void setClock(const Clock &clock) { m_clock = &clock; }
    [[nodiscard]] Database &database() { return *m_db; }

    /// Stores a paper and, when p.announced is valid, its listing on that day. Storing the same paper twice
    /// changes nothing; a newer version updates the metadata (the old title and abstract go to the version
    /// history) and keeps the user's state; an older version only adds the listing.
    Result<Upsert> upsertPaper(const Paper &paper);
    /// The same for many papers in one transaction: all or nothing. @p alsoInTransaction runs inside the
    /// same transaction after the papers (e.g. to record the feed's state), and its failure rolls all back.
    Result<QList<Upsert>> upsertPapers(
        const QList<Paper> &papers, const std::function<Result<void>()> &alsoInTransaction = {});
    [[nodiscard]] Result<bool> contains(const QString &arxivId);

    [[nodiscard]] Result<std::optional<Paper>> paper(const QString &arxivId);
    /// Versions that a newer one replaced, oldest first (only version number and title are filled).
    [[nodiscard]] Result<QList<Paper>> previousVersions(const QString &arxivId);

    /// Papers listed on @p day with their latest score and state.
    [[nodiscard]] Result<QList<PaperRecord>> recordsForDay(const QDate &day);
    /// Papers listed between @p from and @p to (inclusive; an invalid date leaves that end open), each
    /// once, as of its latest listing in the range; newest listing first.
    [[nodiscard]] Result<QList<PaperRecord>> recordsForRange(const QDate &from = {}, const QDate &to = {});
    /// recordsForRange() as lean rows (PaperRecord::lean): only what the paper table shows, so that a
    /// library of 100k papers fits the window's memory; repeated strings (categories, announce types,
    /// models) share one copy.
    [[nodiscard]] Result<QList<PaperRecord>> tableRowsForRange(const QDate &from = {}, const QDate &to = {});
    [[nodiscard]] Result<std::optional<PaperRecord>> record(const QString &arxivId);
    /// Announcement days that have papers or a run, newest first.
    [[nodiscard]] Result<QList<QDate>> days();
    [[nodiscard]] Result<std::optional<QDate>> latestDay();
    /// Every day with its counts, newest first.
    [[nodiscard]] Result<QList<DaySummary>> daySummaries();
    /// Every day, newest first, without the counts (DaySummary::counted is false): quick at any size,
    /// where the counts read every listing (a tenth of a second at 100k papers).
    [[nodiscard]] Result<QList<DaySummary>> dayList();

    [[nodiscard]] Result<PaperState> state(const QString &arxivId);
    /// Saves the user's state of a paper; stamps updatedAt. Private state never conflicts: the last save of
    /// one's own state wins. A shared note (state.noteShared) is published beside it, but only over the
    /// version the state was read at (state.noteVersion): when its text was changed meanwhile (another
    /// window of the same member), nothing at all is written and the result holds the conflict, with
    /// both texts. Unsharing (or emptying the note) withdraws the shared copy.
    Result<StateSaved> saveState(const PaperState &state);
    /// Saves @p edit.text as the new text of @p edit.author's shared note on @p edit.arxivId, over the
    /// version the edit started from (@p edit.version): any member of the author's group may (on PostgreSQL
    /// the database decides who; SQLite has one member); the note keeps its author and records this member as
    /// its last editor. When another member (or window) saved it meanwhile, nothing is written and the result
    /// holds the conflict with both texts, as saveState() does; a note withdrawn meanwhile or one this member
    /// may not change is an error, and nothing is written.
    Result<StateSaved> saveSharedNoteOf(const SharedNote &edit);
    /// The notes shared on @p arxivId by every member (the signed-in member's too, marked mine), oldest
    /// change first.
    [[nodiscard]] Result<QList<SharedNote>> sharedNotes(const QString &arxivId);
    /// The shared notes of the papers listed on @p day, by arXiv id.
    [[nodiscard]] Result<QHash<QString, QList<SharedNote>>> sharedNotesForDay(const QDate &day);
    /// Every tag in use, sorted (for completion).
    [[nodiscard]] Result<QStringList> allTags();

    /// Adds a score to the history; the same (paper version, model, prompt hash) replaces its earlier row.
    Result<void> addScore(const Score &score);
    /// addScore() for each of @p scores, in one transaction: all of them or none.
    Result<void> addScores(const QList<Score> &scores);
    [[nodiscard]] Result<QList<Score>> scoreHistory(const QString &arxivId);
    /// Records @p promptHash as a prompt of the signed-in member (schema 20), and with @p lab as one of the
    /// lab's: the views (recordsForDay(), the "All days" rows, daySummaries()…) show each paper's latest
    /// score of the member's own prompts, else of the lab's, never of another member's. Storing a score
    /// records its prompt as the writer's already; a scoring run calls this too, for a day whose scores it
    /// all found in the cache.
    /// Only the lab's account (the role owning the lab database's tables, or one in it; schema 22) makes a
    /// prompt the lab's: for another role @p lab is ignored. Returns whether the prompt is now the lab's.
    Result<bool> usePrompt(const QString &promptHash, bool lab);
    /// Whether the signed-in role is the lab's account (always, on SQLite: its one member).
    [[nodiscard]] Result<bool> isLabAccount();
    /// The prompts whose scores the signed-in member sees: her own and the lab's (every prompt that scored,
    /// on SQLite). Comparisons of runs and the built-in's training read no other member's.
    [[nodiscard]] Result<QSet<QString>> visiblePromptHashes();

    [[nodiscard]] Result<std::optional<FeedState>> feedState(const QString &url);
    /// Single statement; call inside upsertPapers' transaction to commit it with the feed's papers.
    Result<void> saveFeedState(const FeedState &state);

    Result<void> saveDayRun(const DayRun &run);
    [[nodiscard]] Result<std::optional<DayRun>> dayRun(const QDate &day);

    /// Full-text search over title, authors, abstract and note. @p text is the user's words, not FTS
    /// syntax: every word must match (prefix match on each). Returns arXiv ids, best first (bm25); a
    /// negative @p limit returns every match.
    [[nodiscard]] Result<QStringList> search(const QString &text, int limit = 1000);
    /// The same match as search(), every match, unordered, as papers' row ids (PaperRecord::rowId): what
    /// the window's search box needs to filter the table, without ranking or reading the papers' rows.
    [[nodiscard]] Result<QList<qint64>> matchingRows(const QString &text);

    [[nodiscard]] Result<StoreStats> stats();

    /// The statements the window runs most, exactly as the methods above run them, for a test of their
    /// query plans (EXPLAIN QUERY PLAN): a day's records, the lean "All days" rows (of every day, and of
    /// one day read again after another client's work), one record by id, a paper's scores, its state and
    /// tags, a full-text search.
    enum class HotQuery {
        DayList,
        DayRecords,
        AllDaysRows,
        DayRows,
        RecordById,
        ScoreHistory,
        State,
        Tags,
        Search,
        Match
    };
    [[nodiscard]] QString sqlOf(HotQuery query) const;

    /// Database::reopen(), dropping the statements prepared on the old connection.
    [[nodiscard]] Result<void> reopen();

    /// Merges the search index's segments into one (FTS5 'optimize'): after a large back-fill or
    /// generated library, queries read one b-tree per term instead of hundreds of small ones.
    Result<void> optimizeSearchIndex();

private:
    /// The user's words of a search box text (letters, digits, '-' and '\'').
    [[nodiscard]] static QStringList searchWords(const QString &text);
    [[nodiscard]] QString nowText() const;
    /// What the store already holds for the papers of one upsert batch, read in two queries instead of
    /// two per paper; kept current as the batch writes.
    struct BatchLookup
    {
        QHash<QString, std::pair<Paper, qint64>> papers; ///< arXiv id -> stored paper and row id
        QHash<QString, QString> listings; ///< "day id" -> announce type
    };
    Result<BatchLookup> lookUpBatch(const QList<Paper> &papers);
    /// @p unindexed collects the rows (and their text) whose search index entry is missing until the batch
    /// ends.
    Result<Upsert> upsertOne(const Paper &paper, BatchLookup &known, QHash<qint64, Paper> &unindexed);
    /// A prepared statement for @p sql, prepared once per store (the fetch path runs them thousands of
    /// times).
    QSqlQuery &statement(const QString &sql);
    /// The shared-note half of saveState(), inside its transaction.
    Result<StateSaved> saveSharedNote(const PaperState &state);
    [[nodiscard]] QList<SharedNote> sharedNotesFrom(QSqlQuery &q);
    /// The shared note on @p arxivId by the author @p authorSql names: an SQL expression (the signed-in
    /// member), or "?" for @p author.
    Result<std::optional<SharedNote>> storedSharedNote(
        const QString &authorSql, const QString &author, const QString &arxivId);

    std::unique_ptr<Database> m_db;
    const Clock *m_clock = &Clock::system();
    std::map<QString, QSqlQuery> m_statements;
    QString m_batchTime; ///< one timestamp for a whole batch of upserts ///< declared after m_db: destroyed
                         ///< before the connection
};

} // namespace Lectern
