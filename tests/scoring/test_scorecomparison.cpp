// SPDX-License-Identifier: GPL-3.0-or-later
// ScoreComparison on a real SQLite file: two prompt hashes scoring the same day differently.
#include "digest/digestbuilder.h"
#include "scoring/authormatcher.h"
#include "scoring/scorecomparison.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>

#include <QTest>

using namespace Lectern;
using Test::makePaper;

namespace {

const QDate kDay(2026, 11, 23);
const QString kModel = QStringLiteral("test-model");
const QString kHashA = QStringLiteral("hashA");
const QString kHashB = QStringLiteral("hashB");

QDateTime at(int hour)
{
    return QDateTime(kDay, QTime(hour, 0), QTimeZone::UTC);
}

Score scoreOf(const Paper &p, std::optional<int> relevance, std::optional<int> novelty, const QString &hash,
    int hour, const QString &model = kModel)
{
    Score s = Test::makeScore(p, 1, 1, hash);
    s.relevance = relevance;
    s.novelty = novelty;
    s.model = model;
    s.scoredAt = at(hour);
    return s;
}

QStringList ids(const QList<PaperComparison> &list)
{
    QStringList out;
    for (const PaperComparison &c : list)
        out << c.paper.arxivId;
    return out;
}

} // namespace

class TestScoreComparison : public QObject
{
    Q_OBJECT
private:
    Test::TempProfileDir m_dir;
    std::unique_ptr<PaperStore> m_store;

    void add(const Paper &p) { QVERIFY(m_store->upsertPaper(p).ok()); }
    void add(const Score &s) { QVERIFY2(m_store->addScore(s).ok(), qPrintable(s.arxivId)); }

private Q_SLOTS:
    void initTestCase()
    {
        auto store = PaperStore::open(m_dir.databasePath());
        QVERIFY(store.ok());
        m_store = std::move(store).value();
        QList<Paper> p;
        for (int i = 1; i <= 8; ++i)
            p << makePaper(QStringLiteral("2611.0000%1").arg(i));
        p[6].authors = {QStringLiteral("Zoë Müller"), QStringLiteral("A. Person")};
        p[7].announceType = QStringLiteral("replace");
        for (const Paper &paper : p)
            add(paper);
        const Paper otherDay = makePaper(QStringLiteral("2611.00009"), 1, kDay.addDays(1));
        add(otherDay);

        // Run A at 08:00, run B at 09:00, one paper by another model with A's prompt at 07:00.
        add(scoreOf(p[0], 9, 8, kHashA, 8)); // leaves: 9/8 -> 5/5
        add(scoreOf(p[0], 5, 5, kHashB, 9));
        add(scoreOf(p[1], 4, 4, kHashA, 8)); // enters: 4/4 -> 9/9
        add(scoreOf(p[1], 9, 9, kHashB, 9));
        add(scoreOf(p[2], 7, 7, kHashA, 8)); // unchanged
        add(scoreOf(p[2], 7, 7, kHashB, 9));
        add(scoreOf(p[2], 2, 2, kHashA, 7, QStringLiteral("other-model")));
        add(scoreOf(p[3], 8, 7, kHashA, 8)); // same sum, leaves on novelty: 8/7 -> 9/6
        add(scoreOf(p[3], 9, 6, kHashB, 9));
        add(scoreOf(p[4], 3, 3, kHashA, 8)); // B stored it without marks
        add(scoreOf(p[4], std::nullopt, std::nullopt, kHashB, 9));
        add(scoreOf(p[5], 8, 8, kHashB, 9)); // only B scored it: enters
        add(scoreOf(p[6], 2, 2, kHashA, 8)); // author match: relevant in both runs
        add(scoreOf(p[6], 3, 3, kHashB, 9));
        add(scoreOf(p[7], 1, 1, kHashA, 8)); // a replacement: not considered
        add(scoreOf(p[7], 10, 10, kHashB, 9));
        add(scoreOf(otherDay, 5, 5, QStringLiteral("hashC"), 10)); // another day's run
    }

    void listsTheDaysRuns()
    {
        const auto runs = ScoreComparison::runsForDay(*m_store, kDay, DigestBuilder::defaultAnnounceTypes());
        QVERIFY2(runs.ok(), qPrintable(runs.ok() ? QString() : runs.error()));
        QCOMPARE(runs->size(), 3);
        QCOMPARE(runs->at(0).model, QStringLiteral("other-model"));
        QCOMPARE(runs->at(0).promptHash, kHashA);
        QCOMPARE(runs->at(0).papers, 1);
        QCOMPARE(runs->at(1).model, kModel);
        QCOMPARE(runs->at(1).promptHash, kHashA);
        QCOMPARE(runs->at(1).papers, 6);
        QCOMPARE(runs->at(1).scored, 6);
        QCOMPARE(runs->at(1).latest, at(8));
        QCOMPARE(runs->at(2).promptHash, kHashB);
        QCOMPARE(runs->at(2).papers, 7);
        QCOMPARE(runs->at(2).scored, 6);
        QCOMPARE(runs->at(2).latest, at(9));

        // Without the announce-type filter the replacement counts too.
        const auto all = ScoreComparison::runsForDay(*m_store, kDay);
        QCOMPARE(all->at(2).papers, 8);
        // The next day has only its own run.
        const auto next = ScoreComparison::runsForDay(*m_store, kDay.addDays(1));
        QCOMPARE(next->size(), 1);
        QCOMPARE(next->first().promptHash, QStringLiteral("hashC"));
    }

    // Issue 15.7: the title pre-filter's drops (their own prompt hash) and the h-index filter's rows are
    // stages of a run, not runs: offered as one, the title pre-filter "entered" every scored paper.
    void filterStagesAreNoRun()
    {
        const QDate day = kDay.addDays(5);
        QList<Paper> p;
        for (int i = 1; i <= 4; ++i)
            p << makePaper(QStringLiteral("2611.0005%1").arg(i), 1, day);
        for (const Paper &paper : p)
            add(paper);
        Score dropped = scoreOf(p[0], std::nullopt, std::nullopt, QStringLiteral("titleHash"), 7);
        dropped.comment = QString(Score::TitleDropComment);
        add(dropped);
        Score kept = scoreOf(p[1], std::nullopt, std::nullopt, QStringLiteral("titleHash"), 7);
        kept.comment = QString(Score::TitleDropComment);
        add(kept); // then scored after all, with the abstract prompt
        add(scoreOf(p[1], 9, 8, kHashB, 9));
        add(scoreOf(p[2], 8, 8, kHashB, 9));
        Score below = scoreOf(p[3], std::nullopt, std::nullopt, kHashB, 9);
        below.comment = QString(Score::BelowHIndexComment);
        add(below);
        const auto runs = ScoreComparison::runsForDay(*m_store, day);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().promptHash, kHashB);
        QCOMPARE(runs->first().papers, 2);
        QCOMPARE(runs->first().scored, 2);
    }

    void comparesTwoPrompts()
    {
        const auto runs = ScoreComparison::runsForDay(*m_store, kDay, DigestBuilder::defaultAnnounceTypes());
        QVERIFY(runs.ok());
        const auto c = ScoreComparison::compare(*m_store, kDay, runs->at(1), runs->at(2),
            AuthorMatcher({QStringLiteral("Zoe Muller")}), 8, 7, DigestBuilder::defaultAnnounceTypes());
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error()));
        QCOMPARE(c->considered, 7);
        QCOMPARE(c->comparable, 5);
        QCOMPARE(c->unchanged, 1);
        QCOMPARE(c->raised, 2);
        QCOMPARE(c->lowered, 1);
        QCOMPARE(c->sameTotal, 1);
        QCOMPARE(c->onlyBefore, 1);
        QCOMPARE(c->onlyAfter, 1);
        QCOMPARE(c->relevantBefore, 3);
        QCOMPARE(c->relevantAfter, 3);
        QCOMPARE(ids(c->entered), QStringList({QStringLiteral("2611.00002"), QStringLiteral("2611.00006")}));
        QCOMPARE(ids(c->left), QStringList({QStringLiteral("2611.00001"), QStringLiteral("2611.00004")}));
        // Biggest change first; equal changes: the higher new total first.
        QCOMPARE(ids(c->changed),
            QStringList({QStringLiteral("2611.00002"), QStringLiteral("2611.00001"),
                QStringLiteral("2611.00004"), QStringLiteral("2611.00007")}));
        QCOMPARE(c->changed.first().relevanceDelta(), 5);
        QCOMPARE(c->changed.first().noveltyDelta(), 5);
        QCOMPARE(c->changed.at(1).changeSize(), 7);
        QCOMPARE(c->meanAbsRelevanceChange, 11.0 / 5);
        QCOMPARE(c->meanAbsNoveltyChange, 10.0 / 5);

        // The author match stays relevant although its marks are low in both runs.
        const PaperComparison &match = c->changed.last();
        QVERIFY(match.authorMatch());
        QVERIFY(match.relevantBefore && match.relevantAfter);
        QCOMPARE(match.matchedAuthors, QStringList {QStringLiteral("Zoe Muller")});

        // The paper B stored without marks: not comparable, not relevant, its A score kept.
        const auto unscored = std::find_if(c->papers.cbegin(), c->papers.cend(),
            [](const PaperComparison &p) { return p.paper.arxivId == u"2611.00005"; });
        QVERIFY(unscored != c->papers.cend());
        QVERIFY(!unscored->comparable());
        QCOMPARE(unscored->before->relevance, std::optional<int>(3));
        QVERIFY(unscored->after.has_value() && !unscored->after->isScored());
        QCOMPARE(unscored->changeSize(), 0);

        const QString report = c->report();
        QVERIFY2(report.contains(QStringLiteral("Relevant: 3 -> 3 (2 entered, 2 left)")), qPrintable(report));
        QVERIFY(report.contains(
            QStringLiteral("Marks: 1 unchanged, 2 raised, 1 lowered, 1 shifted with the same sum")));
        QVERIFY(report.contains(QStringLiteral("  2611.00002  R4 N4 -> R9 N9 (relevance +5, novelty +5)")));
        QVERIFY(report.contains(QStringLiteral("  2611.00006  not scored -> R8 N8")));
        QVERIFY(report.contains(QStringLiteral("[author match: Zoe Muller]")));
    }

    void withoutFollowedAuthorsTheMatchIsJustScores()
    {
        const auto runs = ScoreComparison::runsForDay(*m_store, kDay, DigestBuilder::defaultAnnounceTypes());
        // Reversed direction, no followed authors, lower thresholds.
        const auto c = ScoreComparison::compare(*m_store, kDay, runs->at(2), runs->at(1), AuthorMatcher(), 5,
            5, DigestBuilder::defaultAnnounceTypes());
        QVERIFY(c.ok());
        // Relevant before (B): 01 5/5, 02 9/9, 03 7/7, 04 9/6, 06 8/8; after (A): 01 9/8, 03 7/7, 04 8/7.
        QCOMPARE(c->relevantBefore, 5);
        QCOMPARE(c->relevantAfter, 3);
        QVERIFY(c->entered.isEmpty());
        QCOMPARE(ids(c->left), QStringList({QStringLiteral("2611.00002"), QStringLiteral("2611.00006")}));
        QCOMPARE(c->raised, 1); // 01
        QCOMPARE(c->lowered, 2); // 02, 07
        QCOMPARE(c->onlyBefore, 1);
        QCOMPARE(c->onlyAfter, 1);
    }
};

QTEST_GUILESS_MAIN(TestScoreComparison)
#include "test_scorecomparison.moc"
