// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatewidget.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Lectern {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
    , m_fetch(new QPushButton(tr("Fetch today's papers"), this))
{
    setObjectName(QStringLiteral("emptyState"));
    m_fetch->setObjectName(QStringLiteral("fetchTodayButton"));
    auto *title = new QLabel(tr("<h2>No papers yet</h2>"), this);
    title->setAlignment(Qt::AlignCenter);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::PlainText); // may quote a job's or the database's error
    m_message->setWordWrap(true);
    showIntroduction();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(m_fetch, 0, Qt::AlignCenter);
    layout->addStretch();
    connect(m_fetch, &QPushButton::clicked, this, &EmptyStateWidget::fetchRequested);
}

void EmptyStateWidget::showIntroduction()
{
    m_message->setText(
        tr("Lectern fetches the day's arXiv announcements for your categories, scores them for "
           "relevance and novelty, and lists them here."));
}

void EmptyStateWidget::setMessage(const QString &message)
{
    m_message->setText(message);
}

} // namespace Lectern
