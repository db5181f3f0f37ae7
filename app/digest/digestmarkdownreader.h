// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lectern {

/// One paper section read back from a digest.
struct ParsedDigestEntry
{
    int number = 0; ///< the "N." of its heading
    QString arxivId;
    QString title; ///< unescaped
    QStringList authors;
    QString abstract;
    QString comment;
    bool authorMatch = false;
    std::optional<int> relevance;
    std::optional<int> novelty;
    bool starred = false;
    QStringList tags;
    QString note; ///< lines joined by "\n"
};

/// What a digest page says, as far as DigestMarkdownReader reads it.
struct ParsedDigest
{
    QDate date;
    QString model;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    std::optional<int> totalArxiv;
    std::optional<int> totalScanned;
    std::optional<int> totalRelevant;
    QList<ParsedDigestEntry> entries;
    QString promptText; ///< the appendix in DayRun::promptText's stored format (StoredPrompt)
};

/// Reads back a digest that DigestBuilder::markdown wrote: for tests, and for scripts that post-process
/// exports. It reads the lines DigestBuilder writes and skips anything else; it is not a Markdown parser.
class DigestMarkdownReader final
{
public:
    DigestMarkdownReader() = delete;
    [[nodiscard]] static ParsedDigest read(const QString &markdown);
};

} // namespace Lectern
