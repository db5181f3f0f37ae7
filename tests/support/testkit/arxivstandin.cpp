// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivstandin.h"

#include "fixtures.h"

#include <QUrlQuery>
#include <QXmlStreamWriter>

namespace Lectern::Test {

ArxivStandIn::ArxivStandIn(LoopbackHttpServer &server)
    : m_server(server)
{ }

void ArxivStandIn::serveFeed(const QString &category, const QDate &day)
{
    serveFeedFixture(category, QStringLiteral("%1-%2.xml").arg(category, day.toString(Qt::ISODate)));
}

void ArxivStandIn::serveFeedFixture(const QString &category, const QString &fixtureName, int status)
{
    m_server.serve("/rss/" + category.toUtf8(), fixture(QStringLiteral("rss/") + fixtureName), status);
}

void ArxivStandIn::serveOai(const QString &fixtureName)
{
    m_server.serve("/oai", fixture(QStringLiteral("oai/") + fixtureName));
}

void ArxivStandIn::serveApi(const QList<Paper> &papers)
{
    m_server.route("/api/query", [papers](const LoopbackHttpServer::Request &request) {
        const QUrlQuery query(QUrl(QString::fromUtf8(request.target)).query());
        const QString wanted = query.queryItemValue(QStringLiteral("id_list"));
        LoopbackHttpServer::Response response;
        QXmlStreamWriter xml(&response.body);
        xml.writeStartDocument();
        xml.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2005/Atom"));
        xml.writeNamespace(QStringLiteral("http://arxiv.org/schemas/atom"), QStringLiteral("arxiv"));
        xml.writeStartElement(QStringLiteral("feed"));
        xml.writeTextElement(QStringLiteral("id"), QStringLiteral("https://arxiv.org/api/stand-in"));
        for (const Paper &p : papers) {
            if (wanted != p.arxivId && !wanted.startsWith(p.arxivId + u'v'))
                continue;
            const int version = wanted.contains(u'v') && wanted.section(u'v', -1).toInt() > 0
                ? wanted.section(u'v', -1).toInt()
                : p.version;
            const QString versioned = p.arxivId + u'v' + QString::number(version);
            xml.writeStartElement(QStringLiteral("entry"));
            xml.writeTextElement(QStringLiteral("id"), QStringLiteral("http://arxiv.org/abs/") + versioned);
            xml.writeTextElement(QStringLiteral("title"), p.title);
            xml.writeTextElement(QStringLiteral("summary"), p.abstract);
            xml.writeTextElement(QStringLiteral("published"), QStringLiteral("2026-11-20T16:07:14Z"));
            for (const QString &author : p.authors) {
                xml.writeStartElement(QStringLiteral("author"));
                xml.writeTextElement(QStringLiteral("name"), author);
                xml.writeEndElement();
            }
            for (const QString &category : p.categories) {
                xml.writeEmptyElement(QStringLiteral("category"));
                xml.writeAttribute(QStringLiteral("term"), category);
            }
            if (!p.primaryCategory.isEmpty()) {
                xml.writeEmptyElement(
                    QStringLiteral("http://arxiv.org/schemas/atom"), QStringLiteral("primary_category"));
                xml.writeAttribute(QStringLiteral("term"), p.primaryCategory);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        return response;
    });
}

int ArxivStandIn::apiRequests() const
{
    return int(m_server.requestsTo("/api/query").size());
}

int ArxivStandIn::feedRequests(const QString &category) const
{
    return int(m_server.requestsTo("/rss/" + category.toUtf8()).size());
}

} // namespace Lectern::Test
