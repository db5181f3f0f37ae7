// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lectern {

/// Decides whether a paper is by an author the user follows.
///
/// Names are compared in a normalised form: accents and TeX accents dropped (D\'iaz, Díaz, Diaz), case
/// folded, "Surname, Given" reordered, affiliations in parentheses and suffixes (Jr., III) removed,
/// periods, hyphens and extra spaces ignored. Surnames must be equal; given names must agree: a full
/// name matches the same full name or its initial ("José" ~ "J."), never another full name ("J. Smith"
/// does not match "Karen Smith"). Middle names may be missing on either side but may not contradict
/// ("John A. Smith" vs "John B. Smith"). A followed name without a given name ("Díaz") matches every
/// author with that surname. A hyphenated surname also matches the same surname written with a space.
///
/// Followed names are normalised once; matches() parses each author once and only compares it with the
/// followed names that share its surname, so a day of ~1000 papers costs a few milliseconds.
class AuthorMatcher final
{
public:
    AuthorMatcher() = default;
    explicit AuthorMatcher(const QStringList &followed);

    /// True when no usable followed name was given.
    [[nodiscard]] bool isEmpty() const { return m_names.isEmpty(); }
    /// The usable followed names, trimmed, as given.
    [[nodiscard]] QStringList followed() const;
    /// The followed names (as given, in their order) that match at least one of @p paperAuthors. When
    /// @p comparisons is given, the name comparisons made are added to it: the work, which stays at the
    /// authors that share a surname with a followed name (tests and the benchmark check it).
    [[nodiscard]] QStringList matches(const QStringList &paperAuthors, qint64 *comparisons = nullptr) const;

    /// Whether @p followed and @p author name the same person under the rules above.
    [[nodiscard]] static bool sameAuthor(const QString &followed, const QString &author);

private:
    /// A name split into what the comparison needs, all lower case and ASCII-folded.
    struct Name
    {
        QString display;
        QString surname; ///< last word, hyphens removed
        QStringList given; ///< given-name tokens before that surname; one letter = an initial
        QString surname2; ///< last two words joined ("Mason Williams" -> "masonwilliams"); empty if none
        QStringList given2; ///< given-name tokens before surname2
    };

    [[nodiscard]] static std::optional<Name> parse(const QString &name);
    [[nodiscard]] static bool sameName(const Name &followed, const Name &author);

    QList<Name> m_names;
    QHash<QString, QList<int>> m_bySurname; ///< surname and surname2 keys -> indexes into m_names
};

} // namespace Lectern
