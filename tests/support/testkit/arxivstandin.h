// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"

#include <testkit/loopbackhttpserver.h>

#include <QDate>
#include <QList>
#include <QUrl>

namespace Lectern::Test {

/// arXiv's RSS feeds and OAI-PMH endpoint over loopback, answering with the synthetic documents of
/// tests/fixtures/rss and tests/fixtures/oai. Point a profile's arxiv/rssBase and arxiv/oaiBase at
/// rssBase() and oaiBase().
class ArxivStandIn final
{
public:
    explicit ArxivStandIn(LoopbackHttpServer &server);

    /// /rss/@p category answers with tests/fixtures/rss/<category>-<day>.xml.
    void serveFeed(const QString &category, const QDate &day);
    /// serveFeed() for cs.LG and cs.AI, the categories a new profile reads.
    void serveDefaultFeeds(const QDate &day);
    /// /rss/@p category answers with a feed of @p day listing @p papers (written by rssFeed()).
    void serveFeedOf(const QString &category, const QDate &day, const QList<Paper> &papers);
    /// /rss/@p category answers with tests/fixtures/rss/@p fixtureName (an error page, a truncated feed).
    void serveFeedFixture(const QString &category, const QString &fixtureName, int status = 200);
    /// /oai answers with tests/fixtures/oai/@p fixtureName.
    void serveOai(const QString &fixtureName);

    /// /api/query answers id_list look-ups with an Atom entry written from @p papers (the requested
    /// version, or the paper's own), and with an empty result for any other id.
    void serveApi(const QList<Paper> &papers);

    [[nodiscard]] QUrl apiBase() const { return m_server.url(QStringLiteral("/api/query")); }
    /// How many look-ups reached /api/query.
    [[nodiscard]] int apiRequests() const;
    [[nodiscard]] QUrl rssBase() const { return m_server.url(QStringLiteral("/rss")); }
    [[nodiscard]] QUrl oaiBase() const { return m_server.url(QStringLiteral("/oai")); }
    /// How many requests reached /rss/@p category.
    [[nodiscard]] int feedRequests(const QString &category) const;

private:
    LoopbackHttpServer &m_server;
};

/// An arXiv RSS 2.0 feed of @p category for @p day listing @p papers as arXiv writes them (TeX kept,
/// "arXiv:IDvN Announce Type: T Abstract: …" descriptions), for days larger than the fixtures.
QByteArray rssFeed(const QString &category, const QDate &day, const QList<Paper> &papers);

} // namespace Lectern::Test
