// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "cli/commandcontext.h"
#include "cli/commandtable.h"
#include "store/storelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

namespace Lectern {

namespace {

// Qt's own GUI options that take a value (QGuiApplication strips them before we see argv in GUI mode).
const QStringList kQtValueOptions = {QStringLiteral("-platform"), QStringLiteral("-style"),
    QStringLiteral("-stylesheet"), QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
    QStringLiteral("-display")};

} // namespace

bool Cli::wantsCommand(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--profile" || a == u"--store" || kQtValueOptions.contains(a)) {
            ++i;
            continue;
        }
        if (a.startsWith(u"--profile=") || a.startsWith(u"--store=") || a == u"-reverse")
            continue;
        return true;
    }
    return false;
}

QString Cli::profileArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--profile" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(u"--profile="))
            return a.mid(10);
    }
    return {};
}

QString Cli::storeArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--store" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(u"--store="))
            return a.mid(8);
    }
    return {};
}

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

int Cli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption helpOpt(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOpt(QStringList {QStringLiteral("v"), QStringLiteral("version")});
    const QCommandLineOption storeOpt(QStringLiteral("store"), QString(), QStringLiteral("PATH|URI"));
    parser.addOptions({profileOpt, helpOpt, versionOpt, storeOpt});
    // Every command's options, wherever they stand, so that one given to the wrong command says whose it is.
    parser.addOptions(commandOptions());
    const bool parsed = parser.parse(arguments);
    CommandContext context(m_out, m_err, parser.value(profileOpt));
    if (!parsed)
        return context.usageError(parser.errorText());
    if (parser.isSet(helpOpt)) {
        m_out << commandUsage();
        m_out.flush();
        return CommandContext::Ok;
    }
    if (parser.isSet(versionOpt)) {
        m_out << "lectern " << QStringLiteral(LECTERN_VERSION) << " (Qt " << qVersion() << ")\n";
        m_out.flush();
        return CommandContext::Ok;
    }
    if (parser.isSet(profileOpt) && parser.value(profileOpt).isEmpty())
        return context.usageError(QCoreApplication::translate("Lectern::Cli", "--profile needs a folder."));
    if (parser.isSet(storeOpt)) {
        const QString store = parser.value(storeOpt);
        if (store.isEmpty())
            return context.usageError(
                QCoreApplication::translate("Lectern::Cli", "--store needs a file or a postgresql:// URI."));
        const auto location = StoreLocation::parseArgument(store);
        if (!location)
            return context.usageError(QStringLiteral("--store: ") + location.error());
        context.useStore(*location);
    }

    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return context.usageError(QCoreApplication::translate("Lectern::Cli", "no command given."));
    const CommandSpec *command = findCommand(pos.first());
    if (const QString misplaced = misplacedOptions(parser, command); !misplaced.isEmpty())
        return context.usageError(misplaced);
    const int code = command
        ? command->run(context, pos.mid(1), parser)
        : context.usageError(
              QCoreApplication::translate("Lectern::Cli", "unknown command \"%1\".").arg(pos.first()));
    m_out.flush();
    m_err.flush();
    return code;
}

} // namespace Lectern
