// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/semanticscholarclient.h"

#include "net/safeurl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Lectern {

SemanticScholarClient::SemanticScholarClient(HttpClient &http, QUrl baseUrl, QString apiKey)
    : m_http(http)
    , m_base(std::move(baseUrl))
    , m_key(std::move(apiKey))
{ }

Result<QList<std::optional<QList<S2Author>>>> SemanticScholarClient::paperAuthors(const QStringList &arxivIds)
{
    // The same rule as the LLM keys: a key travels only encrypted, or to this machine.
    if (!m_key.isEmpty() && !SafeUrl::mayCarryKey(m_base))
        return Error {QCoreApplication::translate("Lectern::SemanticScholarClient",
            "Semantic Scholar: the base URL %1 is not https, so the API key would "
            "travel unencrypted; use https")
                          .arg(SafeUrl::forDisplay(m_base))};
    QList<std::optional<QList<S2Author>>> out;
    for (qsizetype start = 0; start < arxivIds.size(); start += MaxBatch) {
        const QStringList ids = arxivIds.mid(start, MaxBatch);
        QJsonArray list;
        for (const QString &id : ids)
            list.append(QString(u"ARXIV:" + id));
        HttpRequest request;
        QUrl url = m_base;
        url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + QStringLiteral("/paper/batch"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("fields"), QStringLiteral("authors.name,authors.hIndex"));
        url.setQuery(query);
        request.url = url;
        request.method = "POST";
        request.body =
            QJsonDocument(QJsonObject {{QStringLiteral("ids"), list}}).toJson(QJsonDocument::Compact);
        request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        if (!m_key.isEmpty())
            request.headers.append({QByteArrayLiteral("x-api-key"), m_key.toLatin1()});
        request.gate = QByteArrayLiteral("semanticscholar");
        request.gateIntervalMs = IntervalMs;
        ++m_requests;
        const HttpResponse response = m_http.send(request);
        if (!response.ok())
            return Error {
                QCoreApplication::translate("Lectern::SemanticScholarClient", "Semantic Scholar: %1")
                    .arg(response.error.isEmpty() ? QStringLiteral("HTTP %1").arg(response.status)
                                                  : response.error)};
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(response.body, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isArray())
            return Error {QCoreApplication::translate(
                "Lectern::SemanticScholarClient", "Semantic Scholar's reply is not a JSON array (%1)")
                              .arg(pe.errorString())};
        const QJsonArray papers = doc.array();
        // Unknown ids come back as null, in input order: a reply of another length cannot be matched up.
        if (papers.size() != ids.size())
            return Error {QCoreApplication::translate(
                "Lectern::SemanticScholarClient", "Semantic Scholar answered %1 papers for %2 asked")
                              .arg(papers.size())
                              .arg(ids.size())};
        for (const QJsonValue &paper : papers) {
            if (!paper.isObject()) {
                out << std::nullopt;
                continue;
            }
            QList<S2Author> authors;
            for (const QJsonValue &a : paper.toObject().value(QStringLiteral("authors")).toArray()) {
                const QJsonObject o = a.toObject();
                S2Author author;
                author.name = o.value(QStringLiteral("name")).toString().simplified();
                const QJsonValue h = o.value(QStringLiteral("hIndex"));
                if (h.isDouble() && h.toDouble() >= 0)
                    author.hIndex = h.toInt();
                if (!author.name.isEmpty())
                    authors << author;
            }
            out << authors;
        }
    }
    return out;
}

} // namespace Lectern
