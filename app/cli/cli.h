// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace Lectern {

/// The headless command line: `lectern <command> …`, run from the table in commandtable.h. Needs no
/// display and no GUI libraries.
class Cli final
{
public:
    /// True when @p arguments (argv, program name first) ask for a command rather than the GUI: anything
    /// besides --profile DIR, --store PATH|URI and Qt's own GUI options.
    [[nodiscard]] static bool wantsCommand(const QStringList &arguments);
    /// The --profile value given in @p arguments, if any.
    [[nodiscard]] static QString profileArgument(const QStringList &arguments);
    /// The --store value given in @p arguments, if any (the window's store for this session).
    [[nodiscard]] static QString storeArgument(const QStringList &arguments);

    Cli(QTextStream &out, QTextStream &err);
    /// Runs the command in @p arguments (program name first); returns the process exit code.
    int run(const QStringList &arguments);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace Lectern
