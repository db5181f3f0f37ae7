// SPDX-License-Identifier: GPL-3.0-or-later
// Reads digests back from Markdown files, which may have been edited by hand.
#include "digest/digestmarkdownreader.h"
#include "fuzzcheck.h"

using namespace Lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const ParsedDigest parsed = DigestMarkdownReader::read(Fuzz::text(data, size));
    Fuzz::check(parsed.entries.size() <= qsizetype(size), "more entries than input bytes");
    return 0;
}
