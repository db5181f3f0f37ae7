// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/scoringsummary.h"

#include "scoring/pricetable.h"

#include <QCoreApplication>

namespace Lectern {

QStringList ScoringSummary::frontLines(int listed, int considered, int authorMatches,
    const QString &hIndexLine, int examplesStarred, int examplesDismissed)
{
    QStringList lines;
    lines << QCoreApplication::translate(
        "Lectern::ScoringSummary", "Listed papers: %1 (%2 of the scored announce types)")
                 .arg(listed)
                 .arg(considered);
    lines << QCoreApplication::translate(
        "Lectern::ScoringSummary", "Followed authors: %1 matched (kept whatever their score; not sent)")
                 .arg(authorMatches);
    lines << (hIndexLine.isEmpty()
            ? QCoreApplication::translate("Lectern::ScoringSummary", "h-index filter: off")
            : hIndexLine);
    if (examplesStarred + examplesDismissed > 0)
        lines << QCoreApplication::translate(
            "Lectern::ScoringSummary", "Examples in the prompt: %1 starred and %2 dismissed papers' titles")
                     .arg(examplesStarred)
                     .arg(examplesDismissed);
    return lines;
}

QString ScoringSummary::titleFilterLine(const QString &label, int kept, int dropped, int droppedBefore,
    int failedOpen, int requests, const TokenUsage &usage, std::optional<double> cost)
{
    return QCoreApplication::translate("Lectern::ScoringSummary",
        "%1: %2 kept of %3 (%4 dropped now, %5 by earlier runs; %6 kept because a reply was "
        "unusable; %7 %8, %9 tokens, %10)")
        .arg(label)
        .arg(kept)
        .arg(kept + dropped + droppedBefore)
        .arg(dropped)
        .arg(droppedBefore)
        .arg(failedOpen)
        .arg(requests)
        .arg(requests == 1 ? QCoreApplication::translate("Lectern::ScoringSummary", "request")
                           : QCoreApplication::translate("Lectern::ScoringSummary", "requests"))
        .arg(usage.promptTokens + usage.completionTokens)
        .arg(cost ? PriceTable::money(*cost)
                  : QCoreApplication::translate("Lectern::ScoringSummary", "unknown cost"));
}

QStringList ScoringSummary::stageLines() const
{
    QStringList lines;
    lines << QCoreApplication::translate("Lectern::ScoringSummary", "Day %1, model %2, prompt %3")
                 .arg(day.toString(Qt::ISODate), model, promptHash.left(12));
    lines << frontLines(listed, considered, authorMatches, hIndexLine, examplesStarred, examplesDismissed);
    if (hybrid)
        lines << QCoreApplication::translate("Lectern::ScoringSummary",
            "Hybrid gate: %1; of %2 papers to send, %3 go to %4 and %5 keep the built-in "
            "scorer's marks (lectern-local)")
                     .arg(gateLine)
                     .arg(beforeGate)
                     .arg(beforeGate - gateLocal)
                     .arg(model)
                     .arg(gateLocal);
    if (!titleFilter) {
        lines << QCoreApplication::translate("Lectern::ScoringSummary", "Title pre-filter: off%1")
                     .arg(titleFilterOff.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(titleFilterOff));
    } else if (dryRun) {
        lines << QCoreApplication::translate("Lectern::ScoringSummary",
            "Title pre-filter (dry run): %1 titles to send, %2 dropped by earlier runs; the "
            "estimate below assumes every title is kept")
                     .arg(toScore)
                     .arg(titleDroppedCached);
    } else {
        lines << titleFilterLine(QCoreApplication::translate("Lectern::ScoringSummary", "Title pre-filter"),
            titleKept, titleDropped, titleDroppedCached, titleFailedOpen, titleRequests, titleUsage,
            priceKnown ? std::optional(titleCost) : std::nullopt);
    }
    if (dryRun) {
        lines << QCoreApplication::translate("Lectern::ScoringSummary",
            "Abstract scoring (dry run, nothing sent): %1 papers to send, %2 from the cache")
                     .arg(toScore)
                     .arg(cached);
        lines << QCoreApplication::translate(
            "Lectern::ScoringSummary", "Estimate: about %1 prompt and %2 completion tokens, about %3")
                     .arg(estimatedUsage.promptTokens)
                     .arg(estimatedUsage.completionTokens)
                     .arg(priceKnown ? PriceTable::money(estimatedCost)
                                     : QCoreApplication::translate(
                                           "Lectern::ScoringSummary", "an unknown cost (no price for ") +
                                 model + u')');
        if (hybrid)
            lines << QCoreApplication::translate("Lectern::ScoringSummary",
                "Without the hybrid gate (all %1 papers to the LLM): about %2 prompt and %3 "
                "completion tokens, about %4")
                         .arg(beforeGate)
                         .arg(ungatedUsage.promptTokens)
                         .arg(ungatedUsage.completionTokens)
                         .arg(priceKnown
                                 ? PriceTable::money(ungatedCost)
                                 : QCoreApplication::translate("Lectern::ScoringSummary", "an unknown cost"));
        return lines;
    }
    lines << QCoreApplication::translate("Lectern::ScoringSummary",
        "Abstract scoring: %1 to send, %2 from the cache; %3 scored, %4 retried, %5 unscored, "
        "%6 not sent (%7 %8)")
                 .arg(toScore - titleDropped)
                 .arg(cached)
                 .arg(scored)
                 .arg(retried)
                 .arg(unscored)
                 .arg(notSent)
                 .arg(requests - titleRequests)
                 .arg(requests - titleRequests == 1
                         ? QCoreApplication::translate("Lectern::ScoringSummary", "request")
                         : QCoreApplication::translate("Lectern::ScoringSummary", "requests"));
    if (inProviderBatch > 0)
        lines << QCoreApplication::translate("Lectern::ScoringSummary",
            "Provider batch: %1 papers wait in one (`lectern batch collect`); not sent")
                     .arg(inProviderBatch);
    if (slowdowns > 0)
        lines << QCoreApplication::translate("Lectern::ScoringSummary",
            "Pace: slowed down %1 times for the provider's rate limits (down to %2 of %3 "
            "batches in flight; new batches held %4 s in all)")
                     .arg(slowdowns)
                     .arg(lowestParallel)
                     .arg(parallel)
                     .arg(double(heldMs) / 1000.0, 0, 'f', 1);
    else if (requests > 0)
        lines << QCoreApplication::translate(
            "Lectern::ScoringSummary", "Pace: up to %1 batches in flight; no rate limit reached")
                     .arg(parallel);
    if (budgetReached)
        lines << QCoreApplication::translate("Lectern::ScoringSummary",
            "Budget: stopped before the day's cost would pass %1; %2 papers wait for a later run")
                     .arg(PriceTable::money(budget))
                     .arg(notSent);
    lines << QCoreApplication::translate(
        "Lectern::ScoringSummary", "Thresholds (relevance >= %1, novelty >= %2): %3 papers pass")
                 .arg(minRelevance)
                 .arg(minNovelty)
                 .arg(passedThresholds);
    lines << QCoreApplication::translate("Lectern::ScoringSummary",
        "Ranking: %1 relevant papers (author matches first, then relevance + novelty)")
                 .arg(relevant);
    if (gateReport)
        lines << gateReport->localizedLine(); // the digest keeps line(), English
    lines << QCoreApplication::translate(
        "Lectern::ScoringSummary", "Tokens: %1 prompt (%2 cached), %3 completion (%4 reasoning)")
                 .arg(usage.promptTokens)
                 .arg(usage.cachedPromptTokens)
                 .arg(usage.completionTokens)
                 .arg(usage.reasoningTokens);
    if (priceKnown) {
        const int paid = scored + unscored + titleDropped;
        lines << QCoreApplication::translate(
            "Lectern::ScoringSummary", "Cost: %1 this run (%2 per paper sent), %3 for the day")
                     .arg(PriceTable::money(cost),
                         paid > 0 ? PriceTable::money(cost / paid) : PriceTable::money(0),
                         PriceTable::money(dayCost));
    } else {
        lines << QCoreApplication::translate(
            "Lectern::ScoringSummary", "Cost: unknown, no price for %1 in the price table (prices.json)")
                     .arg(model);
    }
    return lines;
}

QString ScoringSummary::describe() const
{
    if (dryRun && hybrid)
        return QCoreApplication::translate("Lectern::ScoringSummary",
            "%1: dry run, hybrid: %2 of %3 papers would be sent (about %4; all of them: about %5)")
            .arg(day.toString(Qt::ISODate))
            .arg(toScore)
            .arg(beforeGate)
            .arg(priceKnown ? PriceTable::money(estimatedCost)
                            : QCoreApplication::translate("Lectern::ScoringSummary", "unknown cost"),
                priceKnown ? PriceTable::money(ungatedCost)
                           : QCoreApplication::translate("Lectern::ScoringSummary", "unknown cost"));
    if (dryRun)
        return QCoreApplication::translate(
            "Lectern::ScoringSummary", "%1: dry run, %2 papers would be sent (about %3)")
            .arg(day.toString(Qt::ISODate))
            .arg(toScore)
            .arg(priceKnown ? PriceTable::money(estimatedCost)
                            : QCoreApplication::translate("Lectern::ScoringSummary", "unknown cost"));
    QString s = QCoreApplication::translate(
        "Lectern::ScoringSummary", "%1: %2 scored, %3 from the cache, %4 unscored, %5 relevant; %6 with %7")
                    .arg(day.toString(Qt::ISODate))
                    .arg(scored)
                    .arg(cached)
                    .arg(unscored)
                    .arg(relevant)
                    .arg(priceKnown ? PriceTable::money(cost)
                                    : QCoreApplication::translate("Lectern::ScoringSummary", "unknown cost"),
                        model);
    if (titleFilter)
        s += QCoreApplication::translate("Lectern::ScoringSummary", "; title filter: %1 kept of %2")
                 .arg(titleKept)
                 .arg(titleKept + titleDropped + titleDroppedCached);
    if (budgetReached)
        s += QCoreApplication::translate(
            "Lectern::ScoringSummary", "; daily budget reached, %1 papers not sent")
                 .arg(notSent);
    if (gateReport) {
        s += QCoreApplication::translate("Lectern::ScoringSummary",
            "; hybrid: the LLM saw %1 of %2 papers, estimated recall of the gate %3")
                 .arg(gateReport->llmSeen)
                 .arg(gateReport->ranked)
                 .arg(gateReport->recall ? QString::number(*gateReport->recall, 'f', 2)
                                         : QCoreApplication::translate("Lectern::ScoringSummary", "unknown"));
        if (gateReport->expectedRecall)
            s += QCoreApplication::translate("Lectern::ScoringSummary", " (the model expected %1)")
                     .arg(QString::number(*gateReport->expectedRecall, 'f', 2));
    }
    return s;
}

} // namespace Lectern
