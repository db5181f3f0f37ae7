// SPDX-License-Identifier: GPL-3.0-or-later
// `similar`: the papers of the user's database nearest to one of them.
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "domain/arxivid.h"
#include "scoring/builtinscorer.h"
#include "scoring/similarpapers.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace Lectern {

int similarCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    const std::optional<ArxivId> id = args.size() == 1 ? ArxivId::parse(args.first()) : std::nullopt;
    if (!id)
        return context.usageError(
            QStringLiteral("usage: lectern similar ID|URL (an arXiv id in the database)"));
    PaperStore *store = context.store();
    if (!store)
        return CommandContext::Failure;
    auto paper = store->paper(id->id);
    if (!paper)
        return context.failure(paper.error());
    if (!paper->has_value())
        return context.failure(
            QStringLiteral("%1 is not in the database (add it with `lectern add %1`).").arg(id->id));
    QElapsedTimer clock;
    clock.start();
    auto index = SimilarPapers::fromStore(*store, BuiltinScorer::modelPath(context.profile().databasePath()));
    if (!index)
        return context.failure(index.error());
    const qint64 buildMs = clock.elapsed();
    const Paper &query = **paper;
    SparseVector vector = index->vectorOf(query.arxivId);
    if (vector.ids.empty())
        vector = index->vectorizer().transform(
            TfidfVectorizer::Document {query.title, query.abstract, query.categories, query.primaryCategory});
    clock.restart();
    const QList<SimilarPapers::Match> matches = index->nearest(vector, 10, query.arxivId);
    const qint64 queryMs = clock.elapsed();

    QTextStream &out = context.out();
    out << QStringLiteral("Nearest to %1 \"%2\" among %3 papers (tf-idf cosine; index %4 ms, query %5 ms):\n")
               .arg(query.arxivId, query.title.simplified())
               .arg(index->size())
               .arg(buildMs)
               .arg(queryMs);
    if (matches.isEmpty())
        out << "  (no paper shares a term with it)\n";
    for (const SimilarPapers::Match &m : matches) {
        // Why: the terms the two share that weigh most.
        out << QStringLiteral("  %1  %2  %3\n")
                   .arg(QString::number(m.similarity, 'f', 2), m.arxivId,
                       index->titleOf(m.arxivId).simplified());
        if (!m.sharedTerms.isEmpty())
            out << QStringLiteral("        shared: %1\n")
                       .arg(TextAnalyzer::spelledAs(
                           m.sharedTerms, QString(query.title + u' ' + query.abstract))
                                .join(QStringLiteral(", ")));
    }
    return CommandContext::Ok;
}

} // namespace Lectern
