// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

namespace Lectern {

class ScoreChartView;

/// The dock that holds the day's ScoreChartView, hidden until View ▸ Score Chart (toggleViewAction(),
/// Ctrl+G) shows it.
class ScoreChartDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit ScoreChartDock(QWidget *parent = nullptr);

    [[nodiscard]] ScoreChartView *chart() const { return m_chart; }

private:
    ScoreChartView *m_chart;
};

} // namespace Lectern
