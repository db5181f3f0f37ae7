// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a ScoringJob the way the window does (on a JobRunner thread) while the calling thread's event loop
// serves the loopback stand-ins; and the OpenAI provider factory the scoring tests point at a stand-in.
#pragma once

#include "net/httpclient.h"
#include "scoring/pipeline/scoringrequest.h"
#include "scoring/pipeline/scoringsummary.h"

#include <QString>
#include <QUrl>

namespace Lectern::Test {

struct ScoringRun
{
    bool finished = false; ///< false: still running after the time limit (then cancelled)
    bool ok = false;
    QString message;
    ScoringSummary summary;
};

/// Runs @p request to its end or for at most @p timeoutMs, then cancels it.
[[nodiscard]] ScoringRun runScoringJob(const ScoringRequest &request, int timeoutMs = 60000);

/// Makes OpenAI providers for @p model at @p base (a stand-in's /v1) with a test key.
[[nodiscard]] ScoringProviderFactory openAiFactory(const QUrl &base, const QString &model, HttpOptions http);

} // namespace Lectern::Test
