// SPDX-License-Identifier: GPL-3.0-or-later
// `score`, `run` and `compare`: scoring a day and looking at what its scoring runs changed.
#include "arxiv/fetchjob.h"
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "digest/digestbuilder.h"
#include "jobs/job.h"
#include "scoring/authormatcher.h"
#include "scoring/providerfactory.h"
#include "scoring/scorecomparison.h"
#include "scoring/scoringjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Lectern {

int scoreCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    const bool rescore = options.isSet(QStringLiteral("rescore"));
    const bool dryRun = options.isSet(QStringLiteral("dry-run"));
    const bool batch = options.isSet(QStringLiteral("batch"));
    if (batch && (rescore || dryRun))
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "--batch does not go with --rescore or --dry-run."));
    if (!args.isEmpty())
        return context.usageError(QStringLiteral(
            "usage: lectern score [--date YYYY-MM-DD] [--rescore] [--dry-run] | score --batch [--date D]"));
    QDate day;
    if (!context.parseDate(options.value(QStringLiteral("date")), day))
        return CommandContext::Usage;
    return batch ? scoreBatch(context, day) : scoreDay(context, day, rescore, dryRun);
}

int scoreDay(CommandContext &context, QDate day, bool rescore, bool dryRun, bool lab)
{
    if (!context.createProfile())
        return CommandContext::Failure;
    const Settings &settings = context.settings();
    if (!context.resolveDay(day, kNothingToScore))
        return CommandContext::Failure;
    context.closeStore(); // the scoring job writes through a connection of its own
    QString error;
    ScoringProviderFactory factory = makeScoringProviderFactory(settings, context.profile(), &error);
    if (!factory)
        return context.failure(error);
    auto request = ScoringRequest::fromProfile(settings, context.profile(), day);
    if (!request)
        return context.failure(request.error());
    context.warn(request->prompt.problems());
    ScoringRequest rq = std::move(request).value();
    rq.factory = std::move(factory);
    rq.rescore = rescore;
    rq.dryRun = dryRun;
    rq.labPrompt = lab;
    ScoringJob job(std::move(rq));
    JobOutcome outcome;
    const int code = context.runJob(job, &outcome);
    const auto s = outcome.resultAs<ScoringSummary>();
    context.warn(s.warnings);
    if (!s.model.isEmpty()) {
        for (const QString &line : s.stageLines())
            context.out() << line << "\n";
    }
    if (code != CommandContext::Ok)
        return CommandContext::Failure;
    if (s.budgetReached)
        return context.failure(QCoreApplication::translate("Lectern::ScoreCommands",
            "the daily budget (scoring/dailyBudget) stopped the run; %1 papers are not scored yet.")
                                   .arg(s.notSent));
    return CommandContext::Ok;
}

int runCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    if (!args.isEmpty())
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern run [--date today|YYYY-MM-DD] [--categories cs.LG,cs.AI]"));
    FetchSummary fetched;
    const int fetchCode = fetchDay(context, options.value(QStringLiteral("date")),
        options.value(QStringLiteral("categories")), &fetched);
    if (fetchCode == CommandContext::Usage)
        return fetchCode;
    if (!fetched.day.isValid()) // the fetch failed outright
        return CommandContext::Failure;
    if (fetched.noAnnouncement) {
        context.out() << "Nothing to score: no announcement on " << fetched.day.toString(Qt::ISODate)
                      << ".\n";
        return fetchCode;
    }
    if (fetchCode != CommandContext::Ok)
        context.err()
            << "warning: scoring the partial day anyway; fetch it again later and run again to score "
               "the rest.\n";
    // The lab's morning job: members without scores of their own prompt see this run's.
    const int scoreCode = scoreDay(context, fetched.day, false, false, true);
    if (fetchCode != CommandContext::Ok)
        return fetchCode;
    if (scoreCode != CommandContext::Ok)
        return scoreCode;
    // Only a whole, scored day goes out; its failure leaves the stored day as it is.
    return deliverDay(context, fetched.day, false, true);
}

namespace {

/// --from-run N --to-run M, checked before anything is opened; 0 and 0 when not given.
struct RunPair
{
    int from = 0;
    int to = 0;
};

std::optional<RunPair> parseRunPair(CommandContext &context, const QCommandLineParser &options)
{
    const QString fromRun = options.value(QStringLiteral("from-run"));
    const QString toRun = options.value(QStringLiteral("to-run"));
    if (options.isSet(QStringLiteral("list")) && (!fromRun.isEmpty() || !toRun.isEmpty())) {
        context.usageError(
            QCoreApplication::translate("Lectern::Cli", "--list does not go with --from-run and --to-run."));
        return std::nullopt;
    }
    if (fromRun.isEmpty() != toRun.isEmpty()) {
        context.usageError(
            QCoreApplication::translate("Lectern::Cli", "--from-run and --to-run go together."));
        return std::nullopt;
    }
    RunPair pair;
    if (!fromRun.isEmpty()) {
        bool okFrom = false;
        bool okTo = false;
        pair.from = fromRun.toInt(&okFrom);
        pair.to = toRun.toInt(&okTo);
        if (!okFrom || !okTo || pair.from < 1 || pair.to < 1 || pair.from == pair.to) {
            context.usageError(QStringLiteral(
                "--from-run and --to-run want two different run numbers from `lectern compare --list`."));
            return std::nullopt;
        }
    }
    return pair;
}

void listRuns(QTextStream &out, const QString &dayText, const QList<ScoringRunInfo> &runs)
{
    out << "Scoring runs of " << dayText << " (oldest first):\n";
    for (qsizetype i = 0; i < runs.size(); ++i)
        out << "  " << (i + 1) << ". " << ScoreComparison::describeRun(runs.at(i)) << "\n";
    if (runs.isEmpty())
        out << "  none\n";
}

} // namespace

int compareCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    if (!args.isEmpty())
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern compare [--date YYYY-MM-DD] [--list] [--from-run N --to-run M]"));
    QDate day;
    if (!context.parseDate(options.value(QStringLiteral("date")), day))
        return CommandContext::Usage;
    std::optional<RunPair> pair = parseRunPair(context, options);
    if (!pair)
        return CommandContext::Usage;
    PaperStore *store = context.openProfileStore();
    if (!store || !context.resolveDay(day, "nothing to compare: the database has no papers yet"))
        return CommandContext::Failure;
    const Settings &settings = context.settings();
    // The papers the scoring job and the digest consider (empty setting: the digest's default types).
    QStringList types = settings.stringList(Keys::ArxivAnnounceTypes);
    if (types.isEmpty())
        types = DigestBuilder::defaultAnnounceTypes();
    const auto runs = ScoreComparison::runsForDay(*store, day, types);
    if (!runs)
        return context.failure(runs.error());
    const QString dayText = day.toString(Qt::ISODate);
    if (options.isSet(QStringLiteral("list"))) {
        listRuns(context.out(), dayText, *runs);
        return CommandContext::Ok;
    }
    if (runs->size() < 2)
        return context.failure(
            QStringLiteral("%1 has %2 scoring run(s) (model + prompt); a comparison needs two. "
                           "Edit the prompt or change the model and run `lectern score` again.")
                .arg(dayText)
                .arg(runs->size()));
    if (pair->from == 0) {
        pair->from = int(runs->size()) - 1;
        pair->to = int(runs->size());
    } else if (pair->from > runs->size() || pair->to > runs->size()) {
        return context.usageError(QStringLiteral("%1 has runs 1 to %2 (see `lectern compare --list`).")
                                      .arg(dayText)
                                      .arg(runs->size()));
    }
    const auto comparison = ScoreComparison::compare(*store, day, runs->at(pair->from - 1),
        runs->at(pair->to - 1), AuthorMatcher(settings.stringList(Keys::TopicsFollowedAuthors)),
        settings.integer(Keys::ScoringRelevanceThreshold), settings.integer(Keys::ScoringNoveltyThreshold),
        types);
    if (!comparison)
        return context.failure(comparison.error());
    context.out() << comparison->report();
    return CommandContext::Ok;
}

} // namespace Lectern
