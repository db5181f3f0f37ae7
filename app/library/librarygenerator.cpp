// SPDX-License-Identifier: GPL-3.0-or-later
#include "librarygenerator.h"

#include "domain/dayrun.h"
#include "domain/paper.h"
#include "domain/paperstate.h"
#include "domain/score.h"
#include "store/paperstore.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Lectern {

namespace {

// Words of our own making up machine-learning prose; enough of them that search terms are selective.
const char *const kWords[] = {"learning", "model", "models", "network", "networks", "training", "data",
    "transformer", "attention", "sparse", "dense", "mixture", "experts", "routing", "gradient", "descent",
    "stochastic", "convergence", "bound", "bounds", "regret", "policy", "reinforcement", "reward", "agent",
    "agents", "language", "reasoning", "retrieval", "augmented", "generation", "diffusion", "score",
    "matching", "flow", "flows", "variational", "inference", "posterior", "bayesian", "kernel", "kernels",
    "graph", "graphs", "message", "passing", "equivariant", "symmetry", "invariance", "robustness",
    "adversarial", "privacy", "differential", "federated", "clients", "communication", "compression",
    "quantization", "pruning", "distillation", "teacher", "student", "cache", "memory", "latency",
    "throughput", "scaling", "laws", "compute", "optimal", "benchmark", "evaluation", "dataset", "tasks",
    "few-shot", "zero-shot", "prompting", "alignment", "preference", "feedback", "human", "safety",
    "interpretability", "circuits", "features", "probing", "representations", "embedding", "contrastive",
    "self-supervised", "pretraining", "fine-tuning", "adapter", "low-rank", "tokens", "tokenizer", "vision",
    "image", "video", "audio", "speech", "multimodal", "robot", "manipulation", "planning", "control",
    "dynamics", "physics", "simulation", "molecular", "protein", "chemistry", "materials", "climate",
    "weather", "forecasting", "time", "series", "causal", "discovery", "counterfactual", "fairness",
    "uncertainty", "calibration", "conformal", "prediction", "intervals", "ensemble", "boosting", "trees",
    "linear", "nonlinear", "convex", "nonconvex", "optimization", "adaptive", "momentum", "schedule",
    "warmup", "normalization", "residual", "depth", "width", "initialization", "theory", "empirical",
    "analysis", "framework", "method", "approach", "algorithm", "efficient", "scalable", "novel", "simple",
    "strong", "baseline", "state-of-the-art", "results", "experiments", "show", "propose", "introduce",
    "demonstrate", "achieves", "improves", "outperforms", "reduces", "across", "without", "while", "under",
    "through", "between", "which", "their", "these", "both", "large", "small", "long", "context", "window",
    "search", "tree", "monte", "carlo", "sampling", "estimator", "variance", "bias", "tradeoff",
    "generalization", "overfitting", "regularization", "implicit", "explicit", "neural", "operator",
    "equations", "solver", "mesh", "geometry", "manifold", "hyperbolic", "spectral", "clustering", "anomaly",
    "detection", "segmentation", "tracking", "depth", "lidar", "autonomous", "driving", "medical", "clinical",
    "patients", "genomics", "cells", "code", "program", "synthesis", "verification", "theorem", "proving",
    "mathematics", "agentic", "tool", "use", "web", "browsing", "recommendation", "ranking", "users", "items",
    "streaming", "online", "offline", "continual", "forgetting", "curriculum", "active", "labels", "noisy",
    "weak", "supervision"};
constexpr int kWordCount = int(sizeof(kWords) / sizeof(kWords[0]));

// TeX as arXiv abstracts carry it: the display converts it, the store keeps it.
const char *const kTex[] = {"$O(n \\log n)$", "$\\mu$P", "\\emph{provably}", "$\\ell_1$",
    "$\\epsilon$-greedy", "$x^{10}$", "$\\mathcal{O}(1/\\sqrt{T})$", "\\textbf{linear}", "$k$-means",
    "$\\le 2\\%$"};
constexpr int kTexCount = int(sizeof(kTex) / sizeof(kTex[0]));

const char *const kFirstNames[] = {"Anna", "Ben", "Chen", "Daniela", "Eun-ji", "Farid", "Greta", "Hiroshi",
    "Ines", "Jakob", "Kavya", "Lucas", "Mar\\'ia", "Nikolai", "Olga", "Pierre", "Qing", "Ra\\'ul", "Sofia",
    "Tom\\'as", "Uma", "Viktor", "Wei", "Xavier", "Yuki", "Zeynep", "Fran\\c{c}ois", "J\\\"org", "Ahmed",
    "Priya"};
const char *const kLastNames[] = {"Abe", "Bianchi", "Castro", "Dubois", "Eriksson", "Fischer", "Garc\\'ia",
    "Horv\\'ath", "Ivanova", "Jensen", "Kim", "Li", "M\\\"uller", "Nakamura", "Okafor", "Patel", "Quinn",
    "Richt\\'arik", "Schmidt", "Tanaka", "Usman", "Varga", "Wang", "Xu", "Yilmaz", "Zhang", "Nov\\'ak",
    "Sch\\\"on", "Rossi", "Kowalski", "Singh", "Chen", "Lopez", "Haddad", "Olsen", "Petrov"};
constexpr int kFirstCount = int(sizeof(kFirstNames) / sizeof(kFirstNames[0]));
constexpr int kLastCount = int(sizeof(kLastNames) / sizeof(kLastNames[0]));

// Two busy categories first, as the profile: most papers are cs.LG or cs.AI.
const char *const kCategories[] = {"cs.LG", "cs.LG", "cs.LG", "cs.AI", "cs.AI", "cs.CL", "cs.CV", "stat.ML",
    "cs.RO", "math.OC", "cs.NE", "cs.CR"};
constexpr int kCategoryCount = int(sizeof(kCategories) / sizeof(kCategories[0]));

const char *const kTags[] = {"to-read", "reading-group", "baseline", "cite", "kv-cache", "theory", "survey",
    "replicate", "agents", "moe"};
constexpr int kTagCount = int(sizeof(kTags) / sizeof(kTags[0]));

class TextMaker
{
public:
    explicit TextMaker(quint64 seed)
        : m_random(seed)
    { }

    int below(int n) { return int(m_random.bounded(n)); }
    bool chance(double p) { return m_random.generateDouble() < p; }
    double uniform() { return m_random.generateDouble(); }

    QString word() { return QString::fromLatin1(kWords[below(kWordCount)]); }

    QString title()
    {
        const int n = 6 + below(9);
        QStringList words;
        for (int i = 0; i < n; ++i)
            words << word();
        if (chance(0.08))
            words.insert(below(int(words.size())), QString::fromLatin1(kTex[below(kTexCount)]));
        words.first()[0] = words.first()[0].toUpper();
        return words.join(u' ');
    }

    QString abstract(int targetLength)
    {
        QString text;
        text.reserve(targetLength + 200);
        while (text.size() < targetLength) {
            const int n = 10 + below(14);
            QString sentence;
            for (int i = 0; i < n; ++i) {
                if (i > 0)
                    sentence += u' ';
                sentence += chance(0.015) ? QString::fromLatin1(kTex[below(kTexCount)]) : word();
            }
            sentence[0] = sentence[0].toUpper();
            if (!text.isEmpty())
                text += u' ';
            text += sentence + u'.';
        }
        return text;
    }

    QStringList authors()
    {
        // 1 to 60, most papers a handful (median about 5), a long tail of large collaborations.
        const int n = 1 + int(std::pow(uniform(), 4.0) * 59.0);
        QStringList names;
        names.reserve(n);
        for (int i = 0; i < n; ++i)
            names << QString::fromLatin1(kFirstNames[below(kFirstCount)]) + u' ' +
                    QString::fromLatin1(kLastNames[below(kLastCount)]);
        return names;
    }

    QStringList categories()
    {
        QStringList cats {QString::fromLatin1(kCategories[below(kCategoryCount)])};
        const int crosses = below(3);
        for (int i = 0; i < crosses; ++i) {
            const QString c = QString::fromLatin1(kCategories[below(kCategoryCount)]);
            if (!cats.contains(c))
                cats << c;
        }
        return cats;
    }

private:
    QRandomGenerator m_random;
};

QList<QDate> weekdaysEndingAt(const QDate &last, int count)
{
    QList<QDate> days;
    for (QDate d = last; days.size() < count; d = d.addDays(-1)) {
        if (d.dayOfWeek() <= 5)
            days.prepend(d);
    }
    return days;
}

Score scoreOf(TextMaker &maker, const Paper &paper, const QString &model, const QString &promptHash,
    const QDateTime &at)
{
    Score s;
    s.arxivId = paper.arxivId;
    s.version = paper.version;
    s.model = model;
    s.promptHash = promptHash;
    s.scoredAt = at;
    if (maker.chance(0.02)) {
        s.comment = QStringLiteral("No usable verdict in the reply.");
        return s;
    }
    // Skewed so that a day's digest (relevance >= 8, novelty >= 7) holds about 70 of its 250 papers, as
    // a busy real day's does.
    s.relevance = maker.chance(0.45) ? 8 + maker.below(3) : 1 + maker.below(7);
    s.novelty = maker.chance(0.6) ? 7 + maker.below(4) : 1 + maker.below(6);
    s.comment = QStringLiteral("Relevant to %1 and %2.").arg(maker.word(), maker.word());
    s.promptTokens = 400 + maker.below(200);
    s.completionTokens = 60 + maker.below(60);
    s.cost = double(s.promptTokens) * 0.25e-6 + double(s.completionTokens) * 2e-6;
    return s;
}

} // namespace

LibraryGenerator::LibraryGenerator(Options options)
    : m_options(std::move(options))
{ }

Result<LibraryGenerator::Summary> LibraryGenerator::write(
    PaperStore &store, const std::function<void(int, int)> &progress)
{
    const int perDay = std::max(1, m_options.papersPerDay);
    const int dayCount = std::max(1, (m_options.papers + perDay - 1) / perDay);
    const QList<QDate> days = weekdaysEndingAt(m_options.lastDay, dayCount);
    TextMaker maker(m_options.seed);
    Summary summary;
    QList<Paper> earlier; ///< papers a later day may list again as a new version
    QHash<int, int> numberInMonth; ///< yymm -> last number given
    const QString models[] = {QStringLiteral("gpt-5-mini"), QStringLiteral("lectern-local")};
    const QString prompts[] = {QStringLiteral("4f1c2a9e"), QStringLiteral("b7d03e51")};

    for (int d = 0; d < days.size(); ++d) {
        const QDate day = days.at(d);
        const int newToday = std::min(perDay, m_options.papers - summary.papers);
        const int yymm = (day.year() % 100) * 100 + day.month();
        QList<Paper> listed;
        listed.reserve(newToday + 8);
        for (int i = 0; i < newToday; ++i) {
            Paper p;
            const int number = ++numberInMonth[yymm];
            p.arxivId = QStringLiteral("%1.%2")
                            .arg(yymm, 4, 10, QLatin1Char('0'))
                            .arg(number, 5, 10, QLatin1Char('0'));
            p.version = maker.chance(0.1) ? 2 : 1;
            p.title = maker.title();
            p.authors = maker.authors();
            p.abstract = maker.abstract(1100 + maker.below(200));
            p.categories = maker.categories();
            p.primaryCategory = p.categories.first();
            p.announceType = maker.chance(0.7) ? QStringLiteral("new") : QStringLiteral("cross");
            p.announced = day;
            if (maker.chance(0.3))
                p.comments =
                    QStringLiteral("%1 pages, %2 figures").arg(8 + maker.below(30)).arg(1 + maker.below(12));
            listed << p;
        }
        // Some earlier papers come back as a new version (listed as replacements, old version kept).
        for (int r = 0; r < perDay / 50 && !earlier.isEmpty(); ++r) {
            Paper &again = earlier[maker.below(int(earlier.size()))];
            again.version += 1;
            Paper p = again;
            p.abstract = maker.abstract(1100 + maker.below(200));
            p.announceType = QStringLiteral("replace");
            p.announced = day;
            p.comments = QStringLiteral("v%1: revised experiments").arg(p.version);
            listed << p;
        }
        auto stored = store.upsertPapers(listed);
        if (!stored)
            return Error {stored.error()};

        // Scores: every paper by the day's model and prompt; a quarter also by the other model, some of
        // those with the other prompt too (the score history the comparison dialog reads).
        QList<Score> scores;
        const QDateTime at(day, QTime(7, 30), QTimeZone::UTC);
        int relevant = 0;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        double cost = 0;
        for (const Paper &p : std::as_const(listed)) {
            Score first = scoreOf(maker, p, models[0], prompts[0], at);
            if (first.isScored() && *first.relevance >= 8 && *first.novelty >= 7)
                ++relevant;
            promptTokens += first.promptTokens;
            completionTokens += first.completionTokens;
            cost += first.cost;
            scores << first;
            if (maker.chance(0.25)) {
                scores << scoreOf(maker, p, models[1], prompts[maker.chance(0.3) ? 1 : 0], at.addSecs(600));
            }
        }
        if (auto added = store.addScores(scores); !added)
            return Error {added.error()};
        summary.scores += int(scores.size());

        DayRun run;
        run.date = day;
        run.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")};
        run.totalArxiv = int(listed.size()) + 40;
        run.totalScanned = int(listed.size());
        run.totalRelevant = relevant;
        run.promptTokens = promptTokens;
        run.completionTokens = completionTokens;
        run.cost = cost;
        run.model = models[0];
        run.promptText =
            QStringLiteral("You rate arXiv papers for relevance and novelty (synthetic library).");
        run.source = QStringLiteral("rss");
        if (auto saved = store.saveDayRun(run); !saved)
            return Error {saved.error()};

        // The user's triage of the day's new papers (older days read more than recent ones).
        for (int i = 0; i < newToday; ++i) {
            const Paper &p = listed.at(i);
            PaperState s;
            s.arxivId = p.arxivId;
            s.starred = maker.chance(0.03);
            s.read = s.starred || maker.chance(0.35);
            s.dismissed = !s.starred && maker.chance(0.08);
            if (maker.chance(0.04)) {
                s.tags << QString::fromLatin1(kTags[maker.below(kTagCount)]);
                if (maker.chance(0.3))
                    s.tags << QString::fromLatin1(kTags[maker.below(kTagCount)]);
                s.tags.removeDuplicates();
                s.tags.sort();
            }
            if (maker.chance(0.015))
                s.note = QStringLiteral("Compare with our %1 %2 results.").arg(maker.word(), maker.word());
            if (s.isDefault())
                continue;
            if (auto saved = store.saveState(s); !saved)
                return Error {saved.error()};
            summary.starred += int(s.starred);
            summary.notes += int(!s.note.isEmpty());
        }

        summary.papers += newToday;
        summary.listings += int(listed.size());
        ++summary.days;
        for (int i = 0; i < newToday; i += 10)
            earlier << listed.at(i);
        if (earlier.size() > 2000)
            earlier.remove(0, earlier.size() - 2000);
        if (progress)
            progress(d + 1, int(days.size()));
    }
    return summary;
}

} // namespace Lectern
