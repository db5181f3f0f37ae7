// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace Lectern {

class JobController;

/// The running job in the status bar: a progress bar (busy until the job reports numbers), a Cancel
/// button (Esc) and, while scoring, papers, tokens and cost so far. Hidden when nothing runs; the job's
/// messages go to the status bar.
class JobStatusIndicator final : public QWidget
{
    Q_OBJECT
public:
    JobStatusIndicator(JobController *jobs, QStatusBar *statusBar);

private:
    void started(const QString &message);
    void ended();

    QStatusBar *m_statusBar;
    QLabel *m_costMeter;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
};

} // namespace Lectern
