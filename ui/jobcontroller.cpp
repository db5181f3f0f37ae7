// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobcontroller.h"

#include "actionicon.h"
#include "arxiv/backfilljob.h"
#include "arxiv/fetchjob.h"
#include "config/settings.h"
#include "keyringstore.h"
#include "scoring/providerfactory.h"
#include "scoring/scoringjob.h"
#include "store/paperstore.h"
#include "util/clock.h"

#include <QAction>
#include <QDateTime>
#include <QIcon>
#include <QKeySequence>
#include <QLocale>
#include <QTimer>

namespace Lectern {

JobController::JobController(const Profile &profile, Settings &settings, PaperStore *store, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_settings(settings)
    , m_store(store)
    , m_runner(new JobRunner(this))
    , m_fetch(
          new QAction(ActionIcon::named(QStringLiteral("view-refresh")), tr("&Fetch Today's Papers"), this))
    , m_score(new QAction(ActionIcon::named(QStringLiteral("rating")), tr("&Score Day"), this))
    , m_run(new QAction(
          ActionIcon::named(QStringLiteral("media-playback-start")), tr("&Run (Fetch and Score)"), this))
{
    setObjectName(QStringLiteral("jobController"));
    m_fetch->setObjectName(QStringLiteral("actionFetch"));
    m_fetch->setShortcut(QKeySequence::Refresh);
    m_fetch->setToolTip(tr("Fetch today's announcements for your categories (F5)"));
    m_score->setObjectName(QStringLiteral("actionScore"));
    m_score->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_score->setToolTip(tr("Score the shown day's papers for relevance and novelty (Ctrl+R)"));
    m_run->setObjectName(QStringLiteral("actionRun"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_run->setToolTip(tr("Fetch today's papers, then score them (Ctrl+Shift+R)"));
    connect(m_fetch, &QAction::triggered, this, &JobController::fetchToday);
    connect(m_score, &QAction::triggered, this, &JobController::scoreDay);
    connect(m_run, &QAction::triggered, this, &JobController::runToday);
    connect(m_runner, &JobRunner::progress, this, &JobController::progress);
    connect(m_runner, &JobRunner::finished, this, &JobController::jobEnded);
}

bool JobController::isRunning() const
{
    return m_runner->isRunning();
}

void JobController::setBusy(bool busy)
{
    for (QAction *a : {m_fetch, m_score, m_run})
        a->setEnabled(!busy);
}

void JobController::start(Job *job, const QString &name, const QString &message, std::function<void()> retry)
{
    if (m_runner->isRunning()) {
        delete job;
        return;
    }
    m_jobName = name;
    m_retry = std::move(retry);
    m_cancelRequested = false;
    m_runner->start(job);
    setBusy(true);
    Q_EMIT started(message);
}

void JobController::fail(const QString &name, const QString &message, std::function<void()> retry)
{
    m_jobName = name;
    m_retry = std::move(retry);
    jobEnded(JobOutcome {JobOutcome::Status::Failed, message, {}});
}

void JobController::cancel()
{
    m_cancelRequested = m_runner->isRunning();
    m_runner->cancel();
}

void JobController::retry()
{
    if (m_retry)
        m_retry();
}

bool JobController::fetchTodayIfMissing()
{
    if (!m_store)
        return false;
    auto run = m_store->dayRun(FetchRequest::arxivToday());
    if (!run || run->has_value())
        return false;
    QTimer::singleShot(0, this, &JobController::fetchToday);
    return true;
}

void JobController::fetchToday()
{
    if (!m_store || m_runner->isRunning())
        return;
    m_jumpToLatest = true;
    start(new FetchJob(FetchRequest::fromSettings(m_settings, m_profile.store())), tr("Fetch"),
        tr("Fetching today's papers…"), [this] { fetchToday(); });
}

void JobController::runToday()
{
    if (!m_store || m_runner->isRunning())
        return;
    m_scoreAfterFetch = true;
    fetchToday();
    // Retry restarts the whole run, whichever half failed.
    m_jobName = tr("Run");
    m_retry = [this] { runToday(); };
}

void JobController::backfillDay(const QDate &day)
{
    if (!m_store || m_runner->isRunning() || !day.isValid())
        return;
    const FetchRequest fetch = FetchRequest::fromSettings(m_settings, m_profile.store());
    BackfillRequest request;
    request.databasePath = fetch.databasePath;
    request.categories = fetch.categories;
    request.keepTypes = fetch.keepTypes;
    request.oaiBase = m_settings.url(Keys::ArxivOaiBase);
    request.from = day;
    request.until = day;
    request.http = fetch.http;
    start(new BackfillJob(request), tr("Back-fill of %1").arg(day.toString(Qt::ISODate)),
        tr("Back-filling %1 from OAI-PMH…").arg(day.toString(Qt::ISODate)),
        [this, day] { backfillDay(day); });
}

QDate JobController::dayToScore() const
{
    if (m_shownDay.isValid() || !m_store)
        return m_shownDay;
    auto latest = m_store->latestDay();
    return latest && latest->has_value() ? **latest : QDate();
}

void JobController::scoreDay()
{
    if (!m_store || m_runner->isRunning())
        return;
    const QDate day = dayToScore();
    if (!day.isValid()) {
        Q_EMIT notice(tr("Nothing to score yet: fetch today's papers first."), 5000);
        return;
    }
    if (!m_inRun) {
        m_jobName = tr("Scoring of %1").arg(day.toString(Qt::ISODate));
        m_retry = [this, day] {
            setShownDay(day);
            scoreDay();
        };
    }
    const QString provider = m_settings.string(Keys::ScoringProvider);
    if (provider == u"builtin" || !KeyringStore::isAvailable()) {
        startScoring(day, QString());
        return;
    }
    // The key is read from the keyring here, on the GUI thread, and handed to the job's providers.
    auto *keyring = new KeyringStore(this);
    keyring->readKey(provider, [this, keyring, day](const QString &key, const QString &error) {
        keyring->deleteLater();
        if (!error.isEmpty())
            Q_EMIT notice(error, 8000);
        startScoring(day, key);
    });
}

void JobController::startScoring(const QDate &day, const QString &apiKey)
{
    if (m_runner->isRunning())
        return;
    auto request = ScoringRequest::fromProfile(m_settings, m_profile, day);
    if (!request) {
        fail(m_jobName, request.error(), m_retry);
        return;
    }
    QString error;
    request.value().factory =
        makeScoringProviderFactory(m_settings, m_profile, &error, [apiKey](LlmKind) { return apiKey; });
    if (!request.value().factory) {
        fail(m_jobName, error, m_retry);
        return;
    }
    auto *job = new ScoringJob(std::move(request).value());
    connect(job, &ScoringJob::scoringProgress, this, &JobController::scoringProgress);
    start(job, m_jobName, tr("Scoring %1…").arg(day.toString(Qt::ISODate)), m_retry);
}

void JobController::jobEnded(const JobOutcome &outcome)
{
    setBusy(false);
    const bool ok = outcome.ok();
    // The fetch half of Run is not the end of the action: one notification, when scoring ends.
    if (!(ok && m_scoreAfterFetch))
        Q_EMIT actionEnded(ok,
            ok                        ? outcome.message
                : outcome.cancelled() ? tr("Cancelled.")
                                      : tr("Failed: %1").arg(outcome.message));
    // A cancelled job is what the user asked for, not an error to retry.
    if (!ok && !m_cancelRequested)
        Q_EMIT failed(tr("%1 failed: %2").arg(m_jobName, outcome.message.section(u'\n', 0, 0)),
            tr("%1 failed at %2.\n\n%3")
                .arg(m_jobName,
                    QLocale().toString(Clock::system().nowUtc().toLocalTime(), QLocale::ShortFormat),
                    outcome.message));
    m_cancelRequested = false;
    const bool jump = std::exchange(m_jumpToLatest, false);
    Q_EMIT finished(outcome, jump);
    if (std::exchange(m_scoreAfterFetch, false) && ok) {
        // The window shows the fetched day by now: score it, as part of the run.
        m_inRun = true;
        scoreDay();
        m_inRun = false;
    }
}

} // namespace Lectern
