// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"

#include <QByteArray>
#include <QString>

namespace Lectern {

/// A day's digest as each delivery channel carries it. The e-mail reuses the digest's own renderers
/// (DigestBuilder's Markdown as the plain text, DigestHtml's self-contained page, which loads nothing
/// remote); chat rooms get a short list with links to arXiv; the JSON webhook gets DigestJson.
class DigestMessages final
{
public:
    DigestMessages() = delete;

    /// @p digest with at most @p maxPapers entries (0: all), the day's relevant count kept, so that the
    /// message says "5 of 12".
    [[nodiscard]] static Digest trimmed(Digest digest, int maxPapers);

    /// "arXiv digest 2026-12-07: 5 papers (relevance ≥ 8, novelty ≥ 7)".
    [[nodiscard]] static QString subject(const Digest &digest, int minRelevance, int minNovelty);
    [[nodiscard]] static QString emailText(const Digest &digest);
    [[nodiscard]] static QString emailHtml(const Digest &digest);
    /// Slack mrkdwn: a heading line and one numbered line per paper, <url|title> links, & < > escaped.
    [[nodiscard]] static QString slackText(const Digest &digest, int minRelevance, int minNovelty);
    /// Matrix: the plain body and its org.matrix.custom.html twin.
    [[nodiscard]] static QString matrixText(const Digest &digest, int minRelevance, int minNovelty);
    [[nodiscard]] static QString matrixHtml(const Digest &digest, int minRelevance, int minNovelty);
    /// DigestJson with a selection naming the channel and its thresholds.
    [[nodiscard]] static QByteArray json(
        const Digest &digest, const QString &channel, int minRelevance, int minNovelty);
};

} // namespace Lectern
