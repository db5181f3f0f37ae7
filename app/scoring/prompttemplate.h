// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "scoring/researchtopics.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern {

/// The scoring prompt: system role, instructions (with the `{{topics}}` and `{{papers}}` placeholders),
/// the user's topics and the title pre-filter's instructions (`{{topics}}` and `{{titles}}`), as four
/// Markdown files.
///
/// The defaults are compiled in (:/prompts/system.md, instructions.md, topics.md, title-filter.md). load()
/// reads the profile's copies, writing a default first for any file that is missing, so that users edit their
/// own copy and resetToDefault() can bring a default back.
///
/// Rendering splits the user message at `{{papers}}`: RenderedPrompt::instructions is everything before
/// it (the same for every batch, so a provider's prompt cache applies), RenderedPrompt::papers is the
/// batch's papers followed by whatever the template has after the placeholder (normally nothing). A
/// template without `{{papers}}` gets the papers at its end.
///
/// Each paper is quoted in its own block, preceded by a fixed sentence saying that block contents are
/// data, not instructions (that sentence is not part of the editable files, so an edit cannot lose it):
///
///     <paper id="2611.01234">
///     Title: ...
///     Authors: ...
///     Abstract: ...
///     </paper>
///
/// Whitespace in paper text is collapsed to single spaces and any "<paper" or "</paper" inside it is
/// written "&lt;paper" / "&lt;/paper", so no paper can close its block or open another one. The title
/// pre-filter quotes titles alone the same way, as <title id="...">...</title>.
///
/// Examples (setExamples()): titles of papers the user starred and dismissed, added after the topics
/// wherever `{{topics}}` is filled. They are part of the static text, so they change hash() and
/// titleFilterHash(): scores made with other examples are not taken from the cache.
class PromptTemplate final
{
public:
    static constexpr QLatin1StringView SystemFile {"system.md"};
    static constexpr QLatin1StringView InstructionsFile {"instructions.md"};
    static constexpr QLatin1StringView TopicsFile {"topics.md"};
    static constexpr QLatin1StringView TitleFilterFile {"title-filter.md"};
    static constexpr QLatin1StringView TopicsPlaceholder {"{{topics}}"};
    static constexpr QLatin1StringView PapersPlaceholder {"{{papers}}"};
    static constexpr QLatin1StringView TitlesPlaceholder {"{{titles}}"};
    /// Authors after this many are left out of the prompt ("et al."): long collaborations cost tokens
    /// and say little about relevance.
    static constexpr int MaxAuthors = 10;

    /// system.md, instructions.md, topics.md, title-filter.md.
    [[nodiscard]] static QStringList fileNames();
    /// The compiled-in default of @p name (one of fileNames()); empty for an unknown name.
    [[nodiscard]] static QString defaultText(const QString &name);
    /// The compiled-in defaults, without touching any file.
    [[nodiscard]] static PromptTemplate defaults();
    /// A template from texts (tests, or prompts kept elsewhere); no folder, so resetToDefault() fails. An
    /// empty @p titleFilter means the default one.
    [[nodiscard]] static PromptTemplate fromTexts(const QString &system, const QString &instructions,
        const QString &topics, const QString &titleFilter = {});
    /// Reads the copies in @p promptsDir (created if needed), writing the default of any missing file.
    [[nodiscard]] static Result<PromptTemplate> load(const QString &promptsDir);

    /// Overwrites the profile's copy of @p name with its default and reloads.
    Result<void> resetToDefault(const QString &name);

    [[nodiscard]] QString directory() const { return m_dir; }
    [[nodiscard]] const QString &systemText() const { return m_system; }
    [[nodiscard]] const QString &instructionsTemplate() const { return m_instructions; }
    [[nodiscard]] const QString &topicsText() const { return m_topicsText; }
    [[nodiscard]] const QString &titleFilterTemplate() const { return m_titleFilter; }
    [[nodiscard]] const ResearchTopics &topics() const { return m_topics; }
    /// Things worth telling the user: a missing placeholder, text after `{{papers}}`, topics without
    /// keywords.
    [[nodiscard]] QStringList problems() const;

    /// The system message (trimmed).
    [[nodiscard]] QString system() const;
    /// The static part of the user message: the instructions up to `{{papers}}`, topics filled in.
    [[nodiscard]] QString instructions() const;
    /// The whole user message with the topics filled in and `{{papers}}` left as it is: what the digest
    /// appendix shows instead of hundreds of abstracts.
    [[nodiscard]] QString userTemplate() const;
    /// The day's prompt as stored in DayRun::promptText (StoredPrompt::toText()).
    [[nodiscard]] QString storedText() const;
    /// SHA-256 (hex) of storedText(): system message and user message with the papers placeholder. Any
    /// edit of the three files that changes what a model is told changes it; paper text does not.
    [[nodiscard]] QString hash() const;

    /// Adds the titles of papers the user starred and dismissed to the static part (after the topics);
    /// empty lists remove them.
    void setExamples(const QStringList &starredTitles, const QStringList &dismissedTitles);
    [[nodiscard]] bool hasExamples() const { return !m_starred.isEmpty() || !m_dismissed.isEmpty(); }

    /// The papers block for @p papers (plus any template text after `{{papers}}`).
    [[nodiscard]] QString renderPapers(const QList<Paper> &papers) const;
    [[nodiscard]] RenderedPrompt render(const QList<Paper> &papers) const;

    /// Quotes one paper in its block, delimiters escaped.
    [[nodiscard]] static QString paperBlock(const Paper &paper);

    /// The title pre-filter's user message before `{{titles}}`, topics filled in: the same for every batch.
    [[nodiscard]] QString titleFilterInstructions() const { return m_titleBefore; }
    /// SHA-256 (hex) of the title pre-filter's system and user message with the titles placeholder.
    [[nodiscard]] QString titleFilterHash() const { return m_titleHash; }
    /// The titles block for @p papers (plus any template text after `{{titles}}`).
    [[nodiscard]] QString renderTitles(const QList<Paper> &papers) const;
    /// The title pre-filter request for @p papers; its hash is titleFilterHash().
    [[nodiscard]] RenderedPrompt renderTitleFilter(const QList<Paper> &papers) const;
    /// Quotes one paper's title in its block, delimiters escaped.
    [[nodiscard]] static QString titleBlock(const Paper &paper);

private:
    void parse();

    QString m_dir;
    QString m_system;
    QString m_instructions;
    QString m_topicsText;
    QString m_titleFilter;
    QStringList m_starred;
    QStringList m_dismissed;
    ResearchTopics m_topics;
    // Derived by parse().
    QString m_before; ///< instructions before {{papers}}, topics filled in
    QString m_after; ///< after {{papers}}, topics filled in
    bool m_hasPapersPlaceholder = false;
    QString m_hash;
    QString m_titleBefore; ///< title pre-filter before {{titles}}, topics filled in
    QString m_titleAfter;
    QString m_titleHash;
};

} // namespace Lectern
