// SPDX-License-Identifier: GPL-3.0-or-later
// arXiv's TeX in titles, authors and abstracts, made readable for display and search.
#include "fuzzcheck.h"
#include "text/textounicode.h"

using namespace Lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString tex = Fuzz::text(data, size);
    const QString shown = TexToUnicode::convert(tex);
    // Readable text is never much longer than the TeX it came from: no macro expands without bound.
    Fuzz::check(shown.size() <= 8 * tex.size() + 16, "conversion blew up");
    const QString kept = TexToUnicode::convert(tex, TexToUnicode::Whitespace::Preserve);
    Fuzz::check(kept.size() <= 8 * tex.size() + 16, "conversion blew up (whitespace kept)");
    return 0;
}
