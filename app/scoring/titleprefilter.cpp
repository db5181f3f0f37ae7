// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/titleprefilter.h"

#include "scoring/pipeline/costestimator.h"
#include "scoring/prompttemplate.h"
#include "store/paperstore.h"

#include <QDateTime>
#include <QSet>

#include <cmath>

namespace Lectern {

namespace {

constexpr qint64 kTitleCompletionPerPaper = 12; // an id in a JSON list is about 8 tokens

} // namespace

TitleVerdict TitleVerdict::judge(const QList<Paper> &batch, const BatchResult &reply, const QString &model,
    const QString &titleHash, double cost)
{
    TitleVerdict out;
    QSet<QString> keep;
    if (!reply.error.isEmpty()) {
        out.failedOpen = true;
        out.warning =
            QStringLiteral("The title pre-filter's reply for %1 papers was unusable (%2); they all go "
                           "on to abstract scoring.")
                .arg(batch.size())
                .arg(reply.error.left(200));
        for (const Paper &p : batch)
            keep.insert(p.arxivId);
    } else {
        for (const ScoredItem &item : reply.items)
            keep.insert(item.arxivId);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Paper &p : batch) {
        if (keep.contains(p.arxivId)) {
            out.kept << p;
            continue;
        }
        Score s;
        s.arxivId = p.arxivId;
        s.version = p.version;
        s.comment = QString(Score::TitleDropComment);
        s.model = model;
        s.promptHash = titleHash;
        s.scoredAt = now;
        s.promptTokens = reply.usage.promptTokens / batch.size();
        s.completionTokens = reply.usage.completionTokens / batch.size();
        s.cost = cost / double(batch.size());
        out.dropRows << s;
    }
    return out;
}

TokenUsage TitleStage::estimate(const PromptTemplate &prompt, const QList<Paper> &papers)
{
    const qsizetype chars =
        prompt.system().size() + prompt.titleFilterInstructions().size() + prompt.renderTitles(papers).size();
    TokenUsage u;
    u.promptTokens = qint64(std::ceil(double(chars) / CostEstimator::CharsPerToken));
    u.completionTokens = kTitleCompletionPerPaper * papers.size();
    return u;
}

Result<TitleStage> TitleStage::run(PaperStore &store, ScoringProvider &provider, const PromptTemplate &prompt,
    const QList<Paper> &papers, int batchSize, const PriceTable &prices, double budgetLeft,
    const std::atomic_bool *cancel)
{
    TitleStage out;
    const QString model = provider.model().trimmed();
    const QString titleHash = prompt.titleFilterHash();
    const std::optional<ModelPrice> configured = prices.find(model);
    const int size = std::max(1, batchSize);
    for (qsizetype i = 0; i < papers.size(); i += size) {
        if (cancel && *cancel)
            return Error {QStringLiteral("Cancelled during the title pre-filter; nothing was submitted.")};
        const QList<Paper> batch = papers.mid(i, size);
        const double expected = configured ? PriceTable::cost(*configured, estimate(prompt, batch)) : 0.0;
        if (budgetLeft >= 0 && out.cost + expected > budgetLeft) {
            out.budgetReached = true;
            out.notJudged = int(papers.size() - i);
            break;
        }
        const BatchResult reply = provider.filterTitles(batch, prompt.renderTitleFilter(batch), cancel);
        ++out.requests;
        const double cost = prices.replyCost(reply, configured);
        out.usage += reply.usage;
        out.cost += cost;
        out.warnings << reply.warnings;
        if (reply.fatal)
            return Error {QStringLiteral("The title pre-filter stopped: %1")
                              .arg(reply.error.isEmpty() ? QStringLiteral("the provider refused the request.")
                                                         : reply.error)};
        if (cancel && *cancel)
            return Error {QStringLiteral("Cancelled during the title pre-filter; nothing was submitted.")};
        const TitleVerdict verdict = TitleVerdict::judge(batch, reply, model, titleHash, cost);
        if (verdict.failedOpen) {
            out.failedOpen += int(batch.size());
            out.warnings << verdict.warning;
        }
        if (auto written = store.addScores(verdict.dropRows); !written)
            return Error {
                QStringLiteral("Storing the title pre-filter's drops failed: %1").arg(written.error())};
        out.dropped += int(verdict.dropRows.size());
        out.kept << verdict.kept;
    }
    return out;
}

} // namespace Lectern
