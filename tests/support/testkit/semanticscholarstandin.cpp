// SPDX-License-Identifier: GPL-3.0-or-later
#include "semanticscholarstandin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Lectern::Test {

namespace {

const QByteArray BatchPath = QByteArrayLiteral("/graph/v1/paper/batch");
const QString ArxivPrefix = QStringLiteral("ARXIV:");

QStringList idsOf(const LoopbackHttpServer::Request &request)
{
    QStringList ids;
    for (const QJsonValue &id :
        QJsonDocument::fromJson(request.body).object().value(QStringLiteral("ids")).toArray()) {
        QString s = id.toString();
        ids << (s.startsWith(ArxivPrefix) ? s.mid(ArxivPrefix.size()) : s);
    }
    return ids;
}

} // namespace

SemanticScholarStandIn::SemanticScholarStandIn(LoopbackHttpServer &server)
    : m_server(server)
{
    server.route(BatchPath, [this](const LoopbackHttpServer::Request &request) { return answer(request); });
}

void SemanticScholarStandIn::refuseFirst(int count, int retryAfterSeconds)
{
    m_refuse = count;
    m_retryAfterSeconds = retryAfterSeconds;
}

QList<LoopbackHttpServer::Request> SemanticScholarStandIn::requests() const
{
    return m_server.requestsTo(BatchPath);
}

QList<QStringList> SemanticScholarStandIn::requestedIds() const
{
    QList<QStringList> out;
    for (const LoopbackHttpServer::Request &r : requests())
        out << idsOf(r);
    return out;
}

LoopbackHttpServer::Response SemanticScholarStandIn::answer(const LoopbackHttpServer::Request &request)
{
    LoopbackHttpServer::Response r;
    r.headers = {{"Content-Type", "application/json"}};
    if (m_refuse > 0) {
        --m_refuse;
        r.status = 429;
        r.headers.append({"Retry-After", QByteArray::number(m_retryAfterSeconds)});
        r.body = R"({"message": "Too Many Requests"})";
        return r;
    }
    QJsonArray out;
    for (const QString &id : idsOf(request)) {
        std::optional<QList<Author>> authors;
        if (const auto it = papers.constFind(id); it != papers.constEnd())
            authors = *it;
        else if (lookup)
            authors = lookup(id);
        if (!authors) {
            out.append(QJsonValue::Null);
            continue;
        }
        QJsonArray list;
        for (const Author &a : std::as_const(*authors)) {
            // Ids as the real API gives them; Lectern reads only the name and the h-index.
            list.append(QJsonObject {{QStringLiteral("authorId"), QString::number(qHash(a.name) % 100000)},
                {QStringLiteral("name"), a.name},
                {QStringLiteral("hIndex"), a.hIndex ? QJsonValue(*a.hIndex) : QJsonValue(QJsonValue::Null)}});
        }
        out.append(QJsonObject {
            {QStringLiteral("paperId"), QString(u"s2-" + id)}, {QStringLiteral("authors"), list}});
    }
    r.body = QJsonDocument(out).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace Lectern::Test
