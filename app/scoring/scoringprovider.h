// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "scoring/ratelimit.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Lectern {

/// A prompt ready to send, split so that the part shared by every batch comes first (providers' prompt
/// caching then applies to it) and the batch's papers come last, clearly delimited.
struct RenderedPrompt
{
    QString system; ///< the system role
    QString instructions; ///< static user part: output format, rubrics, the user's topics
    QString papers; ///< this batch's papers, delimited so that paper text cannot pose as instructions
    QString hash; ///< identity of the prompt (system + instructions), stored with every score
};

/// One paper's verdict as a provider returned it, after validation (ids from the batch only, integers
/// 1..10). Missing values mean "not scored", never a guess.
struct ScoredItem
{
    QString arxivId;
    std::optional<int> relevance;
    std::optional<int> novelty;
    QString comment;
};

struct TokenUsage
{
    qint64 promptTokens = 0; ///< all input tokens, cached included
    qint64 cachedPromptTokens = 0; ///< of which served from the provider's prompt cache
    qint64 cacheWriteTokens = 0; ///< Anthropic: tokens written to the cache (billed at a premium)
    qint64 completionTokens = 0; ///< all output tokens, reasoning included
    qint64 reasoningTokens = 0; ///< of which reasoning

    TokenUsage &operator+=(const TokenUsage &o)
    {
        promptTokens += o.promptTokens;
        cachedPromptTokens += o.cachedPromptTokens;
        cacheWriteTokens += o.cacheWriteTokens;
        completionTokens += o.completionTokens;
        reasoningTokens += o.reasoningTokens;
        return *this;
    }
};

/// The outcome of one batch request.
struct BatchResult
{
    QList<ScoredItem> items; ///< only papers of the batch; papers absent here are retried or left unscored
    TokenUsage usage;
    QString model; ///< the model that answered (as the provider reports it)
    QString error; ///< empty on success
    bool fatal = false; ///< stop the whole run (bad key, insufficient_quota, 4xx other than 408/409/429)
    bool truncated = false; ///< the reply hit the output limit (finish_reason length / max_tokens)
    QStringList warnings; ///< dropped unknown ids, out-of-range scores, duplicates, refusals
    QStringList conflicting; ///< papers the reply gave two different verdicts: in no item, asked again alone
    RateLimitInfo rateLimit; ///< the provider's rate-limit headers and 429s, for the job to adapt its pace
};

/// Scores batches of papers. One instance serves one thread (it owns its network client); the scoring
/// job makes one per worker through a ScoringProviderFactory.
class ScoringProvider
{
public:
    virtual ~ScoringProvider() = default;
    /// Model name recorded with scores ("lectern-local" for the built-in scorer).
    [[nodiscard]] virtual QString model() const = 0;
    /// Blocking; runs on a worker thread; returns soon after *cancel becomes true.
    [[nodiscard]] virtual BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) = 0;

    /// Whether filterTitles() works: the title pre-filter is skipped for providers without it.
    [[nodiscard]] virtual bool supportsTitleFilter() const { return false; }
    /// The title pre-filter: sends @p prompt (PromptTemplate::renderTitleFilter) and returns, as items
    /// without marks, the papers of @p papers the model would read the abstract of. A reply that holds no
    /// list of ids sets error, and the caller keeps the whole batch. Blocking, like scoreBatch().
    [[nodiscard]] virtual BatchResult filterTitles(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel)
    {
        Q_UNUSED(papers)
        Q_UNUSED(prompt)
        Q_UNUSED(cancel)
        BatchResult r;
        r.model = model();
        r.error = QStringLiteral("This provider has no title pre-filter.");
        return r;
    }
};

using ScoringProviderFactory = std::function<std::unique_ptr<ScoringProvider>()>;

} // namespace Lectern
