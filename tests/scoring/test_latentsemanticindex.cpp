// SPDX-License-Identifier: GPL-3.0-or-later
// Latent semantic indexing (LatentSemanticIndex) on collections written here: two words that never meet in
// a document but keep the same company come close, unrelated texts stay apart, and the index is the same on
// every run.
#include "scoring/latentsemanticindex.h"

#include <QTest>

using namespace Lectern;

namespace {

/// Sixty short papers in four fields. The vehicle papers say either "car" or "automobile", never both, in
/// the same company (engine, wheels, fuel); the other fields share none of their words.
struct Collection
{
    QList<TfidfVectorizer::Document> documents;
    TfidfVectorizer vectorizer;
    std::vector<SparseVector> vectors;

    Collection()
    {
        const QStringList company {QStringLiteral("engine torque"), QStringLiteral("wheel alignment"),
            QStringLiteral("fuel consumption"), QStringLiteral("brake wear"),
            QStringLiteral("gearbox ratio")};
        for (int i = 0; i < 30; ++i) {
            const QString word = i % 2 == 0 ? QStringLiteral("car") : QStringLiteral("automobile");
            documents << TfidfVectorizer::Document {
                QStringLiteral("The %1 and its %2").arg(word, company.at(i % 5)),
                QStringLiteral("We measure %1 and %2 of the %3 on a test track.")
                    .arg(company.at(i % 5), company.at((i + 1) % 5), word),
                {}, {}};
        }
        const QStringList cells {QStringLiteral("protein folding"), QStringLiteral("membrane transport"),
            QStringLiteral("enzyme kinetics")};
        const QStringList sky {QStringLiteral("galaxy clusters"), QStringLiteral("stellar spectra"),
            QStringLiteral("telescope optics")};
        for (int i = 0; i < 15; ++i) {
            documents << TfidfVectorizer::Document {QStringLiteral("Cell biology of %1").arg(cells.at(i % 3)),
                QStringLiteral("We observe %1 and %2 in living tissue.")
                    .arg(cells.at(i % 3), cells.at((i + 1) % 3)),
                {}, {}};
            documents << TfidfVectorizer::Document {QStringLiteral("Astronomy of %1").arg(sky.at(i % 3)),
                QStringLiteral("We survey %1 and %2 across the night sky.")
                    .arg(sky.at(i % 3), sky.at((i + 1) % 3)),
                {}, {}};
        }
        vectors = vectorizer.fitTransform(documents);
    }

    /// Four concepts, one per field: a collection this small has few more dimensions than that, and an index
    /// as large as the collection's rank would only give back the words' own space.
    LatentSemanticIndex index(int concepts = 4) const
    {
        std::vector<const SparseVector *> v;
        for (const SparseVector &x : vectors)
            v.push_back(&x);
        LatentSemanticIndex lsi;
        lsi.fit(v, vectorizer.size(), concepts);
        return lsi;
    }
};

} // namespace

class TestLatentSemanticIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    /// A query in one word finds the papers that use the other: the vocabulary mismatch LSI is for.
    void aWordFindsPapersThatUseItsSynonym()
    {
        const Collection c;
        const LatentSemanticIndex lsi = c.index();
        QVERIFY(!lsi.isEmpty());
        const SparseVector query = c.vectorizer.transform(QStringView(u"automobile"));
        QVERIFY(!query.ids.empty());
        const std::vector<float> q = lsi.project(query);
        // Paper 0 says "car" only; paper 30 is about proteins, paper 31 about galaxies.
        QVERIFY(!c.documents.at(0).title.contains(QStringLiteral("automobile")));
        QCOMPARE(query.dot(c.vectors[0]), 0.0); // no word in common
        const double car = LatentSemanticIndex::cosine(q, lsi.project(c.vectors[0]));
        const double protein = LatentSemanticIndex::cosine(q, lsi.project(c.vectors[30]));
        const double galaxy = LatentSemanticIndex::cosine(q, lsi.project(c.vectors[31]));
        qInfo("automobile vs a car paper %.2f, a protein paper %.2f, a galaxy paper %.2f", car, protein,
            galaxy);
        QVERIFY2(car > 0.5, qPrintable(QString::number(car)));
        QVERIFY2(car > protein + 0.4 && car > galaxy + 0.4, qPrintable(QString::number(car)));
    }

    /// The projection is normalised and the index the same on every fit (its sketch has a fixed seed).
    void theIndexIsDeterministic()
    {
        const Collection c;
        const LatentSemanticIndex a = c.index();
        const LatentSemanticIndex b = c.index();
        QCOMPARE(a.concepts(), b.concepts());
        QCOMPARE(a.concepts(), 4);
        // Asked for more concepts than the collection has documents: as many as it can hold.
        QVERIFY(c.index(LatentSemanticIndex::Concepts).concepts() < int(c.documents.size()));
        for (size_t i = 0; i < c.vectors.size(); i += 7) {
            const std::vector<float> x = a.project(c.vectors[i]);
            QCOMPARE(x, b.project(c.vectors[i]));
            QVERIFY(std::abs(LatentSemanticIndex::cosine(x, x) - 1.0) < 1e-4);
        }
    }

    /// Too small a collection has no concepts; a projection is then empty, never a crash.
    void aTinyCollectionHasNoIndex()
    {
        TfidfVectorizer v;
        const std::vector<SparseVector> two =
            v.fitTransform({TfidfVectorizer::Document {QStringLiteral("a b"), {}, {}, {}},
                TfidfVectorizer::Document {QStringLiteral("a b"), {}, {}, {}}});
        LatentSemanticIndex lsi;
        lsi.fit({&two[0], &two[1]}, v.size());
        QVERIFY(lsi.isEmpty());
        QVERIFY(lsi.project(two[0]).empty());
    }
};

QTEST_GUILESS_MAIN(TestLatentSemanticIndex)
#include "test_latentsemanticindex.moc"
