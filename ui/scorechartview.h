// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"

#include <QHash>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QScatterSeries;

namespace Lectern {

/// The day at a glance: relevance × novelty of every scored paper (Qt Charts). Papers with the same
/// scores are spread a little so that each stays clickable; clicking a point selects that paper.
class ScoreChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit ScoreChartView(QWidget *parent = nullptr);

    void setRecords(const QList<PaperRecord> &records);
    /// A paper's star changed: it moves between the plain and the starred series, in place.
    void setStarred(const QString &arxivId, bool starred);
    [[nodiscard]] QScatterSeries *series() const { return m_series; }
    [[nodiscard]] QScatterSeries *starredSeries() const { return m_starred; }
    /// The paper drawn at @p point (as passed by the series' clicked signal), if any.
    [[nodiscard]] QString paperAt(const QPointF &point) const;

Q_SIGNALS:
    void paperClicked(const QString &arxivId);

private:
    QChart *m_chart;
    QChartView *m_view;
    QScatterSeries *m_series;
    QScatterSeries *m_starred;
    void redraw();

    struct Point
    {
        QPointF at;
        QString arxivId;
        bool starred = false;
    };
    QList<Point> m_points;
};

} // namespace Lectern
