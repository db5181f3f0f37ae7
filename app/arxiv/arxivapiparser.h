// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>

namespace Lectern {

/// One page of the arXiv API (export.arxiv.org/api/query), an Atom 1.0 feed.
struct ArxivApiPage
{
    QList<Paper> papers;
    int totalResults = 0;
    int startIndex = 0;
    QString errorMessage; ///< the API's error entry ("incorrect id format for abc"), if any
};

/// Parses API responses by element name, never by position (the 2016 and 2026 formats order elements
/// differently). Ids come from the entry's <id> URL, version split off at the final "v<N>" only, so
/// old-style ids such as solv-int/9901001 stay whole.
class ArxivApiParser final
{
public:
    [[nodiscard]] static Result<ArxivApiPage> parse(const QByteArray &xml);
};

} // namespace Lectern
