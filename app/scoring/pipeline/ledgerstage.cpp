// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/ledgerstage.h"

#include "digest/digestbuilder.h"
#include "scoring/scoringledger.h"

namespace Lectern {

LedgerStage::LedgerStage(
    QStringList followedAuthors, int minRelevance, int minNovelty, QStringList announceTypes)
    : m_authors(followedAuthors)
    , m_minRelevance(minRelevance)
    , m_minNovelty(minNovelty)
    , m_types(announceTypes.isEmpty() ? DigestBuilder::defaultAnnounceTypes() : std::move(announceTypes))
{ }

Result<LedgerEntry> LedgerStage::record(PaperStore &store, const QDate &day, const QString &model,
    const TokenUsage &usage, double cost, const QString &promptText) const
{
    auto digest = DigestBuilder::fromStore(store, day, m_authors, m_minRelevance, m_minNovelty, m_types);
    if (!digest)
        return Error {digest.error()};
    LedgerEntry out;
    out.relevant = digest->relevantCount();
    for (const DigestEntry &e : std::as_const(digest->entries)) {
        out.ranking << e.paper.arxivId;
        out.passedThresholds += !e.authorMatch;
    }
    auto run = ScoringLedger::addRun(store, day, model, usage, cost, promptText, out.relevant);
    if (!run)
        return Error {run.error()};
    out.dayCost = run->cost;
    return out;
}

} // namespace Lectern
