// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivstandin.h"

#include "fixtures.h"

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

int ArxivStandIn::feedRequests(const QString &category) const
{
    return int(m_server.requestsTo("/rss/" + category.toUtf8()).size());
}

} // namespace Lectern::Test
