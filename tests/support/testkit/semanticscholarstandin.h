// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <testkit/loopbackhttpserver.h>

#include <QHash>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace Lectern::Test {

/// Semantic Scholar's POST /graph/v1/paper/batch over loopback, answered as the real API answers: one entry
/// per requested id, null for papers it does not know, authors with their h-index (null when unknown).
/// Point the h-index stage (or semanticScholar/baseUrl) at baseUrl().
class SemanticScholarStandIn final
{
public:
    struct Author
    {
        QString name;
        std::optional<int> hIndex;
    };
    /// The authors of arXiv paper @p arxivId, or nothing when Semantic Scholar does not know it.
    using Lookup = std::function<std::optional<QList<Author>>(const QString &arxivId)>;

    explicit SemanticScholarStandIn(LoopbackHttpServer &server);
    Q_DISABLE_COPY_MOVE(SemanticScholarStandIn) // the route holds this

    /// Papers the stand-in knows, by arXiv id; consulted before lookup.
    QHash<QString, QList<Author>> papers;
    /// For papers not in papers; unset: unknown.
    Lookup lookup;
    /// The first @p count requests are refused with 429 and Retry-After: @p retryAfterSeconds.
    void refuseFirst(int count, int retryAfterSeconds);

    [[nodiscard]] QUrl baseUrl() const { return m_server.url(QStringLiteral("/graph/v1")); }
    /// The requests that reached the batch endpoint, refused ones included.
    [[nodiscard]] QList<LoopbackHttpServer::Request> requests() const;
    /// The arXiv ids (without the "ARXIV:" prefix) of each request, in order.
    [[nodiscard]] QList<QStringList> requestedIds() const;

private:
    LoopbackHttpServer::Response answer(const LoopbackHttpServer::Request &request);

    LoopbackHttpServer &m_server;
    int m_refuse = 0;
    int m_retryAfterSeconds = 0;
};

} // namespace Lectern::Test
