// SPDX-License-Identifier: GPL-3.0-or-later
// RSS feeds come from arXiv or whatever the rss base URL points at.
#include "arxiv/rssfeedparser.h"
#include "domain/arxivid.h"
#include "fuzzcheck.h"

using namespace Lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto feed = RssFeedParser::parse(Fuzz::bytes(data, size));
    if (feed.ok()) {
        for (const Paper &p : feed->items)
            Fuzz::check(ArxivId::isCanonical(p.arxivId), "an RSS paper has a malformed id");
    }
    return 0;
}
