// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivstandin.h"

#include "fixtures.h"

#include <QLocale>
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

void ArxivStandIn::serveDefaultFeeds(const QDate &day)
{
    for (const char *category : {"cs.LG", "cs.AI"})
        serveFeed(QString::fromLatin1(category), day);
}

void ArxivStandIn::serveFeedOf(const QString &category, const QDate &day, const QList<Paper> &papers)
{
    m_server.serve("/rss/" + category.toUtf8(), rssFeed(category, day, papers));
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

QByteArray rssFeed(const QString &category, const QDate &day, const QList<Paper> &papers)
{
    const QString date =
        QLocale::c().toString(day, QStringLiteral("ddd, dd MMM yyyy")) + QStringLiteral(" 00:00:00 -0500");
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeNamespace(QStringLiteral("http://arxiv.org/schemas/atom"), QStringLiteral("arxiv"));
    xml.writeNamespace(QStringLiteral("http://purl.org/dc/elements/1.1/"), QStringLiteral("dc"));
    xml.writeStartElement(QStringLiteral("rss"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
    xml.writeStartElement(QStringLiteral("channel"));
    xml.writeTextElement(QStringLiteral("title"), category + QStringLiteral(" updates on arXiv.org"));
    xml.writeTextElement(QStringLiteral("link"), QStringLiteral("http://rss.arxiv.org/rss/") + category);
    xml.writeTextElement(QStringLiteral("description"),
        category + QStringLiteral(" updates on the arXiv.org e-print archive."));
    xml.writeTextElement(QStringLiteral("pubDate"), date);
    for (const Paper &p : papers) {
        const QString type = p.announceType.isEmpty() ? QStringLiteral("new") : p.announceType;
        xml.writeStartElement(QStringLiteral("item"));
        xml.writeTextElement(QStringLiteral("title"), p.title);
        xml.writeTextElement(QStringLiteral("link"), p.absUrl());
        xml.writeTextElement(QStringLiteral("description"),
            QStringLiteral("arXiv:%1 Announce Type: %2 \nAbstract: %3")
                .arg(p.versionedId(), type, p.abstract));
        xml.writeTextElement(QStringLiteral("guid"), QStringLiteral("oai:arXiv.org:") + p.versionedId());
        for (const QString &c : p.categories)
            xml.writeTextElement(QStringLiteral("category"), c);
        xml.writeTextElement(QStringLiteral("pubDate"), date);
        xml.writeTextElement(
            QStringLiteral("http://arxiv.org/schemas/atom"), QStringLiteral("announce_type"), type);
        xml.writeTextElement(QStringLiteral("http://purl.org/dc/elements/1.1/"), QStringLiteral("creator"),
            p.authors.join(QStringLiteral(", ")));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace Lectern::Test
