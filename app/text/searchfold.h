// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Lectern {

/// The form in which Lectern compares what a user types with paper text (author filter, follow): TeX made
/// readable first (Richt\'arik -> Richtárik), then accents dropped, letters without a decomposition
/// spelled out (ø -> o, ß -> ss, ł -> l) and case folded, so that "Richtárik", "Richtarik" and "richt"
/// all find Richt\'arik, and "Clement" finds Cl\'ement.
class SearchFold final
{
public:
    /// Folds text that may hold arXiv's TeX.
    [[nodiscard]] static QString fold(const QString &text);
    /// Folds text the user typed (no TeX is expected; a backslash stays a backslash).
    [[nodiscard]] static QString foldTyped(const QString &text);
    /// The ASCII spelling of a lower-case letter without a decomposition (ø -> o, ß -> ss, þ -> th), or
    /// empty.
    [[nodiscard]] static QLatin1StringView spelledOut(char16_t lowerCase);
};

} // namespace Lectern
