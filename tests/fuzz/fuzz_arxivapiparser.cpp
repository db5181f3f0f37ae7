// SPDX-License-Identifier: GPL-3.0-or-later
// Atom pages of the arXiv API (or of whatever the API base URL points at).
#include "arxiv/arxivapiparser.h"
#include "domain/arxivid.h"
#include "fuzzcheck.h"

using namespace Lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto page = ArxivApiParser::parse(Fuzz::bytes(data, size));
    if (page.ok()) {
        for (const Paper &p : page->papers)
            Fuzz::check(ArxivId::isCanonical(p.arxivId), "an API paper has a malformed id");
    }
    return 0;
}
