// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/providerbatchstore.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace Lectern {

namespace {

/// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

} // namespace

int ProviderBatch::paperCount() const
{
    int n = 0;
    for (const auto &[id, papers] : requests)
        n += int(papers.size());
    return n;
}

ProviderBatchStore::ProviderBatchStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<void> ProviderBatchStore::add(ProviderBatch &b)
{
    return m_db.inTransaction([&]() -> Result<void> {
        QSqlQuery q(m_db.sql());
        q.prepare(QStringLiteral(
            "INSERT INTO provider_batches (batch_id, provider, model, day, prompt_hash, prompt_text, "
            "submitted_at, state, provider_state, note) VALUES (?,?,?,?,?,?,?,?,?,?)"));
        for (const QVariant &v :
            {text(b.batchId), text(b.provider), text(b.model), text(b.day.toString(Qt::ISODate)),
                text(b.promptHash), text(b.promptText), text(b.submittedAt.toString(Qt::ISODateWithMs)),
                text(b.state), text(b.providerState), text(b.note)})
            q.addBindValue(v);
        if (!q.exec())
            return sqlError(QCoreApplication::translate("Lectern::Database", "record the provider batch %1")
                                .arg(b.batchId),
                q);
        b.rowId = q.lastInsertId().toLongLong();
        QSqlQuery p(m_db.sql());
        p.prepare(QStringLiteral(
            "INSERT INTO provider_batch_papers (batch, custom_id, arxiv_id, version) VALUES (?,?,?,?)"));
        for (const auto &[customId, papers] : b.requests) {
            for (const BatchPaperRef &ref : papers) {
                p.bindValue(0, b.rowId);
                p.bindValue(1, customId);
                p.bindValue(2, ref.arxivId);
                p.bindValue(3, ref.version);
                if (!p.exec())
                    return sqlError(QCoreApplication::translate(
                                        "Lectern::Database", "record the papers of provider batch %1")
                                        .arg(b.batchId),
                        p);
            }
        }
        return {};
    });
}

Result<QList<ProviderBatch>> ProviderBatchStore::query(const QString &where, const QVariantList &values)
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, batch_id, provider, model, day, prompt_hash, prompt_text, "
                             "submitted_at, state, provider_state, note, finished_at FROM provider_batches "
                             "WHERE %1 ORDER BY submitted_at, id")
                  .arg(where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QCoreApplication::translate("Lectern::Database", "read the provider batches"), q);
    QList<ProviderBatch> out;
    while (q.next()) {
        ProviderBatch b;
        b.rowId = q.value(0).toLongLong();
        b.batchId = q.value(1).toString();
        b.provider = q.value(2).toString();
        b.model = q.value(3).toString();
        b.day = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        b.promptHash = q.value(5).toString();
        b.promptText = q.value(6).toString();
        b.submittedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        b.state = q.value(8).toString();
        b.providerState = q.value(9).toString();
        b.note = q.value(10).toString();
        if (!q.isNull(11))
            b.finishedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
        out << b;
    }
    QSqlQuery p(m_db.sql());
    p.prepare(QStringLiteral(
        "SELECT custom_id, arxiv_id, version FROM provider_batch_papers WHERE batch = ? ORDER BY rowid"));
    for (ProviderBatch &b : out) {
        p.bindValue(0, b.rowId);
        if (!p.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "read the papers of provider batch %1")
                    .arg(b.batchId),
                p);
        while (p.next())
            b.requests[p.value(0).toString()] << BatchPaperRef {p.value(1).toString(), p.value(2).toInt()};
    }
    return out;
}

Result<QList<ProviderBatch>> ProviderBatchStore::waiting(const QDate &day)
{
    if (day.isValid())
        return query(
            QStringLiteral("state = 'submitted' AND day = ?"), {QVariant(day.toString(Qt::ISODate))});
    return query(QStringLiteral("state = 'submitted'"), {});
}

Result<QList<ProviderBatch>> ProviderBatchStore::forDay(const QDate &day)
{
    return query(QStringLiteral("day = ?"), {QVariant(day.toString(Qt::ISODate))});
}

Result<std::optional<ProviderBatch>> ProviderBatchStore::find(const QString &batchId)
{
    auto found = query(QStringLiteral("batch_id = ?"), {QVariant(batchId)});
    if (!found)
        return Error {found.error()};
    if (found->isEmpty())
        return std::optional<ProviderBatch> {};
    return std::optional<ProviderBatch> {found->constLast()};
}

Result<void> ProviderBatchStore::setProviderState(qint64 rowId, const QString &providerState)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("UPDATE provider_batches SET provider_state = ? WHERE id = ?"));
    q.addBindValue(text(providerState));
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "record a provider batch's state"), q);
    return {};
}

Result<void> ProviderBatchStore::finish(qint64 rowId, const QString &state, const QString &note)
{
    QSqlQuery q(m_db.sql());
    // Only a waiting batch can end: a second process collecting the same batch must not count it twice.
    q.prepare(QStringLiteral("UPDATE provider_batches SET state = ?, note = ?, finished_at = ? WHERE id = ? "
                             "AND state = 'submitted'"));
    q.addBindValue(text(state));
    q.addBindValue(text(note));
    q.addBindValue(m_clock.nowUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "record the end of a provider batch"), q);
    if (q.numRowsAffected() != 1)
        return Error {QCoreApplication::translate(
            "Lectern::ProviderBatchStore", "The provider batch was collected or ended already")};
    return {};
}

} // namespace Lectern
