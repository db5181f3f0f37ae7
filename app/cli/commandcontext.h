// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/profile.h"
#include "config/settings.h"

#include <QDate>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace Lectern {

class Job;
struct JobOutcome;
class PaperStore;

/// What every headless command shares: the output streams, the profile, its settings and its store, each
/// opened once and only when the command asks, and the way errors are told.
class CommandContext final
{
public:
    /// DeliveryFailed: the work is done and stored, but a digest could not be delivered.
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2, DeliveryFailed = 3 };

    /// @p program starts every message and names the help to try: "lectern" or "lectern export".
    CommandContext(QTextStream &out, QTextStream &err, const QString &profileDir,
        const QString &program = QStringLiteral("lectern"));
    ~CommandContext();
    Q_DISABLE_COPY_MOVE(CommandContext)

    [[nodiscard]] QTextStream &out() { return m_out; }
    [[nodiscard]] QTextStream &err() { return m_err; }

    /// Says what is wrong with the command line and where the help is; returns Usage.
    int usageError(const QString &message);
    /// Says why the command failed; returns Failure.
    int failure(const QString &message);
    /// One "warning: …" line each.
    void warn(const QStringList &warnings);

    /// The profile for --profile / LECTERN_PROFILE / XDG, its store (Profile::store) the one its settings
    /// name; nothing is created yet.
    [[nodiscard]] const Profile &profile() const { return m_profile; }
    /// Opens @p location instead of the store the settings name (--store); before the store is first used.
    void useStore(const StoreLocation &location) { m_profile.useStore(location); }
    /// Creates the profile's folders; false (said why) when they cannot be.
    [[nodiscard]] bool createProfile();
    /// The profile's settings; their problems are reported once, when they are first read.
    [[nodiscard]] Settings &settings();
    /// The profile's database, opened on first use; nullptr (said why) when it cannot be.
    [[nodiscard]] PaperStore *store();
    /// What most commands start with: creates the profile's folders, reads its settings (their problems
    /// told first) and opens its database; nullptr (said why) when a step fails.
    [[nodiscard]] PaperStore *openProfileStore();
    /// Lets go of the database before a job that opens its own connection to it.
    void closeStore();

    /// Leaves a valid @p day as it is; otherwise sets it to the latest stored day. False (said why, with
    /// @p whenEmpty when the store holds no day) when there is none.
    [[nodiscard]] bool resolveDay(QDate &day, const char *whenEmpty);
    /// Reads a --date value: today (arXiv's) or YYYY-MM-DD into @p day; empty leaves @p day as it is.
    /// False after a usage error.
    [[nodiscard]] bool parseDate(const QString &text, QDate &day);
    /// Runs @p job here, printing its progress; Ok or Failure with the job's final message. Its outcome
    /// goes to @p result when given.
    int runJob(Job &job, JobOutcome *result = nullptr);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    const QString m_program;
    Profile m_profile;
    // Read at once, for the store they name; their problems are told when a command first asks.
    Settings m_settings;
    bool m_problemsTold = false;
    std::unique_ptr<PaperStore> m_store;
};

} // namespace Lectern
