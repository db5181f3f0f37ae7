// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoringrun.h"

#include "jobs/job.h"
#include "scoring/llmproviders.h"
#include "scoring/scoringjob.h"

#include <QEventLoop>
#include <QTimer>

namespace Lectern::Test {

ScoringRun runScoringJob(const ScoringRequest &request, int timeoutMs)
{
    ScoringRun out;
    JobRunner runner;
    QEventLoop loop;
    QObject::connect(&runner, &JobRunner::finished, &loop, [&](const JobOutcome &outcome) {
        out.finished = true;
        out.ok = outcome.ok();
        out.message = outcome.message;
        out.summary = outcome.resultAs<ScoringSummary>();
        loop.quit();
    });
    if (!runner.start(new ScoringJob(request)))
        return out;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (runner.isRunning()) {
        runner.cancel();
        runner.wait(20000);
    }
    return out;
}

ScoringProviderFactory openAiFactory(const QUrl &base, const QString &model, HttpOptions http)
{
    return [base, model, http]() -> std::unique_ptr<ScoringProvider> {
        auto p = makeLlmProvider(QStringLiteral("openai"), base, model,
            QStringLiteral("sk-test-LecternFakeKey1234567890"), true, QStringLiteral("minimal"), http);
        return p ? std::move(p).value() : nullptr;
    };
}

} // namespace Lectern::Test
