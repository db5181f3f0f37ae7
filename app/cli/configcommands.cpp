// SPDX-License-Identifier: GPL-3.0-or-later
// `config` and `db`: the profile's settings and what its database holds.
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "config/settings.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

namespace Lectern {

namespace {

int configList(CommandContext &context, const QStringList &args)
{
    if (args.size() != 1)
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "config list takes no arguments."));
    const Settings &settings = context.settings();
    QTextStream &out = context.out();
    for (const SettingSpec &spec : Settings::registry()) {
        out << spec.key << " = " << settings.text(spec.key);
        if (settings.isSet(spec.key))
            out << "    (default: " << Settings::format(spec, spec.defaultValue) << ")";
        out << "\n    " << spec.description;
        if (!spec.choices.isEmpty())
            out << " [" << spec.choices.join(u'|') << "]";
        out << "\n";
    }
    return CommandContext::Ok;
}

int unknownSetting(CommandContext &context, const QString &key)
{
    return context.usageError(QCoreApplication::translate(
        "Lectern::Cli", "unknown setting \"%1\"; `lectern config list` shows them all.")
                                  .arg(key));
}

int configGet(CommandContext &context, const QStringList &args)
{
    if (args.size() != 2)
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "usage: lectern config get KEY"));
    if (!Settings::find(args.at(1)))
        return unknownSetting(context, args.at(1));
    context.out() << context.settings().text(args.at(1)) << "\n";
    return CommandContext::Ok;
}

/// Prints the setting's value after a change; a refused change is a usage error.
int changed(CommandContext &context, const QString &key, const Result<void> &change)
{
    if (!change) {
        context.failure(change.error());
        return CommandContext::Usage;
    }
    context.out() << key << " = " << context.settings().text(key) << "\n";
    return CommandContext::Ok;
}

int configSet(CommandContext &context, const QStringList &args)
{
    if (args.size() != 3)
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "usage: lectern config set KEY VALUE"));
    if (!Settings::find(args.at(1)))
        return unknownSetting(context, args.at(1));
    if (!context.createProfile())
        return CommandContext::Failure;
    return changed(context, args.at(1), context.settings().setText(args.at(1), args.at(2)));
}

int configReset(CommandContext &context, const QStringList &args)
{
    if (args.size() != 2)
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "usage: lectern config reset KEY"));
    return changed(context, args.at(1), context.settings().reset(args.at(1)));
}

} // namespace

int configCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &)
{
    if (args.isEmpty())
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "config needs a subcommand: list, get, set or reset."));
    (void)context.settings(); // its problems are told before anything else, whatever the subcommand
    const QString sub = args.first();
    if (sub == u"list")
        return configList(context, args);
    if (sub == u"get")
        return configGet(context, args);
    if (sub == u"set")
        return configSet(context, args);
    if (sub == u"reset")
        return configReset(context, args);
    return context.usageError(QCoreApplication::translate(
        "Lectern::Cli", "unknown config subcommand \"%1\" (list, get, set, reset).")
                                  .arg(sub));
}

int dbCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    if (args.size() == 1 && args.first() == u"copy")
        return dbCopyCommand(context, options);
    if (args.size() != 1 || args.first() != u"stats" || options.isSet(QStringLiteral("from")) ||
        options.isSet(QStringLiteral("to")))
        return context.usageError(QCoreApplication::translate(
            "Lectern::Cli", "usage: lectern db stats | lectern db copy (--to STORE | --from STORE)"));
    if (!context.createProfile())
        return CommandContext::Failure;
    PaperStore *store = context.store();
    if (!store)
        return CommandContext::Failure;
    auto stats = store->stats();
    if (!stats)
        return context.failure(stats.error());
    const QLocale c = QLocale::c();
    context.out() << "database:        " << stats->path << "\n"
                  << "schema version:  " << stats->schemaVersion << "\n"
                  << "size:            " << c.formattedDataSize(stats->fileSize) << "\n"
                  << "papers:          " << stats->papers << "\n"
                  << "days:            " << stats->days;
    if (stats->firstDay)
        context.out() << " (" << stats->firstDay->toString(Qt::ISODate) << " to "
                      << stats->lastDay->toString(Qt::ISODate) << ")";
    context.out() << "\n"
                  << "scores:          " << stats->scores << "\n"
                  << "starred:         " << stats->starred << "\n"
                  << "notes:           " << stats->notes << "\n";
    return CommandContext::Ok;
}

} // namespace Lectern
