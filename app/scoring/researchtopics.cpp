// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/researchtopics.h"

#include <QRegularExpression>

namespace Lectern {

namespace {

QString withoutComments(const QString &text)
{
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1StringView("<!--"), pos);
        if (open < 0) {
            out += QStringView(text).mid(pos);
            break;
        }
        out += QStringView(text).mid(pos, open - pos);
        const qsizetype close = text.indexOf(QLatin1StringView("-->"), open + 4);
        if (close < 0)
            break; // an unclosed comment runs to the end, as in HTML
        pos = close + 3;
    }
    return out;
}

enum class ListKind { None, Relevant, Irrelevant, Applications };

/// Recognises "Relevant: ..." style lines; returns the kind and the text after the colon.
ListKind listLine(const QString &line, QString *rest)
{
    static const QRegularExpression re(
        QStringLiteral(
            "^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?\\s*(relevant|irrelevant|applications?)(?:\\s+keywords?)?\\s*"
            "(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return ListKind::None;
    *rest = m.captured(2);
    const QString label = m.captured(1).toLower();
    if (label == u"relevant")
        return ListKind::Relevant;
    if (label == u"irrelevant")
        return ListKind::Irrelevant;
    return ListKind::Applications;
}

void addItems(QStringList &list, const QString &text)
{
    for (const QString &raw : text.split(u',')) {
        const QString item = raw.simplified();
        if (item.isEmpty())
            continue;
        bool seen = false;
        for (const QString &existing : std::as_const(list))
            seen = seen || existing.compare(item, Qt::CaseInsensitive) == 0;
        if (!seen)
            list << item;
    }
}

QString trimmedBlock(const QStringList &lines)
{
    qsizetype first = 0;
    qsizetype last = lines.size();
    while (first < last && lines.at(first).trimmed().isEmpty())
        ++first;
    while (last > first && lines.at(last - 1).trimmed().isEmpty())
        --last;
    QStringList kept;
    for (qsizetype i = first; i < last; ++i)
        kept << lines.at(i).trimmed();
    return kept.join(u'\n');
}

} // namespace

ResearchTopics ResearchTopics::parse(const QString &text)
{
    ResearchTopics out;
    QStringList noteLines;
    QStringList descriptionLines;
    ResearchTopic *current = nullptr;
    const auto finishTopic = [&] {
        if (current)
            current->description = trimmedBlock(descriptionLines);
        descriptionLines.clear();
    };

    QString clean = withoutComments(text);
    clean.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
    clean.replace(u'\r', u'\n');
    for (const QString &line : clean.split(u'\n')) {
        const QString t = line.trimmed();
        if (t.startsWith(QLatin1StringView("## ")) || t == u"##") {
            finishTopic();
            out.topics.append(ResearchTopic {});
            current = &out.topics.last();
            current->name = t.mid(2).trimmed();
            continue;
        }
        if (t.startsWith(QLatin1StringView("# ")) || t == u"#")
            continue; // the file's title
        if (!current) {
            noteLines << line;
            continue;
        }
        QString rest;
        switch (listLine(line, &rest)) {
        case ListKind::Relevant:
            addItems(current->relevant, rest);
            break;
        case ListKind::Irrelevant:
            addItems(current->irrelevant, rest);
            break;
        case ListKind::Applications:
            addItems(current->applications, rest);
            break;
        case ListKind::None:
            descriptionLines << line;
            break;
        }
    }
    finishTopic();
    out.notes = trimmedBlock(noteLines);
    return out;
}

QString ResearchTopics::toPromptText() const
{
    QStringList blocks;
    if (!notes.isEmpty())
        blocks << notes;
    for (qsizetype i = 0; i < topics.size(); ++i) {
        const ResearchTopic &t = topics.at(i);
        QStringList lines {QStringLiteral("### Topic %1: %2").arg(i + 1).arg(t.name)};
        if (!t.description.isEmpty())
            lines << t.description;
        if (!t.relevant.isEmpty())
            lines << QStringLiteral("- Relevant keywords: ") + t.relevant.join(QStringLiteral(", "));
        if (!t.irrelevant.isEmpty())
            lines << QStringLiteral("- Irrelevant keywords: ") + t.irrelevant.join(QStringLiteral(", "));
        if (!t.applications.isEmpty())
            lines << QStringLiteral("- Application keywords: ") + t.applications.join(QStringLiteral(", "));
        blocks << lines.join(u'\n');
    }
    return blocks.join(QStringLiteral("\n\n"));
}

bool ResearchTopics::hasKeywords() const
{
    for (const ResearchTopic &t : topics) {
        if (!t.relevant.isEmpty() || !t.applications.isEmpty())
            return true;
    }
    return false;
}

} // namespace Lectern
