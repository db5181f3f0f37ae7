// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern {

/// One research topic of the user: what the prompt quotes and what the built-in scorer matches.
struct ResearchTopic
{
    QString name;
    QString description; ///< free text, lines kept
    QStringList relevant; ///< words or phrases that mark a paper as on the topic
    QStringList irrelevant; ///< words or phrases that mark a paper as unwanted for this topic
    QStringList applications; ///< application areas the user cares about

    bool operator==(const ResearchTopic &) const = default;
};

/// The user's topics, read from prompts/topics.md. The format is Lectern's own, line based:
///
///     # Research topics                    (optional title, ignored)
///     General notes...                     (text before the first topic: passed on as notes)
///     ## Topic name                        (starts a topic)
///     Free text describing the topic.      (any number of lines)
///     Relevant: a, b, c                    (comma-separated lists; a list line may repeat)
///     Irrelevant: x, y
///     Applications: p, q
///
/// List labels are case-insensitive and may be written "- Relevant:" or "**Relevant:**"; "Relevant
/// keywords:", "Irrelevant keywords:" and "Application(s) keywords:" are accepted too. HTML comments
/// (<!-- ... -->, also over several lines) are ignored. Keywords are trimmed, empty ones dropped,
/// duplicates (ignoring case) kept once.
struct ResearchTopics
{
    QString notes; ///< text before the first topic, trimmed
    QList<ResearchTopic> topics;

    [[nodiscard]] static ResearchTopics parse(const QString &text);
    /// The topics as the prompt shows them ("### Topic 1: name", description, keyword lines).
    [[nodiscard]] QString toPromptText() const;
    /// True when at least one topic has a relevant or application keyword.
    [[nodiscard]] bool hasKeywords() const;

    bool operator==(const ResearchTopics &) const = default;
};

} // namespace Lectern
