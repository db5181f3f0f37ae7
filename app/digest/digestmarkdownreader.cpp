// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digestmarkdownreader.h"

#include "digest/digest.h"
#include "digest/markdownescape.h"

#include <QRegularExpression>

namespace Lectern {

namespace {

/// Splits "A, B (X, Y), C" at the commas outside parentheses: affiliations may hold commas.
QStringList splitTopLevel(QStringView text)
{
    QStringList out;
    int depth = 0;
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            depth = qMax(0, depth - 1);
        } else if (depth == 0 && c == u',' && i + 1 < text.size() && text[i + 1] == u' ') {
            out << Markdown::unescapeInline(text.sliced(from, i - from));
            from = i + 2;
        }
    }
    if (from < text.size())
        out << Markdown::unescapeInline(text.sliced(from));
    return out;
}

std::optional<int> intAfter(QStringView line, QLatin1StringView prefix)
{
    bool ok = false;
    const int value = line.sliced(prefix.size()).trimmed().toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

} // namespace

ParsedDigest DigestMarkdownReader::read(const QString &markdown)
{
    static const QRegularExpression heading(
        QStringLiteral(R"(^# Personalized Daily ArXiv Papers (\S+)\s*$)"));
    static const QRegularExpression modelCell(QStringLiteral(R"(^\| \*\[(.*)\]\* +\| Prompt +\|)"));
    static const QRegularExpression tokenRow(QStringLiteral(R"(^\| \*\*Token\*\* +\| (\d+) +\| (\d+) +\|)"));
    static const QRegularExpression sectionHeading(
        QStringLiteral(R"(^## (\d+)\. \[(.*)\]\(https://arxiv\.org/abs/(\S+)\) <a id="link\d+"></a>\s*$)"));
    static const QRegularExpression total(
        QStringLiteral(R"(^Total (arXiv|scanned|relevant) papers: (\d+)\s*$)"));

    const QLatin1StringView idPrefix("**ArXiv ID:** ");
    const QLatin1StringView authorsPrefix("**Authors:** ");
    const QLatin1StringView abstractPrefix("**Abstract:** ");
    const QLatin1StringView commentPrefix("**Comment:** ");
    const QLatin1StringView relevancePrefix("**Relevance:** ");
    const QLatin1StringView noveltyPrefix("**Novelty:** ");
    const QLatin1StringView starredPrefix("**Starred:** ");
    const QLatin1StringView tagsPrefix("**Tags:** ");
    const QLatin1StringView notePrefix("**Note:** ");

    ParsedDigest digest;
    std::optional<ParsedDigestEntry> entry;
    QStringList noteLines;
    bool inNote = false;
    bool inAppendix = false;
    QStringList system;
    QStringList user;
    QStringList *quoteLines = nullptr; ///< the appendix part being read

    const auto finishEntry = [&] {
        if (entry)
            digest.entries << *entry;
        entry.reset();
        inNote = false;
    };

    QString text = markdown;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const QString &line : text.split(u'\n')) {
        if (inAppendix) {
            if (line.trimmed() == QLatin1StringView("## System Prompt"))
                quoteLines = &system;
            else if (line.trimmed() == QLatin1StringView("## User Prompt"))
                quoteLines = &user;
            else if (quoteLines && line.startsWith(u'>'))
                *quoteLines << (line.startsWith(QLatin1StringView("> ")) ? line.sliced(2) : line.sliced(1));
            continue;
        }
        if (inNote) {
            if (!line.trimmed().isEmpty()) {
                noteLines << Markdown::unescapeLine(line.trimmed());
                entry->note = noteLines.join(u'\n');
                continue;
            }
            inNote = false;
        }
        if (line == QLatin1StringView("# Paper Selection Prompt")) {
            finishEntry();
            inAppendix = true;
            continue;
        }
        if (line == QLatin1StringView("---")) {
            finishEntry();
            continue;
        }
        if (const auto m = sectionHeading.match(line); m.hasMatch()) {
            finishEntry();
            entry = ParsedDigestEntry {};
            entry->number = m.capturedView(1).toInt();
            entry->title = Markdown::unescapeInline(m.capturedView(2));
            entry->arxivId = m.captured(3);
            continue;
        }
        if (!entry) {
            if (const auto m = heading.match(line); m.hasMatch())
                digest.date = QDate::fromString(m.captured(1), Qt::ISODate);
            else if (const auto mm = modelCell.match(line); mm.hasMatch())
                digest.model = Markdown::unescapeInline(mm.capturedView(1));
            else if (const auto t = tokenRow.match(line); t.hasMatch()) {
                digest.promptTokens = t.capturedView(1).toLongLong();
                digest.completionTokens = t.capturedView(2).toLongLong();
            } else if (const auto tt = total.match(line); tt.hasMatch()) {
                const int n = tt.capturedView(2).toInt();
                if (tt.capturedView(1) == u"arXiv")
                    digest.totalArxiv = n;
                else if (tt.capturedView(1) == u"scanned")
                    digest.totalScanned = n;
                else
                    digest.totalRelevant = n;
            }
            continue;
        }
        const QStringView view(line);
        if (view.startsWith(idPrefix)) {
            entry->arxivId = view.sliced(idPrefix.size()).trimmed().toString();
        } else if (view.startsWith(authorsPrefix)) {
            entry->authors = splitTopLevel(view.sliced(authorsPrefix.size()));
        } else if (view.startsWith(abstractPrefix)) {
            entry->abstract = Markdown::unescapeAbstract(view.sliced(abstractPrefix.size()));
        } else if (view.startsWith(commentPrefix)) {
            entry->comment = Markdown::unescapeInline(view.sliced(commentPrefix.size()));
            entry->authorMatch = entry->comment == QLatin1StringView("Author match");
        } else if (view.startsWith(relevancePrefix)) {
            entry->relevance = intAfter(view, relevancePrefix);
        } else if (view.startsWith(noveltyPrefix)) {
            entry->novelty = intAfter(view, noveltyPrefix);
        } else if (view.startsWith(starredPrefix)) {
            entry->starred = view.sliced(starredPrefix.size()).trimmed() == u"yes";
        } else if (view.startsWith(tagsPrefix)) {
            entry->tags = splitTopLevel(view.sliced(tagsPrefix.size()));
        } else if (view.startsWith(notePrefix)) {
            noteLines = {Markdown::unescapeLine(view.sliced(notePrefix.size()).trimmed())};
            entry->note = noteLines.front();
            inNote = true;
        }
    }
    finishEntry();
    digest.promptText = StoredPrompt {system.join(u'\n'), user.join(u'\n')}.toText();
    return digest;
}

} // namespace Lectern
