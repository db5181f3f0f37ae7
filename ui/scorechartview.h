// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"

#include <QHash>
#include <QPoint>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;

namespace Lectern {

/// The day at a glance: relevance × novelty of every scored paper (Qt Charts), on integer gridlines, with
/// the digest's thresholds drawn. Papers with the same scores are spread around their integer point, never
/// beyond half a mark, so each stays visible and clickable; clicking a point selects that paper and
/// hovering shows its title.
class ScoreChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit ScoreChartView(QWidget *parent = nullptr);

    void setRecords(const QList<PaperRecord> &records);
    /// A paper's star changed: it moves between the plain and the starred series, in place.
    void setStarred(const QString &arxivId, bool starred);
    /// The digest's minimum relevance and novelty: drawn as the corner the digest takes.
    void setThresholds(int minRelevance, int minNovelty);
    [[nodiscard]] QScatterSeries *series() const { return m_series; }
    [[nodiscard]] QScatterSeries *starredSeries() const { return m_starred; }
    [[nodiscard]] QLineSeries *thresholdSeries() const { return m_thresholds; }
    [[nodiscard]] QChart *chart() const { return m_chart; }
    /// The paper drawn nearest @p point (as passed by the series' signals) within its own integer cell,
    /// if any: a click never selects a paper of a neighbouring score.
    [[nodiscard]] QString paperAt(const QPointF &point) const;
    /// The title of paperAt(@p point), as plain text.
    [[nodiscard]] QString titleAt(const QPointF &point) const;

    /// Wide enough for both axes' labels and the legend when the dock first opens.
    [[nodiscard]] QSize sizeHint() const override { return {460, 420}; }

Q_SIGNALS:
    void paperClicked(const QString &arxivId);

private:
    QChart *m_chart;
    QChartView *m_view;
    QScatterSeries *m_series;
    QScatterSeries *m_starred;
    QLineSeries *m_thresholds;
    void redraw();

    struct Point
    {
        QPointF at;
        QPoint cell; ///< the integer scores
        QString arxivId;
        QString title;
        bool starred = false;
    };
    [[nodiscard]] const Point *pointAt(const QPointF &point) const;
    QList<Point> m_points;
};

} // namespace Lectern
