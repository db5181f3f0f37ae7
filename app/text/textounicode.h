// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Lectern {

/// Turns the TeX found in arXiv titles and abstracts into readable Unicode, for display only (the
/// store keeps the text exactly as written).
///
/// One linear pass with a stack of pending macro arguments; no regular expressions, no recursion.
/// - Accents become combining marks, composed with NFC: D\'iaz -> Díaz, {\"o} -> ö, \c{c} -> ç.
///   \o, \ss, \aa, \ae, \l, \i ... become their letters; like TeX, the spaces after them are eaten.
/// - Greek letters, relations, arrows, operators and other math symbols become their Unicode
///   characters; \log, \max, \sin ... become plain words.
/// - $...$, $$...$$, \(...\) and \[...\] lose their delimiters. A $ without a partner and \$ stay
///   dollar signs.
/// - Sub- and superscripts use Unicode sub/superscript characters when every character of the
///   argument has one and the argument is not a word of three or more letters: x^{10} -> x¹⁰,
///   x_{ij} -> xᵢⱼ, but x_{train} -> x_train and 2^{\alpha} -> 2^α; arguments that are not a
///   single word get parentheses: e^{-x/2} -> e^(-x/2). In math "^" and "_" are always scripts;
///   in text "^" is one when followed by "{", a letter or a digit, and "_" only before "{", so that
///   identifiers such as snake_case stay intact.
/// - \textbf{}, \emph{}, \mathrm{}, \text{}, \operatorname{} and friends keep their content;
///   \mathbb, \mathcal, \mathscr and \mathfrak map to the Unicode math alphabets (\mathbb{R} -> ℝ,
///   \mathcal{O} -> 𝒪); \frac{a}{b} -> a/b, \sqrt{x} -> √x.
/// - Text ligatures outside math: -- -> –, --- -> —, `` -> “, '' -> ”; ~ is a space. Bare
///   http(s) URLs and \url{} are copied untouched.
/// - Unknown macros are kept verbatim with their braced arguments (\cite{key} stays \cite{key}), so
///   nothing is silently deleted; only pure layout macros (\label, \vspace, \hspace, \phantom) lose
///   their arguments.
/// - Malformed input (unbalanced braces, a trailing backslash, deep nesting) never fails: an
///   unmatched "}" stays, an unclosed group ends at the end of the text.
/// Text that contains no TeX comes back as the same shared QString, without a copy.
class TexToUnicode
{
public:
    enum class Whitespace {
        Collapse, ///< every run of whitespace becomes one space, trimmed (arXiv line breaks are soft wraps)
        Preserve, ///< whitespace is kept as written
    };

    /// Converts with Whitespace::Collapse.
    [[nodiscard]] static QString convert(const QString &tex);
    [[nodiscard]] static QString convert(const QString &tex, Whitespace whitespace);
    /// The same conversion as HTML for rich-text views (detail pane, digest): the text escaped,
    /// sub- and superscripts as <sub>/<sup> (every letter has one there, x_{train} included), and
    /// display math (\[...\], $$...$$) on a line of its own. Exports of TeX keep using the source.
    [[nodiscard]] static QString toHtml(const QString &tex);

    /// The work convert() does on @p tex, in characters read plus characters moved by rewrites: linear in
    /// the length whatever the nesting, since rewrites nest at most 32 deep (tests and the benchmark check
    /// it).
    [[nodiscard]] static qint64 workFor(const QString &tex);
};

} // namespace Lectern
