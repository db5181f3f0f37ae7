// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "arxiv/arxivapiclient.h"
#include "arxiv/backfilljob.h"
#include "arxiv/fetchjob.h"
#include "config/profile.h"
#include "config/settings.h"
#include "digest/digestbuilder.h"
#include "scoring/authormatcher.h"
#include "scoring/batchscoring.h"
#include "scoring/llmproviders.h"
#include "scoring/providerfactory.h"
#include "scoring/scorecomparison.h"
#include "scoring/scoringjob.h"
#include "store/paperstore.h"
#include "store/providerbatchstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

namespace Lectern {

namespace {

const QString kUsage = QStringLiteral(
    "Usage: lectern [--profile DIR] [COMMAND]\n"
    "\n"
    "Lectern: the daily arXiv triage. Without a command it opens the window.\n"
    "\n"
    "Commands (headless, no display needed):\n"
    "  config list              every setting: value, default, meaning\n"
    "  config get KEY           one setting's value\n"
    "  config set KEY VALUE     change a setting (checked against its type)\n"
    "  config reset KEY         back to the default\n"
    "  db stats                 what the profile's database holds\n"
    "  export (--date D | --from D --to D | --month YYYY-MM) [--starred] [--tag T]\n"
    "         [--format md|pdf|html|json|bib|ris] -o FILE\n"
    "                           write a digest, a range, a selection or a monthly\n"
    "                           overview (`lectern export --help` for more)\n"
    "  fetch [--date D] [--categories LIST]\n"
    "                           fetch today's announcement from arXiv RSS (D: today or\n"
    "                           YYYY-MM-DD, the announcement day expected); exit 1 when a\n"
    "                           feed failed or the day looks partial\n"
    "  add ID|URL               add one paper by arXiv id or abs/pdf/html URL (arXiv API)\n"
    "  backfill --from D --to D [--categories LIST]\n"
    "                           past days through OAI-PMH (listed on their OAI datestamp,\n"
    "                           which approximates the announcement day)\n"
    "  score [--date D] [--rescore] [--dry-run]\n"
    "                           score a day's papers with scoring/provider (D: YYYY-MM-DD,\n"
    "                           default the latest day fetched) and print counts per stage,\n"
    "                           tokens and cost; --rescore ignores the score cache, --dry-run\n"
    "                           estimates tokens and cost and sends nothing\n"
    "  score --batch [--date D] submit the papers to score as one provider batch (openai or\n"
    "                           anthropic: half the price, results within 24 hours); run it\n"
    "                           again while the day's batch waits to ask about it and collect\n"
    "                           it once it has ended\n"
    "  batch status             the provider batches waiting, with the provider's state\n"
    "  batch collect            collect every waiting batch that has ended: store its scores\n"
    "                           and cost; papers without a verdict are stored unscored\n"
    "  batch cancel ID          ask the provider to cancel a waiting batch (collect it later\n"
    "                           for whatever was finished)\n"
    "  compare [--date D] [--list] [--from-run N --to-run M]\n"
    "                           what moved between two scoring runs (model + prompt) of a\n"
    "                           day (default the latest): papers entering and leaving the\n"
    "                           relevant set, score changes; default the two latest runs,\n"
    "                           --list numbers the runs; exit 1 with fewer than two runs\n"
    "  run [--date D] [--categories LIST]\n"
    "                           fetch (as fetch does), then score the day fetched\n"
    "\n"
    "Options:\n"
    "  --profile DIR            keep settings, database and prompts in DIR\n"
    "                           (default: $LECTERN_PROFILE, else the XDG folders)\n"
    "  -h, --help               this help\n"
    "  -v, --version            the version\n");

// Qt's own GUI options that take a value (QGuiApplication strips them before we see argv in GUI mode).
const QStringList kQtValueOptions = {QStringLiteral("-platform"), QStringLiteral("-style"),
    QStringLiteral("-stylesheet"), QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
    QStringLiteral("-display")};

} // namespace

bool Cli::wantsCommand(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--profile" || kQtValueOptions.contains(a)) {
            ++i;
            continue;
        }
        if (a.startsWith(u"--profile=") || a == u"-reverse")
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

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

bool Cli::resolveDay(PaperStore &store, QDate &day, const char *whenEmpty)
{
    if (day.isValid())
        return true;
    auto latest = store.latestDay();
    if (!latest) {
        m_err << "lectern: " << latest.error() << "\n";
        return false;
    }
    if (!latest->has_value()) {
        m_err << "lectern: " << whenEmpty << ".\n";
        return false;
    }
    day = **latest;
    return true;
}

std::optional<Profile> Cli::openProfile(const QString &profileDir)
{
    const Profile profile = Profile::resolve(profileDir);
    if (auto r = profile.ensureExists(); !r) {
        m_err << "lectern: " << r.error() << "\n";
        return std::nullopt;
    }
    return profile;
}

int Cli::usageError(const QString &message)
{
    m_err << "lectern: " << message << "\n"
          << "Try 'lectern --help'.\n";
    m_err.flush();
    return Usage;
}

int Cli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption helpOpt(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOpt(QStringList {QStringLiteral("v"), QStringLiteral("version")});
    const QCommandLineOption dateOpt(QStringLiteral("date"), QString(), QStringLiteral("D"));
    const QCommandLineOption categoriesOpt(QStringLiteral("categories"), QString(), QStringLiteral("LIST"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QString(), QStringLiteral("D"));
    const QCommandLineOption toOpt(QStringLiteral("to"), QString(), QStringLiteral("D"));
    const QCommandLineOption rescoreOpt(QStringLiteral("rescore"));
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"));
    const QCommandLineOption listOpt(QStringLiteral("list"));
    const QCommandLineOption fromRunOpt(QStringLiteral("from-run"), QString(), QStringLiteral("N"));
    const QCommandLineOption toRunOpt(QStringLiteral("to-run"), QString(), QStringLiteral("N"));
    parser.addOptions({profileOpt, helpOpt, versionOpt, dateOpt, categoriesOpt, fromOpt, toOpt, rescoreOpt,
        dryRunOpt, batchOpt, listOpt, fromRunOpt, toRunOpt});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOpt)) {
        m_out << kUsage;
        m_out.flush();
        return Ok;
    }
    if (parser.isSet(versionOpt)) {
        m_out << "lectern " << QStringLiteral(LECTERN_VERSION) << " (Qt " << qVersion() << ")\n";
        m_out.flush();
        return Ok;
    }
    const QString profileDir = parser.value(profileOpt);
    if (parser.isSet(profileOpt) && profileDir.isEmpty())
        return usageError(QStringLiteral("--profile needs a folder."));

    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return usageError(QStringLiteral("no command given."));
    const QString command = pos.first();
    const QStringList rest = pos.mid(1);
    if (command != u"fetch" && command != u"score" && command != u"run" && command != u"compare" &&
        parser.isSet(dateOpt))
        return usageError(QStringLiteral("--date belongs to the fetch, score, run and compare commands."));
    if (command != u"compare" &&
        (parser.isSet(listOpt) || parser.isSet(fromRunOpt) || parser.isSet(toRunOpt)))
        return usageError(QStringLiteral("--list, --from-run and --to-run belong to the compare command."));
    if (command != u"fetch" && command != u"backfill" && command != u"run" && parser.isSet(categoriesOpt))
        return usageError(QStringLiteral("--categories belongs to the fetch, backfill and run commands."));
    if (command != u"score" &&
        (parser.isSet(rescoreOpt) || parser.isSet(dryRunOpt) || parser.isSet(batchOpt)))
        return usageError(QStringLiteral("--rescore, --dry-run and --batch belong to the score command."));
    if (parser.isSet(batchOpt) && (parser.isSet(rescoreOpt) || parser.isSet(dryRunOpt)))
        return usageError(QStringLiteral("--batch does not go with --rescore or --dry-run."));
    if (command != u"backfill" && (parser.isSet(fromOpt) || parser.isSet(toOpt)))
        return usageError(QStringLiteral("--from and --to belong to the backfill command."));
    int code = Usage;
    if (command == u"fetch")
        code = fetch(rest, profileDir, parser.value(dateOpt), parser.value(categoriesOpt));
    else if (command == u"score")
        code = score(rest, profileDir, parser.value(dateOpt), parser.isSet(rescoreOpt),
            parser.isSet(dryRunOpt), parser.isSet(batchOpt));
    else if (command == u"batch")
        code = batch(rest, profileDir);
    else if (command == u"run")
        code = fetchAndScore(rest, profileDir, parser.value(dateOpt), parser.value(categoriesOpt));
    else if (command == u"compare")
        code = compare(rest, profileDir, parser.value(dateOpt), parser.isSet(listOpt),
            parser.value(fromRunOpt), parser.value(toRunOpt));
    else if (command == u"add")
        code = add(rest, profileDir);
    else if (command == u"backfill")
        code = backfill(
            rest, profileDir, parser.value(fromOpt), parser.value(toOpt), parser.value(categoriesOpt));
    else if (command == u"config")
        code = config(rest, profileDir);
    else if (command == u"db")
        code = db(rest, profileDir);
    else
        code = usageError(QStringLiteral("unknown command \"%1\".").arg(command));
    m_out.flush();
    m_err.flush();
    return code;
}

int Cli::config(const QStringList &args, const QString &profileDir)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("config needs a subcommand: list, get, set or reset."));
    const Profile profile = Profile::resolve(profileDir);
    const QString sub = args.first();
    Settings settings(profile.settingsPath());
    for (const QString &problem : settings.problems())
        m_err << "warning: " << problem << "\n";

    if (sub == u"list") {
        if (args.size() != 1)
            return usageError(QStringLiteral("config list takes no arguments."));
        for (const SettingSpec &spec : Settings::registry()) {
            m_out << spec.key << " = " << settings.text(spec.key);
            if (settings.isSet(spec.key))
                m_out << "    (default: " << Settings::format(spec, spec.defaultValue) << ")";
            m_out << "\n    " << spec.description;
            if (!spec.choices.isEmpty())
                m_out << " [" << spec.choices.join(u'|') << "]";
            m_out << "\n";
        }
        return Ok;
    }
    if (sub == u"get") {
        if (args.size() != 2)
            return usageError(QStringLiteral("usage: lectern config get KEY"));
        if (!Settings::find(args.at(1)))
            return usageError(QStringLiteral("unknown setting \"%1\"; `lectern config list` shows them all.")
                                  .arg(args.at(1)));
        m_out << settings.text(args.at(1)) << "\n";
        return Ok;
    }
    if (sub == u"set") {
        if (args.size() != 3)
            return usageError(QStringLiteral("usage: lectern config set KEY VALUE"));
        if (!Settings::find(args.at(1)))
            return usageError(QStringLiteral("unknown setting \"%1\"; `lectern config list` shows them all.")
                                  .arg(args.at(1)));
        if (auto r = profile.ensureExists(); !r) {
            m_err << "lectern: " << r.error() << "\n";
            return Failure;
        }
        if (auto r = settings.setText(args.at(1), args.at(2)); !r) {
            m_err << "lectern: " << r.error() << "\n";
            return Usage;
        }
        m_out << args.at(1) << " = " << settings.text(args.at(1)) << "\n";
        return Ok;
    }
    if (sub == u"reset") {
        if (args.size() != 2)
            return usageError(QStringLiteral("usage: lectern config reset KEY"));
        if (auto r = settings.reset(args.at(1)); !r) {
            m_err << "lectern: " << r.error() << "\n";
            return Usage;
        }
        m_out << args.at(1) << " = " << settings.text(args.at(1)) << "\n";
        return Ok;
    }
    return usageError(QStringLiteral("unknown config subcommand \"%1\" (list, get, set, reset).").arg(sub));
}

int Cli::db(const QStringList &args, const QString &profileDir)
{
    if (args.size() != 1 || args.first() != u"stats")
        return usageError(QStringLiteral("usage: lectern db stats"));
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    auto store = PaperStore::open(profile.databasePath());
    if (!store) {
        m_err << "lectern: " << store.error() << "\n";
        return Failure;
    }
    auto stats = store.value()->stats();
    if (!stats) {
        m_err << "lectern: " << stats.error() << "\n";
        return Failure;
    }
    const QLocale c = QLocale::c();
    m_out << "database:        " << stats->path << "\n"
          << "schema version:  " << stats->schemaVersion << "\n"
          << "size:            " << c.formattedDataSize(stats->fileSize) << "\n"
          << "papers:          " << stats->papers << "\n"
          << "days:            " << stats->days;
    if (stats->firstDay)
        m_out << " (" << stats->firstDay->toString(Qt::ISODate) << " to "
              << stats->lastDay->toString(Qt::ISODate) << ")";
    m_out << "\n"
          << "scores:          " << stats->scores << "\n"
          << "starred:         " << stats->starred << "\n"
          << "notes:           " << stats->notes << "\n";
    return Ok;
}

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &c : text.split(u',', Qt::SkipEmptyParts)) {
        if (!c.trimmed().isEmpty())
            out << c.trimmed();
    }
    return out;
}

} // namespace

int Cli::add(const QStringList &args, const QString &profileDir)
{
    if (args.size() != 1)
        return usageError(QStringLiteral("usage: lectern add ID|URL"));
    const auto id = ArxivId::parse(args.first());
    if (!id)
        return usageError(QStringLiteral("\"%1\" is not an arXiv id or arXiv URL.").arg(args.first()));
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    Settings settings(profile.settingsPath());
    auto store = PaperStore::open(profile.databasePath());
    if (!store) {
        m_err << "lectern: " << store.error() << "\n";
        return Failure;
    }
    HttpOptions options = FetchRequest::fromSettings(settings, profile.databasePath()).http;
    HttpClient http(options);
    ArxivApiClient api(http, settings.url(Keys::ArxivApiBase));
    auto paper = api.fetchPaper(*id);
    if (!paper) {
        m_err << "lectern: " << paper.error() << "\n";
        return Failure;
    }
    auto stored = store.value()->upsertPaper(*paper);
    if (!stored) {
        m_err << "lectern: " << stored.error() << "\n";
        return Failure;
    }
    const char *what = *stored == PaperStore::Upsert::Inserted
        ? "added"
        : (*stored == PaperStore::Upsert::Updated ? "updated" : "unchanged");
    m_out << paper->versionedId() << " " << what << ": " << paper->title << "\n";
    return Ok;
}

int Cli::backfill(const QStringList &args, const QString &profileDir, const QString &from, const QString &to,
    const QString &categories)
{
    if (!args.isEmpty() || from.isEmpty() || to.isEmpty())
        return usageError(
            QStringLiteral("usage: lectern backfill --from YYYY-MM-DD --to YYYY-MM-DD [--categories LIST]"));
    const QDate f = QDate::fromString(from, Qt::ISODate);
    const QDate t = QDate::fromString(to, Qt::ISODate);
    if (!f.isValid() || !t.isValid() || f > t)
        return usageError(QStringLiteral("--from and --to want dates YYYY-MM-DD with from <= to."));
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    Settings settings(profile.settingsPath());
    const FetchRequest fetch = FetchRequest::fromSettings(settings, profile.databasePath());
    BackfillRequest request;
    request.databasePath = profile.databasePath();
    request.categories = categories.isEmpty() ? fetch.categories : splitList(categories);
    request.keepTypes = fetch.keepTypes;
    request.oaiBase = settings.url(Keys::ArxivOaiBase);
    request.from = f;
    request.until = t;
    request.http = fetch.http;
    BackfillJob job(request);
    return runJob(job);
}

int Cli::runJob(Job &job, JobOutcome *result)
{
    QObject::connect(&job, &Job::progress, &job, [this](const JobProgress &p) {
        if (p.total > 0)
            m_out << "[" << p.done << "/" << p.total << "] ";
        m_out << p.message << "\n";
        m_out.flush();
    });
    const JobOutcome outcome = job.execute();
    if (result)
        *result = outcome;
    if (!outcome.ok()) {
        m_err << "lectern: " << outcome.message << "\n";
        return Failure;
    }
    m_out << outcome.message << "\n";
    return Ok;
}

int Cli::fetch(
    const QStringList &args, const QString &profileDir, const QString &date, const QString &categories)
{
    if (!args.isEmpty())
        return usageError(
            QStringLiteral("usage: lectern fetch [--date today|YYYY-MM-DD] [--categories cs.LG,cs.AI]"));
    return fetchDay(profileDir, date, categories, nullptr);
}

int Cli::fetchDay(
    const QString &profileDir, const QString &date, const QString &categories, FetchSummary *result)
{
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    Settings settings(profile.settingsPath());
    for (const QString &problem : settings.problems())
        m_err << "warning: " << problem << "\n";
    FetchRequest request = FetchRequest::fromSettings(settings, profile.databasePath());
    if (!date.isEmpty() && date != u"today") {
        const QDate d = QDate::fromString(date, Qt::ISODate);
        if (!d.isValid())
            return usageError(QStringLiteral("--date wants today or YYYY-MM-DD, not \"%1\".").arg(date));
        request.expectedDate = d;
    }
    if (!categories.isEmpty())
        request.categories = splitList(categories);

    FetchJob job(request);
    JobOutcome outcome;
    if (runJob(job, &outcome) != Ok)
        return Failure;
    const auto s = outcome.resultAs<FetchSummary>();
    if (result)
        *result = s;
    for (const QString &w : s.warnings)
        m_err << "warning: " << w << "\n";
    if (!s.noAnnouncement) {
        m_out << "Total arXiv papers: " << s.totalArxiv << "\n"
              << "Total scanned papers: " << s.totalScanned << "\n"
              << "New papers: " << s.newPapers << "\n";
    }
    if (!s.complete) {
        m_err << "lectern: the day looks partial; run the fetch again later or back-fill it.\n";
        return Failure;
    }
    return Ok;
}

int Cli::score(const QStringList &args, const QString &profileDir, const QString &date, bool rescore,
    bool dryRun, bool batch)
{
    if (!args.isEmpty())
        return usageError(QStringLiteral(
            "usage: lectern score [--date YYYY-MM-DD] [--rescore] [--dry-run] | score --batch [--date D]"));
    QDate day;
    if (!date.isEmpty()) {
        day = date == u"today" ? FetchRequest::arxivToday() : QDate::fromString(date, Qt::ISODate);
        if (!day.isValid())
            return usageError(QStringLiteral("--date wants today or YYYY-MM-DD, not \"%1\".").arg(date));
    }
    return batch ? scoreBatch(profileDir, day) : scoreDay(profileDir, day, rescore, dryRun);
}

int Cli::scoreDay(const QString &profileDir, QDate day, bool rescore, bool dryRun)
{
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    Settings settings(profile.settingsPath());
    for (const QString &problem : settings.problems())
        m_err << "warning: " << problem << "\n";
    if (!day.isValid()) {
        auto store = PaperStore::open(profile.databasePath());
        if (!store) {
            m_err << "lectern: " << store.error() << "\n";
            return Failure;
        }
        if (!resolveDay(*store.value(), day,
                "nothing to score: the database has no papers yet (run `lectern fetch` first)"))
            return Failure;
    }
    QString error;
    ScoringProviderFactory factory = makeScoringProviderFactory(settings, profile, &error);
    if (!factory) {
        m_err << "lectern: " << error << "\n";
        return Failure;
    }
    auto request = ScoringRequest::fromProfile(settings, profile, day);
    if (!request) {
        m_err << "lectern: " << request.error() << "\n";
        return Failure;
    }
    for (const QString &problem : request->prompt.problems())
        m_err << "warning: " << problem << "\n";
    ScoringRequest rq = std::move(request).value();
    rq.factory = std::move(factory);
    rq.rescore = rescore;
    rq.dryRun = dryRun;
    ScoringJob job(std::move(rq));
    JobOutcome outcome;
    const int code = runJob(job, &outcome);
    const auto s = outcome.resultAs<ScoringSummary>();
    for (const QString &w : s.warnings)
        m_err << "warning: " << w << "\n";
    if (!s.model.isEmpty()) {
        for (const QString &line : s.stageLines())
            m_out << line << "\n";
    }
    if (code != Ok)
        return Failure;
    if (s.budgetReached) {
        m_err << "lectern: the daily budget (scoring/dailyBudget) stopped the run; " << s.notSent
              << " papers are not scored yet.\n";
        return Failure;
    }
    return Ok;
}

int Cli::scoreBatch(const QString &profileDir, QDate day)
{
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    Settings settings(profile.settingsPath());
    for (const QString &problem : settings.problems())
        m_err << "warning: " << problem << "\n";
    QList<ProviderBatch> waiting;
    {
        auto store = PaperStore::open(profile.databasePath());
        if (!store) {
            m_err << "lectern: " << store.error() << "\n";
            return Failure;
        }
        if (!resolveDay(*store.value(), day,
                "nothing to score: the database has no papers yet (run `lectern fetch` first)"))
            return Failure;
        auto found = ProviderBatchStore(store.value()->database()).waiting(day);
        if (!found) {
            m_err << "lectern: " << found.error() << "\n";
            return Failure;
        }
        waiting = std::move(found).value();
    }
    // One batch per day at a time: a second would send the same papers again.
    if (!waiting.isEmpty()) {
        m_out << "A provider batch of " << day.toString(Qt::ISODate)
              << " is waiting; asking about it instead of submitting another.\n";
        return pollBatches(profile, settings, waiting, true);
    }
    if (settings.string(Keys::ScoringProvider) == u"builtin") {
        m_err << "lectern: --batch needs scoring/provider openai or anthropic (the built-in scorer is free "
                 "and runs at once: use `lectern score`).\n";
        return Failure;
    }
    auto config = llmConfigFromSettings(settings, ApiKeySource());
    if (!config) {
        m_err << "lectern: " << config.error() << "\n";
        return Failure;
    }
    auto api = makeLlmBatchApi(*config);
    if (!api) {
        m_err << "lectern: " << api.error() << "\n";
        return Failure;
    }
    // The model name keys the score cache: the one direct scoring would record.
    auto provider = makeLlmProvider(*config);
    if (!provider) {
        m_err << "lectern: " << provider.error() << "\n";
        return Failure;
    }
    auto request = ScoringRequest::fromProfile(settings, profile, day);
    if (!request) {
        m_err << "lectern: " << request.error() << "\n";
        return Failure;
    }
    for (const QString &problem : request->prompt.problems())
        m_err << "warning: " << problem << "\n";
    if (request->titleFilter) {
        // The title pre-filter runs before submitting, as direct requests to the same provider.
        QString error;
        request.value().factory = makeScoringProviderFactory(settings, profile, &error);
        if (!request->factory) {
            m_err << "lectern: " << error << "\n";
            return Failure;
        }
    }
    BatchScoring scoring(std::move(request).value());
    auto submitted = scoring.submit(**api, llmKindName(config->kind), provider.value()->model().trimmed());
    if (!submitted) {
        m_err << "lectern: " << submitted.error() << "\n";
        return Failure;
    }
    for (const QString &w : std::as_const(submitted->warnings))
        m_err << "warning: " << w << "\n";
    for (const QString &line : submitted->lines())
        m_out << line << "\n";
    if (submitted->budgetReached) {
        m_err << "lectern: the daily budget (scoring/dailyBudget) held back " << submitted->notSent
              << " papers.\n";
        return Failure;
    }
    return Ok;
}

int Cli::pollBatches(
    const Profile &profile, const Settings &settings, const QList<ProviderBatch> &batches, bool collect)
{
    bool failed = false;
    for (const ProviderBatch &b : batches) {
        const std::optional<LlmKind> kind = parseLlmKind(b.provider);
        auto config = kind
            ? llmConfigFromSettings(settings, ApiKeySource(), *kind)
            : Result<LlmConfig>(Error {QStringLiteral("unknown provider \"%1\"").arg(b.provider)});
        if (!config) {
            m_err << "lectern: batch " << b.batchId << ": " << config.error() << "\n";
            failed = true;
            continue;
        }
        config.value().model = b.model;
        auto api = makeLlmBatchApi(*config);
        auto request = ScoringRequest::fromProfile(settings, profile, b.day);
        if (!api || !request) {
            m_err << "lectern: batch " << b.batchId << ": " << (!api ? api.error() : request.error()) << "\n";
            failed = true;
            continue;
        }
        auto polled = BatchScoring(std::move(request).value()).poll(**api, b, collect);
        if (!polled) {
            m_err << "lectern: " << polled.error() << "\n";
            failed = true;
            continue;
        }
        for (const QString &w : std::as_const(polled->warnings))
            m_err << "warning: " << w << "\n";
        for (const QString &line : polled->lines())
            m_out << line << "\n";
        if (polled->collected && polled->status.failed)
            failed = true;
    }
    return failed ? Failure : Ok;
}

int Cli::batch(const QStringList &args, const QString &profileDir)
{
    const QString sub = args.value(0);
    if (!((sub == u"status" || sub == u"collect") && args.size() == 1) &&
        !(sub == u"cancel" && args.size() == 2))
        return usageError(QStringLiteral("usage: lectern batch status | batch collect | batch cancel ID"));
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    Settings settings(profile.settingsPath());
    for (const QString &problem : settings.problems())
        m_err << "warning: " << problem << "\n";
    auto store = PaperStore::open(profile.databasePath());
    if (!store) {
        m_err << "lectern: " << store.error() << "\n";
        return Failure;
    }
    ProviderBatchStore batches(store.value()->database());
    if (sub == u"cancel") {
        auto found = batches.find(args.at(1));
        if (!found) {
            m_err << "lectern: " << found.error() << "\n";
            return Failure;
        }
        if (!found->has_value()) {
            m_err << "lectern: no provider batch \"" << args.at(1) << "\" is recorded in this profile.\n";
            return Failure;
        }
        const ProviderBatch &b = **found;
        if (b.state != u"submitted") {
            m_err << "lectern: batch " << b.batchId << " is " << b.state << " already.\n";
            return Failure;
        }
        const std::optional<LlmKind> kind = parseLlmKind(b.provider);
        auto config = kind
            ? llmConfigFromSettings(settings, ApiKeySource(), *kind)
            : Result<LlmConfig>(Error {QStringLiteral("unknown provider \"%1\"").arg(b.provider)});
        if (!config) {
            m_err << "lectern: " << config.error() << "\n";
            return Failure;
        }
        config.value().model = b.model;
        auto api = makeLlmBatchApi(*config);
        if (!api) {
            m_err << "lectern: " << api.error() << "\n";
            return Failure;
        }
        if (auto cancelled = api.value()->cancelBatch(b.batchId, nullptr); !cancelled) {
            m_err << "lectern: cancelling batch " << b.batchId << " failed: " << cancelled.error() << "\n";
            return Failure;
        }
        m_out << "Asked " << b.provider << " to cancel batch " << b.batchId
              << "; `lectern batch collect` stores what it finished once it has ended and marks the rest "
                 "unscored.\n";
        return Ok;
    }
    auto waiting = batches.waiting();
    if (!waiting) {
        m_err << "lectern: " << waiting.error() << "\n";
        return Failure;
    }
    if (waiting->isEmpty()) {
        m_out << "No provider batches are waiting.\n";
        return Ok;
    }
    return pollBatches(profile, settings, *waiting, sub == u"collect");
}

int Cli::fetchAndScore(
    const QStringList &args, const QString &profileDir, const QString &date, const QString &categories)
{
    if (!args.isEmpty())
        return usageError(
            QStringLiteral("usage: lectern run [--date today|YYYY-MM-DD] [--categories cs.LG,cs.AI]"));
    FetchSummary fetched;
    const int fetchCode = fetchDay(profileDir, date, categories, &fetched);
    if (fetchCode == Usage)
        return fetchCode;
    if (!fetched.day.isValid()) // the fetch failed outright
        return Failure;
    if (fetched.noAnnouncement) {
        m_out << "Nothing to score: no announcement on " << fetched.day.toString(Qt::ISODate) << ".\n";
        return fetchCode;
    }
    if (fetchCode != Ok)
        m_err << "warning: scoring the partial day anyway; fetch it again later and run again to score the "
                 "rest.\n";
    const int scoreCode = scoreDay(profileDir, fetched.day, false, false);
    return fetchCode != Ok ? fetchCode : scoreCode;
}

int Cli::compare(const QStringList &args, const QString &profileDir, const QString &date, bool list,
    const QString &fromRun, const QString &toRun)
{
    if (!args.isEmpty())
        return usageError(
            QStringLiteral("usage: lectern compare [--date YYYY-MM-DD] [--list] [--from-run N --to-run M]"));
    QDate day;
    if (!date.isEmpty()) {
        day = date == u"today" ? FetchRequest::arxivToday() : QDate::fromString(date, Qt::ISODate);
        if (!day.isValid())
            return usageError(QStringLiteral("--date wants today or YYYY-MM-DD, not \"%1\".").arg(date));
    }
    if (list && (!fromRun.isEmpty() || !toRun.isEmpty()))
        return usageError(QStringLiteral("--list does not go with --from-run and --to-run."));
    if (fromRun.isEmpty() != toRun.isEmpty())
        return usageError(QStringLiteral("--from-run and --to-run go together."));
    int fromIndex = 0;
    int toIndex = 0;
    if (!fromRun.isEmpty()) {
        bool okFrom = false;
        bool okTo = false;
        fromIndex = fromRun.toInt(&okFrom);
        toIndex = toRun.toInt(&okTo);
        if (!okFrom || !okTo || fromIndex < 1 || toIndex < 1 || fromIndex == toIndex)
            return usageError(QStringLiteral("--from-run and --to-run want two different run numbers from "
                                             "`lectern compare --list`."));
    }
    const std::optional<Profile> opened = openProfile(profileDir);
    if (!opened)
        return Failure;
    const Profile &profile = *opened;
    Settings settings(profile.settingsPath());
    for (const QString &problem : settings.problems())
        m_err << "warning: " << problem << "\n";
    auto store = PaperStore::open(profile.databasePath());
    if (!store) {
        m_err << "lectern: " << store.error() << "\n";
        return Failure;
    }
    if (!resolveDay(*store.value(), day, "nothing to compare: the database has no papers yet"))
        return Failure;
    // The papers the scoring job and the digest consider (empty setting: the digest's default types).
    QStringList types = settings.stringList(Keys::ArxivAnnounceTypes);
    if (types.isEmpty())
        types = DigestBuilder::defaultAnnounceTypes();
    const auto runs = ScoreComparison::runsForDay(*store.value(), day, types);
    if (!runs) {
        m_err << "lectern: " << runs.error() << "\n";
        return Failure;
    }
    const QString dayText = day.toString(Qt::ISODate);
    if (list) {
        m_out << "Scoring runs of " << dayText << " (oldest first):\n";
        for (qsizetype i = 0; i < runs->size(); ++i)
            m_out << "  " << (i + 1) << ". " << ScoreComparison::describeRun(runs->at(i)) << "\n";
        if (runs->isEmpty())
            m_out << "  none\n";
        return Ok;
    }
    if (runs->size() < 2) {
        m_err << "lectern: " << dayText << " has " << runs->size()
              << " scoring run(s) (model + prompt); a comparison needs two. Edit the prompt or change the "
                 "model and run `lectern score` again.\n";
        return Failure;
    }
    if (fromIndex == 0) {
        fromIndex = int(runs->size()) - 1;
        toIndex = int(runs->size());
    } else if (fromIndex > runs->size() || toIndex > runs->size()) {
        return usageError(QStringLiteral("%1 has runs 1 to %2 (see `lectern compare --list`).")
                              .arg(dayText)
                              .arg(runs->size()));
    }
    const auto comparison = ScoreComparison::compare(*store.value(), day, runs->at(fromIndex - 1),
        runs->at(toIndex - 1), AuthorMatcher(settings.stringList(Keys::TopicsFollowedAuthors)),
        settings.integer(Keys::ScoringRelevanceThreshold), settings.integer(Keys::ScoringNoveltyThreshold),
        types);
    if (!comparison) {
        m_err << "lectern: " << comparison.error() << "\n";
        return Failure;
    }
    m_out << comparison->report();
    return Ok;
}

} // namespace Lectern
