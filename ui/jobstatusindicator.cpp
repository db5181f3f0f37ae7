// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobstatusindicator.h"

#include "jobcontroller.h"
#include "scoring/scoringjob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace Lectern {

JobStatusIndicator::JobStatusIndicator(JobController *jobs, QStatusBar *statusBar)
    : QWidget(statusBar)
    , m_statusBar(statusBar)
    , m_costMeter(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobStatus"));
    m_costMeter->setObjectName(QStringLiteral("costMeter"));
    m_costMeter->setToolTip(tr("Tokens and cost of the running scoring job"));
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_progress->setMaximumWidth(220);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the running job (Esc)"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_costMeter);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    ended();

    connect(m_cancel, &QToolButton::clicked, this, [this, jobs] {
        jobs->cancel();
        m_statusBar->showMessage(tr("Cancelling…"));
    });
    connect(jobs, &JobController::started, this, &JobStatusIndicator::started);
    connect(jobs, &JobController::finished, this, &JobStatusIndicator::ended);
    connect(jobs, &JobController::progress, this, [this](const JobProgress &p) {
        if (p.total > 0) {
            m_progress->setRange(0, p.total);
            m_progress->setValue(p.done);
        }
        m_statusBar->showMessage(p.message);
    });
    connect(jobs, &JobController::scoringProgress, this, [this](const ScoringProgress &p) {
        m_costMeter->setText(tr("%1/%2 papers · %3 tokens · $%4")
                                 .arg(p.done)
                                 .arg(p.total)
                                 .arg(p.usage.promptTokens + p.usage.completionTokens)
                                 .arg(p.cost, 0, 'f', 3));
        m_costMeter->show();
    });
}

void JobStatusIndicator::started(const QString &message)
{
    m_progress->setRange(0, 0); // busy until the first report with numbers
    m_progress->show();
    m_cancel->show();
    show();
    m_statusBar->showMessage(message);
}

void JobStatusIndicator::ended()
{
    m_costMeter->hide();
    m_progress->hide();
    m_cancel->hide();
}

} // namespace Lectern
