// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks (Google Benchmark), kept out of the CTest run: ./build/tests/bench_lectern
// Target (issue: arXiv ingestion): parse and store a 2000-item feed in under 100 ms.
#include "arxiv/rssfeedparser.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <memory>

using namespace Lectern;

namespace {

// A synthetic arXiv RSS feed of @p n items, all types mixed, realistic abstract length (~1200 chars).
QByteArray syntheticFeed(int n)
{
    QByteArray xml =
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<rss xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "version=\"2.0\"><channel><title>cs.LG updates on arXiv.org</title>"
        "<pubDate>Mon, 23 Nov 2026 00:00:00 -0500</pubDate>\n";
    const char *types[] = {"new", "cross", "replace", "replace-cross"};
    QByteArray abstract;
    for (int w = 0; w < 180; ++w)
        abstract += "word" + QByteArray::number(w % 37) + (w % 23 == 0 ? " $\\mu$P " : " ");
    for (int i = 0; i < n; ++i) {
        const QByteArray id = "2611." + QByteArray::number(10000 + i);
        const char *type = types[i % 4];
        xml += "<item><title>Synthetic paper number " + QByteArray::number(i) +
            " on sparse routing &amp; scaling</title>"
            "<link>https://arxiv.org/abs/" +
            id + "</link><description>arXiv:" + id + "v1 Announce Type: " + type +
            " \nAbstract: " + abstract + "</description><guid isPermaLink=\"false\">oai:arXiv.org:" + id +
            "v1</guid>"
            "<category>cs.LG</category><category>cs.AI</category><category>stat.ML</category>"
            "<pubDate>Mon, 23 Nov 2026 00:00:00 -0500</pubDate><arxiv:announce_type>" +
            type +
            "</arxiv:announce_type>"
            "<dc:creator>Ada Example, Bo Placeholder (Nowhere Institute, Room 1), Cy Sample, Di "
            "Trial</dc:creator></item>\n";
    }
    xml += "</channel></rss>\n";
    return xml;
}

void BM_ParseFeed2000(benchmark::State &state)
{
    const QByteArray xml = syntheticFeed(2000);
    for (auto _ : state) {
        auto feed = RssFeedParser::parse(xml);
        benchmark::DoNotOptimize(feed);
        if (!feed || feed->items.size() != 2000)
            state.SkipWithError("parse failed");
    }
    state.SetBytesProcessed(state.iterations() * xml.size());
}

// Only parsing and storing are timed: creating the database before and deleting it after are not.
void BM_ParseAndStoreFeed2000(benchmark::State &state)
{
    const QByteArray xml = syntheticFeed(2000);
    for (auto _ : state) {
        state.PauseTiming();
        auto dir = std::make_unique<QTemporaryDir>();
        auto store = PaperStore::open(dir->filePath(QStringLiteral("bench.db")));
        if (!store) {
            state.SkipWithError("cannot open store");
            break;
        }
        state.ResumeTiming();
        auto feed = RssFeedParser::parse(xml);
        auto stored = store.value()->upsertPapers(feed->items);
        benchmark::DoNotOptimize(stored);
        state.PauseTiming();
        if (!stored || stored->size() != 2000)
            state.SkipWithError("store failed");
        feed = Error {QString()};
        store.value().reset();
        dir.reset();
        state.ResumeTiming();
    }
}

// The store's share of the above: the feed is parsed before the clock starts.
void BM_StoreFeed2000(benchmark::State &state)
{
    const auto feed = RssFeedParser::parse(syntheticFeed(2000));
    for (auto _ : state) {
        state.PauseTiming();
        auto dir = std::make_unique<QTemporaryDir>();
        auto store = PaperStore::open(dir->filePath(QStringLiteral("bench.db")));
        if (!store) {
            state.SkipWithError("cannot open store");
            break;
        }
        state.ResumeTiming();
        auto stored = store.value()->upsertPapers(feed->items);
        benchmark::DoNotOptimize(stored);
        state.PauseTiming();
        if (!stored || stored->size() != 2000)
            state.SkipWithError("store failed");
        store.value().reset();
        dir.reset();
        state.ResumeTiming();
    }
}

void BM_RestoreSameFeed2000(benchmark::State &state)
{
    const QByteArray xml = syntheticFeed(2000);
    QTemporaryDir dir;
    auto store = PaperStore::open(dir.filePath(QStringLiteral("bench.db")));
    auto first = RssFeedParser::parse(xml);
    (void)store.value()->upsertPapers(first->items);
    for (auto _ : state) {
        auto feed = RssFeedParser::parse(xml);
        auto stored = store.value()->upsertPapers(feed->items);
        benchmark::DoNotOptimize(stored);
    }
}

} // namespace

BENCHMARK(BM_ParseFeed2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAndStoreFeed2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreFeed2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RestoreSameFeed2000)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
