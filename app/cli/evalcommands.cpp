// SPDX-License-Identifier: GPL-3.0-or-later
// `eval`: how well the current scorer ranks a day that someone judged (a digest, a list of ids).
#include "cli/commandcontext.h"
#include "cli/commands.h"
#include "config/settings.h"
#include "scoring/builtinscorer.h"
#include "scoring/hybridgate.h"
#include "scoring/prompttemplate.h"
#include "scoring/rankingevaluation.h"
#include "scoring/relevancejudgements.h"
#include "store/paperstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace Lectern {

namespace {

/// One paper of the day as the scorer ranked it.
struct Ranked
{
    const Paper *paper = nullptr;
    double score = 0; ///< higher first
    std::optional<int> relevance;
    std::optional<int> novelty;
    QString why;
    bool selected = false; ///< in the judge's set
};

/// The built-in model trained on every label but the evaluated day's (its verdicts there are what is being
/// measured), and the inputs it was built from.
struct ModelWithoutDay
{
    BuiltinModel::Inputs inputs;
    std::shared_ptr<const BuiltinModel> model;
};

Result<ModelWithoutDay> modelWithoutDay(
    CommandContext &context, PaperStore &store, const QList<PaperRecord> &records)
{
    auto prompt = PromptTemplate::load(context.profile().promptsDir());
    if (!prompt)
        return Error {prompt.error()};
    auto inputs = BuiltinModel::inputsFromStore(store, prompt->topics());
    if (!inputs)
        return Error {inputs.error()};
    QSet<QString> day;
    for (const PaperRecord &r : records)
        day.insert(r.paper.arxivId);
    inputs.value().forgetLabels(day);
    ModelWithoutDay out {std::move(inputs).value(), nullptr};
    out.model = BuiltinModel::build(out.inputs);
    if (QString why; !out.model->canScore(&why))
        return Error {why};
    return out;
}

/// The built-in scorer's ranking of the day.
Result<QList<Ranked>> rankWithBuiltin(
    CommandContext &context, PaperStore &store, const QList<PaperRecord> &records)
{
    auto built = modelWithoutDay(context, store, records);
    if (!built)
        return Error {built.error()};
    QList<Ranked> out;
    for (const PaperRecord &r : records) {
        const BuiltinModel::Assessment a = built->model->assess(r.paper);
        out << Ranked {&r.paper, a.rankScore, a.relevance, a.novelty, a.comment, false};
    }
    return out;
}

/// The day's stored scores (the latest of each paper), as the configured language model left them.
QList<Ranked> rankByStoredScores(const QList<PaperRecord> &records)
{
    QList<Ranked> out;
    for (const PaperRecord &r : records) {
        Ranked x;
        x.paper = &r.paper;
        if (r.score && r.score->relevance && r.score->novelty) {
            x.relevance = r.score->relevance;
            x.novelty = r.score->novelty;
            // Relevance first, novelty breaks its ties; unscored papers last.
            x.score = *x.relevance * 100 + *x.novelty;
            x.why = r.score->model;
        } else {
            x.score = -1;
        }
        out << x;
    }
    return out;
}

/// Hybrid mode replayed on a day a language model scored whole: the gate, decided by a built-in model that
/// learned from every label but the day's, picks the papers the LLM would have seen; those keep their
/// stored verdicts, the others the built-in's marks. Ranked as the digest ranks, by the marks.
struct HybridReplay
{
    QList<Ranked> ranked;
    int gate = 0;
    int sample = 0;
    int withoutVerdict = 0; ///< papers the gate sends that have no stored verdict: the built-in's marks stand
};

Result<HybridReplay> rankWithHybrid(
    CommandContext &context, PaperStore &store, const QList<PaperRecord> &records, const QDate &date)
{
    auto built = modelWithoutDay(context, store, records);
    if (!built)
        return Error {built.error()};
    QList<Paper> day;
    for (const PaperRecord &r : records)
        day << r.paper;
    const GateDecision gate = HybridGate(HybridGateSettings::fromSettings(context.settings()))
                                  .decide(*built->model, built->inputs, day, date);
    QHash<QString, const GateEntry *> entries;
    for (const GateEntry &e : gate.ranked)
        entries.insert(e.paper.arxivId, &e);
    HybridReplay out;
    out.gate = gate.gateSize();
    out.sample = int(gate.sample.size());
    for (const PaperRecord &r : records) {
        Ranked x;
        x.paper = &r.paper;
        const bool llmVerdict =
            r.score && !r.score->isLocal() && r.score->relevance.has_value() && r.score->novelty.has_value();
        if (gate.toLlm(r.paper.arxivId) && llmVerdict) {
            x.relevance = r.score->relevance;
            x.novelty = r.score->novelty;
            x.why = r.score->model;
        } else if (const GateEntry *e = entries.value(r.paper.arxivId)) {
            out.withoutVerdict += gate.toLlm(r.paper.arxivId);
            x.relevance = e->relevance;
            x.novelty = e->novelty;
            x.why = BuiltinScorer::ModelName;
        }
        x.score = x.relevance && x.novelty ? *x.relevance * 100 + *x.novelty : -1;
        out.ranked << x;
    }
    return out;
}

QString figure(double x)
{
    return QString::number(x, 'f', 2);
}

} // namespace

int evalCommand(CommandContext &context, const QStringList &args, const QCommandLineParser &options)
{
    const QString usage = QCoreApplication::translate("Lectern::Cli",
        "usage: lectern eval [--day YYYY-MM-DD] --truth "
        "DIGEST.md|LABELS.json [--scorer builtin|stored|hybrid]");
    if (!args.isEmpty() || !options.isSet(QStringLiteral("truth")))
        return context.usageError(usage);
    QDate day;
    if (const QString text = options.value(QStringLiteral("day")); !text.isEmpty()) {
        day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            return context.usageError(
                QCoreApplication::translate("Lectern::Cli", "--day wants YYYY-MM-DD, not \"%1\".").arg(text));
    }
    const QString scorer = options.isSet(QStringLiteral("scorer"))
        ? options.value(QStringLiteral("scorer"))
        : (context.settings().string(Keys::ScoringProvider) == u"builtin" ? QStringLiteral("builtin")
                                                                          : QStringLiteral("stored"));
    if (scorer != u"builtin" && scorer != u"stored" && scorer != u"hybrid")
        return context.usageError(
            QCoreApplication::translate("Lectern::Cli", "--scorer is builtin, stored or hybrid, not \"%1\".")
                .arg(scorer));
    const auto truth = RelevanceJudgements::read(options.value(QStringLiteral("truth")));
    if (!truth)
        return context.failure(truth.error());
    PaperStore *store = context.store();
    if (!store || !context.resolveDay(day, "nothing to evaluate: the database has no papers yet"))
        return CommandContext::Failure;
    const auto records = store->recordsForDay(day);
    if (!records)
        return context.failure(records.error());
    if (records->isEmpty())
        return context.failure(QCoreApplication::translate("Lectern::Cli", "no papers stored for %1.")
                                   .arg(day.toString(Qt::ISODate)));

    QList<Ranked> ranked;
    std::optional<HybridReplay> replay;
    if (scorer == u"builtin") {
        auto built = rankWithBuiltin(context, *store, *records);
        if (!built)
            return context.failure(built.error());
        ranked = std::move(built).value();
    } else if (scorer == u"hybrid") {
        auto replayed = rankWithHybrid(context, *store, *records, day);
        if (!replayed)
            return context.failure(replayed.error());
        replay = std::move(replayed).value();
        ranked = replay->ranked;
    } else {
        ranked = rankByStoredScores(*records);
    }
    int inListing = 0;
    for (Ranked &r : ranked) {
        r.selected = truth->relevant.contains(r.paper->arxivId);
        inListing += r.selected;
    }
    if (inListing == 0)
        return context.failure(
            QCoreApplication::translate("Lectern::Cli", "none of the %1 selected papers is listed on %2.")
                .arg(truth->relevant.size())
                .arg(day.toString(Qt::ISODate)));
    std::stable_sort(
        ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) { return a.score > b.score; });
    std::vector<double> scores;
    std::vector<bool> selected;
    for (const Ranked &r : ranked) {
        scores.push_back(r.score);
        selected.push_back(r.selected);
    }
    const RankingEvaluation e = RankingEvaluation::of(scores, selected);

    // Precision and recall of what the scorer's marks put over the digest's thresholds.
    const int minRelevance = context.settings().integer(Keys::ScoringRelevanceThreshold);
    const int minNovelty = context.settings().integer(Keys::ScoringNoveltyThreshold);
    int over = 0;
    int overAndSelected = 0;
    for (const Ranked &r : ranked) {
        if (r.relevance && r.novelty && *r.relevance >= minRelevance && *r.novelty >= minNovelty) {
            ++over;
            overAndSelected += r.selected;
        }
    }

    QTextStream &out = context.out();
    out << QStringLiteral("%1: %2 on %3 papers; the judge selected %4 of them")
               .arg(day.toString(Qt::ISODate),
                   scorer == u"builtin" ? QCoreApplication::translate("Lectern::Cli",
                                              "built-in scorer (%1, trained without this day's "
                                              "labels)")
                                              .arg(BuiltinScorer::ModelName)
                       : scorer == u"hybrid" ? QCoreApplication::translate("Lectern::Cli",
                                                   "hybrid mode replayed on the stored verdicts (the gate "
                                                   "by %1, trained without this day's labels)")
                                                   .arg(BuiltinScorer::ModelName)
                                             : QCoreApplication::translate("Lectern::Cli", "stored scores"))
               .arg(e.papers)
               .arg(e.relevant);
    if (inListing < truth->relevant.size())
        out << QStringLiteral(" (%1 more are not listed that day)").arg(truth->relevant.size() - inListing);
    out << "\n";
    if (replay) {
        const int seen = replay->gate + replay->sample;
        out << QCoreApplication::translate(
            "Lectern::Cli", "The LLM would see %1 of %2 papers (%3 %: gate %4, random sample %5)")
                   .arg(seen)
                   .arg(e.papers)
                   .arg(QString::number(100.0 * seen / std::max(1, e.papers), 'f', 0))
                   .arg(replay->gate)
                   .arg(replay->sample);
        if (replay->withoutVerdict > 0)
            out << QStringLiteral("; %1 of them have no stored verdict and keep the built-in's marks")
                       .arg(replay->withoutVerdict);
        out << ".\n";
    }
    out << "\n";
    const int shareFor95Papers = int(std::lround(e.shareFor95 * e.papers));
    out << "| measure | value |\n|---|---|\n";
    out << QStringLiteral("| recall@k (k = %1) | %2 |\n").arg(e.relevant).arg(figure(e.recallAtK));
    out << QStringLiteral("| recall@2k | %1 |\n").arg(figure(e.recallAt2K));
    out << QStringLiteral("| recall in the top 30 % | %1 |\n").arg(figure(e.recallAtShare30));
    out << QStringLiteral("| share of the day for 95 % recall | %1 % (%2 papers) |\n")
               .arg(QString::number(100 * e.shareFor95, 'f', 0))
               .arg(shareFor95Papers);
    out << QStringLiteral("| over the thresholds (relevance >= %1, novelty >= %2) | %3 papers |\n")
               .arg(minRelevance)
               .arg(minNovelty)
               .arg(over);
    out << QStringLiteral("| precision at the thresholds | %1 |\n")
               .arg(over > 0 ? figure(double(overAndSelected) / over) : QStringLiteral("-"));
    out << QStringLiteral("| recall at the thresholds | %1 |\n")
               .arg(figure(double(overAndSelected) / e.relevant));

    // What the scorer missed, and why it ranked those it put first, so a user sees what to teach it.
    out << QStringLiteral("\nselected papers outside the top k:\n");
    for (qsizetype i = e.relevant; i < ranked.size(); ++i) {
        if (ranked.at(i).selected)
            out << QStringLiteral("  #%1 %2 %3\n")
                       .arg(i + 1)
                       .arg(ranked.at(i).paper->arxivId, ranked.at(i).paper->title.simplified());
    }
    out << QStringLiteral("\ntop %1 (* selected by the judge):\n")
               .arg(std::min<qsizetype>(10, ranked.size()));
    for (qsizetype i = 0; i < ranked.size() && i < 10; ++i) {
        const Ranked &r = ranked.at(i);
        out << QStringLiteral("  %1 #%2 %3 %4\n")
                   .arg(r.selected ? QChar(u'*') : QChar(u' '))
                   .arg(i + 1)
                   .arg(r.paper->arxivId, r.paper->title.simplified());
        if (!r.why.isEmpty())
            out << QStringLiteral("        %1\n").arg(r.why);
    }
    return CommandContext::Ok;
}

} // namespace Lectern
