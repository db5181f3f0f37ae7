// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace Lectern {

class BatchDispatcher;
class Clock;
class CostEstimator;
class PaperStore;
class RunAccount;
struct BatchReply;

/// Abstract scoring of a direct run: each reply's valid verdicts (ReplyScores) are stored in one
/// transaction as soon as it returns, so a killed run resumes where it stopped. Papers missing from a reply
/// (or from a failed batch) are sent once more in batches of half the size; missing again, they are stored
/// without marks, never dropped and never given made-up ones. A fatal reply stops the run; the batches
/// already scored are kept.
class AbstractBatchStage final
{
public:
    using Progress = std::function<void(const QString &message)>;

    /// @p clock stamps the scores.
    AbstractBatchStage(PaperStore &store, BatchDispatcher &dispatcher, RunAccount &account,
        CostEstimator &estimator, const Clock &clock, QString model, QString promptHash, int batchSize,
        const std::atomic_bool *cancel, Progress progress);

    void onReply(BatchReply &reply);

private:
    [[nodiscard]] bool cancelled() const { return m_cancel && *m_cancel; }

    PaperStore &m_store;
    BatchDispatcher &m_dispatcher;
    RunAccount &m_account;
    CostEstimator &m_estimator;
    const Clock &m_clock;
    QString m_model;
    QString m_hash;
    int m_batchSize;
    const std::atomic_bool *m_cancel;
    Progress m_progress;
};

} // namespace Lectern
