// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace Lectern {

class CommandContext;

/// `lectern export`: writes a day, a range of days, a selection or a monthly overview to a file.
///
///     lectern [--profile DIR] export (--date D | --from D --to D | --month YYYY-MM)
///             [--starred] [--tag T] [--format md|pdf|html|json|bib|ris|csv] -o FILE
///
/// D is YYYY-MM-DD, "today" or "latest" (the newest stored day). Without --format the file's extension
/// names the format. --starred / --tag select the papers of those days that the user starred / tagged,
/// whatever their score; without them the days' digests are exported as the settings' thresholds build
/// them. -o - writes to standard output. Exit codes: 0 written; 1 nothing to export or the export failed
/// (no file is left behind, an existing one is untouched); 2 wrong arguments.
///
/// Lives in lectern_export (QtGui) because PDF needs it; main() runs it under a QGuiApplication, on the
/// offscreen platform when none is set, so it needs no display.
class ExportCommand final
{
public:
    /// True when @p arguments (argv, program name first) ask for `export`.
    [[nodiscard]] static bool matches(const QStringList &arguments);
    [[nodiscard]] static QString usage();

    ExportCommand(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

private:
    int run(CommandContext &context, const QCommandLineParser &parser);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace Lectern
