// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontestjob.h"

#include "scoring/llmproviders.h"

namespace Lectern {

ConnectionTestJob::ConnectionTestJob(LlmConfig config, bool scoreSample)
    : m_config(std::move(config))
    , m_scoreSample(scoreSample)
{ }

Result<QString> ConnectionTestJob::run()
{
    const ConnectionTestResult r = testConnection(m_config, m_scoreSample, cancelFlag());
    const QString text = tr("%1 (model %2, %3 ms)").arg(r.message, m_config.model).arg(r.elapsedMs);
    if (!r.ok)
        return Error {text};
    return text;
}

} // namespace Lectern
