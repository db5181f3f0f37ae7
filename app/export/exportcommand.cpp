// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportcommand.h"

#include "config/profile.h"
#include "config/settings.h"
#include "export/digestexporter.h"
#include "export/exportrequest.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
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
        return QDate::currentDate();
    if (text == u"latest")
        return latest;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    return d.isValid() && text.size() == 10 ? std::optional<QDate>(d) : std::nullopt;
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
    return QStringLiteral(
        "Usage: lectern [--profile DIR] export (--date D | --from D --to D | --month YYYY-MM)\n"
        "                [--starred] [--tag T] [--format md|pdf|html|json|bib|ris] -o FILE\n"
        "\n"
        "Writes the digest of a day (--date), of the days from --from to --to, or the monthly\n"
        "overview of --month (md, html or pdf). D is YYYY-MM-DD, today or latest.\n"
        "  --starred      only the papers you starred (whatever their score)\n"
        "  --tag T        only the papers you tagged T (whatever their score)\n"
        "  --format F     md, pdf, html, json, bib or ris; default: the extension of FILE\n"
        "  -o FILE        the file to write (replaced only when the export succeeds); - for stdout\n"
        "Exit codes: 0 written, 1 nothing to export or the export failed, 2 wrong arguments.\n");
}

ExportCommand::ExportCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

int ExportCommand::usageError(const QString &message)
{
    m_err << "lectern export: " << message << "\n"
          << "Try 'lectern export --help'.\n";
    m_err.flush();
    return Usage;
}

int ExportCommand::failure(const QString &message)
{
    m_err << "lectern export: " << message << "\n";
    m_err.flush();
    return Failure;
}

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
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOpt)) {
        m_out << usage();
        m_out.flush();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != u"export")
        return usageError(QStringLiteral("unexpected arguments: %1").arg(positional.mid(1).join(u' ')));

    const bool byDate = parser.isSet(dateOpt);
    const bool byRange = parser.isSet(fromOpt) || parser.isSet(toOpt);
    const bool byMonth = parser.isSet(monthOpt);
    if (int(byDate) + int(byRange) + int(byMonth) != 1)
        return usageError(
            QStringLiteral("give exactly one of --date D, --from D --to D, or --month YYYY-MM."));
    if (byRange && (!parser.isSet(fromOpt) || !parser.isSet(toOpt)))
        return usageError(QStringLiteral("--from and --to go together."));
    if (byMonth && (parser.isSet(starredOpt) || parser.isSet(tagOpt)))
        return usageError(
            QStringLiteral("--starred and --tag select papers of days, not of a monthly overview."));
    if (parser.isSet(tagOpt) && parser.value(tagOpt).trimmed().isEmpty())
        return usageError(QStringLiteral("--tag needs a tag."));

    const QString output = parser.value(outputOpt);
    if (output.isEmpty())
        return usageError(QStringLiteral("-o FILE is missing (- writes to standard output)."));
    std::optional<ExportFormat> format;
    if (parser.isSet(formatOpt)) {
        format = DigestExporter::parseFormat(parser.value(formatOpt));
        if (!format)
            return usageError(QStringLiteral("unknown format \"%1\" (md, pdf, html, json, bib, ris).")
                                  .arg(parser.value(formatOpt)));
    } else {
        format = output == u"-" ? std::nullopt : DigestExporter::formatForFile(output);
        if (!format)
            return usageError(
                QStringLiteral("--format is missing and \"%1\" has no known extension.").arg(output));
    }
    if (byMonth && *format != ExportFormat::Markdown && *format != ExportFormat::Html &&
        *format != ExportFormat::Pdf)
        return usageError(QStringLiteral("a monthly overview exports to md, html or pdf."));

    std::optional<QDate> month;
    if (byMonth) {
        const QDate first = QDate::fromString(parser.value(monthOpt) + QStringLiteral("-01"), Qt::ISODate);
        if (!first.isValid() || parser.value(monthOpt).size() != 7)
            return usageError(
                QStringLiteral("--month wants YYYY-MM, not \"%1\".").arg(parser.value(monthOpt)));
        month = first;
    }
    // Dates are checked before the store is opened: a typo is a usage error whatever the profile holds.
    const QStringList dayArgs = byDate ? QStringList {parser.value(dateOpt)}
        : byRange                      ? QStringList {parser.value(fromOpt), parser.value(toOpt)}
                                       : QStringList {};
    for (const QString &d : dayArgs) {
        if (!parseDay(d, QDate(2000, 1, 1)))
            return usageError(QStringLiteral("dates are YYYY-MM-DD, today or latest, not \"%1\".").arg(d));
    }

    const Profile profile = Profile::resolve(parser.value(profileOpt));
    if (!QFile::exists(profile.databasePath()))
        return failure(
            QStringLiteral("no database at %1; fetch some papers first.").arg(profile.databasePath()));
    Settings settings(profile.settingsPath());
    for (const QString &problem : settings.problems())
        m_err << "warning: " << problem << "\n";
    auto opened = PaperStore::open(profile.databasePath());
    if (!opened)
        return failure(opened.error());
    PaperStore &store = *opened.value();
    ExportRequest request;
    request.format = *format;
    request.options = DigestExporter::options(settings);
    if (month) {
        request.scope = ExportRequest::Scope::Month;
        request.from = request.to = *month;
    } else {
        auto latest = store.latestDay();
        if (!latest)
            return failure(latest.error());
        const std::optional<QDate> first = parseDay(dayArgs.front(), *latest);
        const std::optional<QDate> last = parseDay(dayArgs.back(), *latest);
        if (!first || !last)
            return failure(QStringLiteral("nothing to export: the database has no days yet."));
        request.from = *first;
        request.to = *last;
        if (request.from > request.to)
            return usageError(QStringLiteral("--from %1 is after --to %2.")
                                  .arg(request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate)));
        request.filter.starredOnly = parser.isSet(starredOpt);
        request.filter.tag = parser.value(tagOpt).trimmed();
        request.filter.relevantOnly = !request.filter.starredOnly && request.filter.tag.isEmpty();
    }
    auto rendered = renderExport(store, DigestSettings::fromSettings(settings), request);
    if (!rendered)
        return failure(rendered.error());
    const QByteArray &bytes = rendered->bytes;

    if (output == u"-") {
        m_out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(bytes) != bytes.size())
            return failure(QStringLiteral("cannot write to standard output."));
        return Ok;
    }
    if (auto saved = DigestExporter::save(output, bytes); !saved)
        return failure(saved.error());
    m_out << "wrote " << output << " (" << DigestExporter::name(*format) << ", " << rendered->summary
          << ")\n";
    m_out.flush();
    return Ok;
}

} // namespace Lectern
