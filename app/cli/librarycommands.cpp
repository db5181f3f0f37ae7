// SPDX-License-Identifier: GPL-3.0-or-later
// `similar` and `import`: the user's library, and the papers nearest to one of them.
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "domain/arxivid.h"
#include "library/libraryimportjob.h"
#include "scoring/builtinscorer.h"
#include "scoring/similarpapers.h"
#include "store/librarystore.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

namespace Lectern {

int similarCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    const std::optional<ArxivId> id = args.size() == 1 ? ArxivId::parse(args.first()) : std::nullopt;
    if (!id)
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern similar ID|URL (an arXiv id in the database)"));
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
    auto index = SimilarPapers::fromStore(*store, BuiltinScorer::modelPath(context.profile().store()));
    if (!index)
        return context.failure(index.error());
    const qint64 buildMs = clock.elapsed();
    const Paper &query = **paper;
    const SparseVector vector = index->vectorizer().transform(
        TfidfVectorizer::Document {query.title, query.abstract, query.categories, query.primaryCategory});
    clock.restart();
    const QList<SimilarPapers::Match> matches = index->nearest(vector, 10, query.arxivId);
    const qint64 queryMs = clock.elapsed();

    QTextStream &out = context.out();
    out << QCoreApplication::translate(
        "Lectern::Cli", "Nearest to %1 \"%2\" among %3 papers (tf-idf cosine; index %4 ms, query %5 ms):\n")
               .arg(query.arxivId, query.title.simplified())
               .arg(index->size())
               .arg(buildMs)
               .arg(queryMs);
    if (matches.isEmpty())
        out << "  (no paper shares a term with it)\n";
    for (const SimilarPapers::Match &m : matches) {
        // Why: the terms the two share that weigh most.
        auto match = store->paper(m.arxivId);
        const QString title = match && match->has_value() ? (*match)->title.simplified() : QString();
        out << QStringLiteral("  %1  %2  %3\n").arg(QString::number(m.similarity, 'f', 2), m.arxivId, title);
        if (!m.sharedTerms.isEmpty())
            out << QStringLiteral("        shared: %1\n")
                       .arg(TextAnalyzer::spelledAs(
                           m.sharedTerms, QString(query.title + u' ' + query.abstract))
                                .join(QStringLiteral(", ")));
    }
    return CommandContext::Ok;
}

int importCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    if (args.size() != 1)
        return context.usageError(QStringLiteral(
            "usage: lectern import FILE (.bib, .ris, zotero.sqlite, or a list of arXiv ids or URLs)"));
    if (!QFileInfo(args.first()).isFile())
        return context.failure(
            QCoreApplication::translate("Lectern::Cli", "cannot read %1: no such file").arg(args.first()));
    if (!context.openProfileStore())
        return CommandContext::Failure;
    // The window's job, run here on the main thread: one request at a time through the arXiv gate.
    LibraryImportJob job(
        LibraryImportRequest::fromSettings(context.settings(), context.profile().store(), args.first()));
    const JobOutcome outcome = job.execute();
    const auto summary = outcome.resultAs<LibraryImportSummary>();
    for (const QString &line : summary.unreadable)
        context.warn(
            {QCoreApplication::translate("Lectern::LibraryCommands", "not an arXiv id or URL: \"%1\"")
                    .arg(line)});
    context.warn(summary.leftOut);
    for (const QString &missing : summary.notFound)
        context.warn(
            {QCoreApplication::translate("Lectern::LibraryCommands", "not imported: %1").arg(missing)});
    for (const QString &id : summary.importedIds)
        context.out() << id << " imported\n";
    if (!outcome.ok())
        return context.failure(outcome.message);
    context.out() << QStringLiteral("%1\nThe built-in scorer learns from your library (arXiv papers tagged "
                                    "\"%2\", the rest kept as text) and counts it as known; `lectern "
                                    "library` lists it.\n")
                         .arg(summary.describe(), PaperState::ImportedTag);
    return summary.notFound.isEmpty() ? CommandContext::Ok : CommandContext::Failure;
}

int libraryCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    if (!args.isEmpty() && args != QStringList {QStringLiteral("list")})
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "usage: lectern library [list]"));
    PaperStore *store = context.store();
    if (!store)
        return CommandContext::Failure;
    LibraryStore library(store->database());
    auto items = library.items();
    if (!items)
        return context.failure(items.error());
    int text = 0;
    for (const LibraryItem &item : *items) {
        QString where = item.isArxiv()
            ? QStringLiteral("arXiv:") + item.arxivId
            : (item.doi.isEmpty() ? QStringLiteral("text") : QStringLiteral("doi:") + item.doi);
        text += item.isArxiv() ? 0 : 1;
        QString authors = item.authors.isEmpty() ? QString() : item.authors.first();
        if (item.authors.size() > 1)
            authors += QStringLiteral(" et al.");
        context.out() << QStringLiteral("%1  %2%3%4  [%5]\n")
                             .arg(where, item.title.simplified(),
                                 authors.isEmpty() ? QString() : QStringLiteral(" — ") + authors,
                                 item.year > 0 ? QStringLiteral(" (%1)").arg(item.year) : QString(),
                                 item.source);
    }
    context.out() << QStringLiteral("%1 references in your library: %2 arXiv papers, %3 kept as text.\n")
                         .arg(items->size())
                         .arg(items->size() - text)
                         .arg(text);
    return CommandContext::Ok;
}

} // namespace Lectern
