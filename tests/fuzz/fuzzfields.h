// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"
#include "fuzzcheck.h"

#include <QStringList>

namespace Lectern::Fuzz {

/// A digest entry whose every text field comes from the input: fields are separated by U+0001, in the
/// order title, author, author, abstract, comment, tag, note, journal reference, DOI.
inline DigestEntry entryFrom(const std::uint8_t *data, std::size_t size)
{
    const QStringList f = text(data, size).split(QChar(1));
    const auto at = [&](qsizetype i) { return f.value(i); };
    DigestEntry e;
    e.paper.arxivId = QStringLiteral("2611.00001");
    e.paper.announced = QDate(2026, 11, 23);
    e.paper.title = at(0);
    for (const QString &author : {at(1), at(2)}) {
        if (!author.isEmpty())
            e.paper.authors << author;
    }
    e.paper.abstract = at(3);
    e.paper.primaryCategory = QStringLiteral("cs.LG");
    e.paper.categories = {e.paper.primaryCategory};
    Score s;
    s.arxivId = e.paper.arxivId;
    s.relevance = 9;
    s.novelty = 8;
    s.comment = at(4);
    e.score = s;
    e.state.arxivId = e.paper.arxivId;
    if (!at(5).isEmpty())
        e.state.tags = {at(5)};
    e.state.note = at(6);
    e.paper.journalRef = at(7);
    e.paper.doi = at(8);
    return e;
}

} // namespace Lectern::Fuzz
