// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/profile.h"

#include <QDate>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace Lectern {

class PaperStore;

class Job;
struct JobOutcome;
class Settings;
struct FetchSummary;
struct ProviderBatch;

/// The headless command line: `lectern <command> …`. Needs no display and no GUI libraries.
class Cli final
{
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

    /// True when @p arguments (argv, program name first) ask for a command rather than the GUI: anything
    /// besides --profile DIR and Qt's own GUI options.
    [[nodiscard]] static bool wantsCommand(const QStringList &arguments);
    /// The --profile value given in @p arguments, if any.
    [[nodiscard]] static QString profileArgument(const QStringList &arguments);

    Cli(QTextStream &out, QTextStream &err);
    /// Runs the command in @p arguments (program name first); returns the process exit code.
    int run(const QStringList &arguments);

private:
    int config(const QStringList &args, const QString &profileDir);
    int db(const QStringList &args, const QString &profileDir);
    int add(const QStringList &args, const QString &profileDir);
    int backfill(const QStringList &args, const QString &profileDir, const QString &from, const QString &to,
        const QString &categories);
    /// Runs @p job on this thread, printing its progress; its outcome goes to @p result when given.
    int runJob(Job &job, JobOutcome *result = nullptr);
    int fetch(
        const QStringList &args, const QString &profileDir, const QString &date, const QString &categories);
    /// Fetches the day; @p result (if given) receives the fetch's summary.
    int fetchDay(
        const QString &profileDir, const QString &date, const QString &categories, FetchSummary *result);
    int score(const QStringList &args, const QString &profileDir, const QString &date, bool rescore,
        bool dryRun, bool batch);
    /// Scores @p day (invalid: the latest day in the store) with the provider the settings choose.
    int scoreDay(const QString &profileDir, QDate day, bool rescore, bool dryRun);
    int scoreBatch(const QString &profileDir, QDate day);
    int batch(const QStringList &args, const QString &profileDir);
    /// Asks about each waiting provider batch and collects those that ended (when @p collect).
    int pollBatches(
        const Profile &profile, const Settings &settings, const QList<ProviderBatch> &batches, bool collect);
    /// What moved between two scoring runs of a day (see ScoreComparison).
    int compare(const QStringList &args, const QString &profileDir, const QString &date, bool list,
        const QString &fromRun, const QString &toRun);
    int fetchAndScore(
        const QStringList &args, const QString &profileDir, const QString &date, const QString &categories);
    int usageError(const QString &message);
    /// The profile for --profile / LECTERN_PROFILE / XDG, with its folders created; prints why not.
    std::optional<Profile> openProfile(const QString &profileDir);
    /// Leaves a valid @p day as it is; otherwise sets it to the latest stored day. False (said why, with
    /// @p whenEmpty when the store holds no day) when there is none.
    bool resolveDay(PaperStore &store, QDate &day, const char *whenEmpty);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace Lectern
