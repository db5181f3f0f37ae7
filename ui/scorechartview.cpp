// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorechartview.h"

#include "text/textounicode.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Lectern {

namespace {

// Ties are spread within this distance of their integer point: well inside the cell, so no paper looks
// like it has a neighbouring score.
constexpr double kSpread = 0.36;

QValueAxis *scoreAxis(const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setRange(0.5, 10.5);
    // Dynamic ticks anchored on 1, one apart: labels and gridlines on the integers 1..10 (a tick count of
    // 10 over 0.5..10.5 would put them at non-integer places and round two labels alike).
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(1);
    axis->setTickInterval(1);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTitleText(title);
    return axis;
}

} // namespace

ScoreChartView::ScoreChartView(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_series(new QScatterSeries)
    , m_starred(new QScatterSeries)
    , m_thresholds(new QLineSeries)
{
    setObjectName(QStringLiteral("scoreChart"));
    m_series->setName(tr("Papers"));
    m_series->setMarkerSize(9);
    m_starred->setName(tr("Starred"));
    m_starred->setMarkerSize(12);
    m_starred->setMarkerShape(QScatterSeries::MarkerShapeStar);
    QPen pen(QColor(0xb0, 0x00, 0x20));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    m_thresholds->setPen(pen);
    m_chart->addSeries(m_thresholds); // first: drawn below the points
    m_chart->addSeries(m_series);
    m_chart->addSeries(m_starred);
    auto *x = scoreAxis(tr("Relevance"));
    auto *y = scoreAxis(tr("Novelty"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_thresholds->attachAxis(x);
    m_thresholds->attachAxis(y);
    for (QScatterSeries *s : {m_series, m_starred}) {
        s->attachAxis(x);
        s->attachAxis(y);
        connect(s, &QScatterSeries::clicked, this, [this](const QPointF &p) {
            const QString id = paperAt(p);
            if (!id.isEmpty())
                Q_EMIT paperClicked(id);
        });
        connect(s, &QScatterSeries::hovered, this, [this](const QPointF &p, bool entered) {
            const QString title = entered ? titleAt(p) : QString();
            if (title.isEmpty())
                QToolTip::hideText();
            else // escaped inside a paragraph: a title is text, never markup, and long ones wrap
                QToolTip::showText(
                    QCursor::pos(), QStringLiteral("<p>%1</p>").arg(title.toHtmlEscaped()), m_view);
        });
    }
    setThresholds(8, 7);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void ScoreChartView::setThresholds(int minRelevance, int minNovelty)
{
    // The digest's corner: its edges run between the last mark outside and the first mark inside.
    const double r = minRelevance - 0.5;
    const double n = minNovelty - 0.5;
    m_thresholds->setName(tr("Digest (relevance ≥ %1, novelty ≥ %2)").arg(minRelevance).arg(minNovelty));
    m_thresholds->replace({QPointF(r, 10.5), QPointF(r, n), QPointF(10.5, n)});
}

void ScoreChartView::setRecords(const QList<PaperRecord> &records)
{
    m_points.clear();
    QHash<QPoint, int> ties; // papers at each integer score pair
    for (const PaperRecord &r : records) {
        if (r.score && r.score->isScored())
            ++ties[QPoint(*r.score->relevance, *r.score->novelty)];
    }
    QHash<QPoint, int> taken; // papers already drawn at each pair
    for (const PaperRecord &r : records) {
        if (!r.score || !r.score->isScored())
            continue;
        const QPoint cell(*r.score->relevance, *r.score->novelty);
        const int k = taken[cell]++;
        // The first paper sits on the gridlines' crossing; its ties on a sunflower spiral scaled to their
        // number, so two ties are as far apart as twenty are spread.
        const double angle = k * 2.39996; // golden angle
        const int others = ties.value(cell) - 1;
        const double radius = k == 0 ? 0.0 : kSpread * std::sqrt(double(k) / others);
        const QPointF p(cell.x() + radius * std::cos(angle), cell.y() + radius * std::sin(angle));
        m_points.append({p, cell, r.paper.arxivId, TexToUnicode::convert(r.paper.title), r.state.starred});
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

const ScoreChartView::Point *ScoreChartView::pointAt(const QPointF &point) const
{
    // Only the papers of the cell the point lies in count: a click between two cells selects nothing
    // rather than a paper with other scores.
    const QPoint cell(qRound(point.x()), qRound(point.y()));
    if (std::abs(point.x() - cell.x()) >= 0.5 || std::abs(point.y() - cell.y()) >= 0.5)
        return nullptr;
    const Point *best = nullptr;
    double bestDistance = 0.3; // in score units: a click must land near a point
    for (const Point &p : m_points) {
        if (p.cell != cell)
            continue;
        const double d = std::hypot(p.at.x() - point.x(), p.at.y() - point.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = &p;
        }
    }
    return best;
}

QString ScoreChartView::paperAt(const QPointF &point) const
{
    const Point *p = pointAt(point);
    return p ? p->arxivId : QString();
}

QString ScoreChartView::titleAt(const QPointF &point) const
{
    const Point *p = pointAt(point);
    return p ? p->title : QString();
}

} // namespace Lectern
