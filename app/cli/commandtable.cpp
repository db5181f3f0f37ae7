// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandtable.h"

#include "cli/commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Lectern {

namespace {

QCommandLineOption valueOption(const QString &name, const QString &valueName)
{
    return QCommandLineOption(name, QString(), valueName);
}

/// "a", "a and b", "a, b and c".
QString listed(const QStringList &items)
{
    if (items.size() < 2)
        return items.value(0);
    return QCoreApplication::translate("Lectern::Cli", "%1 and %2")
        .arg(items.first(items.size() - 1).join(u", "), items.last());
}

QStringList commandsTaking(const QString &option)
{
    QStringList names;
    for (const CommandSpec &command : commandTable()) {
        if (command.options.contains(option))
            names << command.name;
    }
    return names;
}

} // namespace

const QList<CommandSpec> &commandTable()
{
    // Misplaced options name their commands in this order.
    static const QList<CommandSpec> table = {
        {QStringLiteral("config"), {}, configCommand},
        {QStringLiteral("db"), {QStringLiteral("from"), QStringLiteral("to")}, dbCommand},
        {QStringLiteral("fetch"), {QStringLiteral("date"), QStringLiteral("categories")}, fetchCommand},
        {QStringLiteral("add"), {}, addCommand},
        {QStringLiteral("backfill"),
            {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("categories")}, backfillCommand},
        {QStringLiteral("score"),
            {QStringLiteral("date"), QStringLiteral("rescore"), QStringLiteral("dry-run"),
                QStringLiteral("batch")},
            scoreCommand},
        {QStringLiteral("batch"), {}, batchCommand},
        {QStringLiteral("run"), {QStringLiteral("date"), QStringLiteral("categories")}, runCommand},
        {QStringLiteral("compare"),
            {QStringLiteral("date"), QStringLiteral("list"), QStringLiteral("from-run"),
                QStringLiteral("to-run")},
            compareCommand},
        {QStringLiteral("similar"), {}, similarCommand},
        {QStringLiteral("import"), {}, importCommand},
        {QStringLiteral("library"), {}, libraryCommand},
        {QStringLiteral("eval"), {QStringLiteral("day"), QStringLiteral("truth"), QStringLiteral("scorer")},
            evalCommand},
        {QStringLiteral("bench"), {QStringLiteral("papers"), QStringLiteral("seed")}, benchCommand},
        {QStringLiteral("deliver"), {QStringLiteral("day"), QStringLiteral("dry-run")}, deliverCommand},
    };
    return table;
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &command : commandTable()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

const QList<QCommandLineOption> &commandOptions()
{
    static const QList<QCommandLineOption> options = {
        valueOption(QStringLiteral("date"), QStringLiteral("D")), QCommandLineOption(QStringLiteral("list")),
        valueOption(QStringLiteral("from-run"), QStringLiteral("N")),
        valueOption(QStringLiteral("to-run"), QStringLiteral("N")),
        valueOption(QStringLiteral("categories"), QStringLiteral("LIST")),
        QCommandLineOption(QStringLiteral("rescore")), QCommandLineOption(QStringLiteral("dry-run")),
        QCommandLineOption(QStringLiteral("batch")), valueOption(QStringLiteral("from"), QStringLiteral("D")),
        valueOption(QStringLiteral("to"), QStringLiteral("D")),
        valueOption(QStringLiteral("day"), QStringLiteral("D")),
        valueOption(QStringLiteral("truth"), QStringLiteral("FILE")),
        valueOption(QStringLiteral("scorer"), QStringLiteral("NAME")),
        valueOption(QStringLiteral("papers"), QStringLiteral("N")),
        valueOption(QStringLiteral("seed"), QStringLiteral("S"))};
    return options;
}

QString misplacedOptions(const QCommandLineParser &parser, const CommandSpec *command)
{
    for (const QCommandLineOption &option : commandOptions()) {
        const QString name = option.names().constFirst();
        if (!parser.isSet(name) || (command && command->options.contains(name)))
            continue;
        // Named together with the options that belong to the same commands.
        const QStringList owners = commandsTaking(name);
        QStringList group;
        for (const QCommandLineOption &other : commandOptions()) {
            if (commandsTaking(other.names().constFirst()) == owners)
                group << QStringLiteral("--") + other.names().constFirst();
        }
        // Whole sentences for the translators; German inflects differently from English.
        if (group.size() == 1)
            return owners.size() == 1
                ? QCoreApplication::translate("Lectern::Cli", "%1 belongs to the %2 command.")
                      .arg(listed(group), listed(owners))
                : QCoreApplication::translate("Lectern::Cli", "%1 belongs to the %2 commands.")
                      .arg(listed(group), listed(owners));
        return owners.size() == 1
            ? QCoreApplication::translate("Lectern::Cli", "%1 belong to the %2 command.")
                  .arg(listed(group), listed(owners))
            : QCoreApplication::translate("Lectern::Cli", "%1 belong to the %2 commands.")
                  .arg(listed(group), listed(owners));
    }
    return {};
}

QString commandUsage()
{
    // Prose for a reader, grouped in its own order: a new command adds its row above and its lines here.
    // In the user's language, as the CLI's messages are; the command and option names stay as typed.
    return QCoreApplication::translate("Lectern::Cli",

        "Usage: lectern [--profile DIR] [--store PATH|URI] [COMMAND]\n"
        "\n"
        "Lectern: the daily arXiv triage. Without a command it opens the window.\n"
        "\n"
        "Commands (headless, no display needed):\n"
        "  config list              every setting: value, default, meaning\n"
        "  config get KEY           one setting's value\n"
        "  config set KEY VALUE     change a setting (checked against its type)\n"
        "  config reset KEY         back to the default\n"
        "  db stats                 what the profile's database holds\n"
        "  db copy --to STORE | --from STORE\n"
        "                           copy your library into another store, as the user it signs\n"
        "                           in as (papers, days, scores, your stars, tags and notes),\n"
        "                           or back; STORE: a file, a postgresql:// URI or postgres (the\n"
        "                           server the store/ settings name); the other side is --store\n"
        "                           or the profile's SQLite file; run again to resume, nothing is\n"
        "                           copied twice\n"
        "  export (--date D | --from D --to D | --month YYYY-MM) [--starred] [--tag T]\n"
        "         [--format md|pdf|html|json|bib|ris|csv] -o FILE\n"
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
        "                           fetch (as fetch does), then score the day fetched, then\n"
        "                           deliver its digest by the enabled channels (exit 3 when\n"
        "                           only a delivery failed)\n"
        "  import FILE              your library: a BibTeX (.bib), RIS (.ris) or Zotero\n"
        "                           (zotero.sqlite, read from a copy) library or a list of arXiv\n"
        "                           ids/URLs; arXiv papers are looked up through the arXiv API\n"
        "                           and tagged \"imported\", other references kept as text; all\n"
        "                           are positives for the built-in scorer and known for novelty\n"
        "  library [list]           the references you imported, arXiv papers and text\n"
        "  similar ID               the 10 papers of the database nearest to ID in the built-in\n"
        "                           scorer's tf-idf space, with the terms they share\n"
        "  eval [--day D] --truth DIGEST.md|LABELS.json [--scorer builtin|stored|hybrid]\n"
        "                           how well the scorer ranks a day someone judged: recall@k\n"
        "                           (k = the papers selected), recall@2k, recall in the top\n"
        "                           30 %, the share of the day needed for 95 % recall and\n"
        "                           precision/recall at the thresholds; builtin (the default\n"
        "                           with the built-in provider) scores the day afresh without\n"
        "                           its labels, stored ranks the day's stored scores, hybrid\n"
        "                           replays hybrid mode on a day the LLM scored whole\n"
        "  deliver [--day D] [--dry-run]\n"
        "                           send the day's digest (default the latest) by every enabled\n"
        "                           channel (delivery/*: e-mail, Slack, Matrix, JSON webhook),\n"
        "                           each day once per channel; --dry-run says what would go\n"
        "                           where; exit 3 when a channel failed\n"
        "  bench generate --papers N [--seed S]\n"
        "                           fill a new profile with a synthetic library of N papers\n"
        "                           (250 a weekday, scores, stars, tags, notes), for benchmarks\n"
        "\n"
        "Options:\n"
        "  --profile DIR            keep settings, database and prompts in DIR\n"
        "                           (default: $LECTERN_PROFILE, else the XDG folders)\n"
        "  --store PATH|URI         this run's store instead of the one the settings name: an\n"
        "                           SQLite file, or postgresql://[user@][host][:port][/db][?sslmode=M]\n"
        "                           (no password: ~/.pgpass or PGPASSFILE)\n"
        "  -h, --help               this help\n"
        "  -v, --version            the version\n");
}

} // namespace Lectern
