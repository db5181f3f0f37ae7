// SPDX-License-Identifier: GPL-3.0-or-later
// How long hostile and day-sized input takes the text guards whose work the unit tests bound by count
// (test_authormatcher, test_scorereplyparser, test_textounicode): ./build/tests/bench_lectern
// --benchmark_filter='AuthorMatcher|ScoreReply|TexToUnicode'. Each reports its work counter beside the time.
#include "scoring/authormatcher.h"
#include "scoring/scorereplyparser.h"
#include "text/textounicode.h"

#include <benchmark/benchmark.h>

using namespace Lectern;

namespace {

/// 1000 papers of 8 authors against 50 followed names (a day of cs.LG), one author in ten sharing a
/// followed surname.
void BM_AuthorMatcherDay1000(benchmark::State &state)
{
    const auto letters = [](int n) { // digits are not part of a name
        QString s;
        do {
            s.prepend(QChar(u'a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s;
    };
    QStringList followed;
    for (int i = 0; i < 50; ++i)
        followed << QStringLiteral("Followed Person") + letters(i);
    const AuthorMatcher matcher(followed);
    QList<QStringList> papers;
    for (int p = 0; p < 1000; ++p) {
        QStringList authors;
        for (int a = 0; a < 8; ++a)
            authors << QStringLiteral("Given%1 Surname%2 (Some University, Some City)")
                           .arg(letters(a), letters(p * 8 + a));
        if (p % 10 == 0)
            authors << QStringLiteral("Other Person") + letters(p % 50);
        papers << authors;
    }
    qint64 comparisons = 0;
    for (auto _ : state) {
        comparisons = 0;
        for (const QStringList &authors : papers)
            benchmark::DoNotOptimize(matcher.matches(authors, &comparisons));
    }
    state.counters["comparisons"] = double(comparisons);
}

/// 200 000 unclosed brackets before the one object of a reply.
void BM_ScoreReplyHostile200k(benchmark::State &state)
{
    const QString reply =
        QString(200000, u'{') + QStringLiteral(R"({"ARXIVID":"2611.00001","RELEVANCE":5,"NOVELTY":5})");
    const ScoreReplyParser parser(QStringList {QStringLiteral("2611.00001")});
    qint64 scanned = 0;
    for (auto _ : state) {
        const ParsedScores parsed = parser.parseText(reply);
        scanned = parsed.scanned;
        benchmark::DoNotOptimize(parsed.items.size());
    }
    state.counters["scanned per char"] = double(scanned) / double(reply.size());
}

/// \hat{ nested 20 000 deep, and 100 000 nested braces.
void BM_TexToUnicodeDeepNesting(benchmark::State &state)
{
    const QString hats = QStringLiteral("\\hat{").repeated(20000) + u'x' + QString(20000, u'}');
    const QString braces = QString(100000, u'{') + u'x' + QString(100000, u'}');
    for (auto _ : state) {
        benchmark::DoNotOptimize(TexToUnicode::convert(hats));
        benchmark::DoNotOptimize(TexToUnicode::convert(braces));
    }
    state.counters["work per char"] = double(TexToUnicode::workFor(hats) + TexToUnicode::workFor(braces)) /
        double(hats.size() + braces.size());
}

} // namespace

BENCHMARK(BM_AuthorMatcherDay1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScoreReplyHostile200k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TexToUnicodeDeepNesting)->Unit(benchmark::kMillisecond);
