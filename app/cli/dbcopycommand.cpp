// SPDX-License-Identifier: GPL-3.0-or-later
// `lectern db copy`: moving a library into a lab's database and back (issue 14.6).
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "store/storecopyjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <atomic>
#include <csignal>

namespace Lectern {

namespace {

// Ctrl+C asks the running copy to stop after its chunk, so that the summary of what was written is printed.
std::atomic<Job *> g_interruptible {nullptr};

extern "C" void cancelOnInterrupt(int)
{
    if (Job *job = g_interruptible.load())
        job->cancel(); // one atomic store: safe in a signal handler
}

/// STORE as the user wrote it: "postgres" for the server the settings name, else a file or a URI.
Result<StoreLocation> storeNamed(CommandContext &context, const QString &text)
{
    if (text == u"postgres")
        return Profile::postgresStoreFor(context.settings());
    return StoreLocation::parseArgument(text);
}

} // namespace

int dbCopyCommand(CommandContext &context, const QCommandLineParser &options)
{
    const bool to = options.isSet(QStringLiteral("to"));
    const bool from = options.isSet(QStringLiteral("from"));
    if (!to && !from)
        return context.usageError(QCoreApplication::translate("Lectern::DbCopyCommand",
            "db copy needs --to STORE (copy your library there) or --from STORE (copy it here)."));
    if (!context.createProfile())
        return CommandContext::Failure;
    // The side not named is the library this command would otherwise use: --store, else the profile's
    // own SQLite file (also while the settings name a server: the personal library being moved in).
    StoreLocation here = options.isSet(QStringLiteral("store"))
        ? StoreLocation::parse(options.value(QStringLiteral("store")))
        : StoreLocation::sqliteFile(context.profile().databasePath());
    StoreLocation source = here;
    StoreLocation target = here;
    if (from) {
        auto named = storeNamed(context, options.value(QStringLiteral("from")));
        if (!named)
            return context.usageError(QStringLiteral("--from: ") + named.error());
        source = *named;
    }
    if (to) {
        auto named = storeNamed(context, options.value(QStringLiteral("to")));
        if (!named)
            return context.usageError(QStringLiteral("--to: ") + named.error());
        target = *named;
    }

    StoreCopyJob job(source, target);
    g_interruptible = &job;
    auto previous = std::signal(SIGINT, cancelOnInterrupt);
    JobOutcome outcome;
    const int code = context.runJob(job, &outcome);
    std::signal(SIGINT, previous);
    g_interruptible = nullptr;
    if (outcome.cancelled() && outcome.result.canConvert<StoreCopySummary>())
        context.out() << outcome.resultAs<StoreCopySummary>().report() << "\n";
    return code;
}

} // namespace Lectern
