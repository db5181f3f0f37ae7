// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QStringList>

class QCommandLineParser;

namespace Lectern {

class CommandContext;
struct FetchSummary;

// The headless commands of the table in commandtable.cpp. Each gets the words after its name and the parsed
// command line, whose options Cli has already checked against the command's row.

int configCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int dbCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
/// `db copy --to STORE | --from STORE`: a library into another store (dbcopycommand.cpp).
int dbCopyCommand(CommandContext &context, const QCommandLineParser &options);
int fetchCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int addCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int backfillCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int scoreCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int batchCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int runCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int compareCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int importCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int libraryCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int similarCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int evalCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int benchCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
int deliverCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options);

// Steps that `run` and `score` share with other commands.

/// Why `score` has no day to score (see CommandContext::resolveDay).
inline constexpr char kNothingToScore[] =
    "nothing to score: the database has no papers yet (run `lectern fetch` first)";

/// Fetches the day (--date, --categories as `fetch` reads them); @p result (if given) receives the summary.
int fetchDay(CommandContext &context, const QString &date, const QString &categories, FetchSummary *result);
/// Scores @p day (invalid: the latest day in the store) with the provider the settings choose; @p lab: as the
/// lab's morning run (ScoringRequest::labPrompt).
int scoreDay(CommandContext &context, QDate day, bool rescore, bool dryRun, bool lab = false);
/// Delivers @p day's digest (invalid: the latest day) by every enabled channel. @p afterRun: as the end of
/// `run`, silent when no channel is enabled. DeliveryFailed when a channel failed.
int deliverDay(CommandContext &context, QDate day, bool dryRun, bool afterRun);
/// `score --batch`: submits @p day's papers as one provider batch, or polls the one already waiting.
int scoreBatch(CommandContext &context, QDate day);

} // namespace Lectern
