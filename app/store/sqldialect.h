// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "store/rowcursor.h"
#include "store/storelocation.h"
#include "util/result.h"

#include <QHash>
#include <QSqlDriver>
#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlError;

namespace Lectern {

/// Everything the store does differently on SQLite and on PostgreSQL, in one place: opening and
/// preparing a connection, where the migrations are and how the schema version is kept, how a writing
/// transaction starts, full-text search (FTS5 there, tsvector here), a few SQL functions, and what an
/// error code means for the user. Queries that both understand alike (ON CONFLICT … DO UPDATE, standard
/// joins and subqueries) are written once in the store and do not come here. Dialects are stateless:
/// one instance each, for the whole process.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    [[nodiscard]] static const SqlDialect &forBackend(StoreLocation::Backend backend);
    [[nodiscard]] static const SqlDialect &forDriver(const QSqlDriver *driver);

    [[nodiscard]] virtual QString driverName() const = 0;
    /// Host, database, user and options of a new (not yet open) connection.
    virtual void configure(QSqlDatabase &db, const StoreLocation &location) const = 0;
    /// Right after open(): functions, pragmas or session settings, and what the migrations need.
    [[nodiscard]] virtual Result<void> prepareConnection(
        QSqlDatabase &db, const StoreLocation &location) const = 0;
    /// Why opening failed, in words a user can act on.
    [[nodiscard]] virtual Error openError(const StoreLocation &location, const QSqlError &error) const = 0;

    /// The resource folder of this dialect's NNNN_*.sql migrations.
    [[nodiscard]] virtual QString migrationFolder() const = 0;
    [[nodiscard]] virtual Result<int> schemaVersion(QSqlDatabase &db) const = 0;
    /// Inside the migration's transaction.
    [[nodiscard]] virtual Result<void> setSchemaVersion(QSqlDatabase &db, int version) const = 0;
    /// First statement of each migration step's transaction: makes concurrent migrators queue (empty
    /// where the transaction's own lock does).
    [[nodiscard]] virtual QString migrationLock() const = 0;
    /// A copy of the data before a schema upgrade, where the store can make one.
    [[nodiscard]] virtual Result<void> backUp(
        QSqlDatabase &db, const StoreLocation &location, int currentVersion) const = 0;
    [[nodiscard]] virtual QString beginWrite() const = 0;
    /// A statement that tries to take a lock between the store's clients, held by this connection until
    /// unlockStatement() or its end, keyed by its two integer placeholders; one row, true when taken.
    /// Empty where the store needs none (an SQLite file belongs to one profile: one client).
    [[nodiscard]] virtual QString tryLockStatement() const = 0;
    [[nodiscard]] virtual QString unlockStatement() const = 0;
    /// What leads the key of a member's private rows (paper_state, paper_tags) in ON CONFLICT targets:
    /// nothing on SQLite (one implicit user), "member, " on PostgreSQL, where each database role has its
    /// own rows (schema 12: filled with current_user, kept apart by row-level security).
    [[nodiscard]] virtual QString memberKey() const = 0;
    /// An SQL expression naming the signed-in member as the store records authors (shared_notes.author):
    /// current_user on PostgreSQL, '' on SQLite (one implicit member).
    [[nodiscard]] virtual QString currentMember() const = 0;
    /// Bytes the store takes on disk.
    [[nodiscard]] virtual qint64 sizeInBytes(QSqlDatabase &db, const StoreLocation &location) const = 0;

    /// A subquery giving the text values of a JSON array bound at its one placeholder (a list of ids of
    /// any length in one parameter).
    [[nodiscard]] virtual QString jsonTextArray() const = 0;
    /// A scalar subquery: the values of @p column of the rows FROM @p fromWhere, sorted, one per line.
    [[nodiscard]] virtual QString sortedLines(const QString &column, const QString &fromWhere) const = 0;
    /// The papers table, aliased p, as the "All days" query reads it (SQLite: through the covering index of
    /// the table's columns, schema 13).
    [[nodiscard]] virtual QString tableRowsPapers() const = 0;
    /// The "All days" query's join of each paper p to its latest visible score s (visibleScoreId()), or to
    /// none. SQLite looks each paper's up in the index; PostgreSQL planned that look-up twice a row and
    /// sorted the rows on disk, so there the latest scores are picked from one ordered pass.
    [[nodiscard]] virtual QString latestScoreJoin() const;
    /// A scalar subquery: the id of the latest score (the highest scored_at, then id) of the paper whose
    /// arXiv id is @p paperColumn that the signed-in member sees (schema 20): of her own prompts when there
    /// is one, else of the lab's, never of another member's; NULL when none.
    [[nodiscard]] QString visibleScoreId(const QString &paperColumn) const;
    /// A condition: the prompt hash @p hashColumn is one whose scores the signed-in member sees (her own
    /// prompts and the lab's, schema 20). On SQLite every prompt that scored is the one member's.
    [[nodiscard]] QString visiblePrompt(const QString &hashColumn) const;
    /// @p sql run with @p binds, its rows to be read without QVariant where the driver allows it (SQLite);
    /// the default is a cursor over QSqlQuery. The walk must end before another query uses @p db.
    [[nodiscard]] virtual std::unique_ptr<RowCursor> rowCursor(
        QSqlDatabase &db, const QString &sql, const QVariantList &binds) const;

    /// Adds these papers (row id -> paper as stored) to the search index, notes included.
    [[nodiscard]] virtual Result<void> indexForSearch(
        QSqlDatabase &db, const QHash<qint64, Paper> &papers) const = 0;
    /// Before a paper's indexed text changes: removes what the index holds for it, where the index
    /// cannot replace an entry by itself.
    [[nodiscard]] virtual Result<void> forgetIndexed(QSqlDatabase &db, qint64 paperRow) const = 0;
    /// Full-text search of @p words (the user's words, any characters), every word matching (as a prefix)
    /// title, authors, abstract or note; arXiv ids, best first.
    [[nodiscard]] Result<QStringList> search(QSqlDatabase &db, const QStringList &words, int limit) const;
    /// Every paper matching @p words as search() does, as row ids of papers, in no order.
    [[nodiscard]] virtual Result<QList<qint64>> matchingRows(
        QSqlDatabase &db, const QStringList &words) const;
    /// The search statement: its placeholders are the query text of searchText() and the limit.
    [[nodiscard]] virtual QString searchStatement() const = 0;
    /// matchingRows()' statement: its one placeholder is the query text of searchText().
    [[nodiscard]] virtual QString matchStatement() const = 0;
    /// @p words as this index's query language, each quoted so that user input is never query syntax.
    [[nodiscard]] virtual QString searchText(const QStringList &words) const = 0;
    /// After a large back-fill: merges or re-analyses what the search index holds.
    [[nodiscard]] virtual Result<void> optimizeSearchIndex(QSqlDatabase &db) const = 0;
    /// As a connection closes: refreshes the planner's statistics where the backend expects the client to.
    virtual void optimizeOnClose(QSqlDatabase &db) const = 0;

    /// A hint for the user when @p error says something they can act on (full disk, lost server…), or
    /// an empty string.
    [[nodiscard]] virtual QString errorHint(const QSqlError &error) const = 0;
};

} // namespace Lectern
