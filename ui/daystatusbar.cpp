// SPDX-License-Identifier: GPL-3.0-or-later
#include "daystatusbar.h"

#include "arxiv/daystatusnote.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Lectern {

DayStatusBar::DayStatusBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_backfill(new QPushButton(tr("Back-fill this day"), this))
{
    setObjectName(QStringLiteral("dayStatusBar"));
    m_backfill->setObjectName(QStringLiteral("backfillButton"));
    m_backfill->setToolTip(
        tr("Fetch this day again through arXiv's OAI-PMH interface (approximates the announcement)"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xff, 0xf3, 0xcd));
    pal.setColor(QPalette::WindowText, QColor(0x66, 0x4d, 0x03));
    setPalette(pal);
    m_text->setTextFormat(Qt::PlainText); // the reason quotes feeds and servers
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_backfill);
    connect(m_backfill, &QPushButton::clicked, this, [this] { Q_EMIT backfillRequested(m_day); });
    hide();
}

void DayStatusBar::showDay(const QDate &day, bool complete, const QString &why)
{
    m_day = day;
    if (complete) {
        hide();
        return;
    }
    // The note is stored as codes and put into words here, in this window's language.
    m_text->setText(
        tr("This day looks partial: %1")
            .arg(why.isEmpty() ? tr("the fetch did not complete.") : DayStatusNote::display(why)));
    show();
}

} // namespace Lectern
