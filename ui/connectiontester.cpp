// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontester.h"

#include "jobs/job.h"
#include "net/safeurl.h"
#include "scoring/connectiontestjob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Lectern {

ConnectionTester::ConnectionTester(QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(tr("Test connection"), this))
    , m_result(new QLabel(this))
    , m_runner(new JobRunner(this))
{
    m_button->setObjectName(QStringLiteral("testConnection"));
    m_button->setToolTip(tr("List the server's models with these settings (free; no paper is sent)"));
    m_result->setObjectName(QStringLiteral("connectionResult"));
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
        const bool ok = outcome.ok();
        const QString &message = outcome.message;
        m_button->setEnabled(true);
        m_result->setText(ok ? tr("✔ %1").arg(message) : tr("✘ %1").arg(message));
        m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020"));
        Q_EMIT finished(ok, message);
    });
}

bool ConnectionTester::isRunning() const
{
    return m_runner->isRunning();
}

void ConnectionTester::start(const LlmConfig &config)
{
    if (isRunning())
        return;
    m_button->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Connecting to %1…").arg(SafeUrl::forDisplay(config.baseUrl)));
    m_runner->start(new ConnectionTestJob(config));
}

void ConnectionTester::showProblem(const QString &message)
{
    m_result->setStyleSheet(QStringLiteral("color: #b00020"));
    m_result->setText(tr("✘ %1").arg(message));
    Q_EMIT finished(false, message);
}

} // namespace Lectern
