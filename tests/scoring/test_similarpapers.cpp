// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/similarpapers.h"
#include "store/paperstore.h"

#include <testkit/fixtures.h>
#include <testkit/labelledpapers.h>

#include <QTest>

#include <algorithm>
#include <cmath>

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
        const std::vector<SparseVector> all = vectorizer.fitTransform(docs);
        const SimilarPapers index(vectorizer, ids, all);
        QCOMPARE(index.size(), papers.size());

        for (qsizetype q = 0; q < papers.size(); ++q) {
            const QList<SimilarPapers::Match> found = index.nearest(all[size_t(q)], 3, ids.at(q));
            // The true three nearest by exhaustive cosine with each paper's kept terms, the query left out.
            std::vector<std::pair<double, qsizetype>> exact;
            for (qsizetype i = 0; i < papers.size(); ++i) {
                if (i != q)
                    exact.emplace_back(all[size_t(q)].dot(SimilarPapers::kept(all[size_t(i)])), i);
            }
            std::sort(
                exact.begin(), exact.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            for (qsizetype k = 0; k < found.size(); ++k) {
                QVERIFY(found.at(k).arxivId != ids.at(q));
                QVERIFY2(std::abs(found.at(k).similarity - exact[size_t(k)].first) < 1e-5,
                    qPrintable(QStringLiteral("%1 #%2").arg(ids.at(q)).arg(k)));
                if (k > 0)
                    QVERIFY(found.at(k).similarity <= found.at(k - 1).similarity);
                QVERIFY(!found.at(k).sharedTerms.isEmpty());
            }
        }
        QVERIFY(index.nearest(SparseVector {}, 3).isEmpty());
    }

    void keptTermsAreTheHeaviestAtUnitLength()
    {
        SparseVector v;
        double norm = 0;
        for (int i = 0; i < 100; ++i) {
            v.ids.push_back(i * 3);
            v.weights.push_back(float(1 + (i * 37) % 100)); // every weight once, 1..100, out of order
            norm += double(v.weights.back()) * v.weights.back();
        }
        for (float &w : v.weights)
            w = float(w / std::sqrt(norm));
        const SparseVector k = SimilarPapers::kept(v);
        QCOMPARE(k.ids.size(), size_t(SimilarPapers::IndexedTerms));
        QVERIFY(std::is_sorted(k.ids.begin(), k.ids.end()));
        double kn = 0;
        for (size_t i = 0; i < k.ids.size(); ++i) {
            kn += double(k.weights[i]) * k.weights[i];
            // Kept: exactly the terms whose raw weight is among the 32 largest (69..100).
            const auto at = std::find(v.ids.begin(), v.ids.end(), k.ids[i]);
            QVERIFY(at != v.ids.end());
            QVERIFY(1 + (int(at - v.ids.begin()) * 37) % 100 > 100 - SimilarPapers::IndexedTerms);
        }
        QVERIFY(std::abs(kn - 1.0) < 1e-5);
        // A short vector is kept whole.
        SparseVector shortOne {{1, 5}, {0.6f, 0.8f}};
        QCOMPARE(SimilarPapers::kept(shortOne).weights, shortOne.weights);
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
        QVERIFY(index->contains(papers.first().arxivId));
        const Paper &first = papers.first();
        const QList<SimilarPapers::Match> near =
            index->nearest(index->vectorizer().transform(documentOf(first)), 1, first.arxivId);
        QCOMPARE(near.size(), 1);
        QVERIFY(near.first().similarity > 0);
    }
};

QTEST_GUILESS_MAIN(TestSimilarPapers)
#include "test_similarpapers.moc"
