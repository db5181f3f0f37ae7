// SPDX-License-Identifier: GPL-3.0-or-later
// ScoreComparisonModel and its proxy on a hand-made comparison: statuses, cells, sorting, "only moved".
#include "models/roles.h"
#include "models/scorecomparisonmodel.h"
#include "text/textounicode.h"

#include <testkit/fixtures.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Lectern;
using Status = ScoreComparisonModel::Status;

namespace {

std::optional<Score> marks(const Paper &p, std::optional<int> relevance, std::optional<int> novelty)
{
    Score s = Test::makeScore(p, 1, 1);
    s.relevance = relevance;
    s.novelty = novelty;
    return s;
}

PaperComparison row(const QString &id, std::optional<Score> before, std::optional<Score> after,
    bool relevantBefore, bool relevantAfter)
{
    PaperComparison c;
    c.paper = Test::makePaper(id);
    c.before = std::move(before);
    c.after = std::move(after);
    c.relevantBefore = relevantBefore;
    c.relevantAfter = relevantAfter;
    return c;
}

/// Thresholds 8/7: a leaves, b enters, c unchanged, d changed below the bar, e marks from the old run only,
/// f scored by neither.
ScoreComparison comparison()
{
    const auto p = [](const QString &id) { return Test::makePaper(id); };
    ScoreComparison c;
    c.papers << row(QStringLiteral("2611.00001"), marks(p(QStringLiteral("2611.00001")), 9, 8),
        marks(p(QStringLiteral("2611.00001")), 5, 5), true, false);
    c.papers << row(QStringLiteral("2611.00002"), marks(p(QStringLiteral("2611.00002")), 4, 4),
        marks(p(QStringLiteral("2611.00002")), 9, 9), false, true);
    c.papers << row(QStringLiteral("2611.00003"), marks(p(QStringLiteral("2611.00003")), 7, 7),
        marks(p(QStringLiteral("2611.00003")), 7, 7), false, false);
    c.papers << row(QStringLiteral("2611.00004"), marks(p(QStringLiteral("2611.00004")), 3, 6),
        marks(p(QStringLiteral("2611.00004")), 4, 4), false, false);
    c.papers << row(QStringLiteral("2611.00005"), marks(p(QStringLiteral("2611.00005")), 3, 3),
        marks(p(QStringLiteral("2611.00005")), std::nullopt, std::nullopt), false, false);
    c.papers << row(QStringLiteral("2611.00006"), std::nullopt, std::nullopt, false, false);
    return c;
}

QStringList ids(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(ArxivIdRole).toString();
    return out;
}

QString cell(const QAbstractItemModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

} // namespace

class TestScoreComparisonModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelTester()
    {
        ScoreComparisonModel model;
        ScoreComparisonProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(comparison());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(ScoreComparisonModel::ColumnCount));
        proxy.sort(ScoreComparisonModel::ChangeColumn, Qt::DescendingOrder);
        proxy.setOnlyMoved(true);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setOnlyMoved(false);
        QCOMPARE(proxy.rowCount(), 6);
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void statusesAndCells()
    {
        ScoreComparisonModel model;
        model.setComparison(comparison());
        QCOMPARE(model.statusAt(0), Status::Left);
        QCOMPARE(model.statusAt(1), Status::Entered);
        QCOMPARE(model.statusAt(2), Status::Same);
        QCOMPARE(model.statusAt(3), Status::Changed);
        QCOMPARE(model.statusAt(4), Status::OneRun);
        QCOMPARE(model.statusAt(5), Status::Same);
        QCOMPARE(cell(model, 0, ScoreComparisonModel::StatusColumn), QStringLiteral("left"));
        QCOMPARE(cell(model, 1, ScoreComparisonModel::StatusColumn), QStringLiteral("entered"));
        QCOMPARE(cell(model, 3, ScoreComparisonModel::StatusColumn), QStringLiteral("changed"));

        QCOMPARE(cell(model, 0, ScoreComparisonModel::IdColumn), QStringLiteral("2611.00001"));
        QCOMPARE(cell(model, 0, ScoreComparisonModel::OldRelevanceColumn), QStringLiteral("9"));
        QCOMPARE(cell(model, 0, ScoreComparisonModel::OldNoveltyColumn), QStringLiteral("8"));
        QCOMPARE(cell(model, 0, ScoreComparisonModel::NewRelevanceColumn), QStringLiteral("5"));
        QCOMPARE(cell(model, 0, ScoreComparisonModel::NewNoveltyColumn), QStringLiteral("5"));
        QCOMPARE(cell(model, 0, ScoreComparisonModel::ChangeColumn), QStringLiteral("−4 / −3"));
        QCOMPARE(cell(model, 1, ScoreComparisonModel::ChangeColumn), QStringLiteral("+5 / +5"));
        QCOMPARE(cell(model, 3, ScoreComparisonModel::ChangeColumn), QStringLiteral("+1 / −2"));
        QCOMPARE(cell(model, 2, ScoreComparisonModel::ChangeColumn), QStringLiteral("0 / 0"));
        // No marks: a dash, never a made-up number.
        QCOMPARE(cell(model, 4, ScoreComparisonModel::NewRelevanceColumn), QStringLiteral("–"));
        QCOMPARE(cell(model, 4, ScoreComparisonModel::ChangeColumn), QStringLiteral("–"));
        QCOMPARE(cell(model, 5, ScoreComparisonModel::OldRelevanceColumn), QStringLiteral("–"));
        QCOMPARE(model.rowOf(QStringLiteral("2611.00004")), 3);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
        // Titles read as the paper table shows them: TeX converted.
        ScoreComparison tex = comparison();
        tex.papers[0].paper.title = QStringLiteral("Rows of $x_1$ by D\\'iaz");
        model.setComparison(tex);
        const QString title = cell(model, 0, ScoreComparisonModel::TitleColumn);
        QCOMPARE(title, TexToUnicode::convert(tex.papers[0].paper.title));
        QVERIFY2(!title.contains(u'$') && title.contains(QStringLiteral("Díaz")), qPrintable(title));
        QVERIFY(model.index(0, ScoreComparisonModel::TitleColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("R9 N8")));
    }

    void sortsByChangeSizeWithUnscoredLast()
    {
        ScoreComparisonModel model;
        ScoreComparisonProxy proxy;
        proxy.setSourceModel(&model);
        model.setComparison(comparison());
        proxy.sort(ScoreComparisonModel::ChangeColumn, Qt::DescendingOrder);
        // 10, 7, 3, 0, then no change to measure (ties by id, reversed for descending).
        QCOMPARE(ids(proxy),
            (QStringList {QStringLiteral("2611.00002"), QStringLiteral("2611.00001"),
                QStringLiteral("2611.00004"), QStringLiteral("2611.00003"), QStringLiteral("2611.00006"),
                QStringLiteral("2611.00005")}));
        proxy.sort(ScoreComparisonModel::NewRelevanceColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy),
            (QStringList {QStringLiteral("2611.00005"), QStringLiteral("2611.00006"),
                QStringLiteral("2611.00004"), QStringLiteral("2611.00001"), QStringLiteral("2611.00003"),
                QStringLiteral("2611.00002")}));
    }

    void onlyMovedHidesTheRest()
    {
        ScoreComparisonModel model;
        ScoreComparisonProxy proxy;
        proxy.setSourceModel(&model);
        model.setComparison(comparison());
        proxy.sort(ScoreComparisonModel::IdColumn, Qt::AscendingOrder);
        proxy.setOnlyMoved(true);
        QVERIFY(proxy.onlyMoved());
        QCOMPARE(ids(proxy),
            (QStringList {
                QStringLiteral("2611.00001"), QStringLiteral("2611.00002"), QStringLiteral("2611.00004")}));
        // A new comparison keeps the filter.
        ScoreComparison next = comparison();
        next.papers.removeFirst();
        model.setComparison(next);
        QCOMPARE(ids(proxy), (QStringList {QStringLiteral("2611.00002"), QStringLiteral("2611.00004")}));
    }
};

QTEST_GUILESS_MAIN(TestScoreComparisonModel)
#include "test_scorecomparisonmodel.moc"
