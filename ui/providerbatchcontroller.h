// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/profile.h"
#include "jobs/job.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QAction;
class QWidget;

namespace Lectern {

class Job;
class JobController;
class ProviderBatchJob;
class ProviderBatchesDialog;
class Settings;

/// Provider batches in the window: "Score as Provider Batch (half price)" submits the shown day through
/// the OpenAI Batch API or Anthropic Message Batches, and "Provider Batches…" opens the non-modal list of
/// waiting batches with Check now, Collect and Cancel batch. Each runs as a ProviderBatchJob that the main
/// window starts on its JobRunner (progress, Cancel and the JobErrorBar as for the other jobs). The key is
/// read from the keyring (or the environment) here and handed to the job, never logged. Both actions are
/// off, with a tooltip that says why, when the scorer is the built-in one or a local server (no batch API);
/// the list stays open to while batches wait.
class ProviderBatchController final : public QObject
{
    Q_OBJECT
public:
    /// Its jobs run through @p jobs (progress, Cancel, the error bar and Retry as for the other jobs).
    ProviderBatchController(const Profile &profile, Settings &settings, JobController *jobs, QWidget *window);
    ~ProviderBatchController() override;

    [[nodiscard]] QAction *submitAction() const { return m_submit; }
    [[nodiscard]] QAction *batchesAction() const { return m_list; }
    /// The dialog once opened, else null.
    [[nodiscard]] ProviderBatchesDialog *dialog() const;

    /// Re-reads scoring/provider and the waiting batches: enables or disables the actions.
    void updateAvailability();
    /// Submits @p day as a provider batch.
    void submitDay(const QDate &day);
    void check(const QString &batchId, bool collect);
    void cancelBatch(const QString &batchId);
    void showBatches();
    /// The main window's job ended (JobRunner::finished): the list, its lines and the actions follow.
    void jobEnded(const Lectern::JobOutcome &outcome);
    /// The main window started a job: nothing new is started from here meanwhile.
    void jobStarted();

private:
    void withKey(const QString &provider, std::function<void(const QString &key)> then);
    void launch(
        ProviderBatchJob *job, const QString &name, const QString &message, std::function<void()> retry);

    Profile m_profile;
    Settings &m_settings;
    JobController *m_jobs;
    QWidget *m_window;
    QAction *m_submit;
    QAction *m_list;
    QPointer<ProviderBatchesDialog> m_dialog;
};

} // namespace Lectern
