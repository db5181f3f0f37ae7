// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digestbuilder.h"

#include "digest/markdownescape.h"
#include "scoring/authormatcher.h"
#include "store/gatereportstore.h"
#include "store/paperstore.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace Lectern {

namespace {

using Markdown::escapeAbstract;
using Markdown::escapeInline;
using Markdown::oneLine;

constexpr QLatin1StringView kBlockSeparator("\n\n");

/// A table as the reference prints it (Python tabulate, "github" format): every column as wide as its
/// widest cell but at least its header plus two, cells left-aligned, the alignment row centred.
QString table(const QList<QStringList> &rows)
{
    const qsizetype columns = rows.front().size();
    QList<qsizetype> widths(columns, 0);
    for (qsizetype c = 0; c < columns; ++c) {
        widths[c] = rows.front()[c].size() + 2;
        for (qsizetype r = 1; r < rows.size(); ++r)
            widths[c] = std::max(widths[c], rows[r][c].size());
    }
    const auto line = [&](const QStringList &cells) {
        QString out = QStringLiteral("|");
        for (qsizetype c = 0; c < columns; ++c)
            out += u' ' + cells[c].leftJustified(widths[c]) + QStringLiteral(" |");
        return out;
    };
    QStringList lines {line(rows.front())};
    QString alignment = QStringLiteral("|");
    for (const qsizetype width : widths)
        alignment += u':' + QString(width, u'-') + QStringLiteral(":|");
    lines << alignment;
    for (qsizetype r = 1; r < rows.size(); ++r)
        lines << line(rows[r]);
    return lines.join(u'\n');
}

QString costTable(const Digest &digest)
{
    const DayRun &run = digest.run;
    const QString model = run.model.trimmed().isEmpty() ? QStringLiteral("unknown") : oneLine(run.model);
    const auto cost = [](const std::optional<double> &usd) {
        return usd ? u'$' + DigestBuilder::formatCost(*usd) : QStringLiteral("-");
    };
    return table({
        {QStringLiteral("*[") + escapeInline(model) + QStringLiteral("]*"), QStringLiteral("Prompt"),
            QStringLiteral("Completion"), QStringLiteral("Total")},
        {QStringLiteral("**Token**"), QString::number(run.promptTokens),
            QString::number(run.completionTokens), QString::number(run.promptTokens + run.completionTokens)},
        {QStringLiteral("**Cost**"), cost(digest.promptCost), cost(digest.completionCost),
            u'$' + DigestBuilder::formatCost(digest.totalCost())},
    });
}

QString authorsLine(const QStringList &authors)
{
    QStringList escaped;
    escaped.reserve(authors.size());
    for (const QString &author : authors)
        escaped << escapeInline(oneLine(author));
    return QStringLiteral("**Authors:** ") + escaped.join(QStringLiteral(", "));
}

/// A note keeps its lines (as hard breaks) in one paragraph. Blank lines go, since they would end the
/// paragraph.
QString noteBlock(const QString &note, const QString &label = QStringLiteral("Note"))
{
    QStringList lines;
    for (const QString &raw : note.split(u'\n')) {
        if (const QString line = Markdown::escapeLine(raw.trimmed()); !line.isEmpty())
            lines << line;
    }
    return QStringLiteral("**") + label + QStringLiteral(":** ") + lines.join(QStringLiteral("  \n"));
}

QString section(const DigestEntry &entry, int number)
{
    const Paper &paper = entry.paper;
    const QString n = QString::number(number);
    QStringList blocks {
        QStringLiteral("## ") + n + QStringLiteral(". [") + escapeInline(oneLine(paper.title)) +
            QStringLiteral("](") + paper.absUrl() + QStringLiteral(") <a id=\"link") + n +
            QStringLiteral("\"></a>"),
        QStringLiteral("**ArXiv ID:** ") + paper.arxivId,
        authorsLine(paper.authors),
        QStringLiteral("**Abstract:** ") + escapeAbstract(oneLine(paper.abstract)),
    };
    const bool scored = !entry.authorMatch && entry.score && entry.score->isScored();
    const QString comment = entry.authorMatch
        ? QStringLiteral("Author match")
        : escapeInline(oneLine(entry.score ? entry.score->comment : QString()));
    blocks << QStringLiteral("**Comment:** ") + comment;

    QStringList user;
    if (entry.state.starred)
        user << QStringLiteral("**Starred:** yes");
    if (!entry.state.tags.isEmpty()) {
        QStringList tags;
        for (const QString &tag : entry.state.tags)
            tags << escapeInline(oneLine(tag));
        user << QStringLiteral("**Tags:** ") + tags.join(QStringLiteral(", "));
    }
    if (!entry.state.note.trimmed().isEmpty())
        user << noteBlock(entry.state.note);
    for (const SharedNote &shared : entry.sharedNotes)
        user << noteBlock(shared.text, QStringLiteral("Note by ") + escapeInline(oneLine(shared.author)));

    if (scored) {
        blocks << QStringLiteral("**Relevance:** ") + QString::number(*entry.score->relevance) +
                QStringLiteral("\n**Novelty:** ") + QString::number(*entry.score->novelty) +
                (entry.score->isLocal() ? QStringLiteral("\n*") + Score::LocalLabel + u'*' : QString());
    } else if (user.isEmpty()) {
        // The reference leaves an empty scores block after an author match: the section ends in a blank
        // line before the separator.
        blocks << QString();
    }
    blocks << user;
    return blocks.join(kBlockSeparator);
}

QString quoted(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        lines << (line.isEmpty() ? QStringLiteral("> ") : QStringLiteral("> ") + line);
    return lines.join(u'\n');
}

QString promptAppendix(const QString &promptText)
{
    const StoredPrompt prompt = StoredPrompt::fromText(promptText);
    QStringList parts;
    if (!prompt.system.isEmpty())
        parts << QStringLiteral("## System Prompt\n\n") + quoted(prompt.system);
    if (!prompt.user.isEmpty())
        parts << QStringLiteral("## User Prompt\n\n") + quoted(prompt.user);
    return parts.join(kBlockSeparator);
}

bool comesBefore(const DigestEntry &a, const DigestEntry &b)
{
    if (a.authorMatch != b.authorMatch)
        return a.authorMatch;
    if (!a.authorMatch) {
        if (a.score->total() != b.score->total())
            return a.score->total() > b.score->total();
        if (*a.score->relevance != *b.score->relevance)
            return *a.score->relevance > *b.score->relevance;
    }
    return a.paper.arxivId < b.paper.arxivId;
}

} // namespace

QStringList DigestBuilder::defaultAnnounceTypes()
{
    return {QStringLiteral("new"), QStringLiteral("cross")};
}

Digest DigestBuilder::select(const DayRun &run, const QList<PaperRecord> &records,
    const AuthorMatcher &authors, int minRelevance, int minNovelty, const QStringList &announceTypes)
{
    Digest digest;
    digest.run = run;
    QSet<QString> seen;
    for (const PaperRecord &record : records) {
        const Paper &paper = record.paper;
        if (!announceTypes.isEmpty() && !paper.announceType.isEmpty() &&
            !announceTypes.contains(paper.announceType))
            continue;
        if (seen.contains(paper.arxivId))
            continue;
        seen.insert(paper.arxivId);
        DigestEntry entry {paper, record.score, record.state, false, authors.matches(paper.authors), {}};
        entry.authorMatch = !entry.matchedAuthors.isEmpty();
        const bool relevant = record.score && record.score->isScored() &&
            *record.score->relevance >= minRelevance && *record.score->novelty >= minNovelty;
        if (!entry.authorMatch && !relevant)
            continue;
        digest.entries << std::move(entry);
    }
    std::sort(digest.entries.begin(), digest.entries.end(), comesBefore);
    return digest;
}

Result<Digest> DigestBuilder::fromStore(PaperStore &store, const QDate &day, const AuthorMatcher &authors,
    int minRelevance, int minNovelty, const QStringList &announceTypes)
{
    const auto stored = store.dayRun(day);
    if (!stored)
        return Error {stored.error()};
    DayRun run;
    if (stored->has_value()) {
        run = **stored;
    } else {
        run.date = day;
    }
    const auto records = store.recordsForDay(day);
    if (!records)
        return Error {records.error()};
    Digest digest = select(run, *records, authors, minRelevance, minNovelty, announceTypes);
    auto gate = GateReportStore(store.database()).load(day);
    if (!gate)
        return Error {gate.error()};
    digest.gate = *gate;
    if (auto shared = attachSharedNotes(store, day, digest); !shared)
        return Error {shared.error()};
    return digest;
}

Result<void> DigestBuilder::attachSharedNotes(PaperStore &store, const QDate &day, Digest &digest)
{
    auto shared = store.sharedNotesForDay(day);
    if (!shared)
        return Error {shared.error()};
    for (DigestEntry &e : digest.entries) {
        e.sharedNotes.clear();
        // The member's own shared note is their note, printed as such.
        for (const SharedNote &n : shared->value(e.paper.arxivId)) {
            if (!n.mine && !n.text.trimmed().isEmpty())
                e.sharedNotes << n;
        }
    }
    return {};
}

void DigestBuilder::applyPrices(Digest &digest, double promptUsdPerMillion, double completionUsdPerMillion)
{
    digest.promptCost = double(digest.run.promptTokens) * promptUsdPerMillion / 1e6;
    digest.completionCost = double(digest.run.completionTokens) * completionUsdPerMillion / 1e6;
}

QString DigestBuilder::formatCost(double usd)
{
    if (!std::isfinite(usd) || usd <= 0)
        usd = 0.0; // also turns -0.0 into 0.0, which would print "-0.00"
    // Two decimals as in the reference (Python's str(round(x, 2))); below a cent two significant digits,
    // since a day on a cheap model costs fractions of a cent and "$0.0" would say it was free.
    int decimals = 2;
    if (usd > 0 && usd < 0.01)
        decimals = std::min(8, 1 - int(std::floor(std::log10(usd))));
    QString text = QString::number(usd, 'f', decimals);
    // Trailing zeros dropped down to one decimal: "2.0", "0.3", "0.004".
    while (text.endsWith(u'0') && text.at(text.size() - 2) != u'.')
        text.chop(1);
    return text;
}

QString DigestBuilder::markdown(const Digest &digest)
{
    const DayRun &run = digest.run;
    QStringList toc;
    QStringList sections;
    for (qsizetype i = 0; i < digest.entries.size(); ++i) {
        const DigestEntry &entry = digest.entries[i];
        const QString n = QString::number(i + 1);
        toc << n + QStringLiteral(". [") + escapeInline(oneLine(entry.paper.title)) +
                QStringLiteral("](#user-content-link") + n + QStringLiteral(")\n") +
                authorsLine(entry.paper.authors);
        sections << section(entry, int(i + 1));
    }

    // Joined like the reference: an empty day still has both rules, with empty blocks between.
    QStringList blocks {
        QStringLiteral("# Personalized Daily ArXiv Papers ") + run.date.toString(Qt::ISODate),
        costTable(digest),
        QStringLiteral("Total arXiv papers: ") + QString::number(run.totalArxiv),
        QStringLiteral("Total scanned papers: ") + QString::number(run.totalScanned),
        QStringLiteral("Total relevant papers: ") + QString::number(digest.relevantCount()) +
            (digest.narrowed() ? QStringLiteral("  \nShown here: %1 (%2)")
                                     .arg(digest.entries.size())
                                     .arg(Markdown::escapeInline(digest.shownSelection))
                               : QString()),
        QStringLiteral("**Table of contents with paper titles:**"),
        toc.join(kBlockSeparator),
        QStringLiteral("---"),
        sections.join(QStringLiteral("\n\n---\n\n")),
        QStringLiteral("---"),
        QStringLiteral("# Paper Selection Prompt"),
    };
    // Hybrid mode: how many papers the LLM saw and what the gate is estimated to miss, after the totals.
    if (digest.gate)
        blocks.insert(5, Markdown::escapeLine(digest.gate->line()));
    if (const QString appendix = promptAppendix(run.promptText); !appendix.isEmpty())
        blocks << appendix;
    return blocks.join(kBlockSeparator) + u'\n';
}

} // namespace Lectern
