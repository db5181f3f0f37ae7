// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "util/result.h"

#include <QList>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Lectern {

/// One author of a paper as Semantic Scholar knows them.
struct S2Author
{
    QString name;
    std::optional<int> hIndex; ///< absent when Semantic Scholar gives none
};

/// The Semantic Scholar Graph API, the part Lectern needs: the authors (with h-index) of arXiv papers.
///
/// One POST /paper/batch per up to 500 papers, ids "ARXIV:<id>" (research notes §6): a day's papers cost a
/// request or two instead of one name search per author. Requests pass the process-wide
/// "semanticscholar" politeness gate, one a second (the keyed rate; the shared keyless pool is slower
/// still, so 429s are expected and waited out with Retry-After by HttpClient). The optional key goes in
/// the x-api-key header only, never in a URL or a message.
class SemanticScholarClient final
{
public:
    static constexpr int MaxBatch = 500;
    static constexpr int IntervalMs = 1000;

    SemanticScholarClient(HttpClient &http, QUrl baseUrl, QString apiKey);

    /// For each id (in order): the paper's authors, or nullopt when Semantic Scholar does not know it.
    [[nodiscard]] Result<QList<std::optional<QList<S2Author>>>> paperAuthors(const QStringList &arxivIds);
    [[nodiscard]] int requestsSent() const { return m_requests; }

private:
    HttpClient &m_http;
    QUrl m_base;
    QString m_key;
    int m_requests = 0;
};

} // namespace Lectern
