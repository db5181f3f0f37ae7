// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/similarpapers.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/labelledpapers.h>

#include <QTest>

using namespace Lectern;

namespace {

TfidfVectorizer::Document documentOf(const Paper &p)
{
    return {p.title, p.abstract, p.categories, p.primaryCategory};
}

} // namespace

class TestSimilarPapers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nearestAreTheClosestByCosine()
    {
        const QList<Paper> papers = Test::papersOf(Test::labelledPapers());
        QList<TfidfVectorizer::Document> docs;
        QStringList ids;
        for (const Paper &p : papers) {
            docs << documentOf(p);
            ids << p.arxivId;
        }
        TfidfVectorizer vectorizer;
        std::vector<SparseVector> vectors = vectorizer.fitTransform(docs);
        const std::vector<SparseVector> all = vectors;
        const SimilarPapers index(vectorizer, ids, std::move(vectors));
        QCOMPARE(index.size(), papers.size());

        for (qsizetype q = 0; q < papers.size(); ++q) {
            const QList<SimilarPapers::Match> found = index.nearest(all[size_t(q)], 3, ids.at(q));
            // The true three nearest by exhaustive cosine, the query left out.
            std::vector<std::pair<double, qsizetype>> exact;
            for (qsizetype i = 0; i < papers.size(); ++i) {
                if (i != q)
                    exact.emplace_back(all[size_t(q)].dot(all[size_t(i)]), i);
            }
            std::sort(
                exact.begin(), exact.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            for (qsizetype k = 0; k < found.size(); ++k) {
                QVERIFY(found.at(k).arxivId != ids.at(q));
                QVERIFY2(std::abs(found.at(k).similarity - exact[size_t(k)].first) < 1e-6,
                    qPrintable(QStringLiteral("%1 #%2").arg(ids.at(q)).arg(k)));
                if (k > 0)
                    QVERIFY(found.at(k).similarity <= found.at(k - 1).similarity);
                QVERIFY(!found.at(k).sharedTerms.isEmpty());
            }
        }
        QVERIFY(index.nearest(SparseVector {}, 3).isEmpty());
    }

    void fromStoreUsesTheStoredPapers()
    {
        Test::TempProfileDir dir;
        const QList<Paper> papers = Test::papersOf(Test::labelledPapers());
        auto store = PaperStore::open(dir.databasePath());
        QVERIFY(store.ok());
        QVERIFY(store.value()->upsertPapers(papers).ok());
        // No saved model: a vocabulary fitted on the stored papers.
        auto index = SimilarPapers::fromStore(*store.value(), dir.path() + QStringLiteral("/none.model"));
        QVERIFY2(index.ok(), qPrintable(index.error()));
        QCOMPARE(index->size(), papers.size());
        QCOMPARE(index->titleOf(papers.first().arxivId), papers.first().title);
        const QList<SimilarPapers::Match> near =
            index->nearest(index->vectorOf(papers.first().arxivId), 1, papers.first().arxivId);
        QCOMPARE(near.size(), 1);
        QVERIFY(near.first().similarity > 0);
    }
};

QTEST_GUILESS_MAIN(TestSimilarPapers)
#include "test_similarpapers.moc"
