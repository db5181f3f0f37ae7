// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "scoring/batchscoring.h"
#include "scoring/llmconfig.h"

namespace Lectern {

/// One provider-batch action on a worker: submit a day as a provider batch, ask about a waiting batch,
/// collect it, or ask the provider to cancel it. What the CLI's `score --batch` and `batch …` commands
/// do, for the window.
class ProviderBatchJob final : public Job
{
    Q_OBJECT
public:
    enum class Action { Submit, Check, Collect, Cancel };

    /// Submit: @p config is the provider to use (its key included; never logged). Check, Collect and
    /// Cancel: the batch @p batchId recorded in the database; @p config gives the key and base URL of its
    /// provider, and the batch's own model is used.
    ProviderBatchJob(Action action, ScoringRequest request, LlmConfig config, QString batchId = {},
        QObject *parent = nullptr);

    [[nodiscard]] Action action() const { return m_action; }

protected:
    Result<QString> run() override;

private:
    Result<QString> submit();
    Result<QString> poll(bool collect);
    Result<QString> cancelBatch();
    /// The recorded batch m_batchId, still waiting, and the batch interface of its provider and model.
    struct WaitingBatch
    {
        ProviderBatch batch;
        std::unique_ptr<LlmBatchApi> api;
    };
    Result<WaitingBatch> waitingBatch();

    Action m_action;
    ScoringRequest m_request;
    LlmConfig m_config;
    QString m_batchId;
    QStringList m_lines;
};

/// What a ProviderBatchJob hands on in its outcome: the batch it acted on and the lines to show.
struct ProviderBatchResult
{
    ProviderBatchJob::Action action = ProviderBatchJob::Action::Check;
    QString batchId;
    QStringList lines;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::ProviderBatchResult)
