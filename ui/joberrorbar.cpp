// SPDX-License-Identifier: GPL-3.0-or-later
#include "joberrorbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>

namespace Lectern {

JobErrorBar::JobErrorBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_details(new QPushButton(tr("Details…"), this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobErrorBar"));
    setFrameShape(QFrame::StyledPanel);
    // The palette's own colours would not stand out; a fixed warm tint reads as "something went wrong".
    setStyleSheet(QStringLiteral("#jobErrorBar { background: #fbe3e4; border: 1px solid #e0a0a4; }"
                                 "#jobErrorBar QLabel { color: #5c0a10; }"));
    m_text->setObjectName(QStringLiteral("jobErrorText"));
    m_text->setTextFormat(Qt::PlainText); // job errors quote servers and feeds: text, never markup
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("jobErrorDetails"));
    m_retry->setObjectName(QStringLiteral("jobErrorRetry"));
    m_retry->setToolTip(tr("Start the same job again"));
    m_close->setObjectName(QStringLiteral("jobErrorClose"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Hide this message"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_retry);
    layout->addWidget(m_close);
    connect(m_details, &QPushButton::clicked, this, &JobErrorBar::showDetails);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void JobErrorBar::showError(const QString &summary, const QString &details)
{
    m_summary = summary;
    m_detailText = details;
    m_text->setText(summary);
    if (m_box)
        m_box->setDetailedText(details);
    show();
}

QString JobErrorBar::message() const
{
    return m_summary;
}

QMessageBox *JobErrorBar::detailsBox() const
{
    return m_box.data();
}

void JobErrorBar::showDetails()
{
    if (!m_box) {
        m_box = new QMessageBox(QMessageBox::Warning, tr("Lectern"), QString(), QMessageBox::Close, this);
        m_box->setObjectName(QStringLiteral("jobErrorDetailsBox"));
        m_box->setAttribute(Qt::WA_DeleteOnClose);
        m_box->setWindowModality(Qt::NonModal);
        m_box->setTextFormat(Qt::PlainText);
    }
    m_box->setText(m_summary);
    m_box->setDetailedText(m_detailText);
    m_box->show();
    m_box->raise();
}

} // namespace Lectern
