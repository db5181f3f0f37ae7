// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivapiclient.h"

#include "arxiv/arxivapiparser.h"

#include <QUrlQuery>

namespace Lectern {

ArxivApiClient::ArxivApiClient(HttpClient &http, QUrl apiBase)
    : m_http(http)
    , m_apiBase(std::move(apiBase))
{ }

Result<Paper> ArxivApiClient::fetchPaper(const ArxivId &id)
{
    QUrl url = m_apiBase;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("id_list"), id.toString());
    query.addQueryItem(QStringLiteral("max_results"), QStringLiteral("1"));
    url.setQuery(query);
    HttpRequest req = HttpRequest::get(url);
    req.arxivGate = true;
    const HttpResponse resp = m_http.send(req);
    if (resp.cancelled)
        return Error {resp.error};
    // The API explains bad ids in an Atom body served with 400: read it before giving up on the status.
    if (!resp.body.isEmpty()) {
        auto page = ArxivApiParser::parse(resp.body);
        if (page && !page->errorMessage.isEmpty())
            return Error {QStringLiteral("arXiv rejected %1: %2").arg(id.toString(), page->errorMessage)};
        if (resp.ok()) {
            if (!page)
                return Error {QStringLiteral("%1: %2").arg(url.toDisplayString(), page.error())};
            if (page->papers.isEmpty())
                return Error {QStringLiteral("arXiv has no paper %1.").arg(id.toString())};
            return page->papers.first();
        }
    }
    return Error {resp.error.isEmpty() ? QStringLiteral("arXiv gave no answer for %1.").arg(id.toString())
                                       : resp.error};
}

} // namespace Lectern
