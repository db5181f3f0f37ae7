// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportcommand.h"

#include "cli/commandcontext.h"
#include "config/settings.h"
#include "export/digestexporter.h"
#include "export/exportrequest.h"
#include "store/paperstore.h"
#include "util/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace Lectern {

namespace {

const QStringList kQtValueOptions = {QStringLiteral("-platform"), QStringLiteral("-style"),
    QStringLiteral("-stylesheet"), QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
    QStringLiteral("-display")};

/// A day given on the command line: YYYY-MM-DD, today, or latest (needs the store).
std::optional<QDate> parseDay(const QString &text, const std::optional<QDate> &latest)
{
    if (text == u"today")
        return Clock::system().nowUtc().toLocalTime().date();
    if (text == u"latest")
        return latest;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    return d.isValid() && text.size() == 10 ? std::optional<QDate>(d) : std::nullopt;
}

/// What the command line asks for, checked before the store is opened: a typo is a usage error whatever
/// the profile holds.
struct ExportArguments
{
    ExportFormat format = ExportFormat::Markdown;
    QString output; ///< - for standard output
    std::optional<QDate> month;
    QStringList days; ///< --date, or --from and --to, as given (latest needs the store)
    bool starred = false;
    QString tag;
};

Result<ExportArguments> readArguments(const QCommandLineParser &parser)
{
    const auto value = [&parser](const char *name) { return parser.value(QString::fromLatin1(name)); };
    const auto isSet = [&parser](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    const bool byDate = isSet("date");
    const bool byRange = isSet("from") || isSet("to");
    const bool byMonth = isSet("month");
    if (int(byDate) + int(byRange) + int(byMonth) != 1)
        return Error {QStringLiteral("give exactly one of --date D, --from D --to D, or --month YYYY-MM.")};
    if (byRange && (!isSet("from") || !isSet("to")))
        return Error {QStringLiteral("--from and --to go together.")};
    if (byMonth && (isSet("starred") || isSet("tag")))
        return Error {
            QStringLiteral("--starred and --tag select papers of days, not of a monthly overview.")};
    ExportArguments a;
    a.starred = isSet("starred");
    a.tag = value("tag").trimmed();
    if (isSet("tag") && a.tag.isEmpty())
        return Error {QStringLiteral("--tag needs a tag.")};

    a.output = value("output");
    if (a.output.isEmpty())
        return Error {QStringLiteral("-o FILE is missing (- writes to standard output).")};
    std::optional<ExportFormat> format;
    if (isSet("format")) {
        format = DigestExporter::parseFormat(value("format"));
        if (!format)
            return Error {QStringLiteral("unknown format \"%1\" (md, pdf, html, json, bib, ris, csv).")
                              .arg(value("format"))};
    } else {
        format = a.output == u"-" ? std::nullopt : DigestExporter::formatForFile(a.output);
        if (!format)
            return Error {
                QStringLiteral("--format is missing and \"%1\" has no known extension.").arg(a.output)};
    }
    a.format = *format;
    if (byMonth && a.format != ExportFormat::Markdown && a.format != ExportFormat::Html &&
        a.format != ExportFormat::Pdf)
        return Error {QStringLiteral("a monthly overview exports to md, html or pdf.")};

    if (byMonth) {
        const QDate first = QDate::fromString(value("month") + QStringLiteral("-01"), Qt::ISODate);
        if (!first.isValid() || value("month").size() != 7)
            return Error {QStringLiteral("--month wants YYYY-MM, not \"%1\".").arg(value("month"))};
        a.month = first;
    }
    a.days = byDate ? QStringList {value("date")}
        : byRange   ? QStringList {value("from"), value("to")}
                    : QStringList {};
    for (const QString &d : std::as_const(a.days)) {
        if (!parseDay(d, QDate(2000, 1, 1)))
            return Error {QStringLiteral("dates are YYYY-MM-DD, today or latest, not \"%1\".").arg(d)};
    }
    return a;
}

/// Renders what @p a asks for from the profile's store and writes it.
int writeExport(CommandContext &context, const ExportArguments &a)
{
    // An SQLite file is not created for an export; a PostgreSQL database is the admin's, and opening it says
    // what is wrong.
    if (!context.profile().usesPostgres() && !QFile::exists(context.profile().databasePath()))
        return context.failure(QStringLiteral("no database at %1; fetch some papers first.")
                                   .arg(context.profile().databasePath()));
    const Settings &settings = context.settings();
    PaperStore *store = context.store();
    if (!store)
        return CommandContext::Failure;
    ExportRequest request;
    request.format = a.format;
    request.options = DigestExporter::options(settings);
    if (a.month) {
        request.scope = ExportRequest::Scope::Month;
        request.from = request.to = *a.month;
    } else {
        auto latest = store->latestDay();
        if (!latest)
            return context.failure(latest.error());
        const std::optional<QDate> first = parseDay(a.days.front(), *latest);
        const std::optional<QDate> last = parseDay(a.days.back(), *latest);
        if (!first || !last)
            return context.failure(QStringLiteral("nothing to export: the database has no days yet."));
        request.from = *first;
        request.to = *last;
        if (request.from > request.to)
            return context.usageError(
                QStringLiteral("--from %1 is after --to %2.")
                    .arg(request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate)));
        request.filter.starredOnly = a.starred;
        request.filter.tag = a.tag;
        request.filter.relevantOnly = !request.filter.starredOnly && request.filter.tag.isEmpty();
    }
    auto rendered = renderExport(*store, DigestSettings::fromSettings(settings), request);
    if (!rendered)
        return context.failure(rendered.error());
    const QByteArray &bytes = rendered->bytes;

    if (a.output == u"-") {
        context.out().flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(bytes) != bytes.size())
            return context.failure(QStringLiteral("cannot write to standard output."));
        return CommandContext::Ok;
    }
    if (auto saved = DigestExporter::save(a.output, bytes); !saved)
        return context.failure(saved.error());
    context.out() << "wrote " << a.output << " (" << DigestExporter::name(a.format) << ", "
                  << rendered->summary << ")\n";
    return CommandContext::Ok;
}

} // namespace

bool ExportCommand::matches(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--profile" || kQtValueOptions.contains(a)) {
            ++i;
            continue;
        }
        if (a.startsWith(u'-'))
            continue;
        return a == u"export";
    }
    return false;
}

QString ExportCommand::usage()
{
    // In the user's language like the other commands' help; the exported digest itself stays English.
    return QCoreApplication::translate("Lectern::ExportCommand",

        "Usage: lectern [--profile DIR] export (--date D | --from D --to D | --month YYYY-MM)\n"
        "                [--starred] [--tag T] [--format md|pdf|html|json|bib|ris|csv] -o FILE\n"
        "\n"
        "Writes the digest of a day (--date), of the days from --from to --to, or the monthly\n"
        "overview of --month (md, html or pdf). D is YYYY-MM-DD, today or latest.\n"
        "  --starred      only the papers you starred (whatever their score)\n"
        "  --tag T        only the papers you tagged T (whatever their score)\n"
        "  --format F     md, pdf, html, json, bib, ris or csv; default: the extension of FILE\n"
        "  -o FILE        the file to write (replaced only when the export succeeds); - for stdout\n"
        "Exit codes: 0 written, 1 nothing to export or the export failed, 2 wrong arguments.\n");
}

ExportCommand::ExportCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption helpOpt(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption dateOpt(QStringLiteral("date"), QString(), QStringLiteral("D"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QString(), QStringLiteral("D"));
    const QCommandLineOption toOpt(QStringLiteral("to"), QString(), QStringLiteral("D"));
    const QCommandLineOption monthOpt(QStringLiteral("month"), QString(), QStringLiteral("YYYY-MM"));
    const QCommandLineOption starredOpt(QStringLiteral("starred"));
    const QCommandLineOption tagOpt(QStringLiteral("tag"), QString(), QStringLiteral("T"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QString(), QStringLiteral("F"));
    const QCommandLineOption outputOpt(
        QStringList {QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("FILE"));
    parser.addOptions(
        {profileOpt, helpOpt, dateOpt, fromOpt, toOpt, monthOpt, starredOpt, tagOpt, formatOpt, outputOpt});
    const bool parsed = parser.parse(arguments);
    CommandContext context(m_out, m_err, parser.value(profileOpt), QStringLiteral("lectern export"));
    const int code = parsed ? run(context, parser) : context.usageError(parser.errorText());
    m_out.flush();
    m_err.flush();
    return code;
}

int ExportCommand::run(CommandContext &context, const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("help"))) {
        context.out() << usage();
        return CommandContext::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != u"export")
        return context.usageError(
            QCoreApplication::translate("Lectern::ExportCommand", "unexpected arguments: %1")
                .arg(positional.mid(1).join(u' ')));
    const Result<ExportArguments> asked = readArguments(parser);
    return asked ? writeExport(context, *asked) : context.usageError(asked.error());
}

} // namespace Lectern
