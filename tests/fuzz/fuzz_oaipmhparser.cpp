// SPDX-License-Identifier: GPL-3.0-or-later
// OAI-PMH pages, from arXiv or a mirror.
#include "arxiv/oaipmhparser.h"
#include "domain/arxivid.h"
#include "fuzzcheck.h"

using namespace Lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto page = OaiPmhParser::parse(Fuzz::bytes(data, size));
    if (page.ok()) {
        for (const OaiRecord &r : page->records)
            Fuzz::check(
                r.deleted || ArxivId::isCanonical(r.paper.arxivId), "an OAI record has a malformed id");
    }
    return 0;
}
