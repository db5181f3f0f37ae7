// SPDX-License-Identifier: GPL-3.0-or-later
// `deliver`: the day's digest by e-mail and to webhooks, as `run` does after scoring.
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "delivery/deliveryjob.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Lectern {

int deliverDay(CommandContext &context, QDate day, bool dryRun, bool afterRun)
{
    if (!context.createProfile())
        return CommandContext::Failure;
    const Settings &settings = context.settings();
    DeliveryRequest request = DeliveryRequest::fromSettings(settings, context.profile().store());
    bool anyEnabled = false;
    for (const DeliveryChannel &channel : request.channels)
        anyEnabled = anyEnabled || channel.enabled;
    if (afterRun && !anyEnabled)
        return CommandContext::Ok; // delivery is opt-in: a run without channels says nothing about it
    if (!context.resolveDay(day, "nothing to deliver: the database has no papers yet"))
        return CommandContext::Failure;
    context.closeStore(); // the job opens its own connection
    request.day = day;
    request.dryRun = dryRun;
    // Read here, on the command's thread, and only what the environment and the key file lack.
    request.keyring = DeliverySecrets::keyringFor(request.keyFile);
    DeliveryJob job(std::move(request));
    JobOutcome outcome;
    const int code = context.runJob(job, &outcome);
    if (code == CommandContext::Ok)
        return code;
    const QStringList failed = outcome.resultAs<DeliverySummary>().failedChannels();
    if (afterRun && !failed.isEmpty()) {
        context.err() << "lectern: the run's papers and scores are stored; only the delivery by "
                      << failed.join(QStringLiteral(", ")) << " failed (`lectern deliver` sends it again).\n";
        return CommandContext::DeliveryFailed;
    }
    return failed.isEmpty() ? CommandContext::Failure : CommandContext::DeliveryFailed;
}

int deliverCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    if (!args.isEmpty())
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern deliver [--day YYYY-MM-DD] [--dry-run]"));
    QDate day;
    if (!context.parseDate(options.value(QStringLiteral("day")), day))
        return CommandContext::Usage;
    return deliverDay(context, day, options.isSet(QStringLiteral("dry-run")), false);
}

} // namespace Lectern
