// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of the built-in scorer (Google Benchmark), run by hand: ./build/tests/bench_lectern
// Target (issue: scoring pipeline): score a 1000-paper day with lectern-local in under a second.
#include "scoring/builtinscorer.h"
#include "scoring/prompttemplate.h"
#include "scoring/scoringjob.h"
#include "scoring/similarpapers.h"
#include "store/paperstore.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <cmath>
#include <random>

using namespace Lectern;

namespace {

/// Synthetic papers: Zipf-distributed made-up words, abstracts of ~170 words, titles of ~10, and one paper
/// in ten carrying keywords of the default topics.
class SyntheticPapers
{
public:
    SyntheticPapers()
        : m_rng(20261123)
    {
        const char *syllables[] = {"ka", "lo", "mi", "ten", "sor", "vi", "dra", "pel", "qua", "zin", "ro",
            "ne", "tiv", "ul", "ber", "cha"};
        for (int i = 0; i < 6000; ++i) {
            QString w;
            int n = i;
            do {
                w += QLatin1StringView(syllables[n % 16]);
                n /= 16;
            } while (n > 0);
            m_words << w;
        }
        double total = 0;
        for (int i = 0; i < m_words.size(); ++i) {
            total += 1.0 / (i + 1);
            m_cumulative.push_back(total);
        }
        const ResearchTopics topics = PromptTemplate::defaults().topics();
        for (const ResearchTopic &t : topics.topics)
            m_keywords << t.relevant << t.applications;
    }

    QList<Paper> make(int count, const QString &prefix, const QDate &day)
    {
        QList<Paper> out;
        for (int i = 0; i < count; ++i) {
            Paper p;
            p.arxivId = prefix + QString::number(10000 + i);
            p.title = sentence(10);
            p.abstract = sentence(170);
            if (i % 10 == 0) {
                p.title += u' ' + m_keywords.at(i / 10 % m_keywords.size());
                p.abstract += u' ' + m_keywords.at((i / 10 + 3) % m_keywords.size()) + u' ' + sentence(20);
            }
            p.authors = {QStringLiteral("Ada Example"), QStringLiteral("Bo Placeholder")};
            p.categories = {QStringLiteral("cs.LG")};
            p.primaryCategory = QStringLiteral("cs.LG");
            p.announceType = QStringLiteral("new");
            p.announced = day;
            out << p;
        }
        return out;
    }

private:
    QString sentence(int words)
    {
        std::uniform_real_distribution<double> u(0, m_cumulative.back());
        QStringList out;
        for (int i = 0; i < words; ++i)
            out << m_words.at(int(
                std::lower_bound(m_cumulative.begin(), m_cumulative.end(), u(m_rng)) - m_cumulative.begin()));
        return out.join(u' ');
    }

    std::mt19937 m_rng;
    QStringList m_words;
    std::vector<double> m_cumulative;
    QStringList m_keywords;
};

BuiltinModel::Inputs inputs(const QList<Paper> &day, const QList<Paper> &older)
{
    BuiltinModel::Inputs in;
    in.topics = PromptTemplate::defaults().topics();
    in.collection =
        day + older; // newest first, as the store gives them (4000 = BuiltinModel::CollectionLimit)
    in.starred = older.mid(0, 60);
    in.dismissed = older.mid(60, 30);
    in.library = older.mid(0, 300);
    return in;
}

void BM_BuiltinBuildModel(benchmark::State &state)
{
    SyntheticPapers gen;
    const QList<Paper> day = gen.make(1000, QStringLiteral("2611."), QDate(2026, 11, 23));
    const QList<Paper> older = gen.make(3000, QStringLiteral("2610."), QDate(2026, 10, 1));
    const BuiltinModel::Inputs in = inputs(day, older);
    for (auto _ : state) {
        auto model = BuiltinModel::build(in);
        benchmark::DoNotOptimize(model);
        if (!model->isLearning())
            state.SkipWithError("the model did not learn");
    }
}

void BM_BuiltinScore1000(benchmark::State &state)
{
    SyntheticPapers gen;
    const QList<Paper> day = gen.make(1000, QStringLiteral("2611."), QDate(2026, 11, 23));
    const QList<Paper> older = gen.make(3000, QStringLiteral("2610."), QDate(2026, 10, 1));
    BuiltinScorer scorer(BuiltinModel::build(inputs(day, older)));
    const RenderedPrompt prompt;
    for (auto _ : state) {
        const BatchResult r = scorer.scoreBatch(day, prompt, nullptr);
        benchmark::DoNotOptimize(r);
        if (r.items.size() != 1000)
            state.SkipWithError("not every paper was scored");
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}

/// The whole day as `lectern score --rescore` runs it: read the store, build the model from it, score
/// 1000 papers in batches of 20 on 4 threads, store 1000 scores, update the day.
void BM_ScoringJobBuiltin1000(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("bench.db"));
    SyntheticPapers gen;
    const QDate dayDate(2026, 11, 23);
    const QList<Paper> older = gen.make(3000, QStringLiteral("2610."), QDate(2026, 10, 1));
    const QList<Paper> day = gen.make(1000, QStringLiteral("2611."), dayDate);
    {
        auto store = PaperStore::open(db);
        if (!store || !store.value()->upsertPapers(older + day)) {
            state.SkipWithError("cannot fill the store");
            return;
        }
        for (int i = 0; i < 300; ++i) {
            PaperState s;
            s.arxivId = older.at(i).arxivId;
            s.read = true;
            s.starred = i < 60;
            if (!store.value()->saveState(s)) {
                state.SkipWithError("cannot store state");
                return;
            }
        }
    }
    const PromptTemplate prompt = PromptTemplate::defaults();
    for (auto _ : state) {
        ScoringRequest rq;
        rq.databasePath = db;
        rq.day = dayDate;
        rq.factory = BuiltinScorer::factory(prompt.topics(), db);
        rq.prompt = prompt;
        rq.rescore = true;
        ScoringJob job(rq);
        const JobOutcome outcome = job.execute();
        if (!outcome.ok() || outcome.resultAs<ScoringSummary>().scored != 1000)
            state.SkipWithError("the scoring job failed");
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}

} // namespace

/// "More like this" over 100k papers (issue 16: under 50 ms): the index is built once (vocabulary fitted on
/// the 4000 newest, as the scorer's), each iteration asks for the 10 nearest to another paper.
void BM_SimilarPapers100k(benchmark::State &state)
{
    SyntheticPapers gen;
    const QList<Paper> papers = gen.make(100000, QStringLiteral("26"), QDate(2026, 11, 23));
    QList<TfidfVectorizer::Document> docs;
    QStringList ids;
    for (const Paper &p : papers) {
        docs << TfidfVectorizer::Document {p.title, p.abstract, p.categories, p.primaryCategory};
        ids << p.arxivId;
    }
    TfidfVectorizer vectorizer;
    vectorizer.fit(docs.first(BuiltinModel::CollectionLimit));
    std::vector<SparseVector> vectors;
    for (const TfidfVectorizer::Document &d : docs)
        vectors.push_back(vectorizer.transform(d));
    const std::vector<SparseVector> queries(vectors.begin(), vectors.begin() + 1000);
    const SimilarPapers index(vectorizer, ids, std::move(vectors));
    size_t i = 0;
    for (auto _ : state) {
        const QList<SimilarPapers::Match> found =
            index.nearest(queries[i % queries.size()], 10, ids.at(qsizetype(i % queries.size())));
        benchmark::DoNotOptimize(found);
        if (found.size() != 10)
            state.SkipWithError("fewer than 10 neighbours");
        ++i;
    }
}

BENCHMARK(BM_SimilarPapers100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuiltinBuildModel)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuiltinScore1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScoringJobBuiltin1000)->Unit(benchmark::kMillisecond)->Iterations(5);
