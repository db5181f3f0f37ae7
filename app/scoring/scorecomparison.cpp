// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scorecomparison.h"

#include "domain/paperrecord.h"
#include "scoring/authormatcher.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cstdlib>

namespace Lectern {

namespace {

struct DayPaper
{
    Paper paper;
    QList<Score> history; ///< oldest first
};

// The day's papers as the digest considers them (announce-type filter, each id once) with their score
// history.
Result<QList<DayPaper>> dayPapers(PaperStore &store, const QDate &day, const QStringList &announceTypes)
{
    const auto records = store.recordsForDay(day);
    if (!records)
        return Error {records.error()};
    // Runs of the member's own prompts and the lab's: another member's prompt is not hers to compare.
    const auto visible = store.visiblePromptHashes();
    if (!visible)
        return Error {visible.error()};
    QList<DayPaper> out;
    QSet<QString> seen;
    for (const PaperRecord &record : *records) {
        const Paper &paper = record.paper;
        if (!announceTypes.isEmpty() && !paper.announceType.isEmpty() &&
            !announceTypes.contains(paper.announceType))
            continue;
        if (seen.contains(paper.arxivId))
            continue;
        seen.insert(paper.arxivId);
        auto history = store.scoreHistory(paper.arxivId);
        if (!history)
            return Error {history.error()};
        QList<Score> visibleHistory;
        for (const Score &s : *history) {
            if (visible->contains(s.promptHash))
                visibleHistory << s;
        }
        out << DayPaper {paper, visibleHistory};
    }
    return out;
}

// The run's newest score of the paper (any version): the history is ordered by time, so the last match.
std::optional<Score> scoreOf(const QList<Score> &history, const ScoringRunInfo &run)
{
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        if (it->model == run.model && it->promptHash == run.promptHash)
            return *it;
    }
    return std::nullopt;
}

bool passes(const std::optional<Score> &score, int minRelevance, int minNovelty)
{
    return score && score->isScored() && *score->relevance >= minRelevance && *score->novelty >= minNovelty;
}

bool biggerChangeFirst(const PaperComparison &a, const PaperComparison &b)
{
    if (a.changeSize() != b.changeSize())
        return a.changeSize() > b.changeSize();
    const int ta = a.after ? a.after->total() : 0;
    const int tb = b.after ? b.after->total() : 0;
    if (ta != tb)
        return ta > tb;
    return a.paper.arxivId < b.paper.arxivId;
}

QString marks(const std::optional<Score> &score)
{
    if (!score)
        return QCoreApplication::translate("Lectern::ScoreComparison", "not scored");
    if (!score->isScored())
        return score->verdict() == ScoreVerdict::AuthorMatch
            ? QCoreApplication::translate("Lectern::ScoreComparison", "author match, no marks")
            : QCoreApplication::translate("Lectern::ScoreComparison", "no marks (%1)")
                  .arg(score->comment.isEmpty()
                          ? QCoreApplication::translate("Lectern::ScoreComparison", "no usable score")
                          : score->comment);
    return QStringLiteral("R%1 N%2").arg(*score->relevance).arg(*score->novelty);
}

QString signedNumber(int n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

QString paperLine(const PaperComparison &c)
{
    QString line = QStringLiteral("  %1  %2 -> %3").arg(c.paper.arxivId, marks(c.before), marks(c.after));
    if (c.comparable())
        line += QCoreApplication::translate("Lectern::ScoreComparison", " (relevance %1, novelty %2)")
                    .arg(signedNumber(c.relevanceDelta()), signedNumber(c.noveltyDelta()));
    if (c.authorMatch())
        line += QCoreApplication::translate("Lectern::ScoreComparison", " [author match: %1]")
                    .arg(c.matchedAuthors.join(QStringLiteral(", ")));
    line += QStringLiteral("\n      ") + c.paper.title.simplified();
    return line;
}

} // namespace

bool PaperComparison::comparable() const
{
    return before && after && before->isScored() && after->isScored();
}

int PaperComparison::relevanceDelta() const
{
    return comparable() ? *after->relevance - *before->relevance : 0;
}

int PaperComparison::noveltyDelta() const
{
    return comparable() ? *after->novelty - *before->novelty : 0;
}

int PaperComparison::changeSize() const
{
    return std::abs(relevanceDelta()) + std::abs(noveltyDelta());
}

Result<QList<ScoringRunInfo>> ScoreComparison::runsForDay(
    PaperStore &store, const QDate &day, const QStringList &announceTypes)
{
    const auto papers = dayPapers(store, day, announceTypes);
    if (!papers)
        return Error {papers.error()};
    QList<ScoringRunInfo> runs;
    QHash<QString, qsizetype> index; // model + '\n' + hash -> runs
    for (const DayPaper &p : *papers) {
        QSet<QString> counted; // a paper counts once per run, whatever its versions
        for (const Score &s : p.history) {
            // A filter stage's rows (title pre-filter, h-index) are no run: the title pre-filter's own
            // prompt hash would otherwise pose as an earlier run that "entered" every paper.
            if (s.isStageVerdict())
                continue;
            const QString key = s.model + u'\n' + s.promptHash;
            auto it = index.find(key);
            if (it == index.end()) {
                it = index.insert(key, runs.size());
                runs << ScoringRunInfo {s.model, s.promptHash, 0, 0, {}};
            }
            ScoringRunInfo &run = runs[*it];
            if (!run.latest.isValid() || s.scoredAt > run.latest)
                run.latest = s.scoredAt;
            if (counted.contains(key))
                continue;
            counted.insert(key);
            ++run.papers;
            if (scoreOf(p.history, run).value().isScored())
                ++run.scored;
        }
    }
    std::stable_sort(runs.begin(), runs.end(), [](const ScoringRunInfo &a, const ScoringRunInfo &b) {
        if (a.latest != b.latest)
            return a.latest < b.latest;
        return a.model + a.promptHash < b.model + b.promptHash;
    });
    return runs;
}

Result<ScoreComparison> ScoreComparison::compare(PaperStore &store, const QDate &day,
    const ScoringRunInfo &from, const ScoringRunInfo &to, const AuthorMatcher &authors, int minRelevance,
    int minNovelty, const QStringList &announceTypes)
{
    const auto papers = dayPapers(store, day, announceTypes);
    if (!papers)
        return Error {papers.error()};
    ScoreComparison c;
    c.day = day;
    c.from = from;
    c.to = to;
    c.minRelevance = minRelevance;
    c.minNovelty = minNovelty;
    int sumRelevance = 0;
    int sumNovelty = 0;
    for (const DayPaper &p : *papers) {
        PaperComparison pc;
        pc.paper = p.paper;
        pc.before = scoreOf(p.history, from);
        pc.after = scoreOf(p.history, to);
        pc.matchedAuthors = authors.matches(p.paper.authors);
        pc.relevantBefore = pc.authorMatch() || passes(pc.before, minRelevance, minNovelty);
        pc.relevantAfter = pc.authorMatch() || passes(pc.after, minRelevance, minNovelty);
        c.relevantBefore += pc.relevantBefore ? 1 : 0;
        c.relevantAfter += pc.relevantAfter ? 1 : 0;
        const bool markedBefore = pc.before && pc.before->isScored();
        const bool markedAfter = pc.after && pc.after->isScored();
        if (pc.comparable()) {
            ++c.comparable;
            sumRelevance += std::abs(pc.relevanceDelta());
            sumNovelty += std::abs(pc.noveltyDelta());
            const int delta = pc.relevanceDelta() + pc.noveltyDelta();
            if (pc.changeSize() == 0)
                ++c.unchanged;
            else if (delta > 0)
                ++c.raised;
            else if (delta < 0)
                ++c.lowered;
            else
                ++c.sameTotal;
            if (pc.changeSize() != 0)
                c.changed << pc;
        } else if (markedBefore) {
            ++c.onlyBefore;
        } else if (markedAfter) {
            ++c.onlyAfter;
        }
        if (pc.relevantAfter && !pc.relevantBefore)
            c.entered << pc;
        else if (pc.relevantBefore && !pc.relevantAfter)
            c.left << pc;
        c.papers << std::move(pc);
    }
    c.considered = int(c.papers.size());
    if (c.comparable > 0) {
        c.meanAbsRelevanceChange = double(sumRelevance) / c.comparable;
        c.meanAbsNoveltyChange = double(sumNovelty) / c.comparable;
    }
    std::sort(c.entered.begin(), c.entered.end(), biggerChangeFirst);
    std::sort(c.left.begin(), c.left.end(), biggerChangeFirst);
    std::sort(c.changed.begin(), c.changed.end(), biggerChangeFirst);
    return c;
}

QString ScoreComparison::describeRun(const ScoringRunInfo &run)
{
    return QCoreApplication::translate(
        "Lectern::ScoreComparison", "%1, prompt %2, %3 papers (%4 with marks), latest %5")
        .arg(run.model.isEmpty() ? QCoreApplication::translate("Lectern::ScoreComparison", "(no model)")
                                 : run.model,
            run.promptHash.left(12))
        .arg(run.papers)
        .arg(run.scored)
        .arg(run.latest.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString ScoreComparison::report(int maxChanges) const
{
    QStringList lines;
    lines << QCoreApplication::translate(
        "Lectern::ScoreComparison", "Day %1: what moved between two scoring runs")
                 .arg(day.toString(Qt::ISODate));
    lines << QCoreApplication::translate("Lectern::ScoreComparison", "From: ") + describeRun(from);
    lines << QCoreApplication::translate("Lectern::ScoreComparison", "To:   ") + describeRun(to);
    lines << QCoreApplication::translate("Lectern::ScoreComparison",
        "Thresholds: relevance >= %1, novelty >= %2; followed authors always relevant")
                 .arg(minRelevance)
                 .arg(minNovelty);
    lines << QString();
    lines << QCoreApplication::translate(
        "Lectern::ScoreComparison", "Papers considered: %1; scored by both runs: %2")
                 .arg(considered)
                 .arg(comparable);
    lines << QCoreApplication::translate(
        "Lectern::ScoreComparison", "Relevant: %1 -> %2 (%3 entered, %4 left)")
                 .arg(relevantBefore)
                 .arg(relevantAfter)
                 .arg(entered.size())
                 .arg(left.size());
    lines << QCoreApplication::translate("Lectern::ScoreComparison",
        "Marks: %1 unchanged, %2 raised, %3 lowered, %4 shifted with the same sum")
                 .arg(unchanged)
                 .arg(raised)
                 .arg(lowered)
                 .arg(sameTotal);
    lines << QCoreApplication::translate(
        "Lectern::ScoreComparison", "Mean absolute change: relevance %1, novelty %2")
                 .arg(meanAbsRelevanceChange, 0, 'f', 2)
                 .arg(meanAbsNoveltyChange, 0, 'f', 2);
    lines << QCoreApplication::translate(
        "Lectern::ScoreComparison", "Marks from one run only: %1 from the first, %2 from the second")
                 .arg(onlyBefore)
                 .arg(onlyAfter);
    const auto section = [&lines](const QString &title, const QList<PaperComparison> &list, int max) {
        lines << QString();
        lines << QStringLiteral("%1 (%2):").arg(title).arg(list.size());
        if (list.isEmpty())
            lines << QCoreApplication::translate("Lectern::ScoreComparison", "  none");
        const qsizetype shown = max > 0 ? std::min<qsizetype>(max, list.size()) : list.size();
        for (qsizetype i = 0; i < shown; ++i)
            lines << paperLine(list.at(i));
        if (shown < list.size())
            lines << QCoreApplication::translate("Lectern::ScoreComparison", "  ... and %1 more")
                         .arg(list.size() - shown);
    };
    section(QCoreApplication::translate("Lectern::ScoreComparison", "Entered the relevant set"), entered, 0);
    section(QCoreApplication::translate("Lectern::ScoreComparison", "Left the relevant set"), left, 0);
    section(QCoreApplication::translate("Lectern::ScoreComparison", "Biggest score changes"), changed,
        maxChanges);
    return lines.join(u'\n') + u'\n';
}

} // namespace Lectern
