// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/arxivid.h"
#include "domain/paper.h"
#include "net/httpclient.h"
#include "util/result.h"

#include <QUrl>

namespace Lectern {

/// Look-ups through the arXiv API: one paper by id (any form ArxivId accepts: id, versioned id, abs/pdf/html
/// URL, old-style id). Every request passes the arXiv gate.
class ArxivApiClient final
{
public:
    ArxivApiClient(HttpClient &http, QUrl apiBase);

    /// The paper, newest version unless @p id names one. Errors name the id and what the API said.
    [[nodiscard]] Result<Paper> fetchPaper(const ArxivId &id);

private:
    HttpClient &m_http;
    QUrl m_apiBase;
};

} // namespace Lectern
