// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/daylistmodel.h"
#include "models/paperfilterproxy.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "store/paperstore.h"
#include "text/papertabletext.h"

#include <testkit/fixtures.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

PaperRecord record(
    const QString &id, std::optional<std::pair<int, int>> score, bool starred = false, bool read = false)
{
    static qint64 nextRow = 0;
    PaperRecord r;
    r.paper = Test::makePaper(id);
    r.rowId = ++nextRow; // as a store would number them: distinct
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
        // A search's result: the store rows of the matching papers.
        proxy.setRowFilter(QSet<qint64> {model.index(1, 0).data(RowIdRole).toLongLong()});
        QCOMPARE(idsInOrder(proxy), QStringList {QStringLiteral("b")});
        proxy.setRowFilter(std::nullopt);
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

    // Every column but the marks sorts on precomputed keys or ranks, never on QVariants (issue 13): the
    // order must still be the one SortRole describes, ties by arXiv id, reversed when descending.
    void everyColumnSortsAsItsSortRoleSays()
    {
        const QStringList categories {u"cs.LG"_s, u"cs.AI"_s, u"stat.ML"_s, u"cs.CL"_s};
        const QStringList types {u"new"_s, u"cross"_s, u"replace"_s, u"replace-cross"_s};
        const QStringList titles {u"Adam revisited"_s, u"$\\mu$P transfer"_s, u"adam Revisited"_s,
            u"Zebra \\emph{routing}"_s, u"Émile's sparse models"_s};
        QList<PaperRecord> records;
        for (int i = 0; i < 40; ++i) {
            auto r = record(u"2611.%1"_s.arg((i * 17) % 40, 5, 10, QLatin1Char('0')),
                i % 7 == 0 ? std::nullopt : std::optional(std::pair {1 + i % 10, 1 + (i * 3) % 10}),
                i % 5 == 0, i % 3 == 0);
            r.state.dismissed = i % 11 == 0;
            r.paper.title = titles.at(i % titles.size());
            r.paper.authors = {i % 2 ? u"Jos\\'e D\\'iaz"_s : u"Ada Example"_s};
            r.paper.primaryCategory = categories.at(i % categories.size());
            r.paper.categories = {r.paper.primaryCategory};
            r.paper.announceType = types.at((i / 2) % types.size());
            if (i % 4 == 1)
                r.state.tags = {u"to-read"_s};
            else if (i % 4 == 2)
                r.state.tags = {u"method"_s, u"to-read"_s};
            r.state.note = i % 6 == 0 ? u"look again"_s : QString();
            records << r;
        }
        PaperTableModel model;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setRecords(records);
        for (const int column : {StarColumn, TitleColumn, AuthorsColumn, CategoriesColumn, AnnounceTypeColumn,
                 TagsColumn, NoteColumn, ReadColumn}) {
            QStringList expected;
            QList<int> rows(records.size());
            std::iota(rows.begin(), rows.end(), 0);
            std::sort(rows.begin(), rows.end(), [&](int a, int b) {
                const auto order = QVariant::compare(
                    model.index(a, column).data(SortRole), model.index(b, column).data(SortRole));
                if (order != QPartialOrdering::Equivalent)
                    return order == QPartialOrdering::Less;
                return records.at(a).paper.arxivId < records.at(b).paper.arxivId;
            });
            for (int row : std::as_const(rows))
                expected << records.at(row).paper.arxivId;
            proxy.sort(column, Qt::AscendingOrder);
            QCOMPARE(idsInOrder(proxy), expected);
            std::reverse(expected.begin(), expected.end());
            proxy.sort(column, Qt::DescendingOrder);
            QCOMPARE(idsInOrder(proxy), expected);
        }

        // A tag given later re-sorts by the new tags: the paper comes right after the untagged ones.
        PaperRecord changed = records.at(3);
        QVERIFY(changed.state.tags.isEmpty());
        changed.state.tags = {u"aaa-first"_s};
        model.updateRecord(changed);
        const auto untagged = std::count_if(
            records.cbegin(), records.cend(), [](const PaperRecord &r) { return r.state.tags.isEmpty(); });
        proxy.sort(TagsColumn, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy).indexOf(changed.paper.arxivId), untagged - 1);
    }

    // "All days" hands the model orders made on the loading thread; they sort as the model's own would,
    // and orders made for other rows are not used.
    // Issue 13: a re-read of "All days" hands over only the rows changed, added and gone; the model puts
    // them in place as row signals (no reset), the proxy holding its sorting until all are in, then sorting
    // and filtering once; the rows, the id look-up and every sort then match a model given the new rows.
    void changesGoInPlaceAsRowSignals()
    {
        QList<PaperRecord> shown;
        for (int i = 0; i < 30; ++i) {
            auto r = record(u"2611.%1"_s.arg(i, 5, 10, QLatin1Char('0')),
                i % 3 == 0 ? std::nullopt : std::optional(std::pair {i % 10 + 1, (i * 7) % 10 + 1}));
            r.paper.title = u"Title %1"_s.arg((i * 13) % 30);
            r.paper.primaryCategory = i % 2 ? u"cs.LG"_s : u"cs.AI"_s;
            shown << r;
        }
        PaperTableModel model;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(shown, PaperTableOrders::of(shown));
        proxy.sort(TotalColumn, Qt::DescendingOrder);
        proxy.setUnreadOnly(true);
        QCOMPARE(model.rowOf(u"2611.00029"_s), 29); // the look-up is built: it must follow the rows

        PaperRowChanges changes;
        changes.shownRows = shown.size();
        PaperRecord marked = shown.at(3);
        marked.score = Test::makeScore(marked.paper, 10, 10);
        PaperRecord read = shown.at(4);
        read.state.read = true; // hidden now by "unread only"
        changes.changed = {marked, read};
        changes.changedAt = {3, 4};
        changes.removed = {10, 11, 20};
        changes.removedRowIds = {shown.at(10).rowId, shown.at(11).rowId, shown.at(20).rowId};
        PaperRecord top = record(u"2612.00001"_s, std::pair {9, 9});
        PaperRecord second = record(u"2612.00002"_s, std::nullopt);
        PaperRecord middle = record(u"2612.00003"_s, std::pair {1, 1});
        top.paper.title = u"Aardvarks"_s;
        middle.paper.title = u"Zebras"_s;
        changes.added = {top, second, middle};
        changes.addedAt = {0, 0, 11}; // the last before the shown row 11, which is gone: before row 12
        QList<PaperRecord> after {top, second};
        for (int i = 0; i < shown.size(); ++i) {
            if (i == 11)
                continue;
            if (i == 12)
                after << middle;
            if (i != 10 && i != 20)
                after << (i == 3 ? marked : (i == 4 ? read : shown.at(i)));
        }
        QCOMPARE(after.size(), 30);
        changes.orders = PaperTableOrders::of(after);

        // Changes found beside other rows are refused, nothing changed.
        PaperRowChanges other = changes;
        other.removedRowIds[0] += 1000;
        QVERIFY(!model.applyChanges(other));
        QCOMPARE(model.records().size(), shown.size());
        QCOMPARE(model.recordAt(10)->rowId, shown.at(10).rowId);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy proxyReset(&proxy, &QAbstractItemModel::modelReset);
        proxy.holdSorting();
        QVERIFY(model.applyChanges(changes));
        proxy.resumeSorting();
        QCOMPARE(reset.count(), 0);
        QCOMPARE(proxyReset.count(), 0);
        QCOMPARE(changed.count(), 1); // rows 3 and 4: one range
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 4);
        QCOMPARE(removed.count(), 2); // 20, then 10-11
        QCOMPARE(inserted.count(), 2); // 0-1, then the one before the old row 12
        QCOMPARE(inserted.at(1).at(1).toInt(), 2 + 12 - 2);

        PaperTableModel fresh;
        PaperFilterProxy freshProxy;
        freshProxy.setSourceModel(&fresh);
        fresh.setRecords(after);
        freshProxy.setUnreadOnly(true);
        QCOMPARE(model.records().size(), after.size());
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(model.recordAt(i)->paper.arxivId, after.at(i).paper.arxivId);
            QCOMPARE(model.rowOf(after.at(i).paper.arxivId), i);
        }
        QCOMPARE(model.rowOf(shown.at(10).paper.arxivId), -1);
        QVERIFY(!idsInOrder(proxy).contains(read.paper.arxivId));
        for (const int column : {TotalColumn, TitleColumn, CategoriesColumn, StarColumn}) {
            proxy.sort(column, Qt::AscendingOrder);
            freshProxy.sort(column, Qt::AscendingOrder);
            QCOMPARE(idsInOrder(proxy), idsInOrder(freshProxy));
        }
        // Sorted by total descending, the new 9+9 paper comes after the re-scored 10+10 one.
        proxy.sort(TotalColumn, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy).mid(0, 2), (QStringList {marked.paper.arxivId, top.paper.arxivId}));

        // A row re-scored in place, none added or gone, the proxy not held: it moves as the proxy sorts it.
        PaperRowChanges rescored;
        rescored.shownRows = model.rowCount();
        PaperRecord low = after.at(0);
        low.score = Test::makeScore(low.paper, 1, 1);
        rescored.changed = {low};
        rescored.changedAt = {0};
        QVERIFY(model.applyChanges(rescored));
        after[0] = low;
        fresh.setRecords(after);
        freshProxy.sort(TotalColumn, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy), idsInOrder(freshProxy));
        QVERIFY(idsInOrder(proxy).first() != low.paper.arxivId);
    }

    void ordersMadeBeforehandSortAsTheModelWould()
    {
        QList<PaperRecord> records;
        for (int i = 0; i < 30; ++i) {
            auto r = record(u"2611.%1"_s.arg((i * 7) % 30, 5, 10, QLatin1Char('0')), std::nullopt);
            r.paper.title = u"Title %1 on \\emph{x}"_s.arg((i * 13) % 30);
            r.paper.authors = {u"Author %1"_s.arg(i % 4), u"B"_s};
            r.paper.primaryCategory = (i % 3 == 0) ? u"cs.LG"_s : (i % 3 == 1 ? u"cs.AI"_s : u"stat.ML"_s);
            r.paper.announceType = i % 5 == 0 ? u"cross"_s : u"new"_s;
            if (i % 4 == 1)
                r.state.tags = {u"to-read"_s};
            else if (i % 4 == 2)
                r.state.tags = {u"energy"_s, u"ssm"_s};
            records << r;
        }
        // Every order is made beforehand, so that the first sort by any column costs the window only the
        // sort itself.
        const PaperTableOrders made = PaperTableOrders::of(records);
        for (const std::vector<int> *ranks :
            {&made.id, &made.title, &made.authors, &made.category, &made.announceType, &made.tags}) {
            QCOMPARE(ranks->size(), size_t(records.size()));
            QVERIFY(std::is_permutation(ranks->cbegin(), ranks->cend(), made.id.cbegin()));
        }
        PaperTableModel own;
        PaperFilterProxy ownProxy;
        ownProxy.setSourceModel(&own);
        own.setRecords(records);
        PaperTableModel given;
        PaperFilterProxy givenProxy;
        givenProxy.setSourceModel(&given);
        given.setRecords(records, PaperTableOrders::of(records));
        PaperTableModel stale;
        PaperFilterProxy staleProxy;
        staleProxy.setSourceModel(&stale);
        stale.setRecords(records, PaperTableOrders::of(records.mid(0, 20)));
        for (const int column :
            {TitleColumn, AuthorsColumn, CategoriesColumn, AnnounceTypeColumn, TagsColumn}) {
            ownProxy.sort(column, Qt::AscendingOrder);
            givenProxy.sort(column, Qt::AscendingOrder);
            staleProxy.sort(column, Qt::AscendingOrder);
            QCOMPARE(idsInOrder(givenProxy), idsInOrder(ownProxy));
            QCOMPARE(idsInOrder(staleProxy), idsInOrder(ownProxy));
        }
        // Not the source order: the sort did something.
        QList<QString> sourceOrder;
        for (const PaperRecord &r : std::as_const(records))
            sourceOrder << r.paper.arxivId;
        QVERIFY(idsInOrder(ownProxy) != sourceOrder);
    }

    // The text orders ignore case (ASCII and beyond), and titles that share their first bytes, or are
    // shorter than them, still sort by what follows.
    void textOrdersIgnoreCaseAndLookPastSharedBeginnings()
    {
        QCOMPARE(PaperTableText::sortKey(u"Deep LEARNING 2"_s), QByteArray("deep learning 2"));
        QCOMPARE(PaperTableText::sortKey(u"\u00c9TUDE des Ondes"_s), u"\u00e9tude des ondes"_s.toUtf8());
        const QStringList titles = {u"Learning to rank Zebras"_s, u"learning to rank apples"_s, u"Le"_s,
            u"LEARNING"_s, u"\u00c9tude"_s, u"Learning to rank"_s, u"zeta"_s, u"Learning to Rank bees"_s};
        QList<PaperRecord> records;
        for (int i = 0; i < titles.size(); ++i) {
            auto r = record(u"2611.%1"_s.arg(i, 5, 10, QLatin1Char('0')), std::nullopt);
            r.paper.title = titles.at(i);
            records << r;
        }
        const PaperTableOrders orders = PaperTableOrders::of(records);
        QStringList byRank(titles.size());
        for (int i = 0; i < titles.size(); ++i)
            byRank[orders.title.at(size_t(i))] = titles.at(i);
        const QStringList expected = {u"Le"_s, u"LEARNING"_s, u"Learning to rank"_s,
            u"learning to rank apples"_s, u"Learning to Rank bees"_s, u"Learning to rank Zebras"_s, u"zeta"_s,
            u"\u00c9tude"_s};
        QCOMPARE(byRank, expected);
    }
};

QTEST_GUILESS_MAIN(TestPaperTableModel)
#include "test_papertablemodel.moc"
