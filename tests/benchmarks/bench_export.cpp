// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of the digest exports (Google Benchmark), run by hand: ./build/tests/bench_export
// Targets (issue 7): a 70-paper day to Markdown or HTML in under 150 ms, to PDF in under 1 s.
#include "digest/bibtexwriter.h"
#include "digest/digestbuilder.h"
#include "digest/digesthtml.h"
#include "digest/digestjson.h"
#include "digest/digestloader.h"
#include "export/digestexporter.h"
#include "scoring/authormatcher.h"
#include "store/paperstore.h"

#include <testkit/syntheticday.h>

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextDocument>

#include <benchmark/benchmark.h>

using namespace Lectern;

namespace {

const QDate kDay(2026, 3, 17);
constexpr int kPapers = 70;

const Digest &day70()
{
    static const Digest digest = [] {
        const Test::SyntheticDay day = Test::largeDay(kDay, kPapers);
        Digest d = DigestBuilder::select(day.run, day.records, AuthorMatcher(), 8, 7);
        DigestBuilder::applyPrices(d, 1.25, 10.0);
        return d;
    }();
    return digest;
}

void checkSize(benchmark::State &state)
{
    if (day70().entries.size() != kPapers)
        state.SkipWithError("the synthetic day does not have 70 relevant papers");
}

void BM_Markdown70(benchmark::State &state)
{
    checkSize(state);
    for (auto _ : state) {
        QString md = DigestBuilder::markdown(day70());
        benchmark::DoNotOptimize(md);
    }
}

void BM_Html70(benchmark::State &state)
{
    checkSize(state);
    for (auto _ : state) {
        QString html = DigestHtml::render({day70()});
        benchmark::DoNotOptimize(html);
    }
}

/// What the digest view does on a day change: HTML into a QTextDocument, laid out at a window's width.
void BM_HtmlLaidOut70(benchmark::State &state)
{
    checkSize(state);
    DigestHtmlOptions options;
    options.interactive = true;
    options.navigation = DigestHtmlOptions::Navigation {kDay.addDays(-1), kDay.addDays(1), true};
    for (auto _ : state) {
        QTextDocument doc;
        doc.setHtml(DigestHtml::render({day70()}, options));
        doc.setTextWidth(900);
        QSizeF size = doc.documentLayout()->documentSize();
        benchmark::DoNotOptimize(size);
    }
}

void BM_Pdf70(benchmark::State &state)
{
    checkSize(state);
    ExportOptions options;
    options.author = QStringLiteral("Bench Mark");
    for (auto _ : state) {
        auto pdf = DigestExporter::render({day70()}, ExportFormat::Pdf, options);
        if (!pdf) {
            state.SkipWithError(qPrintable(pdf.error()));
            break;
        }
        benchmark::DoNotOptimize(pdf->size());
    }
}

void BM_BibTeX70(benchmark::State &state)
{
    checkSize(state);
    for (auto _ : state) {
        QString bib = BibTeXWriter::write(day70().entries);
        benchmark::DoNotOptimize(bib);
    }
}

void BM_Json70(benchmark::State &state)
{
    checkSize(state);
    for (auto _ : state) {
        QByteArray json = DigestJson::write({day70()});
        benchmark::DoNotOptimize(json);
    }
}

/// From the SQLite store to Markdown, as `lectern export --date D -o day.md` does after start-up.
void BM_StoreToMarkdown70(benchmark::State &state)
{
    QTemporaryDir dir;
    auto opened = PaperStore::open(dir.filePath(QStringLiteral("bench.db")));
    if (!opened) {
        state.SkipWithError(qPrintable(opened.error()));
        return;
    }
    PaperStore &store = *opened.value();
    Test::storeDay(store, Test::largeDay(kDay, kPapers));
    for (auto _ : state) {
        auto digest = DigestLoader::day(store, kDay, DigestSettings {});
        if (!digest || digest->entries.size() != kPapers) {
            state.SkipWithError("loading the day failed");
            break;
        }
        QString md = DigestBuilder::markdown(*digest);
        benchmark::DoNotOptimize(md);
    }
}

} // namespace

BENCHMARK(BM_Markdown70)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Html70)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HtmlLaidOut70)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pdf70)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BibTeX70)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Json70)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreToMarkdown70)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    // PDF needs QtGui's fonts, not a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
