// SPDX-License-Identifier: GPL-3.0-or-later
// `fetch`, `add` and `backfill`: papers from arXiv into the store.
#include "arxiv/arxivapiclient.h"
#include "arxiv/backfilljob.h"
#include "arxiv/fetchjob.h"
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "config/settings.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Lectern {

int fetchCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    if (!args.isEmpty())
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern fetch [--date today|YYYY-MM-DD] [--categories cs.LG,cs.AI]"));
    return fetchDay(
        context, options.value(QStringLiteral("date")), options.value(QStringLiteral("categories")), nullptr);
}

int fetchDay(CommandContext &context, const QString &date, const QString &categories, FetchSummary *result)
{
    if (!context.createProfile())
        return CommandContext::Failure;
    FetchRequest request = FetchRequest::fromSettings(context.settings(), context.profile().store());
    // "today" leaves the day open: the feed says which day it announces.
    if (date != u"today" && !context.parseDate(date, request.expectedDate))
        return CommandContext::Usage;
    if (!categories.isEmpty())
        request.categories = Settings::splitList(categories);

    FetchJob job(request);
    JobOutcome outcome;
    if (context.runJob(job, &outcome) != CommandContext::Ok)
        return CommandContext::Failure;
    const auto s = outcome.resultAs<FetchSummary>();
    if (result)
        *result = s;
    context.warn(s.warnings);
    if (!s.noAnnouncement) {
        context.out() << "Total arXiv papers: " << s.totalArxiv << "\n"
                      << "Total scanned papers: " << s.totalScanned << "\n"
                      << "New papers: " << s.newPapers << "\n";
    }
    if (!s.complete)
        return context.failure(QCoreApplication::translate(
            "Lectern::Cli", "the day looks partial; run the fetch again later or back-fill it."));
    return CommandContext::Ok;
}

int addCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    if (args.size() != 1)
        return context.usageError(QCoreApplication::translate("Lectern::Cli", "usage: lectern add ID|URL"));
    const auto id = ArxivId::parse(args.first());
    if (!id)
        return context.usageError(
            QStringLiteral("\"%1\" is not an arXiv id or arXiv URL.").arg(args.first()));
    PaperStore *store = context.openProfileStore();
    if (!store)
        return CommandContext::Failure;
    HttpClient http(FetchRequest::fromSettings(context.settings(), context.profile().store()).http);
    ArxivApiClient api(http, context.settings().url(Keys::ArxivApiBase));
    auto paper = api.fetchPaper(*id);
    if (!paper)
        return context.failure(paper.error());
    auto stored = store->upsertPaper(*paper);
    if (!stored)
        return context.failure(stored.error());
    const char *what = *stored == PaperStore::Upsert::Inserted
        ? "added"
        : (*stored == PaperStore::Upsert::Updated ? "updated" : "unchanged");
    context.out() << paper->versionedId() << " " << what << ": " << paper->title << "\n";
    return CommandContext::Ok;
}

int backfillCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    const QString from = options.value(QStringLiteral("from"));
    const QString to = options.value(QStringLiteral("to"));
    if (!args.isEmpty() || from.isEmpty() || to.isEmpty())
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern backfill --from YYYY-MM-DD --to YYYY-MM-DD [--categories LIST]"));
    const QDate f = QDate::fromString(from, Qt::ISODate);
    const QDate t = QDate::fromString(to, Qt::ISODate);
    if (!f.isValid() || !t.isValid() || f > t)
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "--from and --to want dates YYYY-MM-DD with from <= to."));
    if (!context.createProfile())
        return CommandContext::Failure;
    const Settings &settings = context.settings();
    const FetchRequest fetch = FetchRequest::fromSettings(settings, context.profile().store());
    const QString categories = options.value(QStringLiteral("categories"));
    BackfillRequest request;
    request.databasePath = context.profile().store();
    request.categories = categories.isEmpty() ? fetch.categories : Settings::splitList(categories);
    request.keepTypes = fetch.keepTypes;
    request.oaiBase = settings.url(Keys::ArxivOaiBase);
    request.from = f;
    request.until = t;
    request.http = fetch.http;
    BackfillJob job(request);
    return context.runJob(job);
}

} // namespace Lectern
