// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/llmconfig.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QHash>

#include <atomic>
#include <memory>

namespace Lectern {

/// One request of a provider batch: a scoring batch of papers, named so that its result can be found.
struct LlmBatchRequest
{
    QString customId; ///< unique in the batch; letters, digits, '-' and '_', at most 64
    QList<Paper> papers;
    RenderedPrompt prompt;
};

struct LlmBatchStatus
{
    QString id;
    QString state; ///< the provider's word (validating, in_progress, finalizing, completed, ended, ...)
    bool ended = false; ///< nothing more will change: fetch the results now
    bool failed = false; ///< the batch as a whole failed, expired or was cancelled before any result
    int total = 0;
    int succeeded = 0;
    int failedRequests = 0;
    QString error; ///< why the batch failed, when it did
};

/// The providers' asynchronous batch interfaces (OpenAI Batch API, Anthropic Message Batches): half the
/// price, results within 24 hours. Each request is the same body a ScoringProvider sends, and each result
/// is read and validated the same way. The caller keeps the batch id and polls; nothing here waits.
class LlmBatchApi
{
public:
    virtual ~LlmBatchApi() = default;
    /// Uploads the requests as one batch and returns the provider's batch id.
    [[nodiscard]] virtual Result<QString> submit(
        const QList<LlmBatchRequest> &requests, const std::atomic_bool *cancel) = 0;
    [[nodiscard]] virtual Result<LlmBatchStatus> status(
        const QString &batchId, const std::atomic_bool *cancel) = 0;
    /// The results of an ended batch by custom id. @p papers gives each custom id's papers, to validate the
    /// replies against; a request without a result is absent, one that failed has its error set.
    [[nodiscard]] virtual Result<QHash<QString, BatchResult>> results(const QString &batchId,
        const QHash<QString, QList<Paper>> &papers, const std::atomic_bool *cancel) = 0;
    [[nodiscard]] virtual Result<void> cancelBatch(
        const QString &batchId, const std::atomic_bool *cancel) = 0;
};

/// The batch interface for OpenAI or Anthropic; an error for local servers, which have none.
[[nodiscard]] Result<std::unique_ptr<LlmBatchApi>> makeLlmBatchApi(const LlmConfig &config);

} // namespace Lectern
