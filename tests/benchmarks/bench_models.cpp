// SPDX-License-Identifier: GPL-3.0-or-later
// Paper table at 100k papers: sorting and filtering through the proxy (target: under 100 ms each).
#include "domain/papertableorders.h"
#include "models/paperfilterproxy.h"
#include "models/papertablemodel.h"
#include "models/roles.h"
#include "store/paperstore.h"

#include <benchmark/benchmark.h>

using namespace Lectern;

namespace {

QList<PaperRecord> syntheticRecords(int n)
{
    QList<PaperRecord> records;
    records.reserve(n);
    for (int i = 0; i < n; ++i) {
        PaperRecord r;
        r.paper.arxivId = QStringLiteral("26%1.%2")
                              .arg(i % 12 + 1, 2, 10, QLatin1Char('0'))
                              .arg(i, 5, 10, QLatin1Char('0'));
        r.paper.title =
            QStringLiteral("Synthetic paper %1 on routing, $\\mu$P and sparse mixtures").arg((i * 7919) % n);
        r.paper.authors = {QStringLiteral("Author %1").arg(i % 997), QStringLiteral("Second Author")};
        r.paper.categories = {i % 3 ? QStringLiteral("cs.LG") : QStringLiteral("cs.AI")};
        if (i % 5) {
            Score s;
            s.relevance = 1 + (i * 31) % 10;
            s.novelty = 1 + (i * 17) % 10;
            r.score = s;
        }
        r.state.starred = i % 13 == 0;
        r.state.read = i % 2 == 0;
        records << r;
    }
    return records;
}

void BM_LoadModel100k(benchmark::State &state)
{
    const QList<PaperRecord> records = syntheticRecords(100000);
    PaperTableModel model;
    for (auto _ : state)
        model.setRecords(records);
}

void BM_SortProxy100k(benchmark::State &state)
{
    PaperTableModel model;
    model.setRecords(syntheticRecords(100000));
    PaperFilterProxy proxy;
    proxy.setSourceModel(&model);
    const int column = int(state.range(0));
    bool descending = false;
    for (auto _ : state) {
        // One full sort per iteration, as a click on the column header does (the order flips each time).
        descending = !descending;
        proxy.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
}

// The first sort after new records arrive also builds the orders the later sorts reuse (arXiv id order for
// ties, title order).
void BM_FirstSort100k(benchmark::State &state)
{
    const QList<PaperRecord> records = syntheticRecords(100000);
    PaperTableModel model;
    PaperFilterProxy proxy;
    proxy.setSourceModel(&model);
    for (auto _ : state) {
        state.PauseTiming();
        proxy.sort(-1);
        model.setRecords(records);
        state.ResumeTiming();
        proxy.sort(int(state.range(0)), Qt::AscendingOrder);
    }
}

void BM_FilterProxy100k(benchmark::State &state)
{
    PaperTableModel model;
    model.setRecords(syntheticRecords(100000));
    PaperFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TotalColumn, Qt::DescendingOrder);
    bool on = false;
    for (auto _ : state) {
        on = !on;
        proxy.setMinimumRelevance(on ? 8 : 0);
        benchmark::DoNotOptimize(proxy.rowCount());
    }
}

} // namespace

/// The "All days" loader's two steps on a real profile's database (LECTERN_BENCH_DB, e.g. one written by
/// `lectern bench generate`; skipped without it): reading the lean rows, then the title and author orders.
void BM_AllDaysRowsFromDatabase(benchmark::State &state)
{
    const QString path = qEnvironmentVariable("LECTERN_BENCH_DB");
    if (path.isEmpty()) {
        state.SkipWithError("set LECTERN_BENCH_DB to a profile's lectern.db");
        return;
    }
    auto store = PaperStore::open(path);
    if (!store) {
        state.SkipWithError(qPrintable(store.error()));
        return;
    }
    const bool orders = state.range(0) == 1;
    QList<PaperRecord> rows = *store.value()->tableRowsForRange();
    for (auto _ : state) {
        if (orders) {
            benchmark::DoNotOptimize(PaperTableOrders::of(rows));
        } else {
            rows = *store.value()->tableRowsForRange();
            benchmark::DoNotOptimize(rows.size());
        }
    }
    state.counters["papers"] = double(rows.size());
}

BENCHMARK(BM_AllDaysRowsFromDatabase)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadModel100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SortProxy100k)->Arg(TotalColumn)->Arg(TitleColumn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstSort100k)->Arg(TotalColumn)->Arg(TitleColumn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterProxy100k)->Unit(benchmark::kMillisecond);
