// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Lectern {

/// An author name as arXiv lists it, split for reference managers.
///
/// Affiliations in parentheses are dropped ("Ann Lee (MIT, Cambridge)" -> "Ann Lee"), TeX accents become
/// Unicode (D\'iaz -> Díaz), "Family, Given" is understood, lower-case particles belong to the family
/// name ("Ludwig van Beethoven" -> "van Beethoven"), and a trailing Jr./Sr./II/III/IV is the suffix.
struct PersonName
{
    QString given;
    QString family;
    QString suffix;

    [[nodiscard]] static PersonName parse(const QString &arxivName);
    /// The name without affiliations, TeX accents resolved: "Given Family, Suffix" order as written.
    [[nodiscard]] static QString clean(const QString &arxivName);
    /// "Family, Given" or "Family, Given, Suffix" (RIS), or the family name alone.
    [[nodiscard]] QString familyFirst() const;
    /// The name folded to lower-case ASCII letters only ("Óskarsdóttir" -> "oskarsdottir"), for keys.
    [[nodiscard]] static QString asciiKey(const QString &text);
};

} // namespace Lectern
