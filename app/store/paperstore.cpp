// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperstore.h"

#include "domain/arxivid.h"
#include "store/sqldialect.h"
#include "store/tablerowvisit.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>

namespace Lectern {

namespace {

QDateTime timeFrom(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QString dayText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// When feeds disagree on a paper's listing type, the strongest wins (as arXiv's own merge does).
int announceRank(const QString &type)
{
    if (type == u"new")
        return 4;
    if (type == u"cross")
        return 3;
    if (type == u"replace")
        return 2;
    if (type == u"replace-cross")
        return 1;
    return 0;
}

const QString kPaperColumns = QStringLiteral(
    "p.arxiv_id, p.version, p.title, p.authors, p.abstract, p.categories, p.primary_category, p.comments, "
    "p.journal_ref, p.doi");

Paper paperFrom(const QSqlQuery &q, int base = 0)
{
    Paper p;
    p.arxivId = q.value(base + 0).toString();
    p.version = q.value(base + 1).toInt();
    p.title = q.value(base + 2).toString();
    p.authors = q.value(base + 3).toString().split(u'\n', Qt::SkipEmptyParts);
    p.abstract = q.value(base + 4).toString();
    p.categories = q.value(base + 5).toString().split(u' ', Qt::SkipEmptyParts);
    p.primaryCategory = q.value(base + 6).toString();
    p.comments = q.value(base + 7).toString();
    p.journalRef = q.value(base + 8).toString();
    p.doi = q.value(base + 9).toString();
    return p;
}

const QString kScoreColumns = QStringLiteral(
    "s.arxiv_id, s.version, s.relevance, s.novelty, s.comment, s.model, s.prompt_hash, s.prompt_tokens, "
    "s.completion_tokens, s.cost, s.scored_at");

Score scoreFrom(const QSqlQuery &q, int base = 0)
{
    Score s;
    s.arxivId = q.value(base + 0).toString();
    s.version = q.value(base + 1).toInt();
    if (!q.isNull(base + 2))
        s.relevance = q.value(base + 2).toInt();
    if (!q.isNull(base + 3))
        s.novelty = q.value(base + 3).toInt();
    s.comment = q.value(base + 4).toString();
    s.model = q.value(base + 5).toString();
    s.promptHash = q.value(base + 6).toString();
    s.promptTokens = q.value(base + 7).toLongLong();
    s.completionTokens = q.value(base + 8).toLongLong();
    s.cost = q.value(base + 9).toDouble();
    s.scoredAt = timeFrom(q.value(base + 10));
    return s;
}

// Empty text is stored as '' (the columns are NOT NULL), never as NULL.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

// Binds by position (a cached statement keeps its earlier values; addBindValue would append) and runs.
bool run(QSqlQuery &q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    return q.exec();
}

QVariant optionalInt(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

} // namespace

Result<std::unique_ptr<PaperStore>> PaperStore::open(const QString &path)
{
    auto db = Database::open(path);
    if (!db)
        return Error {db.error()};
    return std::make_unique<PaperStore>(std::move(db).value());
}

PaperStore::PaperStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{ }

Result<PaperStore::Upsert> PaperStore::upsertPaper(const Paper &paper)
{
    auto r = upsertPapers({paper});
    if (!r)
        return Error {r.error()};
    return r->first();
}

Result<QList<PaperStore::Upsert>> PaperStore::upsertPapers(
    const QList<Paper> &papers, const std::function<Result<void>()> &alsoInTransaction)
{
    // The last gate for every source (feeds, API, OAI-PMH, command line): an id reaches file names, link
    // targets, BibTeX keys and RIS lines, so only a well-formed arXiv id is stored.
    for (const Paper &p : papers) {
        if (!ArxivId::isCanonical(p.arxivId))
            return Error {QCoreApplication::translate(
                "Lectern::PaperStore", "Not storing a paper with an invalid arXiv id (%1 characters).")
                              .arg(p.arxivId.size())};
    }
    QList<Upsert> outcomes;
    outcomes.reserve(papers.size());
    m_batchTime = nowText();
    auto r = m_db->inTransaction([&]() -> Result<void> {
        auto known = lookUpBatch(papers);
        if (!known)
            return Error {known.error()};
        QHash<qint64, Paper> unindexed;
        for (const Paper &p : papers) {
            auto one = upsertOne(p, known.value(), unindexed);
            if (!one)
                return Error {one.error()};
            outcomes << *one;
        }
        if (auto fts = m_db->dialect().indexForSearch(m_db->sql(), unindexed); !fts)
            return fts;
        return alsoInTransaction ? alsoInTransaction() : Result<void>();
    });
    if (!r)
        return Error {r.error()};
    return outcomes;
}

Result<PaperStore::BatchLookup> PaperStore::lookUpBatch(const QList<Paper> &papers)
{
    BatchLookup known;
    if (papers.isEmpty())
        return known;
    // The ids go in as one JSON array: no limit on bound parameters, one statement whatever the size.
    QJsonArray ids;
    for (const Paper &p : papers)
        ids.append(p.arxivId);
    const QString idList = QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));

    QSqlQuery &q = statement(QStringLiteral("SELECT %1, p.id FROM papers p WHERE p.arxiv_id IN (%2)")
                                 .arg(kPaperColumns, m_db->dialect().jsonTextArray()));
    if (!run(q, {idList}))
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "look up %1 papers").arg(papers.size()), q);
    while (q.next()) {
        Paper stored = paperFrom(q);
        const QString id = stored.arxivId; // not the moved-from member: argument order is unspecified
        known.papers.insert(id, {std::move(stored), q.value(10).toLongLong()});
    }
    q.finish();

    QSqlQuery &l =
        statement(QStringLiteral("SELECT day, arxiv_id, announce_type FROM listings WHERE arxiv_id IN (%1)")
                      .arg(m_db->dialect().jsonTextArray()));
    if (!run(l, {idList}))
        return sqlError(QCoreApplication::translate("Lectern::Database", "look up the listings of %1 papers")
                            .arg(papers.size()),
            l);
    while (l.next())
        known.listings.insert(l.value(0).toString() + u' ' + l.value(1).toString(), l.value(2).toString());
    l.finish();
    return known;
}

QSqlQuery &PaperStore::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db->sql());
        q.prepare(sql);
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    return it->second;
}

Result<PaperStore::Upsert> PaperStore::upsertOne(
    const Paper &in, BatchLookup &known, QHash<qint64, Paper> &unindexed)
{
    if (in.arxivId.isEmpty() || in.version < 1)
        return Error {
            QStringLiteral("A paper without an arXiv id or version cannot be stored (title: \"%1\").")
                .arg(in.title.left(60))};
    Upsert outcome = Upsert::Unchanged;
    const QString &now = m_batchTime;
    const QString primary = in.primaryCategory.isEmpty() ? in.categories.value(0) : in.primaryCategory;

    auto found = known.papers.find(in.arxivId);
    if (found == known.papers.end()) {
        QSqlQuery &ins = statement(QStringLiteral(
            "INSERT INTO papers (arxiv_id, version, title, authors, abstract, categories, primary_category, "
            "comments, journal_ref, doi, first_seen, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
        if (!run(ins,
                {text(in.arxivId), in.version, text(in.title), text(in.authors.join(u'\n')),
                    text(in.abstract), text(in.categories.join(u' ')), text(primary), text(in.comments),
                    text(in.journalRef), text(in.doi), now, now}))
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "store paper %1").arg(in.arxivId), ins);
        const qint64 rowId = ins.lastInsertId().toLongLong();
        // As a later look-up would read it back: only the stored fields.
        Paper stored = in;
        stored.primaryCategory = primary;
        stored.announceType.clear();
        stored.announced = QDate();
        unindexed.insert(rowId, stored);
        known.papers.insert(in.arxivId, {std::move(stored), rowId}); // key from `in`, not the moved one
        outcome = Upsert::Inserted;
    } else {
        const Paper stored = found->first;
        const qint64 rowId = found->second;
        if (in.version > stored.version) {
            QSqlQuery &hist = statement(
                QStringLiteral("INSERT INTO paper_versions (arxiv_id, version, title, abstract, "
                               "replaced_at) VALUES (?,?,?,?,?) ON CONFLICT (arxiv_id, version) "
                               "DO UPDATE SET title = excluded.title, abstract = excluded.abstract, "
                               "replaced_at = excluded.replaced_at"));
            if (!run(hist, {stored.arxivId, stored.version, text(stored.title), text(stored.abstract), now}))
                return sqlError(QCoreApplication::translate("Lectern::Database", "keep version %1 of %2")
                                    .arg(stored.version)
                                    .arg(stored.arxivId),
                    hist);
        }
        if (in.version >= stored.version) {
            // Same version from another source (API, OAI) may add fields the feed lacked; never blank one.
            auto pick = [](const QString &incoming, const QString &old) {
                return incoming.isEmpty() ? old : incoming;
            };
            Paper merged = stored;
            merged.version = in.version;
            merged.title = pick(in.title, stored.title);
            merged.authors = in.authors.isEmpty() ? stored.authors : in.authors;
            merged.abstract = pick(in.abstract, stored.abstract);
            merged.categories = in.categories.isEmpty() ? stored.categories : in.categories;
            merged.primaryCategory = pick(primary, stored.primaryCategory);
            merged.comments = pick(in.comments, stored.comments);
            merged.journalRef = pick(in.journalRef, stored.journalRef);
            merged.doi = pick(in.doi, stored.doi);
            if (!(merged == stored)) {
                const bool textChanged = merged.title != stored.title || merged.authors != stored.authors ||
                    merged.abstract != stored.abstract;
                if (textChanged && !unindexed.contains(rowId)) {
                    if (auto forgot = m_db->dialect().forgetIndexed(m_db->sql(), rowId); !forgot)
                        return Error {forgot.error()};
                }
                if (textChanged)
                    unindexed.insert(rowId, merged);
                QSqlQuery &up = statement(
                    QStringLiteral("UPDATE papers SET version=?, title=?, authors=?, abstract=?, "
                                   "categories=?, primary_category=?, "
                                   "comments=?, journal_ref=?, doi=?, updated_at=? WHERE arxiv_id=?"));
                if (!run(up,
                        {merged.version, text(merged.title), text(merged.authors.join(u'\n')),
                            text(merged.abstract), text(merged.categories.join(u' ')),
                            text(merged.primaryCategory), text(merged.comments), text(merged.journalRef),
                            text(merged.doi), now, text(in.arxivId)}))
                    return sqlError(
                        QCoreApplication::translate("Lectern::Database", "update paper %1").arg(in.arxivId),
                        up);
                found->first = merged;
                outcome = Upsert::Updated;
            }
        }
    }

    if (in.announced.isValid()) {
        const QString listingKey = dayText(in.announced) + u' ' + in.arxivId;
        const auto listed = known.listings.constFind(listingKey);
        const bool exists = listed != known.listings.constEnd();
        if (!exists || announceRank(in.announceType) > announceRank(*listed)) {
            QSqlQuery &w = statement(QStringLiteral(
                "INSERT INTO listings (day, arxiv_id, announce_type) VALUES (?,?,?) "
                "ON CONFLICT (day, arxiv_id) DO UPDATE SET announce_type = excluded.announce_type"));
            if (!run(w, {dayText(in.announced), in.arxivId, text(in.announceType)}))
                return sqlError(QCoreApplication::translate("Lectern::Database", "record the listing of %1")
                                    .arg(in.arxivId),
                    w);
            known.listings.insert(listingKey, in.announceType);
            if (outcome == Upsert::Unchanged)
                outcome = Upsert::Updated;
        }
    }
    return outcome;
}

Result<bool> PaperStore::contains(const QString &arxivId)
{
    QSqlQuery &q = statement(QStringLiteral("SELECT 1 FROM papers WHERE arxiv_id = ?"));
    if (!run(q, {arxivId}))
        return sqlError(QCoreApplication::translate("Lectern::Database", "look up paper %1").arg(arxivId), q);
    const bool found = q.next();
    q.finish();
    return found;
}

Result<std::optional<FeedState>> PaperStore::feedState(const QString &url)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "SELECT etag, last_modified, day, items, kept, ids_hash FROM feed_state WHERE url = ?"));
    q.addBindValue(url);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the state of feed %1").arg(url), q);
    if (!q.next())
        return std::optional<FeedState>();
    FeedState f;
    f.url = url;
    f.etag = q.value(0).toString().toLatin1();
    f.lastModified = q.value(1).toString().toLatin1();
    f.day = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    f.items = q.value(3).toInt();
    f.kept = q.value(4).toInt();
    f.idsHash = q.value(5).toString();
    return std::optional<FeedState>(f);
}

Result<void> PaperStore::saveFeedState(const FeedState &f)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "INSERT INTO feed_state (url, etag, last_modified, day, items, kept, ids_hash, fetched_at) "
        "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
        "last_modified = excluded.last_modified, day = excluded.day, items = excluded.items, "
        "kept = excluded.kept, ids_hash = excluded.ids_hash, fetched_at = excluded.fetched_at"));
    q.addBindValue(f.url);
    q.addBindValue(text(QString::fromLatin1(f.etag)));
    q.addBindValue(text(QString::fromLatin1(f.lastModified)));
    q.addBindValue(text(dayText(f.day)));
    q.addBindValue(f.items);
    q.addBindValue(f.kept);
    q.addBindValue(text(f.idsHash));
    q.addBindValue(nowText());
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "save the state of feed %1").arg(f.url), q);
    return {};
}

Result<std::optional<Paper>> PaperStore::paper(const QString &arxivId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral("SELECT %1, l.day, l.announce_type FROM papers p "
                             "LEFT JOIN listings l ON l.arxiv_id = p.arxiv_id "
                             "WHERE p.arxiv_id = ? ORDER BY l.day DESC LIMIT 1")
                  .arg(kPaperColumns));
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "read paper %1").arg(arxivId), q);
    if (!q.next())
        return std::optional<Paper>();
    Paper p = paperFrom(q);
    p.announced = QDate::fromString(q.value(10).toString(), Qt::ISODate);
    p.announceType = q.value(11).toString();
    return std::optional<Paper>(p);
}

Result<QList<Paper>> PaperStore::previousVersions(const QString &arxivId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "SELECT version, title, abstract FROM paper_versions WHERE arxiv_id = ? ORDER BY version"));
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the versions of %1").arg(arxivId), q);
    QList<Paper> out;
    while (q.next()) {
        Paper p;
        p.arxivId = arxivId;
        p.version = q.value(0).toInt();
        p.title = q.value(1).toString();
        p.abstract = q.value(2).toString();
        out << p;
    }
    return out;
}

namespace {

// Latest score per paper that the member sees (SqlDialect::visibleScoreId()).
QString recordSelect(const SqlDialect &dialect)
{
    return QStringLiteral("SELECT %1, l.day, l.announce_type, "
                          "       st.starred, st.read, st.dismissed, st.note, st.updated_at, %3, "
                          "       %2, p.id "
                          "FROM papers p "
                          "JOIN listings l ON l.arxiv_id = p.arxiv_id "
                          "LEFT JOIN paper_state st ON st.arxiv_id = p.arxiv_id "
                          "LEFT JOIN scores s ON s.id = %4 ")
        .arg(kPaperColumns, kScoreColumns,
            dialect.sortedLines(
                QStringLiteral("tag"), QStringLiteral("paper_tags t WHERE t.arxiv_id = p.arxiv_id")),
            dialect.visibleScoreId(QStringLiteral("p.arxiv_id")));
}

// recordSelect(): 10 paper columns, day, type, 5 state columns, tags, 11 score columns, then p.id.
constexpr int kRecordRowIdColumn = 29;

PaperRecord recordFrom(const QSqlQuery &q)
{
    PaperRecord r;
    r.paper = paperFrom(q);
    r.paper.announced = QDate::fromString(q.value(10).toString(), Qt::ISODate);
    r.paper.announceType = q.value(11).toString();
    r.state.arxivId = r.paper.arxivId;
    r.state.starred = q.value(12).toBool();
    r.state.read = q.value(13).toBool();
    r.state.dismissed = q.value(14).toBool();
    r.state.note = q.value(15).toString();
    r.state.updatedAt = timeFrom(q.value(16));
    r.state.tags = q.value(17).toString().split(u'\n', Qt::SkipEmptyParts);
    if (!q.isNull(18))
        r.score = scoreFrom(q, 18);
    r.rowId = q.value(kRecordRowIdColumn).toLongLong();
    return r;
}

/// The texts of the signed-in member's shared notes by paper: the group's, which other members may have
/// edited since the member's own copy (paper_state) was saved. A member shares a few notes, not thousands.
Result<QHash<QString, QString>> ownSharedNoteTexts(QSqlDatabase &db, const SqlDialect &dialect)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT arxiv_id, note FROM shared_notes WHERE author = %1")
                    .arg(dialect.currentMember())))
        return sqlError(QCoreApplication::translate("Lectern::Database", "read the shared notes"), q);
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

/// Shows the group's text of the member's own shared notes in @p records (the Note column, the digest).
void applySharedNoteTexts(QList<PaperRecord> &records, const QHash<QString, QString> &texts)
{
    if (texts.isEmpty())
        return;
    for (PaperRecord &r : records) {
        if (auto text = texts.constFind(r.paper.arxivId); text != texts.constEnd())
            r.state.note = *text;
    }
}

} // namespace

QString PaperStore::sqlOf(HotQuery query) const
{
    const SqlDialect &dialect = m_db->dialect();
    switch (query) {
    case HotQuery::DayRecords:
        return recordSelect(dialect) + QStringLiteral("WHERE l.day = ? ORDER BY p.arxiv_id");
    case HotQuery::DayRows:
    case HotQuery::AllDaysRows:
        // As recordsForRange(), without the long texts; a comment only where it tells why there are no
        // marks. Walked from the listings' primary key backwards, so neither a sort nor a latest-listing
        // look-up per paper: the first row of a paper is its latest listing in the range, and the reader
        // skips the others. The tags come from a query of their own (a few thousand rows, not a look-up
        // for each of 100k papers).
        return QStringLiteral(
            "SELECT p.arxiv_id, p.version, p.title, p.authors, p.categories, p.primary_category, l.day, "
            "       l.announce_type, st.starred, st.read, st.dismissed, st.note, "
            "       s.id, s.relevance, s.novelty, "
            "       CASE WHEN s.relevance IS NULL OR s.novelty IS NULL THEN s.comment END, s.model, p.id "
            "FROM listings l "
            "JOIN %1 ON p.arxiv_id = l.arxiv_id "
            "LEFT JOIN paper_state st ON st.arxiv_id = p.arxiv_id "
            "%2"
            "WHERE l.day BETWEEN ? AND ? "
            "ORDER BY l.day DESC, l.arxiv_id DESC")
            .arg(dialect.tableRowsPapers(),
                // One day's few hundred papers look their scores up by the index; PostgreSQL's one ordered
                // pass over every score (latestScoreJoin()) pays off for all of them only.
                query == HotQuery::DayRows ? QStringLiteral("LEFT JOIN scores s ON s.id = %1 ")
                                                 .arg(dialect.visibleScoreId(QStringLiteral("p.arxiv_id")))
                                           : dialect.latestScoreJoin());
    case HotQuery::DayList:
        // The listed days come by one index seek per day down the listings' primary key (a loose index
        // scan): a DISTINCT or UNION over the listings read every one of them, 100k rows at 100k
        // papers, on the GUI thread at start.
        return QStringLiteral(
            "WITH RECURSIVE listed(day) AS ("
            "  SELECT max(day) FROM listings"
            "  UNION ALL SELECT (SELECT max(day) FROM listings WHERE day < listed.day) FROM listed"
            "  WHERE listed.day IS NOT NULL), "
            "d(day) AS (SELECT day FROM listed WHERE day IS NOT NULL UNION SELECT day FROM day_runs) "
            "SELECT d.day, r.day IS NOT NULL, COALESCE(r.complete, 1) "
            "FROM d LEFT JOIN day_runs r ON r.day = d.day ORDER BY d.day DESC");
    case HotQuery::RecordById:
        return recordSelect(dialect) + QStringLiteral("WHERE p.arxiv_id = ? ORDER BY l.day DESC LIMIT 1");
    case HotQuery::ScoreHistory:
        return QStringLiteral("SELECT %1 FROM scores s WHERE s.arxiv_id = ? ORDER BY s.scored_at, s.id")
            .arg(kScoreColumns);
    case HotQuery::State:
        return QStringLiteral(
            "SELECT starred, read, dismissed, note, updated_at FROM paper_state WHERE arxiv_id = ?");
    case HotQuery::Tags:
        return QStringLiteral("SELECT tag FROM paper_tags WHERE arxiv_id = ? ORDER BY tag");
    case HotQuery::Search:
        return dialect.searchStatement();
    case HotQuery::Match:
        return dialect.matchStatement();
    }
    return {};
}

Result<QList<PaperRecord>> PaperStore::recordsForDay(const QDate &day)
{
    QSqlQuery q(m_db->sql());
    q.setForwardOnly(true);
    q.prepare(sqlOf(HotQuery::DayRecords));
    q.addBindValue(dayText(day));
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the papers of %1").arg(dayText(day)), q);
    QList<PaperRecord> out;
    while (q.next())
        out << recordFrom(q);
    q.finish();
    auto shared = ownSharedNoteTexts(m_db->sql(), m_db->dialect());
    if (!shared)
        return Error {shared.error()};
    applySharedNoteTexts(out, *shared);
    return out;
}

Result<QList<PaperRecord>> PaperStore::recordsForRange(const QDate &from, const QDate &to)
{
    // A paper listed on several days (a replacement, a cross-list) is one row: its latest listing.
    const QString lo = from.isValid() ? dayText(from) : QStringLiteral("0000-00-00");
    const QString hi = to.isValid() ? dayText(to) : QStringLiteral("9999-99-99");
    QSqlQuery q(m_db->sql());
    q.setForwardOnly(true);
    q.prepare(recordSelect(m_db->dialect()) +
        QStringLiteral("WHERE l.day = (SELECT max(m.day) FROM listings m WHERE m.arxiv_id = p.arxiv_id "
                       "                AND m.day BETWEEN ? AND ?) "
                       "ORDER BY l.day DESC, p.arxiv_id"));
    q.addBindValue(lo);
    q.addBindValue(hi);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the papers from %1 to %2").arg(lo, hi), q);
    QList<PaperRecord> out;
    while (q.next())
        out << recordFrom(q);
    q.finish();
    auto shared = ownSharedNoteTexts(m_db->sql(), m_db->dialect());
    if (!shared)
        return Error {shared.error()};
    applySharedNoteTexts(out, *shared);
    return out;
}

Result<QList<PaperRecord>> PaperStore::tableRowsForRange(const QDate &from, const QDate &to)
{
    QList<PaperRecord> out;
    qsizetype dayStart = 0;
    // Each day's part is turned round when the next day begins, so the table's unsorted order is by day,
    // then by id.
    auto closeDay = [&out, &dayStart] {
        std::reverse(out.begin() + dayStart, out.end());
        dayStart = out.size();
    };
    auto read = visitTableRows(
        *this, from, to,
        [&](PaperRecord &&r) {
            if (dayStart < out.size() && out.at(dayStart).paper.announced != r.paper.announced)
                closeDay();
            out << std::move(r);
            return true;
        },
        [&out](qsizetype expected) { out.reserve(expected); });
    if (!read)
        return Error {read.error()};
    closeDay();
    return out;
}

Result<void> visitTableRows(PaperStore &store, const QDate &from, const QDate &to,
    const std::function<bool(PaperRecord &&)> &row, const std::function<void(qsizetype)> &expected)
{
    Database *const db = &store.database();
    const QString lo = from.isValid() ? dayText(from) : QStringLiteral("0000-00-00");
    const QString hi = to.isValid() ? dayText(to) : QStringLiteral("9999-99-99");
    // A handful of distinct values repeated 100k times: one shared copy each.
    QHash<QString, QString> shared;
    auto intern = [&shared](const QString &value) -> QString {
        auto it = shared.constFind(value);
        if (it == shared.constEnd())
            it = shared.insert(value, value);
        return *it;
    };
    // Both read before the rows: PostgreSQL's driver streams a forward-only query, and another query on
    // the connection meanwhile would end it.
    // Every day: about one row per stored paper, and the papers' row ids are dense, so the last id is
    // their number (a count read every row on PostgreSQL: 180 ms at 100k papers; the last id is one index
    // seek). Reserved, the list is not grown by doubling, which held the old and the new array at once
    // and left a third of the last one unused (tens of MB at 100k).
    qsizetype expectedRows = 0;
    qint64 lastRowId = 0;
    {
        QSqlQuery last(db->sql());
        if (!last.exec(QStringLiteral("SELECT max(id) FROM papers")) || !last.next())
            return sqlError(QCoreApplication::translate("Lectern::Database", "count the papers"), last);
        lastRowId = last.value(0).toLongLong();
        if (!from.isValid() && !to.isValid())
            expectedRows = qsizetype(lastRowId);
    }
    if (expected)
        expected(expectedRows);
    // By the papers' row ids: 100k look-ups of an integer, not of a string.
    QHash<qint64, QStringList> tagsOf;
    {
        QSqlQuery tags(db->sql());
        tags.setForwardOnly(true);
        if (!tags.exec(QStringLiteral(
                "SELECT p.id, t.tag FROM paper_tags t JOIN papers p ON p.arxiv_id = t.arxiv_id "
                "ORDER BY t.arxiv_id, t.tag")))
            return sqlError(QCoreApplication::translate("Lectern::Database", "read the tags"), tags);
        while (tags.next())
            tagsOf[tags.value(0).toLongLong()] << intern(tags.value(1).toString());
    }
    auto sharedTexts = ownSharedNoteTexts(db->sql(), db->dialect());
    if (!sharedTexts)
        return Error {sharedTexts.error()};
    // Most papers share one of a few category lists ("cs.LG cs.AI"): one split list for each.
    QHash<QString, QStringList> categoryLists;
    const std::unique_ptr<RowCursor> cursor = db->dialect().rowCursor(db->sql(),
        store.sqlOf(
            from.isValid() && from == to ? PaperStore::HotQuery::DayRows : PaperStore::HotQuery::AllDaysRows),
        {lo, hi});
    RowCursor &q = *cursor;
    // The papers' row ids are dense (an integer primary key), so whether one was met is a bit each.
    std::vector<bool> seen(size_t(std::max<qint64>(lastRowId, 0)) + 1, false);
    QHash<QString, QDate> dates;
    while (q.next()) {
        // A paper listed again later (a replacement, a cross-list) is one row: its latest listing.
        const qint64 rowId = q.integer(17);
        if (rowId < 0)
            continue;
        if (size_t(rowId) >= seen.size()) // stored since the count
            seen.resize(size_t(rowId) + 1, false);
        if (seen[size_t(rowId)])
            continue;
        seen[size_t(rowId)] = true;
        const QString day = q.text(6);
        auto date = dates.constFind(day);
        if (date == dates.constEnd())
            date = dates.insert(day, QDate::fromString(day, Qt::ISODate));
        PaperRecord r;
        r.lean = true;
        r.rowId = rowId;
        r.paper.arxivId = q.text(0);
        r.paper.version = int(q.integer(1));
        r.paper.title = q.text(2);
        r.authorLines = q.utf8(3);
        const QString categories = q.text(4);
        auto list = categoryLists.constFind(categories);
        if (list == categoryLists.constEnd()) {
            QStringList split;
            for (const QString &c : categories.split(u' ', Qt::SkipEmptyParts))
                split << intern(c);
            list = categoryLists.insert(categories, split);
        }
        r.paper.categories = *list;
        r.paper.primaryCategory = intern(q.text(5));
        r.paper.announced = *date;
        r.paper.announceType = intern(q.text(7));
        r.state.arxivId = r.paper.arxivId;
        r.state.starred = q.integer(8) != 0;
        r.state.read = q.integer(9) != 0;
        r.state.dismissed = q.integer(10) != 0;
        r.state.note = q.text(11);
        if (!tagsOf.isEmpty())
            r.state.tags = tagsOf.value(rowId);
        if (!q.isNull(12)) {
            Score s;
            s.arxivId = r.paper.arxivId;
            s.version = r.paper.version;
            if (!q.isNull(13))
                s.relevance = int(q.integer(13));
            if (!q.isNull(14))
                s.novelty = int(q.integer(14));
            if (!q.isNull(15))
                s.comment = intern(q.text(15));
            s.model = intern(q.text(16));
            r.score = std::move(s);
        }
        if (auto text = sharedTexts->constFind(r.paper.arxivId); text != sharedTexts->constEnd())
            r.state.note = *text;
        if (!row(std::move(r)))
            return {};
    }
    if (q.error().isValid())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the papers from %1 to %2").arg(lo, hi),
            q.error(), db->dialect());
    return {};
}

Result<std::optional<PaperRecord>> PaperStore::record(const QString &arxivId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(sqlOf(HotQuery::RecordById));
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "read paper %1").arg(arxivId), q);
    if (!q.next())
        return std::optional<PaperRecord>();
    QList<PaperRecord> found {recordFrom(q)};
    q.finish();
    auto shared = ownSharedNoteTexts(m_db->sql(), m_db->dialect());
    if (!shared)
        return Error {shared.error()};
    applySharedNoteTexts(found, *shared);
    return std::optional<PaperRecord>(found.first());
}

Result<QList<QDate>> PaperStore::days()
{
    QSqlQuery q(m_db->sql());
    if (!q.exec(sqlOf(HotQuery::DayList)))
        return sqlError(QCoreApplication::translate("Lectern::Database", "list the days"), q);
    QList<QDate> out;
    while (q.next())
        out << QDate::fromString(q.value(0).toString(), Qt::ISODate);
    return out;
}

Result<std::optional<QDate>> PaperStore::latestDay()
{
    auto all = days();
    if (!all)
        return Error {all.error()};
    if (all->isEmpty())
        return std::optional<QDate>();
    return std::optional<QDate>(all->first());
}

Result<QList<DaySummary>> PaperStore::dayList()
{
    QSqlQuery q(m_db->sql());
    if (!q.exec(sqlOf(HotQuery::DayList)))
        return sqlError(QCoreApplication::translate("Lectern::Database", "list the days"), q);
    QList<DaySummary> out;
    while (q.next()) {
        DaySummary d;
        d.date = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        d.hasRun = q.value(1).toBool();
        d.complete = q.value(2).toBool();
        d.counted = false;
        out << d;
    }
    return out;
}

Result<QList<DaySummary>> PaperStore::daySummaries()
{
    auto days = dayList();
    if (!days)
        return days;
    QList<DaySummary> out = std::move(days).value();
    QHash<QDate, qsizetype> rowOf;
    for (qsizetype i = 0; i < out.size(); ++i) {
        out[i].counted = true;
        rowOf.insert(out.at(i).date, i);
    }
    // Each listed paper counts by its latest score only, as the table shows it; the comment is told
    // apart here by Score::verdict(), so the day list and the table cannot disagree. Only an unscored
    // row's comment tells its verdict: grouped by every comment, 100k papers made 100k groups.
    QSqlQuery c(m_db->sql());
    if (!c.exec(QStringLiteral(
            "SELECT l.day, s.id IS NOT NULL, s.relevance IS NOT NULL AND s.novelty IS NOT NULL, "
            "       CASE WHEN s.relevance IS NULL OR s.novelty IS NULL THEN s.comment END, count(*) "
            "FROM listings l LEFT JOIN scores s ON s.id = %1 "
            "GROUP BY 1, 2, 3, 4")
                    .arg(m_db->dialect().visibleScoreId(QStringLiteral("l.arxiv_id")))))
        return sqlError(QCoreApplication::translate("Lectern::Database", "count the scores of each day"), c);
    while (c.next()) {
        const auto row = rowOf.constFind(QDate::fromString(c.value(0).toString(), Qt::ISODate));
        if (row == rowOf.constEnd())
            continue;
        DaySummary &d = out[*row];
        const int n = c.value(4).toInt();
        d.papers += n;
        if (!c.value(1).toBool())
            continue; // not scored yet
        Score s;
        if (c.value(2).toBool())
            s.relevance = s.novelty = 0;
        s.comment = c.value(3).toString();
        switch (s.verdict()) {
        case ScoreVerdict::Scored:
            d.scored += n;
            break;
        case ScoreVerdict::AuthorMatch:
            d.authorMatches += n;
            break;
        case ScoreVerdict::DroppedByTitle:
            d.titleDropped += n;
            break;
        case ScoreVerdict::BelowHIndex:
            d.belowHIndex += n;
            break;
        case ScoreVerdict::Failed:
            d.failed += n;
            break;
        }
    }
    return out;
}

Result<PaperState> PaperStore::state(const QString &arxivId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(sqlOf(HotQuery::State));
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the state of %1").arg(arxivId), q);
    PaperState s;
    s.arxivId = arxivId;
    if (q.next()) {
        s.starred = q.value(0).toBool();
        s.read = q.value(1).toBool();
        s.dismissed = q.value(2).toBool();
        s.note = q.value(3).toString();
        s.updatedAt = timeFrom(q.value(4));
    }
    QSqlQuery t(m_db->sql());
    t.prepare(sqlOf(HotQuery::Tags));
    t.addBindValue(arxivId);
    if (!t.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the tags of %1").arg(arxivId), t);
    while (t.next())
        s.tags << t.value(0).toString();
    QSqlQuery shared(m_db->sql());
    shared.prepare(QStringLiteral("SELECT version, note FROM shared_notes WHERE author = %1 AND arxiv_id = ?")
                       .arg(m_db->dialect().currentMember()));
    shared.addBindValue(arxivId);
    if (!shared.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the shared note of %1").arg(arxivId),
            shared);
    if (shared.next()) {
        s.noteShared = true;
        s.noteVersion = shared.value(0).toInt();
        // The group's text: another member may have changed it since the author's own copy was saved.
        s.note = shared.value(1).toString();
    }
    return s;
}

Result<StateSaved> PaperStore::saveState(const PaperState &s)
{
    StateSaved saved;
    auto written = m_db->inTransaction([&]() -> Result<void> {
        // The rows are the signed-in member's own where the store has members (SqlDialect::memberKey).
        const QString member = m_db->dialect().memberKey();
        QSqlQuery q(m_db->sql());
        q.prepare(QStringLiteral(
            "INSERT INTO paper_state (arxiv_id, starred, read, dismissed, note, updated_at) VALUES "
            "(?,?,?,?,?,?) "
            "ON CONFLICT(%1arxiv_id) DO UPDATE SET starred=excluded.starred, read=excluded.read, "
            "dismissed=excluded.dismissed, note=excluded.note, updated_at=excluded.updated_at")
                      .arg(member));
        q.addBindValue(s.arxivId);
        q.addBindValue(int(s.starred));
        q.addBindValue(int(s.read));
        q.addBindValue(int(s.dismissed));
        q.addBindValue(text(s.note));
        q.addBindValue(nowText());
        if (!q.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "save the state of %1").arg(s.arxivId), q);
        QSqlQuery del(m_db->sql());
        del.prepare(QStringLiteral("DELETE FROM paper_tags WHERE arxiv_id = ?"));
        del.addBindValue(s.arxivId);
        if (!del.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "save the tags of %1").arg(s.arxivId), del);
        QSqlQuery tag(m_db->sql());
        tag.prepare(QStringLiteral(
            "INSERT INTO paper_tags (arxiv_id, tag) VALUES (?, ?) ON CONFLICT (%1arxiv_id, tag) DO NOTHING")
                        .arg(member));
        for (const QString &t : s.tags) {
            const QString clean = t.trimmed();
            if (clean.isEmpty())
                continue;
            tag.addBindValue(s.arxivId);
            tag.addBindValue(clean);
            if (!tag.exec())
                return sqlError(QCoreApplication::translate("Lectern::Database", "save tag %1 of %2")
                                    .arg(clean, s.arxivId),
                    tag);
        }
        auto shared = saveSharedNote(s);
        if (!shared)
            return Error {shared.error()};
        saved = *shared;
        // A conflict writes nothing, the private state included: the caller still holds both texts.
        if (saved.conflict)
            return Error {
                QCoreApplication::translate("Lectern::PaperStore", "the shared note of %1 changed meanwhile")
                    .arg(s.arxivId)};
        return {};
    });
    if (saved.conflict)
        return saved;
    if (!written)
        return Error {written.error()};
    return saved;
}

Result<StateSaved> PaperStore::saveSharedNote(const PaperState &s)
{
    const QString me = m_db->dialect().currentMember();
    if (!s.noteShared || s.note.isEmpty()) {
        QSqlQuery del(m_db->sql());
        del.prepare(QStringLiteral("DELETE FROM shared_notes WHERE author = %1 AND arxiv_id = ?").arg(me));
        del.addBindValue(s.arxivId);
        if (!del.exec())
            return sqlError(QCoreApplication::translate("Lectern::Database", "withdraw the shared note of %1")
                                .arg(s.arxivId),
                del);
        return StateSaved {};
    }
    // Only over the version the edit started from; a text that is already stored changes nothing (a star
    // toggled in another window must not make this window's note stale).
    QSqlQuery update(m_db->sql());
    update.prepare(QStringLiteral("UPDATE shared_notes SET note = ?, version = version + 1, updated_at = ?, "
                                  "last_editor = %1 WHERE author = %1 AND arxiv_id = ? AND version = ? "
                                  "AND note <> ? RETURNING version")
                       .arg(me));
    update.addBindValue(s.note);
    update.addBindValue(nowText());
    update.addBindValue(s.arxivId);
    update.addBindValue(s.noteVersion);
    update.addBindValue(s.note);
    if (!update.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "save the shared note of %1").arg(s.arxivId),
            update);
    if (update.next())
        return StateSaved {std::nullopt, update.value(0).toInt()};
    QSqlQuery insert(m_db->sql());
    insert.prepare(QStringLiteral("INSERT INTO shared_notes (arxiv_id, note, version, updated_at) "
                                  "VALUES (?, ?, 1, ?) ON CONFLICT (author, arxiv_id) DO NOTHING "
                                  "RETURNING version"));
    insert.addBindValue(s.arxivId);
    insert.addBindValue(s.note);
    insert.addBindValue(nowText());
    if (!insert.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "share the note of %1").arg(s.arxivId), insert);
    if (insert.next())
        return StateSaved {std::nullopt, insert.value(0).toInt()};
    // Stored already: the same text is no change; another text at another version is a conflict.
    auto stored = storedSharedNote(QStringLiteral("%1").arg(me), QString(), s.arxivId);
    if (!stored)
        return Error {stored.error()};
    if (!*stored)
        return Error {
            QCoreApplication::translate("Lectern::PaperStore", "the shared note of %1 could not be read back")
                .arg(s.arxivId)};
    const SharedNote &theirs = **stored;
    if (theirs.text == s.note)
        return StateSaved {std::nullopt, theirs.version};
    return StateSaved {
        NoteConflict {s.arxivId, theirs.author, theirs.lastEditor, theirs.text, theirs.version, s.note},
        theirs.version};
}

Result<std::optional<SharedNote>> PaperStore::storedSharedNote(
    const QString &authorSql, const QString &author, const QString &arxivId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral("SELECT arxiv_id, author, note, version, updated_at, author = %1, last_editor "
                             "FROM shared_notes WHERE author = %2 AND arxiv_id = ?")
                  .arg(m_db->dialect().currentMember(), authorSql));
    if (authorSql == QLatin1String("?"))
        q.addBindValue(author);
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the shared note of %1").arg(arxivId), q);
    const QList<SharedNote> notes = sharedNotesFrom(q);
    if (notes.isEmpty())
        return std::optional<SharedNote> {};
    return std::optional<SharedNote> {notes.first()};
}

Result<StateSaved> PaperStore::saveSharedNoteOf(const SharedNote &edit)
{
    // Over the version the edit started from, as saveSharedNote(); the database names the editor (schema 16)
    // and, on PostgreSQL, lets only members of the author's group change it.
    QSqlQuery update(m_db->sql());
    update.prepare(QStringLiteral("UPDATE shared_notes SET note = ?, version = version + 1, updated_at = ?, "
                                  "last_editor = %1 WHERE author = ? AND arxiv_id = ? AND version = ? "
                                  "AND note <> ? RETURNING version")
                       .arg(m_db->dialect().currentMember()));
    update.addBindValue(edit.text);
    update.addBindValue(nowText());
    update.addBindValue(edit.author);
    update.addBindValue(edit.arxivId);
    update.addBindValue(edit.version);
    update.addBindValue(edit.text);
    if (!update.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "save %1's shared note on %2")
                            .arg(edit.author, edit.arxivId),
            update);
    if (update.next())
        return StateSaved {std::nullopt, update.value(0).toInt()};
    auto stored = storedSharedNote(QStringLiteral("?"), edit.author, edit.arxivId);
    if (!stored)
        return Error {stored.error()};
    if (!*stored)
        return Error {QCoreApplication::translate("Lectern::PaperStore",
            "%1 no longer shares a note on %2 (withdrawn meanwhile); your text was "
            "not saved")
                          .arg(edit.author, edit.arxivId)};
    const SharedNote &theirs = **stored;
    if (theirs.text == edit.text)
        return StateSaved {std::nullopt, theirs.version};
    // The version the edit started from is still the stored one, yet nothing changed: the database's
    // policy kept this member out (not in the author's group).
    if (theirs.version == edit.version)
        return Error {QCoreApplication::translate("Lectern::PaperStore",
            "you may not change %1's shared note on %2: only the members of their "
            "group may (no privilege)")
                          .arg(edit.author, edit.arxivId)};
    return StateSaved {
        NoteConflict {edit.arxivId, theirs.author, theirs.lastEditor, theirs.text, theirs.version, edit.text},
        theirs.version};
}

QList<SharedNote> PaperStore::sharedNotesFrom(QSqlQuery &q)
{
    QList<SharedNote> notes;
    while (q.next()) {
        SharedNote n;
        n.arxivId = q.value(0).toString();
        n.author = q.value(1).toString();
        n.text = q.value(2).toString();
        n.version = q.value(3).toInt();
        n.updatedAt = timeFrom(q.value(4));
        n.mine = q.value(5).toBool();
        n.lastEditor = q.value(6).toString();
        if (n.lastEditor.isEmpty()) // saved before schema 16, or on SQLite: its author's
            n.lastEditor = n.author;
        notes << n;
    }
    return notes;
}

Result<QList<SharedNote>> PaperStore::sharedNotes(const QString &arxivId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral("SELECT arxiv_id, author, note, version, updated_at, author = %1, last_editor "
                             "FROM shared_notes WHERE arxiv_id = ? ORDER BY updated_at, author")
                  .arg(m_db->dialect().currentMember()));
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the shared notes of %1").arg(arxivId), q);
    return sharedNotesFrom(q);
}

Result<QHash<QString, QList<SharedNote>>> PaperStore::sharedNotesForDay(const QDate &day)
{
    QSqlQuery q(m_db->sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.arxiv_id, s.author, s.note, s.version, s.updated_at, s.author = %1, "
                             "s.last_editor FROM shared_notes s JOIN listings l ON l.arxiv_id = s.arxiv_id "
                             "WHERE l.day = ? ORDER BY s.updated_at, s.author")
                  .arg(m_db->dialect().currentMember()));
    q.addBindValue(dayText(day));
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the shared notes of %1").arg(dayText(day)),
            q);
    QHash<QString, QList<SharedNote>> byPaper;
    for (const SharedNote &n : sharedNotesFrom(q))
        byPaper[n.arxivId] << n;
    return byPaper;
}

Result<void> PaperStore::reopen()
{
    m_statements.clear();
    return m_db->reopen();
}

Result<QStringList> PaperStore::allTags()
{
    QSqlQuery q(m_db->sql());
    if (!q.exec(QStringLiteral("SELECT tag FROM paper_tags GROUP BY tag ORDER BY lower(tag), tag")))
        return sqlError(QCoreApplication::translate("Lectern::Database", "list the tags"), q);
    QStringList tags;
    while (q.next())
        tags << q.value(0).toString();
    return tags;
}

QString PaperStore::nowText() const
{
    return m_clock->nowUtc().toString(Qt::ISODateWithMs);
}

Result<void> PaperStore::addScores(const QList<Score> &scores)
{
    if (scores.isEmpty())
        return {};
    return m_db->inTransaction([&]() -> Result<void> {
        for (const Score &s : scores) {
            if (auto added = addScore(s); !added)
                return added;
        }
        return {};
    });
}

Result<void> PaperStore::addScore(const Score &s)
{
    auto valid = [](const std::optional<int> &v) { return !v || (*v >= 1 && *v <= 10); };
    if (!valid(s.relevance) || !valid(s.novelty))
        return Error {QCoreApplication::translate(
            "Lectern::PaperStore", "Score of %1 out of range (relevance %2, novelty %3); scores are 1 to 10.")
                          .arg(s.arxivId)
                          .arg(s.relevance.value_or(0))
                          .arg(s.novelty.value_or(0))};
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "INSERT INTO scores (arxiv_id, version, relevance, novelty, comment, model, prompt_hash, "
        "prompt_tokens, "
        "completion_tokens, cost, scored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(arxiv_id, version, model, prompt_hash) DO UPDATE SET relevance=excluded.relevance, "
        "novelty=excluded.novelty, comment=excluded.comment, prompt_tokens=excluded.prompt_tokens, "
        "completion_tokens=excluded.completion_tokens, cost=excluded.cost, scored_at=excluded.scored_at"));
    q.addBindValue(s.arxivId);
    q.addBindValue(s.version);
    q.addBindValue(optionalInt(s.relevance));
    q.addBindValue(optionalInt(s.novelty));
    q.addBindValue(text(s.comment));
    q.addBindValue(text(s.model));
    q.addBindValue(text(s.promptHash));
    q.addBindValue(s.promptTokens);
    q.addBindValue(s.completionTokens);
    q.addBindValue(s.cost);
    q.addBindValue(
        (s.scoredAt.isValid() ? s.scoredAt.toUTC() : m_clock->nowUtc()).toString(Qt::ISODateWithMs));
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "store the score of %1").arg(s.arxivId), q);
    return {};
}

Result<bool> PaperStore::isLabAccount()
{
    if (!m_db->location().isPostgres())
        return true;
    QSqlQuery q(m_db->sql());
    if (!q.exec(QStringLiteral("SELECT lectern_is_lab_account()")) || !q.next())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "ask whether this role is the lab's account"),
            q);
    return q.value(0).toBool();
}

Result<bool> PaperStore::usePrompt(const QString &promptHash, bool lab)
{
    if (promptHash.isEmpty())
        return false;
    if (lab) {
        // The database refuses a lab's prompt from any other role (schema 22): ask first, record it as hers.
        auto labAccount = isLabAccount();
        if (!labAccount)
            return Error {labAccount.error()};
        lab = *labAccount;
    }
    QSqlQuery q(m_db->sql());
    // A prompt once the lab's stays so (a member's own use of the same prompt does not take it back).
    q.prepare(QStringLiteral("INSERT INTO member_prompts (member, prompt_hash, lab) VALUES (%1, ?, ?) "
                             "ON CONFLICT (member, prompt_hash) DO UPDATE SET lab = TRUE WHERE excluded.lab")
                  .arg(m_db->dialect().currentMember()));
    q.addBindValue(promptHash);
    q.addBindValue(lab);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "record the prompt %1 as the member's")
                .arg(promptHash.left(12)),
            q);
    return lab;
}

Result<QSet<QString>> PaperStore::visiblePromptHashes()
{
    QSqlQuery q(m_db->sql());
    if (!q.exec(QStringLiteral("SELECT DISTINCT prompt_hash FROM member_prompts WHERE ") +
            m_db->dialect().visiblePrompt(QStringLiteral("prompt_hash"))))
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the prompts whose scores the member sees"),
            q);
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

Result<QList<Score>> PaperStore::scoreHistory(const QString &arxivId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(sqlOf(HotQuery::ScoreHistory));
    q.addBindValue(arxivId);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the scores of %1").arg(arxivId), q);
    QList<Score> out;
    while (q.next())
        out << scoreFrom(q);
    return out;
}

Result<void> PaperStore::saveDayRun(const DayRun &r)
{
    if (!r.date.isValid())
        return Error {QCoreApplication::translate("Lectern::PaperStore", "A day run needs a date.")};
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "INSERT INTO day_runs (day, categories, total_arxiv, total_scanned, total_relevant, "
        "prompt_tokens, completion_tokens, cost, model, prompt, updated_at, source, complete, "
        "status_note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (day) DO UPDATE SET "
        "categories = excluded.categories, total_arxiv = excluded.total_arxiv, "
        "total_scanned = excluded.total_scanned, total_relevant = excluded.total_relevant, "
        "prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens, "
        "cost = excluded.cost, model = excluded.model, prompt = excluded.prompt, "
        "updated_at = excluded.updated_at, source = excluded.source, complete = excluded.complete, "
        "status_note = excluded.status_note"));
    for (const QVariant &v :
        {QVariant(dayText(r.date)), text(r.categories.join(u' ')), QVariant(r.totalArxiv),
            QVariant(r.totalScanned), QVariant(r.totalRelevant), QVariant(r.promptTokens),
            QVariant(r.completionTokens), QVariant(r.cost), text(r.model), text(r.promptText),
            QVariant(nowText()), text(r.source), QVariant(int(r.complete)), text(r.statusNote)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "save the run of %1").arg(dayText(r.date)), q);
    return {};
}

Result<std::optional<DayRun>> PaperStore::dayRun(const QDate &day)
{
    QSqlQuery q(m_db->sql());
    q.prepare(
        QStringLiteral("SELECT categories, total_arxiv, total_scanned, total_relevant, prompt_tokens, "
                       "completion_tokens, cost, model, prompt, updated_at, source, complete, status_note "
                       "FROM day_runs WHERE day = ?"));
    q.addBindValue(dayText(day));
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the run of %1").arg(dayText(day)), q);
    if (!q.next())
        return std::optional<DayRun>();
    DayRun r;
    r.date = day;
    r.categories = q.value(0).toString().split(u' ', Qt::SkipEmptyParts);
    r.totalArxiv = q.value(1).toInt();
    r.totalScanned = q.value(2).toInt();
    r.totalRelevant = q.value(3).toInt();
    r.promptTokens = q.value(4).toLongLong();
    r.completionTokens = q.value(5).toLongLong();
    r.cost = q.value(6).toDouble();
    r.model = q.value(7).toString();
    r.promptText = q.value(8).toString();
    r.updatedAt = timeFrom(q.value(9));
    r.source = q.value(10).toString();
    r.complete = q.value(11).toBool();
    r.statusNote = q.value(12).toString();
    return std::optional<DayRun>(r);
}

QStringList PaperStore::searchWords(const QString &text)
{
    static const QRegularExpression wordPattern(
        QStringLiteral("[\\w\\-']+"), QRegularExpression::UseUnicodePropertiesOption);
    QStringList words;
    auto it = wordPattern.globalMatch(text);
    while (it.hasNext())
        words << it.next().captured(0);
    return words;
}

Result<QStringList> PaperStore::search(const QString &text, int limit)
{
    const QStringList words = searchWords(text);
    if (words.isEmpty())
        return QStringList();
    return m_db->dialect().search(m_db->sql(), words, limit);
}

Result<QList<qint64>> PaperStore::matchingRows(const QString &text)
{
    const QStringList words = searchWords(text);
    if (words.isEmpty())
        return QList<qint64>();
    return m_db->dialect().matchingRows(m_db->sql(), words);
}

Result<void> PaperStore::optimizeSearchIndex()
{
    return m_db->dialect().optimizeSearchIndex(m_db->sql());
}

Result<StoreStats> PaperStore::stats()
{
    StoreStats s;
    s.path = m_db->path();
    s.schemaVersion = m_db->schemaVersion();
    s.fileSize = m_db->sizeInBytes();
    QSqlQuery q(m_db->sql());
    if (!q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM papers), (SELECT count(*) FROM (SELECT day FROM listings UNION "
            "SELECT day FROM day_runs) AS d), (SELECT count(*) FROM scores), (SELECT count(*) FROM "
            "paper_state WHERE "
            "starred <> 0), "
            "(SELECT count(*) FROM paper_state WHERE note <> ''), (SELECT min(day) FROM listings), "
            "(SELECT max(day) FROM listings)")) ||
        !q.next())
        return sqlError(QCoreApplication::translate("Lectern::Database", "count the store's contents"), q);
    s.papers = q.value(0).toLongLong();
    s.days = q.value(1).toLongLong();
    s.scores = q.value(2).toLongLong();
    s.starred = q.value(3).toLongLong();
    s.notes = q.value(4).toLongLong();
    if (!q.isNull(5))
        s.firstDay = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    if (!q.isNull(6))
        s.lastDay = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    return s;
}

} // namespace Lectern
