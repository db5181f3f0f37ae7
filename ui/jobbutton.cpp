// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobbutton.h"

#include "jobs/job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Lectern {

JobButton::JobButton(const QString &text, const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(text, this))
    , m_result(new QLabel(this))
    , m_runner(new JobRunner(this))
{
    m_button->setObjectName(name);
    m_result->setObjectName(name + QStringLiteral("Result"));
    // The whole message, wrapped, as text: a server's error may hold an HTML page or angle brackets,
    // which rich text would swallow.
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button, 0, Qt::AlignTop);
    layout->addWidget(m_result, 1);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (!isRunning())
            Q_EMIT testRequested();
    });
    connect(m_runner, &JobRunner::finished, this, [this](const JobOutcome &outcome) {
        m_button->setEnabled(true);
        showOutcome(outcome.ok(), outcome.message);
    });
}

bool JobButton::isRunning() const
{
    return m_runner->isRunning();
}

void JobButton::showProblem(const QString &message)
{
    showOutcome(false, message);
}

void JobButton::run(Job *job, const QString &progress)
{
    if (isRunning()) {
        delete job;
        return;
    }
    m_button->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(progress);
    m_runner->start(job);
}

void JobButton::showOutcome(bool ok, const QString &message)
{
    m_result->setText(ok ? tr("✔ %1").arg(message) : tr("✘ %1").arg(message));
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020"));
    Q_EMIT finished(ok, message);
}

} // namespace Lectern
