// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/daylistmodel.h"
#include "models/paperfilterproxy.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

PaperRecord record(
    const QString &id, std::optional<std::pair<int, int>> score, bool starred = false, bool read = false)
{
    PaperRecord r;
    r.paper = Test::makePaper(id);
    if (score)
        r.score = Test::makeScore(r.paper, score->first, score->second);
    r.state.arxivId = id;
    r.state.starred = starred;
    r.state.read = read;
    return r;
}

QStringList idsInOrder(const QAbstractItemModel &m)
{
    QStringList ids;
    for (int i = 0; i < m.rowCount(); ++i)
        ids << m.index(i, 0).data(ArxivIdRole).toString();
    return ids;
}

} // namespace

class TestPaperTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelTester()
    {
        PaperTableModel model;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(
            {record(QStringLiteral("a"), std::pair {5, 5}), record(QStringLiteral("b"), std::nullopt)});
        proxy.sort(TotalColumn, Qt::DescendingOrder);
        proxy.setStarredOnly(true);
        proxy.setStarredOnly(false);
        auto r = record(QStringLiteral("b"), std::pair {9, 9}, true);
        model.updateRecord(r);
        model.setRecords({});
        QCOMPARE(proxy.rowCount(), 0);

        DayListModel days;
        QAbstractItemModelTester t3(&days, QAbstractItemModelTester::FailureReportingMode::QtTest);
        days.setDays({DaySummary {QDate(2026, 11, 23), 10, 5, true, true},
            DaySummary {QDate(2026, 11, 20), 3, 0, true, false}});
        QCOMPARE(days.rowCount(), 2);
        QVERIFY(days.index(1).data().toString().contains(QStringLiteral("partial")));
        QCOMPARE(days.rowOf(QDate(2026, 11, 20)), 1);
    }

    void sortsNumericallyWithUnscoredLast()
    {
        PaperTableModel model;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setRecords({record(QStringLiteral("2611.00001"), std::pair {10, 10}),
            record(QStringLiteral("2611.00002"), std::nullopt),
            record(QStringLiteral("2611.00003"), std::pair {2, 9}),
            record(QStringLiteral("2611.00004"), std::pair {9, 2})});
        proxy.sort(TotalColumn, Qt::DescendingOrder);
        // 20, then two 11s tied (broken by id, reversed for descending), unscored last.
        QCOMPARE(idsInOrder(proxy),
            (QStringList {QStringLiteral("2611.00001"), QStringLiteral("2611.00004"),
                QStringLiteral("2611.00003"), QStringLiteral("2611.00002")}));
        // Ascending too: unscored papers are last, as the README says, not taken for the lowest scores.
        for (const int column : {RelevanceColumn, NoveltyColumn, TotalColumn}) {
            proxy.sort(column, Qt::AscendingOrder);
            QCOMPARE(idsInOrder(proxy).last(), QStringLiteral("2611.00002"));
        }
        proxy.sort(RelevanceColumn, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy),
            (QStringList {QStringLiteral("2611.00003"), QStringLiteral("2611.00004"),
                QStringLiteral("2611.00001"), QStringLiteral("2611.00002")}));
        QCOMPARE(proxy.index(3, RelevanceColumn).data().toString(), QStringLiteral("–"));
        QCOMPARE(proxy.index(3, RelevanceColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Not scored yet"));
    }

    // Issue 15.7: the day's tooltip and the table say what each stage did, from the real store.
    void dayAndRowsSayWhatHappened()
    {
        Test::TempProfileDir dir;
        auto opened = PaperStore::open(dir.databasePath());
        QVERIFY(opened.ok());
        PaperStore &store = *opened.value();
        QList<Paper> papers;
        for (int i = 1; i <= 7; ++i)
            papers << Test::makePaper(QStringLiteral("2611.0001%1").arg(i));
        QVERIFY(store.upsertPapers(papers).ok());
        const auto unmarked = [](const Paper &p, QLatin1StringView comment) {
            Score s = Test::makeScore(p, 1, 1);
            s.relevance.reset();
            s.novelty.reset();
            s.comment = QString(comment);
            s.model = QStringLiteral("gpt-5");
            return s;
        };
        QVERIFY(store.addScore(Test::makeScore(papers.at(0), 8, 7)).ok());
        QVERIFY(store.addScore(unmarked(papers.at(1), Score::TitleDropComment)).ok());
        QVERIFY(store.addScore(unmarked(papers.at(2), Score::TitleDropComment)).ok());
        QVERIFY(store.addScore(unmarked(papers.at(3), Score::BelowHIndexComment)).ok());
        QVERIFY(store.addScore(unmarked(papers.at(4), Score::AuthorMatchComment)).ok());
        QVERIFY(
            store.addScore(unmarked(papers.at(5), "Not scored: the model's reply left this paper out."_L1))
                .ok());
        // papers.at(6): never scored.

        const auto summaries = store.daySummaries();
        QVERIFY(summaries.ok());
        QCOMPARE(summaries->size(), 1);
        const DaySummary &d = summaries->first();
        QCOMPARE(d.papers, 7);
        QCOMPARE(d.scored, 1);
        QCOMPARE(d.titleDropped, 2);
        QCOMPARE(d.belowHIndex, 1);
        QCOMPARE(d.authorMatches, 1);
        QCOMPARE(d.failed, 1);
        DayListModel days;
        days.setDays(*summaries);
        QCOMPARE(days.index(0).data(Qt::ToolTipRole).toString(),
            QStringLiteral("7 paper(s): 1 scored, 1 by followed authors, 2 dropped by the title pre-filter, "
                           "1 below the h-index threshold, 1 failed (no usable score), 1 not scored yet"));

        PaperTableModel model;
        model.setRecords(*store.recordsForDay(QDate(2026, 11, 23)));
        const auto tip = [&](int row) {
            return model.index(row, TotalColumn).data(Qt::ToolTipRole).toString();
        };
        QCOMPARE(
            tip(1), QStringLiteral("Dropped by the title pre-filter (gpt-5): the abstract was not scored"));
        QCOMPARE(tip(3), QStringLiteral("Not sent for scoring: no author reaches the h-index threshold"));
        QCOMPARE(tip(4), QStringLiteral("By a followed author: in the digest without marks"));
        QCOMPARE(tip(5), QStringLiteral("Not scored (gpt-5 gave no usable score)"));
        QCOMPARE(tip(6), QStringLiteral("Not scored yet"));
    }

    void filtersCombine()
    {
        PaperTableModel model;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setRecords({record(QStringLiteral("a"), std::pair {9, 8}, true, false),
            record(QStringLiteral("b"), std::pair {9, 3}, true, true),
            record(QStringLiteral("c"), std::pair {4, 9}, false, false),
            record(QStringLiteral("d"), std::nullopt, true, false)});
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setStarredOnly(true);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setMinimumRelevance(8);
        QCOMPARE(proxy.rowCount(), 2); // unscored d drops out
        proxy.setUnreadOnly(true);
        QCOMPARE(idsInOrder(proxy), QStringList {QStringLiteral("a")});
        proxy.setUnreadOnly(false);
        proxy.setMinimumNovelty(5);
        QCOMPARE(idsInOrder(proxy), QStringList {QStringLiteral("a")});
        proxy.setMinimumNovelty(0);
        proxy.setIdFilter(QSet<QString> {QStringLiteral("b")});
        QCOMPARE(idsInOrder(proxy), QStringList {QStringLiteral("b")});
        proxy.setIdFilter(std::nullopt);
        proxy.setMinimumRelevance(0);
        proxy.setStarredOnly(false);
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setHideDismissed(true);
        QCOMPARE(proxy.rowCount(), 4); // none dismissed yet
    }

    void tagAuthorCategoryFilters()
    {
        PaperTableModel model;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        auto a = record(QStringLiteral("a"), std::pair {9, 8});
        a.state.tags = {QStringLiteral("to-read")};
        a.paper.categories = {QStringLiteral("cs.RO")};
        auto b = record(QStringLiteral("b"), std::pair {5, 5});
        b.paper.authors = {QStringLiteral("Zoë Ångström")};
        b.state.dismissed = true;
        auto c = record(QStringLiteral("c"), std::nullopt);
        model.setRecords({a, b, c});
        proxy.setTag(QStringLiteral("to-read"));
        QCOMPARE(idsInOrder(proxy), QStringList {QStringLiteral("a")});
        proxy.setTag(QString());
        proxy.setCategory(QStringLiteral("cs.AI"));
        QCOMPARE(proxy.rowCount(), 2); // b and c have the fixture's cs.LG + cs.AI
        proxy.setCategory(QString());
        proxy.setAuthor(QStringLiteral("ångström"));
        QCOMPARE(idsInOrder(proxy), QStringList {QStringLiteral("b")});
        proxy.setHideDismissed(true);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setAuthor(QString());
        QCOMPARE(proxy.rowCount(), 2);
    }

    void displayValues()
    {
        PaperTableModel model;
        auto r = record(QStringLiteral("2611.00009"), std::pair {7, 6}, true);
        r.state.note = QStringLiteral("x");
        r.state.tags = {QStringLiteral("t1"), QStringLiteral("t2")};
        model.setRecords({r});
        QCOMPARE(model.index(0, StarColumn).data().toString(), QStringLiteral("★"));
        QCOMPARE(model.index(0, TotalColumn).data().toString(), QStringLiteral("13"));
        QCOMPARE(model.index(0, AuthorsColumn).data().toString(), QStringLiteral("Ada Example +1"));
        QCOMPARE(model.index(0, TagsColumn).data().toString(), QStringLiteral("t1, t2"));
        QCOMPARE(model.index(0, NoteColumn).data().toString(), QStringLiteral("✎"));
        QCOMPARE(model.index(0, CategoriesColumn).data().toString(), QStringLiteral("cs.LG cs.AI"));
    }

    void texIsReadableButSortsOnText()
    {
        PaperTableModel model;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        auto a = record(QStringLiteral("2611.00001"), std::nullopt);
        a.paper.title = QStringLiteral("$\\mu$P transfer for $\\ell_1$ \\emph{sparse} models");
        a.paper.authors = {QStringLiteral("Jos\\'e D\\'iaz"), QStringLiteral("B")};
        auto b = record(QStringLiteral("2611.00002"), std::nullopt);
        b.paper.title = QStringLiteral("Adam revisited");
        model.setRecords({a, b});
        QCOMPARE(model.index(0, TitleColumn).data().toString(),
            QStringLiteral("μP transfer for ℓ₁ sparse models"));
        QCOMPARE(model.index(0, AuthorsColumn).data().toString(), QStringLiteral("José Díaz +1"));
        proxy.sort(TitleColumn, Qt::AscendingOrder);
        QCOMPARE(
            idsInOrder(proxy), (QStringList {QStringLiteral("2611.00002"), QStringLiteral("2611.00001")}));
        // The record itself keeps arXiv's text.
        QCOMPARE(model.recordAt(0)->paper.title, a.paper.title);
    }
};

QTEST_GUILESS_MAIN(TestPaperTableModel)
#include "test_papertablemodel.moc"
