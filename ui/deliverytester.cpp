// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliverytester.h"

#include "delivery/deliveryjob.h"
#include "jobs/job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Lectern {

DeliveryTester::DeliveryTester(QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(tr("Send test"), this))
    , m_result(new QLabel(this))
    , m_runner(new JobRunner(this))
{
    m_button->setObjectName(QStringLiteral("sendDeliveryTest"));
    m_button->setToolTip(tr("Send the latest day's digest by every enabled channel now, as a test"));
    m_result->setObjectName(QStringLiteral("deliveryTestResult"));
    // Servers' messages are text, never markup.
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
        m_result->setText(outcome.ok() ? tr("✔ %1").arg(outcome.message) : tr("✘ %1").arg(outcome.message));
        m_result->setStyleSheet(outcome.ok() ? QString() : QStringLiteral("color: #b00020"));
        Q_EMIT finished(outcome.ok(), outcome.message);
    });
}

bool DeliveryTester::isRunning() const
{
    return m_runner->isRunning();
}

void DeliveryTester::start(DeliveryRequest request)
{
    if (isRunning())
        return;
    m_button->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Sending…"));
    request.test = true;
    m_runner->start(new DeliveryJob(std::move(request)));
}

void DeliveryTester::showProblem(const QString &message)
{
    m_result->setText(tr("✘ %1").arg(message));
    m_result->setStyleSheet(QStringLiteral("color: #b00020"));
}

} // namespace Lectern
