// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorechartdock.h"

#include "scorechartview.h"

#include <QAction>
#include <QKeySequence>

namespace Lectern {

ScoreChartDock::ScoreChartDock(QWidget *parent)
    : QDockWidget(tr("Scores"), parent)
    , m_chart(new ScoreChartView(this))
{
    setObjectName(QStringLiteral("scoreDock"));
    setWidget(m_chart);
    hide();
    QAction *action = toggleViewAction();
    action->setText(tr("Score C&hart"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    action->setToolTip(
        tr("Relevance × novelty of the day's papers; click a point to select the paper (Ctrl+G)"));
}

} // namespace Lectern
