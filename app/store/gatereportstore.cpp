// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/gatereportstore.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace Lectern {

namespace {

QVariant optionalReal(const std::optional<double> &x)
{
    return x ? QVariant(*x) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> realOrNone(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

} // namespace

GateReportStore::GateReportStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<void> GateReportStore::save(const GateReport &r)
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        // Standard upsert syntax, which SQLite and PostgreSQL both read.
        QStringLiteral(
            "INSERT INTO gate_reports (day, model, ranked, gate, sample, llm_seen, "
            "gate_relevant, sample_relevant, sample_judged, recall, held_out_recall, "
            "expected_relevant, expected_recall, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (day) DO UPDATE SET "
            "model = excluded.model, ranked = excluded.ranked, gate = excluded.gate, "
            "sample = excluded.sample, llm_seen = excluded.llm_seen, "
            "gate_relevant = excluded.gate_relevant, sample_relevant = excluded.sample_relevant, "
            "sample_judged = excluded.sample_judged, recall = excluded.recall, "
            "held_out_recall = excluded.held_out_recall, expected_relevant = excluded.expected_relevant, "
            "expected_recall = excluded.expected_recall, updated_at = excluded.updated_at"));
    for (const QVariant &v : {QVariant(r.day.toString(Qt::ISODate)), QVariant(r.model), QVariant(r.ranked),
             QVariant(r.gate), QVariant(r.sample), QVariant(r.llmSeen), QVariant(r.gateRelevant),
             QVariant(r.sampleRelevant), QVariant(r.sampleJudged), optionalReal(r.recall),
             optionalReal(r.heldOutRecall), optionalReal(r.expectedRelevant), optionalReal(r.expectedRecall),
             QVariant(m_clock.nowUtc().toString(Qt::ISODateWithMs))})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "store the hybrid gate's report of %1")
                .arg(r.day.toString(Qt::ISODate)),
            q);
    return {};
}

Result<std::optional<GateReport>> GateReportStore::load(const QDate &day)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT model, ranked, gate, sample, llm_seen, gate_relevant, sample_relevant, "
                             "sample_judged, recall, held_out_recall, expected_relevant, expected_recall "
                             "FROM gate_reports WHERE day = ?"));
    q.addBindValue(day.toString(Qt::ISODate));
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the hybrid gate's report of %1")
                .arg(day.toString(Qt::ISODate)),
            q);
    if (!q.next())
        return std::optional<GateReport>();
    GateReport r;
    r.day = day;
    r.model = q.value(0).toString();
    r.ranked = q.value(1).toInt();
    r.gate = q.value(2).toInt();
    r.sample = q.value(3).toInt();
    r.llmSeen = q.value(4).toInt();
    r.gateRelevant = q.value(5).toInt();
    r.sampleRelevant = q.value(6).toInt();
    r.sampleJudged = q.value(7).toInt();
    r.recall = realOrNone(q.value(8));
    r.heldOutRecall = realOrNone(q.value(9));
    r.expectedRelevant = realOrNone(q.value(10));
    r.expectedRecall = realOrNone(q.value(11));
    return std::optional<GateReport>(r);
}

Result<void> GateReportStore::saveMembers(const QDate &day, const GateMembers &members)
{
    const QString iso = day.toString(Qt::ISODate);
    return m_db.inTransaction([&]() -> Result<void> {
        QSqlQuery clear(m_db.sql());
        clear.prepare(QStringLiteral("DELETE FROM gate_members WHERE day = ?"));
        clear.addBindValue(iso);
        if (!clear.exec())
            return sqlError(
                QCoreApplication::translate("Lectern::Database", "replace the hybrid gate's papers of %1")
                    .arg(iso),
                clear);
        QSqlQuery q(m_db.sql());
        q.prepare(
            QStringLiteral("INSERT INTO gate_members (day, arxiv_id, position, role) VALUES (?,?,?,?)"));
        for (qsizetype i = 0; i < members.ranked.size(); ++i) {
            const QString &id = members.ranked.at(i);
            const QString role = members.gate.contains(id) ? QStringLiteral("gate")
                : members.sample.contains(id)              ? QStringLiteral("sample")
                                                           : QStringLiteral("outside");
            q.addBindValue(iso);
            q.addBindValue(id);
            q.addBindValue(int(i));
            q.addBindValue(role);
            if (!q.exec())
                return sqlError(
                    QCoreApplication::translate("Lectern::Database", "store the hybrid gate's papers of %1")
                        .arg(iso),
                    q);
        }
        return {};
    });
}

Result<std::optional<GateMembers>> GateReportStore::loadMembers(const QDate &day)
{
    const QString iso = day.toString(Qt::ISODate);
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT arxiv_id, role FROM gate_members WHERE day = ? ORDER BY position"));
    q.addBindValue(iso);
    if (!q.exec())
        return sqlError(
            QCoreApplication::translate("Lectern::Database", "read the hybrid gate's papers of %1").arg(iso),
            q);
    GateMembers m;
    while (q.next()) {
        const QString id = q.value(0).toString();
        const QString role = q.value(1).toString();
        m.ranked << id;
        if (role == u"gate")
            m.gate.insert(id);
        else if (role == u"sample")
            m.sample.insert(id);
    }
    if (m.ranked.isEmpty())
        return std::optional<GateMembers>();
    return std::optional<GateMembers>(std::move(m));
}

} // namespace Lectern
