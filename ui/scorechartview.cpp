// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorechartview.h"

#include <QChart>
#include <QChartView>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Lectern {

ScoreChartView::ScoreChartView(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_series(new QScatterSeries)
    , m_starred(new QScatterSeries)
{
    setObjectName(QStringLiteral("scoreChart"));
    m_series->setName(tr("Papers"));
    m_series->setMarkerSize(9);
    m_starred->setName(tr("Starred"));
    m_starred->setMarkerSize(12);
    m_starred->setMarkerShape(QScatterSeries::MarkerShapeStar);
    m_chart->addSeries(m_series);
    m_chart->addSeries(m_starred);
    auto *x = new QValueAxis;
    x->setRange(0.5, 10.5);
    x->setTickCount(10);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("Relevance"));
    auto *y = new QValueAxis;
    y->setRange(0.5, 10.5);
    y->setTickCount(10);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Novelty"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries *s : {m_series, m_starred}) {
        s->attachAxis(x);
        s->attachAxis(y);
        connect(s, &QScatterSeries::clicked, this, [this](const QPointF &p) {
            const QString id = paperAt(p);
            if (!id.isEmpty())
                Q_EMIT paperClicked(id);
        });
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void ScoreChartView::setRecords(const QList<PaperRecord> &records)
{
    m_points.clear();
    QHash<QPoint, int> taken; // papers already drawn at each integer score pair
    for (const PaperRecord &r : records) {
        if (!r.score || !r.score->isScored())
            continue;
        const QPoint cell(*r.score->relevance, *r.score->novelty);
        const int k = taken[cell]++;
        // A small spiral around the integer point keeps equal scores apart and clickable.
        const double angle = k * 2.39996; // golden angle
        const double radius = k == 0 ? 0.0 : 0.09 * std::sqrt(double(k));
        const QPointF p(cell.x() + radius * std::cos(angle), cell.y() + radius * std::sin(angle));
        m_points.append({p, r.paper.arxivId, r.state.starred});
    }
    redraw();
}

void ScoreChartView::setStarred(const QString &arxivId, bool starred)
{
    for (Point &p : m_points) {
        if (p.arxivId == arxivId && p.starred != starred) {
            p.starred = starred;
            redraw();
            return;
        }
    }
}

void ScoreChartView::redraw()
{
    QList<QPointF> plain;
    QList<QPointF> starred;
    for (const Point &p : std::as_const(m_points))
        (p.starred ? starred : plain) << p.at;
    m_series->replace(plain);
    m_starred->replace(starred);
}

QString ScoreChartView::paperAt(const QPointF &point) const
{
    QString best;
    double bestDistance = 0.3; // in score units: a click must land near a point
    for (const Point &p : m_points) {
        const double d = std::hypot(p.at.x() - point.x(), p.at.y() - point.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = p.arxivId;
        }
    }
    return best;
}

} // namespace Lectern
