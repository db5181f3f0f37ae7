// SPDX-License-Identifier: GPL-3.0-or-later
// The topics as queries (CriteriaQueries): what a phrase, feedback, the best topic and Irrelevant keywords
// do to a paper's score, on collections written here.
#include "scoring/criteriaqueries.h"

#include <QTest>

using namespace Lectern;

namespace {

/// A collection and what CriteriaQueries is built from: the vectorizer, vectors and term counts.
struct Collection
{
    QList<TfidfVectorizer::Document> documents;
    TfidfVectorizer vectorizer;
    std::vector<SparseVector> vectors;
    std::vector<SparseVector> frequencies;

    void add(const QString &title, const QString &abstract)
    {
        documents << TfidfVectorizer::Document {title, abstract, {}, {}};
    }

    /// Twenty papers on other things, each pair sharing its words (so that they are in the vocabulary).
    void addFillers()
    {
        const QStringList subjects {QStringLiteral("glacier melt"), QStringLiteral("protein folding"),
            QStringLiteral("traffic signals"), QStringLiteral("crop yields"), QStringLiteral("river deltas"),
            QStringLiteral("bird migration"), QStringLiteral("coral reefs"), QStringLiteral("soil carbon"),
            QStringLiteral("urban heat"), QStringLiteral("ocean waves")};
        for (int i = 0; i < 20; ++i) {
            const QString &subject = subjects.at(i % subjects.size());
            add(QStringLiteral("A field study of %1, site %2").arg(subject).arg(i),
                QStringLiteral("Field measurements of %1 over ten seasons, with regional maps.")
                    .arg(subject));
        }
    }

    CriteriaQueries build(const QString &topicsText, bool feedback, bool negativeFeedback = true)
    {
        vectors = vectorizer.fitTransform(documents, TfidfVectorizer::analyse(documents), &frequencies);
        std::vector<const SparseVector *> v;
        std::vector<const SparseVector *> f;
        for (size_t i = 0; i < vectors.size(); ++i) {
            v.push_back(&vectors[i]);
            f.push_back(&frequencies[i]);
        }
        CriteriaQueries queries;
        queries.setNegativeFeedback(negativeFeedback);
        queries.build(ResearchTopics::parse(topicsText), vectorizer, v, f, feedback);
        return queries;
    }

    /// The score of document @p i's best topic.
    [[nodiscard]] double score(const CriteriaQueries &q, qsizetype i) const
    {
        return q.match(frequencies[size_t(i)]).score;
    }
};

} // namespace

class TestCriteriaQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    /// Two papers with the same words, once with the keyword as a phrase and once with its words apart: the
    /// phrase's bigram counts on top of its words.
    void aPhraseFoundWholeOutranksItsWordsApart()
    {
        Collection c;
        c.addFillers();
        c.add(QStringLiteral("Eviction rules"),
            QStringLiteral("An adaptive kv cache for a store of sessions."));
        const qsizetype whole = c.documents.size() - 1;
        c.add(QStringLiteral("Eviction rules"),
            QStringLiteral("An adaptive kv store for a cache of sessions."));
        const qsizetype apart = c.documents.size() - 1;
        c.add(QStringLiteral("Long contexts"), QStringLiteral("The kv cache grows with the context length."));
        for (const bool feedback : {false, true}) {
            const CriteriaQueries q = c.build(QStringLiteral("## Caching\nRelevant: kv cache\n"), feedback);
            QVERIFY(c.vectorizer.indexOf(QStringLiteral("kv cach")) >= 0);
            QVERIFY2(c.score(q, apart) > 0, qPrintable(QString::number(c.score(q, apart))));
            QVERIFY2(c.score(q, whole) > c.score(q, apart),
                qPrintable(QStringLiteral("%1 vs %2").arg(c.score(q, whole)).arg(c.score(q, apart))));
        }
    }

    /// Rocchio feedback: the query's best papers lend it the words they share, so a paper that uses those
    /// words and not the keyword is found; without feedback it is not.
    void feedbackPullsInACoOccurringTerm()
    {
        Collection c;
        c.addFillers();
        for (int i = 0; i < 6; ++i)
            c.add(QStringLiteral("Quantization of transformer layers, part %1").arg(i),
                QStringLiteral("We study quantization with lattice codebooks for weights and activations."));
        c.add(QStringLiteral("Lattice codebooks at scale"),
            QStringLiteral("Vector search over lattice codebooks for weights and activations."));
        const qsizetype codebooks = c.documents.size() - 1;
        c.add(QStringLiteral("Register allocation by colouring"),
            QStringLiteral("Graph colouring heuristics for register allocation in compilers."));
        const qsizetype unrelated = c.documents.size() - 1;
        const QString topics = QStringLiteral("## Low precision\nRelevant: quantization\n");

        const CriteriaQueries plain = c.build(topics, false);
        QCOMPARE(c.score(plain, codebooks), 0.0);
        QVERIFY(plain.expansion(0).isEmpty());

        const CriteriaQueries widened = c.build(topics, true);
        QVERIFY2(widened.expansion(0).contains(QStringLiteral("codebook")),
            qPrintable(widened.expansion(0).join(u',')));
        QVERIFY2(c.score(widened, codebooks) > c.score(widened, unrelated),
            qPrintable(QStringLiteral("%1 vs %2")
                           .arg(c.score(widened, codebooks))
                           .arg(c.score(widened, unrelated))));
        // The papers with the keyword itself stay first.
        QVERIFY(c.score(widened, codebooks - 1) > c.score(widened, codebooks));
        QVERIFY(widened.expansion(0).size() <= CriteriaQueries::FeedbackTerms);
    }

    /// A paper's match is its best topic's score, not the sum over topics.
    void aPaperTakesItsBestTopic()
    {
        Collection c;
        c.addFillers();
        c.add(
            QStringLiteral("Pruning transformers"), QStringLiteral("Magnitude pruning of attention heads."));
        c.add(QStringLiteral("Pruning and distillation"),
            QStringLiteral("Pruning, then distillation into a smaller student, on a kv cache budget."));
        c.add(QStringLiteral("Distillation of kv cache"), QStringLiteral("A student learns the kv cache."));
        const CriteriaQueries q =
            c.build(QStringLiteral("## Pruning\nRelevant: pruning\n\n"
                                   "## Distillation\nRelevant: distillation, kv cache\n"),
                true);
        QCOMPARE(q.size(), 2);
        for (qsizetype i = c.documents.size() - 3; i < c.documents.size(); ++i) {
            const CriteriaQueries::Match m = q.match(c.frequencies[size_t(i)]);
            const double first = q.score(0, c.frequencies[size_t(i)]);
            const double second = q.score(1, c.frequencies[size_t(i)]);
            QVERIFY(first > 0 || second > 0);
            QCOMPARE(m.score, std::max(first, second));
            QCOMPARE(m.topic, first >= second ? 0 : 1);
        }
        QCOMPARE(q.match(c.frequencies[size_t(c.documents.size() - 3)]).topic, 0);
        QCOMPARE(q.match(c.frequencies[size_t(c.documents.size() - 1)]).topic, 1);
    }

    /// A topic's Irrelevant keywords lower a paper that has them.
    void irrelevantKeywordsLowerTheMatch()
    {
        Collection c;
        c.addFillers();
        c.add(QStringLiteral("Quantization of language models"),
            QStringLiteral("A survey of quantization for language models, from rounding to codebooks."));
        const qsizetype survey = c.documents.size() - 1;
        c.add(QStringLiteral("Quantization of language models"),
            QStringLiteral("A review of quantization for language models, from rounding to codebooks."));
        const qsizetype method = c.documents.size() - 1;
        // "survey" and "review" equally rare: without the Irrelevant keyword the two would tie.
        c.add(QStringLiteral("A survey of glaciers"), QStringLiteral("A review of glacier maps."));
        const CriteriaQueries q =
            c.build(QStringLiteral("## Low precision\nRelevant: quantization\nIrrelevant: survey\n"), false);
        QVERIFY2(c.score(q, survey) < c.score(q, method),
            qPrintable(QStringLiteral("%1 vs %2").arg(c.score(q, survey)).arg(c.score(q, method))));
        QVERIFY(c.score(q, survey) > 0);
    }

    /// Negative feedback: the papers the Irrelevant keywords match best lend the query their words with a
    /// minus, so of two papers with the keyword the one written like them ranks lower; without it the two
    /// tie (their other words are equally rare).
    void negativeFeedbackLowersAPaperWrittenLikeTheUnwantedOnes()
    {
        Collection c;
        c.addFillers();
        for (int i = 0; i < 6; ++i) {
            c.add(QStringLiteral("Federated learning across hospitals, study %1").arg(i),
                QStringLiteral("Clients send updates to a server over many rounds."));
            c.add(QStringLiteral("Ray tracing on graphics cards, study %1").arg(i),
                QStringLiteral("Tiles send updates to a kernel over many warps."));
        }
        c.add(QStringLiteral("Quantization of updates"),
            QStringLiteral("Quantization of what clients send to a server over rounds."));
        const qsizetype likeUnwanted = c.documents.size() - 1;
        c.add(QStringLiteral("Quantization of updates"),
            QStringLiteral("Quantization of what tiles send to a kernel over warps."));
        const qsizetype other = c.documents.size() - 1;
        const QString topics =
            QStringLiteral("## Low precision\nRelevant: quantization\nIrrelevant: federated learning\n");

        const CriteriaQueries without = c.build(topics, true, false);
        QVERIFY2(qAbs(c.score(without, likeUnwanted) - c.score(without, other)) < 1e-4,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(c.score(without, likeUnwanted)).arg(c.score(without, other))));
        const CriteriaQueries with = c.build(topics, true, true);
        QVERIFY2(c.score(with, likeUnwanted) < c.score(with, other) - 1e-3,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(c.score(with, likeUnwanted)).arg(c.score(with, other))));
        QVERIFY(c.score(with, likeUnwanted) > 0);
    }
};

QTEST_GUILESS_MAIN(TestCriteriaQueries)
#include "test_criteriaqueries.moc"
