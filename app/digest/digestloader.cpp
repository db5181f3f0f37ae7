// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digestloader.h"

#include "config/settings.h"
#include "digest/digestbuilder.h"
#include "scoring/authormatcher.h"
#include "store/paperstore.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Lectern {

bool DigestFilter::accepts(const DigestEntry &entry) const
{
    if (starredOnly && !entry.state.starred)
        return false;
    if (!tag.isEmpty() && !entry.state.tags.contains(tag, Qt::CaseInsensitive))
        return false;
    if ((minRelevance > 0 || minNovelty > 0) && !entry.authorMatch) {
        if (!entry.score || !entry.score->isScored())
            return false;
        if (*entry.score->relevance < minRelevance || *entry.score->novelty < minNovelty)
            return false;
    }
    return true;
}

QString DigestFilter::describe() const
{
    QStringList parts;
    if (!relevantOnly)
        parts << QStringLiteral("all papers");
    if (starredOnly)
        parts << QStringLiteral("starred");
    if (!tag.isEmpty())
        parts << QStringLiteral("tag “%1”").arg(tag);
    if (minRelevance > 0)
        parts << QStringLiteral("relevance ≥ %1").arg(minRelevance);
    if (minNovelty > 0)
        parts << QStringLiteral("novelty ≥ %1").arg(minNovelty);
    return parts.join(QStringLiteral(", "));
}

DigestSettings DigestSettings::fromSettings(const Settings &settings)
{
    DigestSettings out;
    out.minRelevance = settings.integer(Keys::ScoringRelevanceThreshold);
    out.minNovelty = settings.integer(Keys::ScoringNoveltyThreshold);
    out.followedAuthors = settings.stringList(Keys::TopicsFollowedAuthors);
    // Read only: exporting must not create the price file (the scoring run does that).
    QFile file(QFileInfo(settings.fileName()).absolutePath() + QStringLiteral("/prices.json"));
    if (file.open(QIODevice::ReadOnly)) {
        if (auto table = PriceTable::fromJson(file.readAll()))
            out.prices = *table;
    }
    if (!out.prices)
        out.prices = PriceTable::defaults();
    return out;
}

namespace {

// The day's stored cost is exact but not split; the split follows the model's input and output prices,
// scaled so that the two parts add up to what was paid (cached input made the real prompt part cheaper).
void splitCost(Digest &digest, const DigestSettings &settings)
{
    if (!settings.prices || digest.run.model.isEmpty())
        return;
    const auto price = settings.prices->find(digest.run.model);
    if (!price)
        return; // several models, or an unknown one: the cells stay "-"
    DigestBuilder::applyPrices(digest, price->input, price->output);
    const double sum = *digest.promptCost + *digest.completionCost;
    if (digest.run.cost > 0 && sum > 0) {
        const double scale = digest.run.cost / sum;
        digest.promptCost = *digest.promptCost * scale;
        digest.completionCost = *digest.completionCost * scale;
    }
}

} // namespace

void DigestLoader::narrow(Digest &digest, const DigestFilter &filter)
{
    const qsizetype before = digest.entries.size();
    digest.entries.removeIf([&](const DigestEntry &e) { return !filter.accepts(e); });
    // The day's relevant count stays what it is; the view says what it shows.
    if (filter.relevantOnly && !digest.dayRelevant && digest.entries.size() != before)
        digest.dayRelevant = int(before);
    if (!filter.relevantOnly || digest.entries.size() != before)
        digest.shownSelection = filter.describe();
}

Result<Digest> DigestLoader::day(
    PaperStore &store, const QDate &day, const DigestSettings &settings, const DigestFilter &filter)
{
    const AuthorMatcher authors(settings.followedAuthors);
    if (filter.relevantOnly) {
        auto digest =
            DigestBuilder::fromStore(store, day, authors, settings.minRelevance, settings.minNovelty);
        if (!digest)
            return digest;
        Digest out = std::move(digest).value();
        narrow(out, filter);
        splitCost(out, settings);
        return out;
    }

    // Every paper of the day: select() with no bar orders the scored ones and the author matches; the
    // unscored ones (which select() leaves out) follow by id.
    auto digest = DigestBuilder::fromStore(store, day, authors, 0, 0, {});
    if (!digest)
        return digest;
    Digest out = std::move(digest).value();
    auto relevant = DigestBuilder::fromStore(store, day, authors, settings.minRelevance, settings.minNovelty);
    if (!relevant)
        return relevant;
    out.dayRelevant = relevant->relevantCount();
    auto records = store.recordsForDay(day);
    if (!records)
        return Error {records.error()};
    QSet<QString> listed;
    for (const DigestEntry &e : std::as_const(out.entries))
        listed.insert(e.paper.arxivId);
    QList<DigestEntry> rest;
    for (const PaperRecord &r : std::as_const(*records)) {
        if (listed.contains(r.paper.arxivId))
            continue;
        listed.insert(r.paper.arxivId);
        rest << DigestEntry {r.paper, r.score, r.state, false, {}, {}};
    }
    std::sort(rest.begin(), rest.end(),
        [](const DigestEntry &a, const DigestEntry &b) { return a.paper.arxivId < b.paper.arxivId; });
    out.entries << rest;
    if (auto shared = DigestBuilder::attachSharedNotes(store, day, out); !shared)
        return Error {shared.error()};
    narrow(out, filter);
    splitCost(out, settings);
    return out;
}

Result<QList<Digest>> DigestLoader::range(PaperStore &store, const QDate &from, const QDate &to,
    const DigestSettings &settings, const DigestFilter &filter)
{
    auto days = store.days();
    if (!days)
        return Error {days.error()};
    QList<QDate> wanted;
    for (const QDate &d : std::as_const(*days)) {
        if (d >= from && d <= to)
            wanted << d;
    }
    std::sort(wanted.begin(), wanted.end());
    QList<Digest> out;
    for (const QDate &d : std::as_const(wanted)) {
        auto digest = day(store, d, settings, filter);
        if (!digest)
            return Error {digest.error()};
        if (!filter.isDefault() && digest->entries.isEmpty())
            continue;
        out << std::move(digest).value();
    }
    return out;
}

} // namespace Lectern
