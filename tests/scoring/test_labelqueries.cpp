// SPDX-License-Identifier: GPL-3.0-or-later
// The scoring code's own queries of the store (the built-in scorer's labels, the prompt's examples) on
// both backends: test_labelqueries on SQLite, test_labelqueries.postgres on a throwaway PostgreSQL server.
// The same store gives the same labels, in the same order, on either.
#include "scoring/builtinscorer.h"
#include "scoring/pipeline/promptexamples.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/manualclock.h>
#include <testkit/storebackend.h>

#include <QTest>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {

QStringList ids(const QList<Paper> &papers)
{
    QStringList out;
    for (const Paper &p : papers)
        out << p.arxivId;
    return out;
}

} // namespace

class TestLabelQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (auto started = m_backend.start(); !started)
            QSKIP(qPrintable(QStringLiteral("PostgreSQL cannot run here: ") + started.error()));
    }

    void builtinScorerLabelsAreReadAlikeOnBothBackends()
    {
        Test::TempProfileDir dir;
        auto opened = PaperStore::open(m_backend.storeFor(dir));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        PaperStore &store = *opened.value();
        Test::ManualClock clock;
        store.setClock(clock);
        QList<Paper> papers;
        for (int i = 1; i <= 9; ++i)
            papers << Test::makePaper(QStringLiteral("2611.0000%1").arg(i));
        QVERIFY(store.upsertPapers(papers).ok());

        // Oldest first: the labels come back most recently changed first.
        auto mark = [&](int n, bool starred, bool read, bool dismissed, const QStringList &tags = {}) {
            PaperState s;
            s.arxivId = papers.at(n - 1).arxivId;
            s.starred = starred;
            s.read = read;
            s.dismissed = dismissed;
            s.tags = tags;
            clock.advance(1000);
            return store.saveState(s).ok();
        };
        QVERIFY(mark(1, true, false, false));
        QVERIFY(mark(2, false, true, false));
        QVERIFY(mark(3, false, false, true));
        QVERIFY(mark(4, true, true, true)); // a star outweighs the dismissal
        QVERIFY(mark(5, false, false, false, {QString(PaperState::ImportedTag)}));
        QVERIFY(mark(6, false, true, true));

        // Language models' verdicts: each paper's latest counts, the built-in's own never.
        Score older = Test::makeScore(papers.at(6), 9, 9);
        older.model = QStringLiteral("gpt-5");
        older.scoredAt = clock.nowUtc().addSecs(10);
        Score newer = Test::makeScore(papers.at(6), 2, 2, QStringLiteral("p2"));
        newer.model = QStringLiteral("gpt-5");
        newer.scoredAt = clock.nowUtc().addSecs(20);
        Score selected = Test::makeScore(papers.at(7), 9, 8);
        selected.model = QStringLiteral("gpt-5-mini");
        selected.scoredAt = clock.nowUtc().addSecs(30);
        Score own = Test::makeScore(papers.at(8), 10, 10);
        own.model = QString(BuiltinScorer::ModelName);
        own.scoredAt = clock.nowUtc().addSecs(40);
        for (const Score &s : {older, newer, selected, own})
            QVERIFY(store.addScore(s).ok());

        auto inputs = BuiltinModel::inputsFromStore(store, ResearchTopics());
        QVERIFY2(inputs.ok(), qPrintable(inputs.error()));
        QCOMPARE(ids(inputs->starred), (QStringList {u"2611.00005"_s, u"2611.00004"_s, u"2611.00001"_s}));
        QCOMPARE(ids(inputs->dismissed), (QStringList {u"2611.00006"_s, u"2611.00003"_s}));
        QCOMPARE(ids(inputs->read), QStringList {u"2611.00002"_s});
        QCOMPARE(ids(inputs->library),
            (QStringList {u"2611.00005"_s, u"2611.00004"_s, u"2611.00002"_s, u"2611.00001"_s}));
        QCOMPARE(ids(inputs->llmRelevant), QStringList {u"2611.00008"_s});
        QCOMPARE(ids(inputs->llmOther), QStringList {u"2611.00007"_s});
        QCOMPARE(inputs->importedFrom.keys(), QStringList {u"2611.00005"_s});
        QCOMPARE(inputs->collection.size(), 9);

        // The prompt's examples: starred, and dismissed but not starred, newest first, other days only.
        auto examples = PromptExamples::recent(store, 5, QDate(2026, 11, 24));
        QVERIFY2(examples.ok(), qPrintable(examples.error()));
        QCOMPARE(examples->first, (QStringList {papers.at(3).title, papers.at(0).title}));
        QCOMPARE(examples->second, (QStringList {papers.at(5).title, papers.at(2).title}));
        auto sameDay = PromptExamples::recent(store, 5, papers.first().announced);
        QVERIFY(sameDay.ok());
        QVERIFY(sameDay->first.isEmpty() && sameDay->second.isEmpty());
    }

private:
    Test::StoreBackend m_backend;
};

QTEST_GUILESS_MAIN(TestLabelQueries)
#include "test_labelqueries.moc"
