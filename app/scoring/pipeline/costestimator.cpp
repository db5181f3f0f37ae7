// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/costestimator.h"

#include <cmath>

namespace Lectern {

namespace {

constexpr qint64 kTitleCompletionPerPaper = 12; // an id in a JSON list is about 8 tokens

} // namespace

QList<QList<Paper>> batchesOf(const QList<Paper> &papers, int size)
{
    const int n = std::max(1, size);
    QList<QList<Paper>> out;
    for (qsizetype i = 0; i < papers.size(); i += n)
        out << papers.mid(i, n);
    return out;
}

CostEstimator::CostEstimator(const PromptTemplate &prompt, std::optional<ModelPrice> price)
    : m_prompt(prompt)
    , m_price(std::move(price))
    , m_staticChars(prompt.system().size() + prompt.instructions().size())
{ }

TokenUsage CostEstimator::abstracts(const QList<Paper> &papers, qint64 *rawPrompt) const
{
    const qsizetype chars = m_staticChars + m_prompt.renderPapers(papers).size();
    const qint64 raw = qint64(std::ceil(double(chars) / CharsPerToken));
    if (rawPrompt)
        *rawPrompt = raw;
    TokenUsage u;
    const double ratio = m_reportedPrompt > 0 && m_estimatedPromptOfReported > 0
        ? double(m_reportedPrompt) / double(m_estimatedPromptOfReported)
        : 1.0;
    u.promptTokens = qint64(std::ceil(double(raw) * ratio));
    const qint64 perPaper = m_reportedCompletion > 0 && m_papersReported > 0
        ? qint64(std::ceil(double(m_reportedCompletion) / double(m_papersReported)))
        : DefaultCompletionPerPaper;
    u.completionTokens = perPaper * papers.size();
    return u;
}

TokenUsage CostEstimator::titles(const QList<Paper> &papers) const
{
    const qsizetype chars = m_prompt.system().size() + m_prompt.titleFilterInstructions().size() +
        m_prompt.renderTitles(papers).size();
    TokenUsage u;
    u.promptTokens = qint64(std::ceil(double(chars) / CharsPerToken));
    u.completionTokens = kTitleCompletionPerPaper * papers.size();
    return u;
}

double CostEstimator::cost(const TokenUsage &usage, bool batchApi) const
{
    return m_price ? PriceTable::cost(*m_price, usage, batchApi) : 0.0;
}

void CostEstimator::learn(const TokenUsage &reported, qint64 rawPrompt, qsizetype papers)
{
    if (reported.promptTokens > 0) {
        m_reportedPrompt += reported.promptTokens;
        m_estimatedPromptOfReported += rawPrompt;
    }
    if (reported.completionTokens > 0) {
        m_reportedCompletion += reported.completionTokens;
        m_papersReported += papers;
    }
}

TokenUsage CostEstimator::dryRun(const QList<Paper> &papers, int batchSize, int titleBatchSize) const
{
    TokenUsage total;
    if (titleBatchSize > 0) {
        for (const QList<Paper> &b : batchesOf(papers, titleBatchSize))
            total += titles(b);
    }
    for (const QList<Paper> &b : batchesOf(papers, batchSize))
        total += abstracts(b);
    return total;
}

} // namespace Lectern
