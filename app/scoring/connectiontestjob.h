// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/job.h"
#include "scoring/llmconfig.h"

namespace Lectern {

/// testConnection() as a Job, so the settings dialog can run it on a worker thread. The summary names
/// the outcome, the model and how long the server took; never the key.
class ConnectionTestJob final : public Job
{
    Q_OBJECT
public:
    explicit ConnectionTestJob(LlmConfig config, bool scoreSample = false);

protected:
    Result<QString> run() override;

private:
    LlmConfig m_config;
    bool m_scoreSample;
};

} // namespace Lectern
