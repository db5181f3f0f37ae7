// SPDX-License-Identifier: GPL-3.0-or-later
#include "textounicode.h"

#include <QHash>
#include <QList>
#include <QStringView>

#include <array>

namespace Lectern {

namespace {

enum class Kind : quint8 {
    Symbol, // replaced by its text
    Operator, // \log, \max: a word, set off from a preceding letter or digit
    Letter, // \o, \ss: text-mode letters; TeX eats the spaces after them ("Stra\ss e")
    Ignore, // font switches, sizes, \displaystyle: produce nothing
    Delimiter, // \left, \big: produce nothing; "\left." also drops its dot
    Space, // \quad
    Accent, // combining mark after the first character of the argument
    WideAccent, // combining mark after every character of the argument (\overline{AB})
    Style, // \textbf{x}: keep the argument
    Drop, // \label{x}, \vspace{x}: the argument is layout, not prose
    Font, // \mathbb{R}: map letters to a Unicode math alphabet
    Sqrt,
    Frac,
    Subscript,
    Superscript,
    Url, // \url{...}: copied raw
    Group, // frame only: a plain {group}
    Verbatim, // frame only: the {argument} of an unknown macro, kept with its braces
};

struct Macro
{
    Kind kind;
    QStringView text;
    char16_t mark; // Accent: combining mark; Font: alphabet ('b', 'c', 'f'); scripts: '^' or '_'
};

struct Named
{
    const char16_t *name;
    const char16_t *text;
};

struct Marked
{
    const char16_t *name;
    char16_t mark;
};

// Tables, laid out by hand to stay scannable.
// clang-format off
constexpr Named kSymbols[] = {
    // Greek; \epsilon, \phi are TeX's lunate and straight forms, the var- forms the curly ones
    {u"alpha", u"α"}, {u"beta", u"β"}, {u"gamma", u"γ"}, {u"delta", u"δ"}, {u"epsilon", u"ϵ"},
    {u"varepsilon", u"ε"}, {u"zeta", u"ζ"}, {u"eta", u"η"}, {u"theta", u"θ"}, {u"vartheta", u"ϑ"},
    {u"iota", u"ι"}, {u"kappa", u"κ"}, {u"varkappa", u"ϰ"}, {u"lambda", u"λ"}, {u"mu", u"μ"}, {u"nu", u"ν"},
    {u"xi", u"ξ"}, {u"omicron", u"ο"}, {u"pi", u"π"}, {u"varpi", u"ϖ"}, {u"rho", u"ρ"}, {u"varrho", u"ϱ"},
    {u"sigma", u"σ"}, {u"varsigma", u"ς"}, {u"tau", u"τ"}, {u"upsilon", u"υ"}, {u"phi", u"ϕ"},
    {u"varphi", u"φ"}, {u"chi", u"χ"}, {u"psi", u"ψ"}, {u"omega", u"ω"}, {u"digamma", u"ϝ"}, {u"Alpha", u"Α"},
    {u"Beta", u"Β"}, {u"Gamma", u"Γ"}, {u"Delta", u"Δ"}, {u"Epsilon", u"Ε"}, {u"Zeta", u"Ζ"}, {u"Eta", u"Η"},
    {u"Theta", u"Θ"}, {u"Iota", u"Ι"}, {u"Kappa", u"Κ"}, {u"Lambda", u"Λ"}, {u"Mu", u"Μ"}, {u"Nu", u"Ν"},
    {u"Xi", u"Ξ"}, {u"Omicron", u"Ο"}, {u"Pi", u"Π"}, {u"Rho", u"Ρ"}, {u"Sigma", u"Σ"}, {u"Tau", u"Τ"},
    {u"Upsilon", u"Υ"}, {u"Phi", u"Φ"}, {u"Chi", u"Χ"}, {u"Psi", u"Ψ"}, {u"Omega", u"Ω"},
    // relations
    {u"le", u"≤"}, {u"leq", u"≤"}, {u"leqslant", u"⩽"}, {u"ge", u"≥"}, {u"geq", u"≥"}, {u"geqslant", u"⩾"},
    {u"ne", u"≠"}, {u"neq", u"≠"}, {u"ll", u"≪"}, {u"gg", u"≫"}, {u"lesssim", u"≲"}, {u"gtrsim", u"≳"},
    {u"approx", u"≈"}, {u"approxeq", u"≊"}, {u"sim", u"∼"}, {u"simeq", u"≃"}, {u"cong", u"≅"},
    {u"equiv", u"≡"}, {u"propto", u"∝"}, {u"prec", u"≺"}, {u"succ", u"≻"}, {u"preceq", u"⪯"},
    {u"succeq", u"⪰"}, {u"doteq", u"≐"}, {u"triangleq", u"≜"}, {u"coloneqq", u"≔"}, {u"asymp", u"≍"},
    {u"perp", u"⊥"}, {u"parallel", u"∥"}, {u"vdash", u"⊢"}, {u"dashv", u"⊣"}, {u"models", u"⊨"},
    {u"in", u"∈"}, {u"notin", u"∉"}, {u"ni", u"∋"}, {u"subset", u"⊂"}, {u"subseteq", u"⊆"},
    {u"subsetneq", u"⊊"}, {u"supset", u"⊃"}, {u"supseteq", u"⊇"}, {u"supsetneq", u"⊋"}, {u"sqsubseteq", u"⊑"},
    {u"sqsupseteq", u"⊒"}, {u"mid", u"|"}, {u"nmid", u"∤"},
    // arrows
    {u"to", u"→"}, {u"rightarrow", u"→"}, {u"leftarrow", u"←"}, {u"gets", u"←"}, {u"leftrightarrow", u"↔"},
    {u"Rightarrow", u"⇒"}, {u"Leftarrow", u"⇐"}, {u"Leftrightarrow", u"⇔"}, {u"implies", u"⟹"},
    {u"impliedby", u"⟸"}, {u"iff", u"⟺"}, {u"longrightarrow", u"⟶"}, {u"longleftarrow", u"⟵"},
    {u"longleftrightarrow", u"⟷"}, {u"Longrightarrow", u"⟹"}, {u"Longleftarrow", u"⟸"},
    {u"Longleftrightarrow", u"⟺"}, {u"mapsto", u"↦"}, {u"longmapsto", u"⟼"}, {u"hookrightarrow", u"↪"},
    {u"hookleftarrow", u"↩"}, {u"uparrow", u"↑"}, {u"downarrow", u"↓"}, {u"updownarrow", u"↕"},
    {u"Uparrow", u"⇑"}, {u"Downarrow", u"⇓"}, {u"nearrow", u"↗"}, {u"searrow", u"↘"}, {u"swarrow", u"↙"},
    {u"nwarrow", u"↖"}, {u"rightleftharpoons", u"⇌"}, {u"leadsto", u"⇝"}, {u"rightsquigarrow", u"⇝"},
    {u"twoheadrightarrow", u"↠"},
    // binary operators
    {u"pm", u"±"}, {u"mp", u"∓"}, {u"times", u"×"}, {u"div", u"÷"}, {u"cdot", u"·"}, {u"cdotp", u"·"},
    {u"ast", u"∗"}, {u"star", u"⋆"}, {u"circ", u"∘"}, {u"bullet", u"•"}, {u"oplus", u"⊕"}, {u"ominus", u"⊖"},
    {u"otimes", u"⊗"}, {u"oslash", u"⊘"}, {u"odot", u"⊙"}, {u"cup", u"∪"}, {u"cap", u"∩"}, {u"sqcup", u"⊔"},
    {u"sqcap", u"⊓"}, {u"uplus", u"⊎"}, {u"vee", u"∨"}, {u"lor", u"∨"}, {u"wedge", u"∧"}, {u"land", u"∧"},
    {u"setminus", u"∖"}, {u"wr", u"≀"}, {u"amalg", u"⨿"}, {u"bowtie", u"⋈"}, {u"diamond", u"⋄"},
    {u"triangleleft", u"◁"}, {u"triangleright", u"▷"}, {u"lhd", u"⊲"}, {u"rhd", u"⊳"}, {u"unlhd", u"⊴"},
    {u"unrhd", u"⊵"},
    // big operators
    {u"sum", u"∑"}, {u"prod", u"∏"}, {u"coprod", u"∐"}, {u"int", u"∫"}, {u"iint", u"∬"}, {u"iiint", u"∭"},
    {u"oint", u"∮"}, {u"bigcup", u"⋃"}, {u"bigcap", u"⋂"}, {u"bigsqcup", u"⨆"}, {u"bigvee", u"⋁"},
    {u"bigwedge", u"⋀"}, {u"bigoplus", u"⨁"}, {u"bigotimes", u"⨂"}, {u"bigodot", u"⨀"}, {u"biguplus", u"⨄"},
    // other math
    {u"infty", u"∞"}, {u"partial", u"∂"}, {u"nabla", u"∇"}, {u"ell", u"ℓ"}, {u"hbar", u"ℏ"},
    {u"hslash", u"ℏ"}, {u"imath", u"ı"}, {u"jmath", u"ȷ"}, {u"Re", u"ℜ"}, {u"Im", u"ℑ"}, {u"aleph", u"ℵ"},
    {u"beth", u"ℶ"}, {u"wp", u"℘"}, {u"mho", u"℧"}, {u"emptyset", u"∅"}, {u"varnothing", u"∅"},
    {u"forall", u"∀"}, {u"exists", u"∃"}, {u"nexists", u"∄"}, {u"neg", u"¬"}, {u"lnot", u"¬"}, {u"top", u"⊤"},
    {u"bot", u"⊥"}, {u"angle", u"∠"}, {u"prime", u"′"}, {u"surd", u"√"}, {u"complement", u"∁"},
    {u"triangle", u"△"}, {u"Box", u"□"}, {u"square", u"□"}, {u"blacksquare", u"■"}, {u"Diamond", u"◇"},
    {u"lozenge", u"◊"}, {u"flat", u"♭"}, {u"sharp", u"♯"}, {u"natural", u"♮"}, {u"clubsuit", u"♣"},
    {u"diamondsuit", u"♢"}, {u"heartsuit", u"♡"}, {u"spadesuit", u"♠"}, {u"checkmark", u"✓"},
    {u"dagger", u"†"}, {u"ddagger", u"‡"}, {u"langle", u"⟨"}, {u"rangle", u"⟩"}, {u"lceil", u"⌈"},
    {u"rceil", u"⌉"}, {u"lfloor", u"⌊"}, {u"rfloor", u"⌋"}, {u"lbrack", u"["}, {u"rbrack", u"]"},
    {u"lbrace", u"{"}, {u"rbrace", u"}"}, {u"vert", u"|"}, {u"lvert", u"|"}, {u"rvert", u"|"},
    {u"Vert", u"‖"}, {u"lVert", u"‖"}, {u"rVert", u"‖"}, {u"backslash", u"\\"}, {u"colon", u":"},
    {u"ldots", u"…"}, {u"dots", u"…"}, {u"cdots", u"…"}, {u"dotsc", u"…"}, {u"dotsb", u"…"}, {u"dotsm", u"…"},
    {u"dotsi", u"…"}, {u"vdots", u"⋮"}, {u"ddots", u"⋱"},
    // text symbols
    {u"textellipsis", u"…"}, {u"textendash", u"–"}, {u"textemdash", u"—"}, {u"textquoteleft", u"‘"},
    {u"textquoteright", u"’"}, {u"textquotedblleft", u"“"}, {u"textquotedblright", u"”"},
    {u"guillemotleft", u"«"}, {u"guillemotright", u"»"}, {u"textbullet", u"•"}, {u"textperiodcentered", u"·"},
    {u"textdagger", u"†"}, {u"textdaggerdbl", u"‡"}, {u"dag", u"†"}, {u"ddag", u"‡"}, {u"S", u"§"},
    {u"P", u"¶"}, {u"copyright", u"©"}, {u"textcopyright", u"©"}, {u"textregistered", u"®"},
    {u"texttrademark", u"™"}, {u"pounds", u"£"}, {u"textsterling", u"£"}, {u"euro", u"€"},
    {u"texteuro", u"€"}, {u"textyen", u"¥"}, {u"textdegree", u"°"}, {u"degree", u"°"}, {u"textmu", u"μ"},
    {u"textpm", u"±"}, {u"texttimes", u"×"}, {u"textdiv", u"÷"}, {u"textasciitilde", u"~"},
    {u"textasciicircum", u"^"}, {u"textbackslash", u"\\"}, {u"textbar", u"|"}, {u"textless", u"<"},
    {u"textgreater", u">"}, {u"textunderscore", u"_"}, {u"slash", u"/"}, {u"TeX", u"TeX"},
    {u"LaTeX", u"LaTeX"}, {u"LaTeXe", u"LaTeX2ε"}, {u"BibTeX", u"BibTeX"},
};

// Spelled as words, as TeX typesets them.
constexpr const char16_t *kOperators[] = {
    u"arccos", u"arcsin", u"arctan", u"arg", u"argmax", u"argmin", u"cos", u"cosh", u"cot", u"coth", u"csc",
    u"deg", u"det", u"diag", u"dim", u"erf", u"exp", u"gcd", u"hom", u"inf", u"ker", u"lg", u"lim", u"liminf",
    u"limsup", u"ln", u"log", u"max", u"min", u"poly", u"polylog", u"Pr", u"rank", u"sec", u"sgn", u"sign",
    u"sin", u"sinh", u"softmax", u"sup", u"tan", u"tanh", u"tr", u"Tr", u"Var", u"Cov", u"mod", u"bmod",
};

constexpr Named kLetters[] = {
    {u"i", u"ı"}, {u"j", u"ȷ"}, {u"o", u"ø"}, {u"O", u"Ø"}, {u"l", u"ł"}, {u"L", u"Ł"}, {u"ss", u"ß"},
    {u"SS", u"SS"}, {u"aa", u"å"}, {u"AA", u"Å"}, {u"ae", u"æ"}, {u"AE", u"Æ"}, {u"oe", u"œ"}, {u"OE", u"Œ"},
    {u"dh", u"ð"}, {u"DH", u"Ð"}, {u"th", u"þ"}, {u"TH", u"Þ"}, {u"dj", u"đ"}, {u"DJ", u"Đ"}, {u"ng", u"ŋ"},
    {u"NG", u"Ŋ"},
};

constexpr const char16_t *kIgnored[] = {
    u"displaystyle", u"textstyle", u"scriptstyle", u"scriptscriptstyle", u"limits", u"nolimits", u"nonumber",
    u"notag", u"noindent", u"indent", u"centering", u"raggedright", u"relax", u"protect", u"xspace",
    u"allowbreak", u"nobreak", u"smallskip", u"medskip", u"bigskip", u"mathstrut", u"strut", u"bf", u"it",
    u"em", u"rm", u"sf", u"tt", u"sc", u"sl", u"up", u"md", u"normalfont", u"bfseries", u"itshape",
    u"mdseries", u"upshape", u"scshape", u"slshape", u"rmfamily", u"sffamily", u"ttfamily", u"boldmath",
    u"unboldmath", u"tiny", u"scriptsize", u"footnotesize", u"small", u"normalsize", u"large", u"Large",
    u"LARGE", u"huge", u"Huge",
};

constexpr const char16_t *kDelimiters[] = {
    u"left", u"right", u"middle", u"big", u"Big", u"bigg", u"Bigg", u"bigl", u"bigr", u"Bigl", u"Bigr",
    u"biggl", u"biggr", u"Biggl", u"Biggr", u"bigm", u"Bigm",
};

constexpr const char16_t *kSpaces[] = {
    u"quad", u"qquad", u"enspace", u"thinspace", u"medspace", u"thickspace", u"space", u"nobreakspace",
    u"newline", u"linebreak", u"par", u"hfill",
};

constexpr Marked kAccents[] = {
    // text accents
    {u"c", 0x0327}, {u"v", 0x030C}, {u"u", 0x0306}, {u"H", 0x030B}, {u"k", 0x0328}, {u"r", 0x030A},
    {u"d", 0x0323}, {u"b", 0x0331}, {u"t", 0x0361},
    // math accents
    {u"hat", 0x0302}, {u"check", 0x030C}, {u"tilde", 0x0303}, {u"acute", 0x0301}, {u"grave", 0x0300},
    {u"dot", 0x0307}, {u"ddot", 0x0308}, {u"dddot", 0x20DB}, {u"breve", 0x0306}, {u"bar", 0x0304},
    {u"vec", 0x20D7}, {u"mathring", 0x030A},
    // \not= -> ≠, \not\in -> ∉ (NFC composes the long solidus)
    {u"not", 0x0338},
};

constexpr Marked kWideAccents[] = {
    {u"widehat", 0x0302}, {u"widetilde", 0x0303}, {u"overline", 0x0305}, {u"widebar", 0x0305},
    {u"overrightarrow", 0x20D7},
};

constexpr const char16_t *kStyles[] = {
    u"text", u"textbf", u"textit", u"textsl", u"textsc", u"textsf", u"texttt", u"textrm", u"textup",
    u"textmd", u"textnormal", u"emph", u"mbox", u"hbox", u"fbox", u"underline", u"uline", u"mathrm",
    u"mathbf", u"mathit", u"mathsf", u"mathtt", u"mathnormal", u"boldsymbol", u"bm", u"pmb", u"operatorname",
    u"mathop", u"mathbin", u"mathrel", u"mathord", u"ensuremath",
};

constexpr const char16_t *kDropped[] = {
    u"label", u"vspace", u"hspace", u"phantom", u"hphantom", u"vphantom",
};

constexpr Marked kFonts[] = {
    {u"mathbb", u'b'}, {u"Bbb", u'b'}, {u"mathbbm", u'b'}, {u"mathds", u'b'}, {u"mathcal", u'c'},
    {u"mathscr", u'c'}, {u"mathfrak", u'f'},
};
// clang-format on

const QHash<QStringView, Macro> &macros()
{
    static const QHash<QStringView, Macro> table = [] {
        QHash<QStringView, Macro> t;
        const auto add = [&t](const char16_t *name, Kind kind, const char16_t *text, char16_t mark) {
            t.insert(QStringView(name), Macro {kind, QStringView(text), mark});
        };
        for (const auto &s : kSymbols)
            add(s.name, Kind::Symbol, s.text, 0);
        for (const auto *name : kOperators)
            add(name, Kind::Operator, name, 0);
        for (const auto &s : kLetters)
            add(s.name, Kind::Letter, s.text, 0);
        for (const auto *name : kIgnored)
            add(name, Kind::Ignore, u"", 0);
        for (const auto *name : kDelimiters)
            add(name, Kind::Delimiter, u"", 0);
        for (const auto *name : kSpaces)
            add(name, Kind::Space, u"", 0);
        for (const auto &a : kAccents)
            add(a.name, Kind::Accent, u"", a.mark);
        for (const auto &a : kWideAccents)
            add(a.name, Kind::WideAccent, u"", a.mark);
        for (const auto *name : kStyles)
            add(name, Kind::Style, u"", 0);
        for (const auto *name : kDropped)
            add(name, Kind::Drop, u"", 0);
        for (const auto &f : kFonts)
            add(f.name, Kind::Font, u"", f.mark);
        add(u"sqrt", Kind::Sqrt, u"", 0);
        for (const auto *name : {u"frac", u"tfrac", u"dfrac", u"cfrac"})
            add(name, Kind::Frac, u"", 0);
        add(u"textsubscript", Kind::Subscript, u"", u'_');
        add(u"textsuperscript", Kind::Superscript, u"", u'^');
        add(u"url", Kind::Url, u"", 0);
        return t;
    }();
    return table;
}

// Control-symbol accents: \'e, \"o, \`a, \^o, \~n, \=a, \.z
char16_t symbolAccent(QChar c)
{
    switch (c.unicode()) {
    case u'\'':
        return 0x0301;
    case u'"':
        return 0x0308;
    case u'`':
        return 0x0300;
    case u'^':
        return 0x0302;
    case u'~':
        return 0x0303;
    case u'=':
        return 0x0304;
    case u'.':
        return 0x0307;
    default:
        return 0;
    }
}

// What an accent with an empty argument (\'{}) shows: the spacing form of the mark.
QStringView spacingAccent(char16_t mark)
{
    switch (mark) {
    case 0x0300:
        return u"`";
    case 0x0301:
        return u"´";
    case 0x0302:
        return u"^";
    case 0x0303:
        return u"~";
    case 0x0304:
    case 0x0305:
        return u"¯";
    case 0x0306:
        return u"˘";
    case 0x0307:
        return u"˙";
    case 0x0308:
        return u"¨";
    case 0x030A:
        return u"˚";
    case 0x030B:
        return u"˝";
    case 0x030C:
        return u"ˇ";
    case 0x0327:
        return u"¸";
    case 0x0328:
        return u"˛";
    case 0x0338:
        return u"/";
    default:
        return {};
    }
}

bool isMarkBelow(char16_t mark)
{
    return mark == 0x0323 || mark == 0x0327 || mark == 0x0328 || mark == 0x0331;
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// The Unicode superscript (or subscript) form of c, 0 if there is none. Greek is left out on purpose:
// the modifier letters for it render poorly, so 2^{\alpha} reads better as 2^α.
char16_t scriptChar(QChar c, bool super)
{
    static const auto tables = [] {
        std::array<std::array<char16_t, 128>, 2> t {};
        const auto fill = [&t](int which, QStringView from, QStringView to) {
            for (qsizetype i = 0; i < from.size(); ++i)
                t[which][from[i].unicode()] = to[i].unicode();
        };
        fill(0, u"0123456789+-=()aehijklmnoprstuvx", u"₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ");
        fill(1, u"0123456789+-=()*abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
            u"⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾*ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ");
        return t;
    }();
    const char16_t u = c.unicode();
    if (u < 128)
        return tables[super ? 1 : 0][u];
    if (u == u'−')
        return super ? u'⁻' : u'₋';
    if (!super)
        return 0;
    switch (u) {
    case u'′': // x^\prime, already raised
    case u'†':
        return u;
    case u'∗':
        return u'*';
    case u'∘': // 90^\circ
        return u'°';
    case u'⊤': // x^\top
        return u'ᵀ';
    default:
        return 0;
    }
}

// Code point of c in a math alphabet ('b' double-struck, 'c' script, 'f' fraktur), 0 if none.
// Letterlike Symbols fill the holes the Mathematical Alphanumeric block leaves for them.
char32_t fontChar(char16_t font, char16_t c)
{
    const bool upper = c >= u'A' && c <= u'Z';
    const bool lower = c >= u'a' && c <= u'z';
    switch (font) {
    case u'b':
        switch (c) {
        case u'C':
            return U'ℂ';
        case u'H':
            return U'ℍ';
        case u'N':
            return U'ℕ';
        case u'P':
            return U'ℙ';
        case u'Q':
            return U'ℚ';
        case u'R':
            return U'ℝ';
        case u'Z':
            return U'ℤ';
        default:
            break;
        }
        if (upper)
            return 0x1D538 + (c - u'A');
        if (lower)
            return 0x1D552 + (c - u'a');
        if (c >= u'0' && c <= u'9')
            return 0x1D7D8 + (c - u'0');
        return 0;
    case u'c':
        switch (c) {
        case u'B':
            return U'ℬ';
        case u'E':
            return U'ℰ';
        case u'F':
            return U'ℱ';
        case u'H':
            return U'ℋ';
        case u'I':
            return U'ℐ';
        case u'L':
            return U'ℒ';
        case u'M':
            return U'ℳ';
        case u'R':
            return U'ℛ';
        case u'e':
            return U'ℯ';
        case u'g':
            return U'ℊ';
        case u'o':
            return U'ℴ';
        default:
            break;
        }
        if (upper)
            return 0x1D49C + (c - u'A');
        if (lower)
            return 0x1D4B6 + (c - u'a');
        return 0;
    case u'f':
        switch (c) {
        case u'C':
            return U'ℭ';
        case u'H':
            return U'ℌ';
        case u'I':
            return U'ℑ';
        case u'R':
            return U'ℜ';
        case u'Z':
            return U'ℨ';
        default:
            break;
        }
        if (upper)
            return 0x1D504 + (c - u'A');
        if (lower)
            return 0x1D51E + (c - u'a');
        return 0;
    default:
        return 0;
    }
}

void appendCodePoint(QString &out, char32_t cp)
{
    if (QChar::requiresSurrogates(cp)) {
        out += QChar(QChar::highSurrogate(cp));
        out += QChar(QChar::lowSurrogate(cp));
    } else {
        out += QChar(char16_t(cp));
    }
}

// Whether a multi-character argument must be bracketed to stay unambiguous after "/", "√", "^" or "_":
// a single word or number does not, "n+1" does.
bool needsParentheses(QStringView s)
{
    int characters = 0;
    bool plain = true;
    for (const QChar c : s) {
        if (c.isLowSurrogate() || c.isMark())
            continue;
        ++characters;
        const bool root = c == u'√' || c == u'∛' || c == u'∜'; // √d is one term
        if (!c.isLetterOrNumber() && !c.isHighSurrogate() && !root)
            plain = false;
    }
    return characters > 1 && !plain;
}

// Rewriting frames copy their argument when they close; capping how many nest keeps hostile input
// (thousands of nested \hat{) linear. Deeper ones keep their argument unchanged.
constexpr int kMaxRewritingDepth = 32;

bool rewrites(Kind kind)
{
    switch (kind) {
    case Kind::Accent:
    case Kind::WideAccent:
    case Kind::Font:
    case Kind::Sqrt:
    case Kind::Frac:
    case Kind::Subscript:
    case Kind::Superscript:
        return true;
    default:
        return false;
    }
}

// Markup mode (TexToUnicode::toHtml) marks scripts and display math with private-use characters, which
// survive HTML escaping and become tags afterwards; the source is stripped of them first.
constexpr char16_t kSubOpen = 0xE000, kSubClose = 0xE001, kSupOpen = 0xE002, kSupClose = 0xE003,
                   kDisplayOpen = 0xE004, kDisplayClose = 0xE005;

// Single pass over the source. Output goes straight into m_out; a macro that takes arguments
// pushes a frame recording where its arguments start in m_out, and rewrites that tail when its
// last argument ends. An argument is a {group} or a single token (x^2, \'e, \mathbb R).
class Converter
{
public:
    Converter(QStringView source, TexToUnicode::Whitespace whitespace, bool markup = false)
        : m_src(source)
        , m_collapse(whitespace == TexToUnicode::Whitespace::Collapse)
        , m_markup(markup)
    { }

    QString run()
    {
        findMathDelimiters();
        m_out.reserve(m_src.size() + 16);
        m_work += m_src.size(); // findMathDelimiters
        while (m_pos < m_src.size()) {
            ++m_work;
            if (!m_stack.isEmpty() && m_stack.last().awaiting())
                beginArgument();
            else
                step();
        }
        // Unclosed groups end with the text.
        while (!m_stack.isEmpty())
            finishTop();
        if (m_collapse) {
            while (m_out.endsWith(u' '))
                m_out.chop(1);
            if (m_out.startsWith(u' '))
                m_out.remove(0, 1);
        }
        return m_nfc ? m_out.normalized(QString::NormalizationForm_C) : m_out;
    }

    /// Characters read and characters moved by rewrites in run(): the work, for TexToUnicode::workFor.
    [[nodiscard]] qint64 work() const { return m_work; }

private:
    struct Frame
    {
        Kind kind = Kind::Group;
        char16_t mark = 0;
        qint8 argCount = 1;
        qint8 argsDone = 0;
        bool open = false; // an argument is being read
        bool braced = false; // ... and it ends at a "}" (else after one token)
        std::array<qsizetype, 2> argStart {};

        [[nodiscard]] bool awaiting() const { return !open && argsDone < argCount; }
        [[nodiscard]] int argsStarted() const { return argsDone + (open ? 1 : 0); }
    };

    [[nodiscard]] bool at(char16_t c, qsizetype offset = 0) const
    {
        return m_pos + offset < m_src.size() && m_src[m_pos + offset] == c;
    }

    // Pairs unescaped $ and $$ in order; an odd one out at the end is a literal dollar sign.
    void findMathDelimiters()
    {
        for (qsizetype i = 0; i < m_src.size();) {
            const QChar c = m_src[i];
            if (c == u'\\') {
                i += 2;
            } else if (c == u'$') {
                m_delimiters.append(i);
                i += (i + 1 < m_src.size() && m_src[i + 1] == u'$') ? 2 : 1;
            } else {
                ++i;
            }
        }
        if (m_delimiters.size() % 2 != 0)
            m_delimiters.removeLast();
    }

    void step()
    {
        const QChar c = m_src[m_pos];
        switch (c.unicode()) {
        case u'\\':
            controlSequence();
            return;
        case u'{':
            ++m_pos;
            openGroup(Kind::Group);
            return;
        case u'}':
            ++m_pos;
            closeBrace();
            return;
        case u'$':
            dollar();
            return;
        case u'^':
            // In text only when it clearly is a superscript (n^2, x^{10}).
            if (m_math || at(u'{', 1) ||
                (m_pos + 1 < m_src.size() &&
                    (isAsciiLetter(m_src[m_pos + 1]) || isAsciiDigit(m_src[m_pos + 1])))) {
                ++m_pos;
                push(Kind::Superscript, u'^');
                return;
            }
            break;
        case u'_':
            // In text only before a brace: snake_case identifiers are common in abstracts.
            if (m_math || at(u'{', 1)) {
                ++m_pos;
                push(Kind::Subscript, u'_');
                return;
            }
            break;
        case u'~':
            ++m_pos;
            appendSpace(u' ');
            atomDone();
            return;
        case u'-':
            if (!m_math && at(u'-', 1)) {
                if (at(u'-', 2))
                    ligature(u"—", 3);
                else
                    ligature(u"–", 2);
                return;
            }
            break;
        case u'`':
            if (!m_math && at(u'`', 1)) {
                ligature(u"“", 2);
                return;
            }
            break;
        case u'\'':
            if (!m_math && at(u'\'', 1)) {
                ligature(u"”", 2);
                return;
            }
            break;
        case u'h':
            if (!m_math && startsUrl()) {
                copyUrl();
                return;
            }
            break;
        default:
            break;
        }
        ++m_pos;
        if (c.isSpace()) {
            appendSpace(c);
            return;
        }
        m_out += c;
        if (c.isHighSurrogate() && m_pos < m_src.size() && m_src[m_pos].isLowSurrogate())
            m_out += m_src[m_pos++];
        atomDone();
    }

    void ligature(QStringView text, qsizetype consumed)
    {
        m_out += text;
        m_pos += consumed;
        atomDone();
    }

    void appendSpace(QChar original)
    {
        if (!m_collapse)
            m_out += original;
        else if (!m_out.isEmpty() && !m_out.endsWith(u' '))
            m_out += u' ';
    }

    void skipSpaces()
    {
        while (m_pos < m_src.size() && m_src[m_pos].isSpace())
            ++m_pos;
    }

    void push(Kind kind, char16_t mark, qint8 argCount = 1)
    {
        if (rewrites(kind)) {
            if (m_rewriting >= kMaxRewritingDepth) {
                if (kind == Kind::Subscript || kind == Kind::Superscript)
                    m_out += QChar(mark);
                kind = Kind::Style;
            } else {
                ++m_rewriting;
            }
        }
        Frame f;
        f.kind = kind;
        f.mark = mark;
        f.argCount = argCount;
        f.argStart = {m_out.size(), m_out.size()};
        m_stack.append(f);
    }

    void openGroup(Kind kind)
    {
        push(kind, 0);
        m_stack.last().open = true;
        m_stack.last().braced = true;
    }

    void beginArgument()
    {
        skipSpaces(); // TeX skips spaces before an undelimited argument
        if (m_pos >= m_src.size() || at(u'}') || at(u'$')) {
            // Missing argument: finish with what there is.
            finishTop();
            atomDone();
            return;
        }
        Frame &f = m_stack.last();
        f.argStart[f.argsDone] = m_out.size();
        f.open = true;
        f.braced = at(u'{');
        if (f.braced)
            ++m_pos;
    }

    void closeBrace()
    {
        if (m_stack.isEmpty() || !m_stack.last().open || !m_stack.last().braced) {
            m_out += u'}'; // unmatched: keep it rather than lose text
            atomDone();
            return;
        }
        if (m_stack.last().kind == Kind::Verbatim) {
            m_out += u'}';
            if (at(u'{')) { // \foo{a}{b}: the next argument stays verbatim too
                m_out += u'{';
                ++m_pos;
                return;
            }
        }
        if (closeArgument())
            atomDone();
    }

    // Returns true when this was the frame's last argument and the frame is finished.
    bool closeArgument()
    {
        Frame &f = m_stack.last();
        f.open = false;
        ++f.argsDone;
        if (f.argsDone < f.argCount)
            return false;
        finishTop();
        return true;
    }

    // A token is complete: it may have been the single-token argument of the frames above it.
    void atomDone()
    {
        while (!m_stack.isEmpty()) {
            const Frame &f = m_stack.last();
            if (!f.open || f.braced)
                return;
            if (!closeArgument())
                return;
        }
    }

    QString takeFrom(qsizetype start)
    {
        m_work += m_out.size() - start; // rewritten text is copied out and back
        QString tail = m_out.sliced(start);
        m_out.truncate(start);
        return tail;
    }

    void appendBracketed(const QString &s)
    {
        if (needsParentheses(s)) {
            m_out += u'(';
            m_out += s;
            m_out += u')';
        } else {
            m_out += s;
        }
    }

    void finishTop()
    {
        Frame f = m_stack.takeLast();
        if (rewrites(f.kind))
            --m_rewriting;
        const int started = f.argsStarted();
        for (int i = started; i < 2; ++i)
            f.argStart[i] = m_out.size();
        switch (f.kind) {
        case Kind::Drop:
            m_out.truncate(f.argStart[0]);
            break;
        case Kind::Accent:
        case Kind::WideAccent:
            accent(f.mark, f.kind == Kind::WideAccent, takeFrom(f.argStart[0]));
            break;
        case Kind::Font:
            for (const QChar c : takeFrom(f.argStart[0])) {
                if (const char32_t cp = fontChar(f.mark, c.unicode()))
                    appendCodePoint(m_out, cp);
                else
                    m_out += c;
            }
            break;
        case Kind::Sqrt:
            appendBracketed(takeFrom(f.argStart[0]).trimmed());
            break;
        case Kind::Frac: {
            const QString denominator = takeFrom(f.argStart[1]).trimmed();
            const QString numerator = takeFrom(f.argStart[0]).trimmed();
            appendBracketed(numerator);
            m_out += u'/';
            appendBracketed(denominator);
            break;
        }
        case Kind::Subscript:
        case Kind::Superscript:
            script(f.mark, f.kind == Kind::Superscript, started > 0, takeFrom(f.argStart[0]));
            break;
        default: // Group, Style, Verbatim: the argument stays as it is
            break;
        }
    }

    void accent(char16_t mark, bool wide, const QString &arg)
    {
        if (arg.isEmpty()) {
            m_out += spacingAccent(mark);
            return;
        }
        const bool above = !isMarkBelow(mark);
        bool marked = false;
        for (qsizetype i = 0; i < arg.size(); ++i) {
            if (marked && !wide) {
                m_out += QStringView(arg).sliced(i);
                break;
            }
            QChar c = arg[i];
            if (above && c == u'ı') // \'\i -> í: the dotless i only exists to carry the accent
                c = u'i';
            else if (above && c == u'ȷ')
                c = u'j';
            m_out += c;
            if (c.isHighSurrogate() && i + 1 < arg.size() && arg[i + 1].isLowSurrogate())
                m_out += arg[++i];
            if (c.isSpace())
                continue;
            while (i + 1 < arg.size() && arg[i + 1].isMark()) // after marks already there
                m_out += arg[++i];
            m_out += QChar(mark);
            marked = true;
        }
        m_nfc = true;
    }

    void script(char16_t mark, bool super, bool hasArgument, const QString &arg)
    {
        if (!hasArgument) { // "x^" at the end: keep the caret
            m_out += QChar(mark);
            return;
        }
        if (m_markup) { // real sub/superscripts: every letter has one, and words stay legible
            const QString inner = arg.trimmed();
            m_out += QChar(super ? kSupOpen : kSubOpen);
            m_out += inner;
            m_out += QChar(super ? kSupClose : kSubClose);
            return;
        }
        QString mapped;
        mapped.reserve(arg.size());
        bool ok = true;
        int letters = 0;
        for (const QChar c : arg) {
            if (c.isSpace()) {
                letters = 0;
                continue;
            }
            const char16_t s = scriptChar(c, super);
            letters = isAsciiLetter(c) ? letters + 1 : 0;
            // A word (x_{train}, x_{max}) reads better on the line than in tiny modifier letters.
            if (s == 0 || letters >= 3) {
                ok = false;
                break;
            }
            mapped += QChar(s);
        }
        if (ok) {
            m_out += mapped;
            return;
        }
        m_out += QChar(mark);
        appendBracketed(arg.trimmed());
    }

    void controlSequence()
    {
        const qsizetype nameStart = ++m_pos;
        if (m_pos >= m_src.size()) { // trailing backslash
            m_out += u'\\';
            atomDone();
            return;
        }
        if (!isAsciiLetter(m_src[m_pos])) {
            controlSymbol(m_src[m_pos]);
            return;
        }
        while (m_pos < m_src.size() && isAsciiLetter(m_src[m_pos]))
            ++m_pos;
        const QStringView name = m_src.sliced(nameStart, m_pos - nameStart);
        const auto &table = macros();
        const auto it = table.constFind(name);
        if (it == table.cend())
            unknownMacro(name);
        else
            macro(*it);
    }

    void macro(const Macro &m)
    {
        switch (m.kind) {
        case Kind::Symbol:
            m_out += m.text;
            break;
        case Kind::Operator:
            // n\log n -> n log n, f(x)\log -> f(x) log
            if (!m_out.isEmpty() &&
                (m_out.back().isLetterOrNumber() || m_out.back() == u')' || m_out.back() == u']'))
                m_out += u' ';
            m_out += m.text;
            break;
        case Kind::Letter:
            m_out += m.text;
            skipSpaces();
            break;
        case Kind::Ignore:
            break;
        case Kind::Delimiter:
            if (at(u'.')) // \left. is an invisible delimiter
                ++m_pos;
            break;
        case Kind::Space:
            appendSpace(u' ');
            break;
        case Kind::Url:
            copyUrlArgument();
            return;
        case Kind::Sqrt:
            m_out += rootSign();
            push(Kind::Sqrt, 0);
            return;
        case Kind::Frac:
            push(Kind::Frac, 0, 2);
            return;
        case Kind::Style:
        case Kind::Drop:
            if (at(u'*')) // \operatorname*, \hspace*
                ++m_pos;
            push(m.kind, 0);
            return;
        default: // accents, fonts, \textsubscript, \textsuperscript
            push(m.kind, m.mark);
            return;
        }
        atomDone();
    }

    // Unknown macros stay as written, braced arguments included, so nothing is lost.
    void unknownMacro(QStringView name)
    {
        m_out += u'\\';
        m_out += name;
        if (at(u'{')) {
            ++m_pos;
            m_out += u'{';
            openGroup(Kind::Verbatim);
            return;
        }
        atomDone();
    }

    void controlSymbol(QChar c)
    {
        if (const char16_t mark = symbolAccent(c)) {
            ++m_pos;
            push(Kind::Accent, mark);
            return;
        }
        switch (c.unicode()) {
        case u'%':
        case u'&':
        case u'_':
        case u'#':
        case u'$':
        case u'{':
        case u'}':
            m_out += c;
            break;
        case u'\\':
            appendSpace(u'\n');
            break;
        case u',':
        case u';':
        case u':':
        case u'>':
            appendSpace(u' ');
            break;
        case u'!': // negative space, discretionary hyphen, italic correction, end of sentence
        case u'-':
        case u'/':
        case u'@':
            break;
        case u'(':
            m_math = true;
            break;
        case u'[':
            m_math = true;
            if (m_markup)
                m_out += QChar(kDisplayOpen);
            break;
        case u')':
            m_math = false;
            break;
        case u']':
            m_math = false;
            if (m_markup)
                m_out += QChar(kDisplayClose);
            break;
        case u'|':
            m_out += u'‖';
            break;
        default:
            if (c.isSpace()) { // "\ " and a backslash before a line break
                appendSpace(u' ');
                break;
            }
            // Unknown: keep it. A surrogate half is left for step() so the pair stays whole.
            m_out += u'\\';
            if (c.isSurrogate()) {
                atomDone();
                return;
            }
            m_out += c;
            break;
        }
        ++m_pos;
        atomDone();
    }

    void dollar()
    {
        while (m_nextDelimiter < m_delimiters.size() && m_delimiters[m_nextDelimiter] < m_pos)
            ++m_nextDelimiter;
        if (m_nextDelimiter < m_delimiters.size() && m_delimiters[m_nextDelimiter] == m_pos) {
            m_math = m_nextDelimiter % 2 == 0;
            ++m_nextDelimiter;
            const bool display = at(u'$', 1);
            if (display && m_markup)
                m_out += QChar(m_math ? kDisplayOpen : kDisplayClose);
            m_pos += display ? 2 : 1;
            return;
        }
        ++m_pos;
        m_out += u'$';
        atomDone();
    }

    // \sqrt[3]{x} -> ∛x, \sqrt[n]{x} -> ⁿ√x. The index is only looked for right after \sqrt and
    // only a few characters ahead, so a stray "[" costs nothing; anything fancier stays in the text.
    QString rootSign()
    {
        const QString plain = QStringLiteral("√");
        if (!at(u'['))
            return plain;
        const QStringView ahead = m_src.sliced(m_pos, qMin<qsizetype>(12, m_src.size() - m_pos));
        const qsizetype close = ahead.indexOf(u']');
        if (close < 0)
            return plain;
        const QStringView index = ahead.sliced(1, close - 1).trimmed();
        QString sign;
        if (index == u"3") {
            sign = QStringLiteral("∛");
        } else if (index == u"4") {
            sign = QStringLiteral("∜");
        } else {
            for (const QChar c : index) {
                const char16_t s = scriptChar(c, true);
                if (s == 0)
                    return plain;
                sign += QChar(s);
            }
            sign += plain;
        }
        m_pos += close + 1;
        return sign;
    }

    [[nodiscard]] bool startsUrl() const
    {
        if (m_pos > 0 && m_src[m_pos - 1].isLetterOrNumber())
            return false;
        const QStringView rest = m_src.sliced(m_pos);
        return rest.startsWith(u"https://") || rest.startsWith(u"http://");
    }

    // Bare URLs are copied untouched: "~user" and "a--b" in them must not become a space or a dash.
    void copyUrl()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_src.size()) {
            const QChar c = m_src[m_pos];
            if (c.isSpace() || c == u'{' || c == u'}' || c == u'$' || c == u'\\')
                break;
            ++m_pos;
        }
        m_out += m_src.sliced(start, m_pos - start);
        atomDone();
    }

    void copyUrlArgument()
    {
        skipSpaces();
        if (!at(u'{')) {
            push(Kind::Style, 0);
            return;
        }
        ++m_pos;
        const qsizetype close = m_src.indexOf(u'}', m_pos);
        const qsizetype end = close < 0 ? m_src.size() : close;
        for (; m_pos < end; ++m_pos) {
            const QChar c = m_src[m_pos];
            if (c.isSpace())
                appendSpace(c);
            else
                m_out += c;
        }
        if (close >= 0)
            ++m_pos;
        atomDone();
    }

    QStringView m_src;
    bool m_collapse;
    bool m_markup;
    qsizetype m_pos = 0;
    QString m_out;
    QList<Frame> m_stack;
    int m_rewriting = 0; // rewriting frames on the stack
    bool m_math = false;
    bool m_nfc = false; // combining marks were added
    QList<qsizetype> m_delimiters; // positions of paired $ / $$
    qsizetype m_nextDelimiter = 0;
    qint64 m_work = 0;
};

// True when conversion would return the text unchanged, which is most titles: no copy then.
bool isPlain(QStringView s, bool collapse)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        switch (c) {
        case u'\\':
        case u'$':
        case u'{':
        case u'}':
        case u'^':
        case u'~':
        case u'`':
            return false;
        case u'-':
        case u'\'':
            if (i + 1 < s.size() && s[i + 1] == c)
                return false;
            break;
        case u' ':
            if (collapse && (i == 0 || i + 1 == s.size() || s[i + 1] == u' '))
                return false;
            break;
        default:
            if (collapse && QChar::isSpace(c))
                return false;
            break;
        }
    }
    return true;
}

} // namespace

QString TexToUnicode::convert(const QString &tex)
{
    return convert(tex, Whitespace::Collapse);
}

QString TexToUnicode::convert(const QString &tex, Whitespace whitespace)
{
    if (isPlain(tex, whitespace == Whitespace::Collapse))
        return tex;
    return Converter(tex, whitespace).run();
}

qint64 TexToUnicode::workFor(const QString &tex)
{
    if (isPlain(tex, true))
        return tex.size();
    Converter converter(tex, Whitespace::Collapse);
    (void)converter.run();
    return converter.work();
}

QString TexToUnicode::toHtml(const QString &tex)
{
    QString source = tex;
    source.removeIf([](QChar c) { return c.unicode() >= kSubOpen && c.unicode() <= kDisplayClose; });
    if (isPlain(source, true))
        return source.toHtmlEscaped();
    QString html = Converter(source, Whitespace::Collapse, true).run().toHtmlEscaped();
    // Display math on a line of its own, indented; inline everywhere (a heading, a table cell, a <p>).
    html.replace(QChar(kSubOpen), QLatin1String("<sub>"));
    html.replace(QChar(kSubClose), QLatin1String("</sub>"));
    html.replace(QChar(kSupOpen), QLatin1String("<sup>"));
    html.replace(QChar(kSupClose), QLatin1String("</sup>"));
    html.replace(QChar(kDisplayOpen), QLatin1String("<br/>&#8195;&#8195;"));
    html.replace(QChar(kDisplayClose), QLatin1String("<br/>"));
    return html;
}

} // namespace Lectern
