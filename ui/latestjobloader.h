// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>

namespace Lectern {

class Job;
class JobRunner;

/// Reads something for the window in the background, one job at a time ("All days"' rows, the day list's
/// counts). A request made while a job runs supersedes it: the running one is cancelled and its result
/// dropped, so the window never shows a result older than the last request.
class LatestJobLoader final : public QObject
{
    Q_OBJECT
public:
    /// @p makeJob makes the job for each request; its outcome's result is what loaded() hands on.
    explicit LatestJobLoader(std::function<Job *()> makeJob, QObject *parent = nullptr);

    void load();
    /// Drops the result of a running job (the view no longer wants it).
    void cancel();
    [[nodiscard]] bool isLoading() const;

Q_SIGNALS:
    void loaded(const QVariant &result);
    void failed(const QString &message);

private:
    void startJob();

    std::function<Job *()> m_makeJob;
    JobRunner *m_runner;
    quint64 m_generation = 0;
    quint64 m_jobGeneration = 0; ///< m_generation when the running job started
    bool m_pending = false;
};

} // namespace Lectern
