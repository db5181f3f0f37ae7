// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Lectern {

/// What became of a paper at scoring: marks, or the stage that decided it without asking for marks.
enum class ScoreVerdict {
    Scored, ///< both marks
    AuthorMatch, ///< by a followed author: in the digest without marks
    DroppedByTitle, ///< the title pre-filter dropped it before abstract scoring
    BelowHIndex, ///< no author reaches the h-index threshold: never sent
    Failed, ///< asked, but the model gave no usable score
};

/// One scoring of one paper version by one model with one prompt. Scores keep their history: a re-score
/// with another prompt or model adds a row. Missing relevance/novelty means "asked, but not scored" and is
/// shown as such, never replaced by a made-up number.
struct Score
{
    /// Comments of the rows without marks that stages store: they tell a verdict from a failure.
    static constexpr QLatin1StringView AuthorMatchComment {"Author match"};
    static constexpr QLatin1StringView TitleDropComment {"Dropped by title filter"};
    static constexpr QLatin1StringView BelowHIndexComment {"Below h-index threshold"};
    /// The built-in scorer's model name: its marks are never a language model's verdict.
    static constexpr QLatin1StringView LocalModel {"lectern-local"};
    /// How the digest labels such marks.
    static constexpr QLatin1StringView LocalLabel {
        "scored by lectern-local (the built-in scorer, not an LLM)"};

    QString arxivId;
    int version = 1;
    std::optional<int> relevance; ///< 1..10
    std::optional<int> novelty; ///< 1..10
    QString comment;
    QString model;
    QString promptHash; ///< hash of the exact prompt text used
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double cost = 0.0; ///< USD
    QDateTime scoredAt;

    bool operator==(const Score &) const = default;

    /// A row without marks for paper version @p arxivId v@p version: what a stage decided (@p comment) for
    /// @p model and @p promptHash at @p at.
    [[nodiscard]] static Score unmarked(const QString &arxivId, int version, const QString &comment,
        const QString &model, const QString &promptHash, const QDateTime &at)
    {
        Score s;
        s.arxivId = arxivId;
        s.version = version;
        s.comment = comment;
        s.model = model;
        s.promptHash = promptHash;
        s.scoredAt = at;
        return s;
    }

    [[nodiscard]] bool isScored() const { return relevance.has_value() && novelty.has_value(); }
    /// Marks by the built-in scorer (in hybrid mode: a paper the LLM did not see).
    [[nodiscard]] bool isLocal() const { return model == LocalModel; }
    [[nodiscard]] int total() const { return relevance.value_or(0) + novelty.value_or(0); }
    [[nodiscard]] ScoreVerdict verdict() const
    {
        if (isScored())
            return ScoreVerdict::Scored;
        if (comment == AuthorMatchComment)
            return ScoreVerdict::AuthorMatch;
        if (comment == TitleDropComment)
            return ScoreVerdict::DroppedByTitle;
        if (comment == BelowHIndexComment)
            return ScoreVerdict::BelowHIndex;
        return ScoreVerdict::Failed;
    }
    /// A filter stage (title pre-filter, h-index) decided the paper before any scoring run saw it.
    [[nodiscard]] bool isStageVerdict() const
    {
        const ScoreVerdict v = verdict();
        return v == ScoreVerdict::DroppedByTitle || v == ScoreVerdict::BelowHIndex;
    }
};

} // namespace Lectern
