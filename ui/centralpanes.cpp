// SPDX-License-Identifier: GPL-3.0-or-later
#include "centralpanes.h"

#include "daynavigator.h"
#include "digestview.h"
#include "emptystatewidget.h"
#include "joberrorbar.h"
#include "readerview.h"

#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Lectern {

CentralPanes::CentralPanes(PaperTableModel *model, PaperFilterProxy *proxy, PaperStateHub *hub,
    QLabel *profileProblems, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_navigator(new DayNavigator(this))
    , m_errorBar(new JobErrorBar(this))
    , m_profileProblems(profileProblems)
    , m_empty(new EmptyStateWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_reader(new ReaderView(model, proxy, hub, this))
    , m_digest(new DigestView(this))
    , m_stack(new QStackedWidget(this))
{
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Reader and digest"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_reader, tr("&Reader"));
    m_tabs->addTab(m_digest, tr("&Digest"));
    m_digest->setHub(hub);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);

    auto *rightPane = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(rightPane);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    rightLayout->addWidget(m_errorBar);
    rightLayout->addWidget(m_profileProblems);
    rightLayout->addWidget(m_stack, 1);
    addWidget(m_navigator);
    addWidget(rightPane);
    setStretchFactor(1, 1);
    setSizes({220, 900});
}

void CentralPanes::showPapers()
{
    // The keyboard starts on the papers (j, k, Space…), at the window's start and after a first fetch
    // begun from the empty state; wherever else the user put it, it stays.
    QWidget *focus = window()->focusWidget();
    const bool keyboardOnEmpty =
        m_stack->currentWidget() == m_empty && (!focus || focus == m_empty || m_empty->isAncestorOf(focus));
    m_stack->setCurrentWidget(m_tabs);
    if (keyboardOnEmpty)
        m_reader->takeKeyboard();
}

void CentralPanes::showEmptyState()
{
    m_stack->setCurrentWidget(m_empty);
    if (!window()->focusWidget())
        m_empty->fetchButton()->setFocus(); // Space or Enter fetches
}

void CentralPanes::keepKeyboardWhileBusy()
{
    // A disabled button hands the focus to the next widget in the chain (a filter's drop-down, where j
    // and Space do nothing for the papers); the empty state keeps it until the papers come.
    // The window's focus widget, not hasFocus(): the first fetch starts from the assistant, before the
    // window is active.
    if (window()->focusWidget() == m_empty->fetchButton())
        m_empty->setFocus();
}

} // namespace Lectern
