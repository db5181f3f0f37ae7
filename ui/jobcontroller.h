// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/profile.h"
#include "jobs/job.h"

#include <QDate>
#include <QObject>

#include <functional>

class QAction;

namespace Lectern {

class PaperStore;
class Settings;
struct ScoringProgress;

/// The window's background work, from the user's action to its end: Fetch, Score, Run (fetch, then score
/// what came in), back-fill and any job handed in (provider batches). It owns the JobRunner (one job at a
/// time), the Fetch / Score / Run actions and their enabling, the chaining of Run, Cancel and Retry
/// (the last thing the user asked for, again). Views only listen to its signals.
class JobController final : public QObject
{
    Q_OBJECT
public:
    /// @p store is the GUI thread's own (the latest day to score when none is shown); may be null.
    JobController(const Profile &profile, Settings &settings, PaperStore *store, QObject *parent = nullptr);

    [[nodiscard]] JobRunner *runner() const { return m_runner; }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QAction *fetchAction() const { return m_fetch; }
    [[nodiscard]] QAction *scoreAction() const { return m_score; }
    [[nodiscard]] QAction *runAction() const { return m_run; }
    /// The day Score acts on (the window's shown day); invalid: the latest stored day.
    void setShownDay(const QDate &day) { m_shownDay = day; }
    /// The shown day, else the latest stored day; invalid when nothing is stored.
    [[nodiscard]] QDate dayToScore() const;

public Q_SLOTS:
    void fetchToday();
    /// The morning: schedules fetchToday() when today's announcement is not stored yet; true when it did.
    bool fetchTodayIfMissing();
    /// Scores the shown day (or the latest) with the scorer the settings choose.
    void scoreDay();
    /// Fetch, then score the day shown after the fetch (the one fetched).
    void runToday();
    /// Re-fetches @p day through OAI-PMH.
    void backfillDay(const QDate &day);
    /// Starts @p job (taking it) as @p name; @p retry repeats the user's action. Refused while a job runs.
    void start(Job *job, const QString &name, const QString &message, std::function<void()> retry);
    /// An action that failed before its job could start: reported like a failed job, with Retry.
    void fail(const QString &name, const QString &message, std::function<void()> retry);
    void cancel();
    /// Starts the last job the user asked for again.
    void retry();

Q_SIGNALS:
    /// A job started: @p message says what it does.
    void started(const QString &message);
    void progress(const Lectern::JobProgress &progress);
    void scoringProgress(const Lectern::ScoringProgress &progress);
    /// A job ended. @p jumpToLatest: a fetch brought a new day, show the newest.
    void finished(const Lectern::JobOutcome &outcome, bool jumpToLatest);
    /// A job failed and the user did not cancel it: a one-line summary and the details, for the error bar.
    void failed(const QString &summary, const QString &details);
    /// The user's action ended (a Run once, after its scoring): for the notification.
    void actionEnded(bool ok, const QString &message);
    /// Something to say in the status bar for a while (nothing to score, a keyring problem).
    void notice(const QString &message, int timeoutMs);

private:
    void jobEnded(const JobOutcome &outcome);
    void startScoring(const QDate &day, const QString &apiKey);
    void setBusy(bool busy);

    Profile m_profile;
    Settings &m_settings;
    PaperStore *m_store;
    JobRunner *m_runner;
    QAction *m_fetch;
    QAction *m_score;
    QAction *m_run;
    QDate m_shownDay;
    std::function<void()> m_retry; ///< starts the last job the user asked for again
    QString m_jobName; ///< "Fetch", "Run", …: for the error bar
    bool m_scoreAfterFetch = false; ///< the running fetch is the first half of Run
    bool m_inRun = false; ///< the scoring half of Run is starting
    bool m_jumpToLatest = false; ///< after a fetch, show the newest day; after other jobs, stay
    bool m_cancelRequested = false;
};

} // namespace Lectern
