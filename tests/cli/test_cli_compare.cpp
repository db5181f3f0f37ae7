// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real `lectern` binary: `lectern compare` on a temporary profile with two scoring runs.
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/lecternprocess.h>

#include <QTest>

using namespace Lectern;

namespace {

using Run = Test::LecternRun;

Score score(const Paper &p, int relevance, int novelty, const QString &hash, int hour)
{
    Score s = Test::makeScore(p, relevance, novelty, hash);
    s.scoredAt = QDateTime(QDate(2026, 11, 23), QTime(hour, 0), QTimeZone::UTC);
    return s;
}

} // namespace

class TestCliCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compareTwoRuns()
    {
        Test::TempProfileDir dir;
        const QStringList profile {QStringLiteral("--profile"), dir.path()};
        const QStringList compare = profile + QStringList {QStringLiteral("compare")};

        const Run empty = Test::runLectern(compare);
        QCOMPARE(empty.code, 1);
        QVERIFY2(empty.err.contains(QStringLiteral("nothing to compare")), qPrintable(empty.err));

        const Paper a = Test::makePaper(QStringLiteral("2611.00001"));
        const Paper b = Test::makePaper(QStringLiteral("2611.00002"));
        const Paper c = Test::makePaper(QStringLiteral("2611.00003"));
        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            QVERIFY(store.value()->upsertPapers({a, b, c}).ok());
            for (const Score &s :
                {score(a, 9, 9, QStringLiteral("hashOld"), 8), score(b, 3, 3, QStringLiteral("hashOld"), 8),
                    score(c, 6, 6, QStringLiteral("hashOld"), 8)})
                QVERIFY(store.value()->addScore(s).ok());
        }
        const Run one = Test::runLectern(compare);
        QCOMPARE(one.code, 1);
        QVERIFY2(one.err.contains(QStringLiteral("2026-11-23 has 1 scoring run(s)")), qPrintable(one.err));
        QVERIFY(one.err.contains(QStringLiteral("a comparison needs two")));

        {
            auto store = PaperStore::open(dir.databasePath());
            QVERIFY(store.ok());
            for (const Score &s :
                {score(a, 4, 5, QStringLiteral("hashNew"), 9), score(b, 9, 8, QStringLiteral("hashNew"), 9),
                    score(c, 6, 7, QStringLiteral("hashNew"), 9)})
                QVERIFY(store.value()->addScore(s).ok());
        }

        const Run list = Test::runLectern(compare + QStringList {QStringLiteral("--list")});
        QVERIFY2(list.code == 0, qPrintable(list.err));
        QVERIFY2(list.out.contains(QStringLiteral("Scoring runs of 2026-11-23 (oldest first):")),
            qPrintable(list.out));
        QVERIFY(
            list.out.contains(QStringLiteral("  1. test-model, prompt hashOld, 3 papers (3 with marks)")));
        QVERIFY(
            list.out.contains(QStringLiteral("  2. test-model, prompt hashNew, 3 papers (3 with marks)")));

        // Default: the two latest runs of the latest day, old -> new; thresholds 8/7 by default.
        const Run r = Test::runLectern(compare);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Day 2026-11-23: what moved between two scoring runs")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("From: test-model, prompt hashOld")));
        QVERIFY(r.out.contains(QStringLiteral("To:   test-model, prompt hashNew")));
        QVERIFY(r.out.contains(QStringLiteral("Relevant: 1 -> 1 (1 entered, 1 left)")));
        QVERIFY(
            r.out.contains(QStringLiteral("Entered the relevant set (1):\n  2611.00002  R3 N3 -> R9 N8")));
        QVERIFY(r.out.contains(QStringLiteral("Left the relevant set (1):\n  2611.00001  R9 N9 -> R4 N5")));
        QVERIFY(r.out.contains(QStringLiteral("Marks: 0 unchanged, 2 raised, 1 lowered")));

        // Explicit runs, reversed, with --date.
        const Run back = Test::runLectern(compare +
            QStringList {QStringLiteral("--date"), QStringLiteral("2026-11-23"), QStringLiteral("--from-run"),
                QStringLiteral("2"), QStringLiteral("--to-run"), QStringLiteral("1")});
        QVERIFY2(back.code == 0, qPrintable(back.err));
        QVERIFY(back.out.contains(QStringLiteral("From: test-model, prompt hashNew")));
        QVERIFY(
            back.out.contains(QStringLiteral("Entered the relevant set (1):\n  2611.00001  R4 N5 -> R9 N9")));

        // Bad arguments: exit 2.
        QCOMPARE(
            Test::runLectern(compare + QStringList {QStringLiteral("--from-run"), QStringLiteral("1")}).code,
            2);
        QCOMPARE(Test::runLectern(compare +
                     QStringList {QStringLiteral("--from-run"), QStringLiteral("1"),
                         QStringLiteral("--to-run"), QStringLiteral("3")})
                     .code,
            2);
        QCOMPARE(Test::runLectern(compare +
                     QStringList {QStringLiteral("--from-run"), QStringLiteral("x"),
                         QStringLiteral("--to-run"), QStringLiteral("1")})
                     .code,
            2);
        QCOMPARE(
            Test::runLectern(compare + QStringList {QStringLiteral("--date"), QStringLiteral("yesterday")})
                .code,
            2);
        QCOMPARE(Test::runLectern(compare + QStringList {QStringLiteral("extra")}).code, 2);
        QCOMPARE(
            Test::runLectern(profile + QStringList {QStringLiteral("score"), QStringLiteral("--list")}).code,
            2);

        // Another day without runs: exit 1.
        const Run otherDay =
            Test::runLectern(compare + QStringList {QStringLiteral("--date"), QStringLiteral("2026-11-20")});
        QCOMPARE(otherDay.code, 1);
        QVERIFY(otherDay.err.contains(QStringLiteral("2026-11-20 has 0 scoring run(s)")));
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "test_cli_compare.moc"
