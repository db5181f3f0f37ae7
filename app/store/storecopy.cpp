// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecopy.h"

#include "store/paperstore.h"
#include "store/sqldialect.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace Lectern {

const QString StoreCopy::NoteSeparator = QStringLiteral("\n\n---\n\n");

namespace {

using Rows = QList<QVariantList>;

QString jsonList(const QStringList &ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

Result<Rows> select(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "read from %1").arg(db.path()), q);
    Rows rows;
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << q.value(i);
        rows << row;
    }
    return rows;
}

/// Inserts @p rows into @p table of the target, leaving a row whose @p key the table has as it is.
Result<StoreCopySummary::Tally> insertNew(
    Database &db, const QString &table, const QStringList &columns, const QString &key, const Rows &rows)
{
    StoreCopySummary::Tally tally;
    if (rows.isEmpty())
        return tally;
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO NOTHING")
                  .arg(table, columns.join(u", "), marks.join(u','), key));
    for (const QVariantList &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            q.bindValue(i, row.at(i));
        if (!q.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "copy into %1 of %2").arg(table, db.path()),
                q);
        if (q.numRowsAffected() > 0)
            ++tally.copied;
        else
            ++tally.alreadyThere;
    }
    return tally;
}

void add(StoreCopySummary::Tally &to, const StoreCopySummary::Tally &more)
{
    to.copied += more.copied;
    to.alreadyThere += more.alreadyThere;
}

/// Copies the rows of @p table (its @p columns) whose arxiv_id is one of @p idList.
Result<StoreCopySummary::Tally> copyRowsOf(Database &source, Database &target, const QString &table,
    const QStringList &columns, const QString &key, const QString &idList)
{
    auto rows = select(source,
        QStringLiteral("SELECT %1 FROM %2 WHERE arxiv_id IN (%3)")
            .arg(columns.join(u", "), table, source.dialect().jsonTextArray()),
        {idList});
    if (!rows)
        return Error {rows.error()};
    return insertNew(target, table, columns, key, *rows);
}

/// The note that keeps both sides' text: the one that holds the other, or both, the newer first.
QString mergedNote(const QString &target, const QString &targetTime, const QString &incoming,
    const QString &incomingTime, bool &joined)
{
    joined = false;
    if (incoming.isEmpty() || target.contains(incoming))
        return target;
    if (target.isEmpty() || incoming.contains(target))
        return incoming;
    joined = true;
    return incomingTime > targetTime ? incoming + StoreCopy::NoteSeparator + target
                                     : target + StoreCopy::NoteSeparator + incoming;
}

const QStringList kDayRunColumns {QStringLiteral("day"), QStringLiteral("categories"),
    QStringLiteral("total_arxiv"), QStringLiteral("total_scanned"), QStringLiteral("total_relevant"),
    QStringLiteral("prompt_tokens"), QStringLiteral("completion_tokens"), QStringLiteral("cost"),
    QStringLiteral("model"), QStringLiteral("prompt"), QStringLiteral("updated_at"), QStringLiteral("source"),
    QStringLiteral("complete"), QStringLiteral("status_note")};
const QStringList kScoreColumns {QStringLiteral("arxiv_id"), QStringLiteral("version"),
    QStringLiteral("relevance"), QStringLiteral("novelty"), QStringLiteral("comment"),
    QStringLiteral("model"), QStringLiteral("prompt_hash"), QStringLiteral("prompt_tokens"),
    QStringLiteral("completion_tokens"), QStringLiteral("cost"), QStringLiteral("scored_at")};
const QStringList kVersionColumns {QStringLiteral("arxiv_id"), QStringLiteral("version"),
    QStringLiteral("title"), QStringLiteral("abstract"), QStringLiteral("replaced_at")};
const QStringList kListingColumns {
    QStringLiteral("day"), QStringLiteral("arxiv_id"), QStringLiteral("announce_type")};
const QStringList kGateMemberColumns {
    QStringLiteral("day"), QStringLiteral("arxiv_id"), QStringLiteral("position"), QStringLiteral("role")};
const QStringList kGateReportColumns {QStringLiteral("day"), QStringLiteral("model"),
    QStringLiteral("ranked"), QStringLiteral("gate"), QStringLiteral("sample"), QStringLiteral("llm_seen"),
    QStringLiteral("gate_relevant"), QStringLiteral("sample_relevant"), QStringLiteral("sample_judged"),
    QStringLiteral("recall"), QStringLiteral("held_out_recall"), QStringLiteral("expected_relevant"),
    QStringLiteral("expected_recall"), QStringLiteral("updated_at")};
const QStringList kLibraryColumns {QStringLiteral("item_key"), QStringLiteral("arxiv_id"),
    QStringLiteral("title"), QStringLiteral("authors"), QStringLiteral("year"), QStringLiteral("doi"),
    QStringLiteral("url"), QStringLiteral("abstract"), QStringLiteral("item_type"), QStringLiteral("source"),
    QStringLiteral("imported_at")};
const QStringList kBatchColumns {QStringLiteral("batch_id"), QStringLiteral("provider"),
    QStringLiteral("model"), QStringLiteral("day"), QStringLiteral("prompt_hash"),
    QStringLiteral("prompt_text"), QStringLiteral("submitted_at"), QStringLiteral("state"),
    QStringLiteral("provider_state"), QStringLiteral("note"), QStringLiteral("finished_at")};

} // namespace

QString StoreCopySummary::kindName(Kind kind)
{
    switch (kind) {
    case Papers:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "papers");
    case EarlierVersions:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "earlier versions");
    case Listings:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "day listings");
    case DayRuns:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "day runs");
    case Scores:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "scores");
    case GateReports:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "hybrid gate reports");
    case GateMembers:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "hybrid gate papers");
    case ProviderBatches:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "provider batches");
    case LibraryItems:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "library items");
    case Stars:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "stars");
    case ReadMarks:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "read marks");
    case Dismissals:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "dismissals");
    case Tags:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "tags");
    case Notes:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "notes");
    case SharedNotes:
        return QCoreApplication::translate("Lectern::StoreCopySummary", "shared notes");
    case KindCount:
        break;
    }
    return {};
}

QString StoreCopySummary::report() const
{
    QString text =
        QCoreApplication::translate("Lectern::StoreCopySummary", "%1 %2 to %3:\n")
            .arg(complete ? QCoreApplication::translate("Lectern::StoreCopySummary", "Copied")
                          : QCoreApplication::translate("Lectern::StoreCopySummary", "Stopped while copying"),
                from, to);
    for (int k = 0; k < KindCount; ++k) {
        const Tally &t = tally.at(k);
        text += QCoreApplication::translate("Lectern::StoreCopySummary", "  %1 %2 copied, %3 already there")
                    .arg(kindName(Kind(k)) + u':', -21)
                    .arg(t.copied)
                    .arg(t.alreadyThere);
        if (k == Papers && papersUpdated > 0)
            text += QCoreApplication::translate(
                "Lectern::StoreCopySummary", " (%1 of the copied replaced an older version)")
                        .arg(papersUpdated);
        text += u'\n';
    }
    if (!joinedNotes.isEmpty())
        text += QCoreApplication::translate("Lectern::StoreCopySummary",
            "Notes that differed on both sides were joined, the newer first, nothing "
            "dropped (%1): %2\n")
                    .arg(joinedNotes.size())
                    .arg(joinedNotes.join(u", "));
    if (openBatchesLeft > 0)
        text += QCoreApplication::translate("Lectern::StoreCopySummary",
            "Provider batches still waiting were not copied (%1): collect them first "
            "(lectern batch collect), then copy again.\n")
                    .arg(openBatchesLeft);
    if (!complete)
        text += QCoreApplication::translate("Lectern::StoreCopySummary",
            "What is listed was written whole; run the same copy again to go on.\n");
    return text.trimmed();
}

StoreCopy::StoreCopy(PaperStore &source, PaperStore &target)
    : m_source(source)
    , m_target(target)
{ }

void StoreCopy::step(const QString &message)
{
    if (m_progress)
        m_progress(m_done, m_total, message);
}

Result<StoreCopySummary> StoreCopy::run()
{
    m_summary = StoreCopySummary();
    m_summary.from = m_source.database().path();
    m_summary.to = m_target.database().path();
    Database &source = m_source.database();

    auto counts = select(
        source, QStringLiteral("SELECT (SELECT count(*) FROM papers), (SELECT count(*) FROM library_items)"));
    if (!counts)
        return Error {counts.error()};
    const int papers = counts->value(0).value(0).toInt();
    const int libraryItems = counts->value(0).value(1).toInt();
    // The days, the gate reports and the batches count as one step each.
    m_total = papers + libraryItems + 3;
    m_done = 0;

    if (auto r = copyDayRuns(); !r)
        return Error {r.error()};
    ++m_done;
    step(QCoreApplication::translate("Lectern::StoreCopy", "day runs copied"));

    // Chunks in the order of the arXiv id, each asked for after the last id of the one before.
    QString after = QStringLiteral(""); // not a null string: NULL compares with nothing
    while (!cancelled()) {
        auto ids = select(source,
            QStringLiteral("SELECT arxiv_id FROM papers WHERE arxiv_id > ? ORDER BY arxiv_id LIMIT ?"),
            {after, m_chunkSize});
        if (!ids)
            return Error {ids.error()};
        if (ids->isEmpty())
            break;
        QStringList chunk;
        for (const QVariantList &row : std::as_const(*ids))
            chunk << row.value(0).toString();
        if (auto r = copyPaperChunk(chunk); !r)
            return Error {r.error()};
        after = chunk.last();
        m_done += int(chunk.size());
        step(QCoreApplication::translate("Lectern::StoreCopy", "papers copied up to %1").arg(after));
    }
    if (cancelled())
        return m_summary;

    if (auto r = copyGateReports(); !r)
        return Error {r.error()};
    ++m_done;
    if (auto r = copyLibraryItems(); !r)
        return Error {r.error()};
    if (cancelled())
        return m_summary;
    if (auto r = copyProviderBatches(); !r)
        return Error {r.error()};
    ++m_done;
    step(QCoreApplication::translate("Lectern::StoreCopy", "provider batches copied"));
    m_summary.complete = true;
    return m_summary;
}

Result<void> StoreCopy::copyDayRuns()
{
    auto rows = select(m_source.database(),
        QStringLiteral("SELECT %1 FROM day_runs ORDER BY day").arg(kDayRunColumns.join(u", ")));
    if (!rows)
        return Error {rows.error()};
    return m_target.database().inTransaction([&]() -> Result<void> {
        auto t = insertNew(
            m_target.database(), QStringLiteral("day_runs"), kDayRunColumns, QStringLiteral("day"), *rows);
        if (!t)
            return Error {t.error()};
        add(m_summary.tally[StoreCopySummary::DayRuns], *t);
        return {};
    });
}

Result<void> StoreCopy::copyPaperChunk(const QStringList &ids)
{
    Database &source = m_source.database();
    Database &target = m_target.database();
    auto rows = select(source,
        QStringLiteral("SELECT arxiv_id, version, title, authors, abstract, categories, primary_category, "
                       "comments, journal_ref, doi, first_seen FROM papers WHERE arxiv_id IN (%1)")
            .arg(source.dialect().jsonTextArray()),
        {jsonList(ids)});
    if (!rows)
        return Error {rows.error()};
    auto known = select(target,
        QStringLiteral("SELECT arxiv_id, version FROM papers WHERE arxiv_id IN (%1)")
            .arg(target.dialect().jsonTextArray()),
        {jsonList(ids)});
    if (!known)
        return Error {known.error()};
    QHash<QString, int> targetVersion;
    for (const QVariantList &row : std::as_const(*known))
        targetVersion.insert(row.value(0).toString(), row.value(1).toInt());

    // A paper the target has at the same or a newer version stays as it is (the lab's row wins); the
    // source's older version still joins the history.
    QList<Paper> incoming;
    Rows olderVersions;
    Rows firstSeen;
    for (const QVariantList &row : std::as_const(*rows)) {
        Paper p;
        p.arxivId = row.value(0).toString();
        p.version = row.value(1).toInt();
        p.title = row.value(2).toString();
        p.authors = row.value(3).toString().split(u'\n', Qt::SkipEmptyParts);
        p.abstract = row.value(4).toString();
        p.categories = row.value(5).toString().split(u' ', Qt::SkipEmptyParts);
        p.primaryCategory = row.value(6).toString();
        p.comments = row.value(7).toString();
        p.journalRef = row.value(8).toString();
        p.doi = row.value(9).toString();
        const auto there = targetVersion.constFind(p.arxivId);
        if (there != targetVersion.constEnd() && *there >= p.version) {
            ++m_summary.tally[StoreCopySummary::Papers].alreadyThere;
            if (*there > p.version)
                olderVersions << QVariantList {p.arxivId, p.version, p.title, p.abstract, row.value(10)};
            continue;
        }
        firstSeen << QVariantList {row.value(10), p.arxivId, row.value(10)};
        incoming << p;
    }

    const QString idList = jsonList(ids);
    auto outcomes = m_target.upsertPapers(incoming, [&]() -> Result<void> {
        // The paper was first seen when either store first saw it.
        QSqlQuery seen(target.sql());
        seen.prepare(
            QStringLiteral("UPDATE papers SET first_seen = ? WHERE arxiv_id = ? AND first_seen > ?"));
        for (const QVariantList &row : std::as_const(firstSeen)) {
            for (int i = 0; i < row.size(); ++i)
                seen.bindValue(i, row.at(i));
            if (!seen.exec())
                return sqlError(
                    QCoreApplication::translate("Lectern::Database", "copy when %1 was first seen")
                        .arg(row.value(1).toString()),
                    seen);
        }
        auto versions = copyRowsOf(source, target, QStringLiteral("paper_versions"), kVersionColumns,
            QStringLiteral("arxiv_id, version"), idList);
        if (!versions)
            return Error {versions.error()};
        auto older = insertNew(target, QStringLiteral("paper_versions"), kVersionColumns,
            QStringLiteral("arxiv_id, version"), olderVersions);
        if (!older)
            return Error {older.error()};
        add(m_summary.tally[StoreCopySummary::EarlierVersions], *versions);
        add(m_summary.tally[StoreCopySummary::EarlierVersions], *older);
        struct Table
        {
            const char *name;
            const QStringList &columns;
            const char *key;
            StoreCopySummary::Kind kind;
        };
        for (const Table &t :
            {Table {"listings", kListingColumns, "day, arxiv_id", StoreCopySummary::Listings},
                Table {"scores", kScoreColumns, "arxiv_id, version, model, prompt_hash",
                    StoreCopySummary::Scores},
                Table {"gate_members", kGateMemberColumns, "day, arxiv_id", StoreCopySummary::GateMembers}}) {
            auto copied = copyRowsOf(
                source, target, QString::fromLatin1(t.name), t.columns, QString::fromLatin1(t.key), idList);
            if (!copied)
                return Error {copied.error()};
            add(m_summary.tally[t.kind], *copied);
        }
        return copyState(ids);
    });
    if (!outcomes)
        return Error {QCoreApplication::translate("Lectern::StoreCopy",
            "%1 Nothing of papers %2 to %3 was written; what was copied before "
            "stays, and running the copy again goes on from there.")
                          .arg(outcomes.error(), ids.first(), ids.last())};
    for (PaperStore::Upsert u : std::as_const(*outcomes)) {
        if (u == PaperStore::Upsert::Unchanged) {
            ++m_summary.tally[StoreCopySummary::Papers].alreadyThere;
            continue;
        }
        ++m_summary.tally[StoreCopySummary::Papers].copied;
        if (u == PaperStore::Upsert::Updated)
            ++m_summary.papersUpdated;
    }
    return {};
}

Result<void> StoreCopy::copyState(const QStringList &ids)
{
    Database &source = m_source.database();
    Database &target = m_target.database();
    // Each side's rows are its signed-in member's own (on PostgreSQL row-level security shows no other).
    const QString stateSql = QStringLiteral("SELECT arxiv_id, starred, read, dismissed, note, updated_at "
                                            "FROM paper_state WHERE arxiv_id IN (%1)");
    auto mine = select(source, stateSql.arg(source.dialect().jsonTextArray()), {jsonList(ids)});
    if (!mine)
        return Error {mine.error()};
    auto theirs = select(target, stateSql.arg(target.dialect().jsonTextArray()), {jsonList(ids)});
    if (!theirs)
        return Error {theirs.error()};
    QHash<QString, QVariantList> there;
    for (const QVariantList &row : std::as_const(*theirs))
        there.insert(row.value(0).toString(), row);

    QSqlQuery write(target.sql());
    write.prepare(QStringLiteral(
        "INSERT INTO paper_state (arxiv_id, starred, read, dismissed, note, updated_at) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT (%1arxiv_id) DO UPDATE SET starred = excluded.starred, "
        "read = excluded.read, dismissed = excluded.dismissed, note = excluded.note, "
        "updated_at = excluded.updated_at")
                      .arg(target.dialect().memberKey()));
    for (const QVariantList &row : std::as_const(*mine)) {
        const QString id = row.value(0).toString();
        const QVariantList old = there.value(id);
        const bool known = !old.isEmpty();
        bool changed = false;
        // A mark set on either side stays set.
        QVariantList merged {id};
        for (int column = 1; column <= 3; ++column) {
            const bool incoming = row.value(column).toInt() != 0;
            const bool existing = known && old.value(column).toInt() != 0;
            if (incoming) {
                auto &tally = m_summary.tally[column == 1 ? StoreCopySummary::Stars
                        : column == 2                     ? StoreCopySummary::ReadMarks
                                                          : StoreCopySummary::Dismissals];
                ++(existing ? tally.alreadyThere : tally.copied);
                changed = changed || !existing;
            }
            merged << int(incoming || existing);
        }
        const QString incomingNote = row.value(4).toString();
        const QString existingNote = known ? old.value(4).toString() : QString();
        const QString incomingTime = row.value(5).toString();
        const QString existingTime = known ? old.value(5).toString() : QString();
        bool joined = false;
        const QString note = mergedNote(existingNote, existingTime, incomingNote, incomingTime, joined);
        if (!incomingNote.isEmpty()) {
            auto &tally = m_summary.tally[StoreCopySummary::Notes];
            ++(note == existingNote ? tally.alreadyThere : tally.copied);
        }
        if (joined)
            m_summary.joinedNotes << id;
        changed = changed || note != existingNote;
        if (!changed)
            continue;
        merged << QVariant(note.isNull() ? QStringLiteral("") : note)
               << QVariant(qMax(incomingTime, existingTime));
        for (int i = 0; i < merged.size(); ++i)
            write.bindValue(i, merged.at(i));
        if (!write.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "copy your state of %1").arg(id), write);
    }

    auto tags = copyRowsOf(source, target, QStringLiteral("paper_tags"),
        {QStringLiteral("arxiv_id"), QStringLiteral("tag")},
        target.dialect().memberKey() + QStringLiteral("arxiv_id, tag"), jsonList(ids));
    if (!tags)
        return Error {tags.error()};
    add(m_summary.tally[StoreCopySummary::Tags], *tags);
    return copySharedNotes(ids);
}

Result<void> StoreCopy::copySharedNotes(const QStringList &ids)
{
    Database &source = m_source.database();
    Database &target = m_target.database();
    // The signed-in member's own shared notes (schema 15), shared on the other side as theirs; another
    // member's are theirs to move.
    const QString sharedSql = QStringLiteral(
        "SELECT arxiv_id, note, updated_at FROM shared_notes WHERE author = %1 AND arxiv_id IN (%2)");
    auto mine = select(source,
        sharedSql.arg(source.dialect().currentMember(), source.dialect().jsonTextArray()), {jsonList(ids)});
    if (!mine)
        return Error {mine.error()};
    if (mine->isEmpty())
        return {};
    auto theirs = select(target,
        sharedSql.arg(target.dialect().currentMember(), target.dialect().jsonTextArray()), {jsonList(ids)});
    if (!theirs)
        return Error {theirs.error()};
    QHash<QString, QVariantList> there;
    for (const QVariantList &row : std::as_const(*theirs))
        there.insert(row.value(0).toString(), row);
    auto &tally = m_summary.tally[StoreCopySummary::SharedNotes];
    for (const QVariantList &row : std::as_const(*mine)) {
        const QString id = row.value(0).toString();
        const QString incoming = row.value(1).toString();
        const QString incomingTime = row.value(2).toString();
        QSqlQuery write(target.sql());
        if (!there.contains(id)) {
            write.prepare(QStringLiteral(
                "INSERT INTO shared_notes (arxiv_id, note, version, updated_at) VALUES (?, ?, 1, ?)"));
            write.addBindValue(id);
            write.addBindValue(incoming);
            write.addBindValue(incomingTime);
        } else {
            // Both sides share a note on it: the same merge as the private notes, as a new version.
            const QVariantList &old = there.value(id);
            bool joined = false;
            const QString merged =
                mergedNote(old.value(1).toString(), old.value(2).toString(), incoming, incomingTime, joined);
            if (merged == old.value(1).toString()) {
                ++tally.alreadyThere;
                continue;
            }
            if (joined && !m_summary.joinedNotes.contains(id))
                m_summary.joinedNotes << id;
            write.prepare(
                QStringLiteral("UPDATE shared_notes SET note = ?, version = version + 1, "
                               "updated_at = ?, last_editor = %1 WHERE author = %1 AND arxiv_id = ?")
                    .arg(target.dialect().currentMember()));
            write.addBindValue(merged);
            write.addBindValue(qMax(incomingTime, old.value(2).toString()));
            write.addBindValue(id);
        }
        if (!write.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "copy your shared note on %1").arg(id),
                write);
        ++tally.copied;
    }
    return {};
}

Result<void> StoreCopy::copyGateReports()
{
    auto rows = select(m_source.database(),
        QStringLiteral("SELECT %1 FROM gate_reports ORDER BY day").arg(kGateReportColumns.join(u", ")));
    if (!rows)
        return Error {rows.error()};
    return m_target.database().inTransaction([&]() -> Result<void> {
        auto t = insertNew(m_target.database(), QStringLiteral("gate_reports"), kGateReportColumns,
            QStringLiteral("day"), *rows);
        if (!t)
            return Error {t.error()};
        add(m_summary.tally[StoreCopySummary::GateReports], *t);
        return {};
    });
}

Result<void> StoreCopy::copyLibraryItems()
{
    QString after = QStringLiteral(""); // not a null string: NULL compares with nothing
    while (!cancelled()) {
        auto rows = select(m_source.database(),
            QStringLiteral("SELECT %1 FROM library_items WHERE item_key > ? ORDER BY item_key LIMIT ?")
                .arg(kLibraryColumns.join(u", ")),
            {after, m_chunkSize});
        if (!rows)
            return Error {rows.error()};
        if (rows->isEmpty())
            return {};
        auto r = m_target.database().inTransaction([&]() -> Result<void> {
            auto t = insertNew(m_target.database(), QStringLiteral("library_items"), kLibraryColumns,
                QStringLiteral("item_key"), *rows);
            if (!t)
                return Error {t.error()};
            add(m_summary.tally[StoreCopySummary::LibraryItems], *t);
            return {};
        });
        if (!r)
            return r;
        after = rows->last().value(0).toString();
        m_done += int(rows->size());
        step(QCoreApplication::translate("Lectern::StoreCopy", "library items copied up to %1").arg(after));
    }
    return {};
}

Result<void> StoreCopy::copyProviderBatches()
{
    Database &source = m_source.database();
    Database &target = m_target.database();
    auto batches = select(source,
        QStringLiteral("SELECT id, %1 FROM provider_batches ORDER BY id").arg(kBatchColumns.join(u", ")));
    if (!batches)
        return Error {batches.error()};
    for (const QVariantList &row : std::as_const(*batches)) {
        // A batch still waiting is collected with the key that sent it, by the store that sent it.
        if (row.value(8).toString() == u"submitted") {
            ++m_summary.openBatchesLeft;
            continue;
        }
        auto r = target.inTransaction([&]() -> Result<void> {
            auto t = insertNew(target, QStringLiteral("provider_batches"), kBatchColumns,
                QStringLiteral("provider, batch_id"), {row.mid(1)});
            if (!t)
                return Error {t.error()};
            add(m_summary.tally[StoreCopySummary::ProviderBatches], *t);
            if (t->copied == 0)
                return {};
            auto id = select(target,
                QStringLiteral("SELECT id FROM provider_batches WHERE provider = ? AND batch_id = ?"),
                {row.value(2), row.value(1)});
            if (!id)
                return Error {id.error()};
            auto papers = select(source,
                QStringLiteral(
                    "SELECT custom_id, arxiv_id, version FROM provider_batch_papers WHERE batch = ?"),
                {row.value(0)});
            if (!papers)
                return Error {papers.error()};
            Rows rows = *papers;
            for (QVariantList &paper : rows)
                paper.prepend(id->value(0).value(0));
            auto copied = insertNew(target, QStringLiteral("provider_batch_papers"),
                {QStringLiteral("batch"), QStringLiteral("custom_id"), QStringLiteral("arxiv_id"),
                    QStringLiteral("version")},
                QStringLiteral("batch, custom_id, arxiv_id"), rows);
            if (!copied)
                return Error {copied.error()};
            return {};
        });
        if (!r)
            return r;
    }
    return {};
}

} // namespace Lectern
