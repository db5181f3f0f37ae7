// SPDX-License-Identifier: GPL-3.0-or-later
// `similar` and `import`: the user's library, and the papers nearest to one of them.
#include "arxiv/arxivapiclient.h"
#include "arxiv/fetchjob.h"
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "config/settings.h"
#include "domain/arxivid.h"
#include "library/referencelist.h"
#include "scoring/builtinscorer.h"
#include "scoring/similarpapers.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>

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

int importCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    if (args.size() != 1)
        return context.usageError(
            QStringLiteral("usage: lectern import FILE (.bib, .ris, or a list of arXiv ids)"));
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly))
        return context.failure(QStringLiteral("cannot read %1: %2").arg(args.first(), file.errorString()));
    const ReferenceList list =
        ReferenceList::parse(QString::fromUtf8(file.readAll()), ReferenceList::formatOf(args.first()));
    for (const QString &line : list.unreadable)
        context.warn({QStringLiteral("not an arXiv id or URL: \"%1\"").arg(line)});
    PaperStore *store = context.openProfileStore();
    if (!store)
        return CommandContext::Failure;
    // Politely, one request at a time through the arXiv gate, as `add` does.
    HttpClient http(FetchRequest::fromSettings(context.settings(), context.profile().databasePath()).http);
    ArxivApiClient api(http, context.settings().url(Keys::ArxivApiBase));
    int imported = 0;
    int failed = 0;
    for (const ArxivId &id : list.ids) {
        auto known = store->paper(id.id);
        Result<Paper> paper = known && known->has_value() ? Result<Paper>(**known) : api.fetchPaper(id);
        if (!paper) {
            context.warn({paper.error()});
            ++failed;
            continue;
        }
        if (!known || !known->has_value()) {
            if (auto stored = store->upsertPaper(*paper); !stored) {
                context.warn({stored.error()});
                ++failed;
                continue;
            }
        }
        auto state = store->state(paper->arxivId);
        if (!state)
            return context.failure(state.error());
        PaperState s = *state;
        s.arxivId = paper->arxivId;
        if (!s.tags.contains(PaperState::ImportedTag)) {
            s.tags << QString(PaperState::ImportedTag);
            s.tags.sort();
        }
        if (auto saved = store->saveState(s); !saved)
            return context.failure(saved.error());
        context.out() << paper->arxivId << " imported: " << paper->title.simplified() << "\n";
        ++imported;
    }
    context.out() << QStringLiteral(
        "%1 of %2 references imported, tagged \"%3\" (the built-in scorer learns "
        "from them and counts them as known); %4 name no arXiv paper, %5 could not be "
        "looked up.\n")
                         .arg(imported)
                         .arg(list.entries)
                         .arg(PaperState::ImportedTag)
                         .arg(list.withoutArxivId)
                         .arg(failed);
    return failed > 0 ? CommandContext::Failure : CommandContext::Ok;
}

} // namespace Lectern
