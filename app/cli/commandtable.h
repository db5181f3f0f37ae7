// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

class QCommandLineParser;

namespace Lectern {

class CommandContext;

/// One headless command: what the user types, the options it takes (names from commandOptions()) and the
/// function that runs it with the words after its name.
struct CommandSpec
{
    QString name;
    QStringList options;
    int (*run)(CommandContext &context, const QStringList &args, const QCommandLineParser &options);
};

/// The headless commands; `export` is not among them: it needs QtGui and runs from main (see ExportCommand).
[[nodiscard]] const QList<CommandSpec> &commandTable();
/// The command called @p name; nullptr when there is none.
[[nodiscard]] const CommandSpec *findCommand(const QString &name);
/// Every option some command takes, in the order a misplaced one is reported.
[[nodiscard]] const QList<QCommandLineOption> &commandOptions();
/// Which commands an option set in @p parser belongs to, when @p command (nullptr: unknown) does not take
/// it, e.g. "--date belongs to the fetch, score, run and compare commands."; empty when all fit.
[[nodiscard]] QString misplacedOptions(const QCommandLineParser &parser, const CommandSpec *command);
/// `lectern --help`.
[[nodiscard]] QString commandUsage();

} // namespace Lectern
