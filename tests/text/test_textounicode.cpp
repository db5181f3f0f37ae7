// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/textounicode.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Lectern;

namespace {

void columns()
{
    QTest::addColumn<QString>("tex");
    QTest::addColumn<QString>("expected");
}

// The input doubles as the row's name, so a failure shows the TeX that broke.
void row(const char *tex, const char *expected)
{
    QTest::newRow(tex) << QString::fromUtf8(tex) << QString::fromUtf8(expected);
}

void check()
{
    QFETCH(QString, tex);
    QFETCH(QString, expected);
    QCOMPARE(TexToUnicode::convert(tex), expected);
}

QString lettersOf(const QString &s)
{
    QString letters;
    for (const QChar c : s) {
        if (c.isLetter())
            letters += c;
    }
    return letters;
}

} // namespace

class TestTexToUnicode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accents_data()
    {
        columns();
        row("D\\'iaz", "Díaz");
        row("Schr\\\"odinger", "Schrödinger");
        row("Schr\\\"{o}dinger", "Schrödinger");
        row("Schr{\\\"o}dinger", "Schrödinger");
        row("\\'{e}t\\'{e}", "été");
        row("\\'E", "É");
        row("\\`a la mode", "à la mode");
        row("h\\^otel", "hôtel");
        row("Espa\\~na", "España");
        row("Fran\\c{c}ois", "François");
        row("Fran\\c cois", "François");
        row("Ko\\v{s}ice", "Košice");
        row("\\u{a}", "ă");
        row("\\=a", "ā");
        row("\\.Zabka", "Żabka");
        row("Erd\\H{o}s", "Erdős");
        row("\\k{a}", "ą");
        row("\\r{u}", "ů");
        row("\\d{s}", "ṣ");
        row("\\v{q}", "q\u030C"); // no precomposed form: stays a combining sequence
        row("\\AA ngstr\\\"om", "Ångström");
        row("\\aa", "å");
        row("Bj\\o rn", "Bjørn");
        row("\\O", "Ø");
        row("Stra\\ss e", "Straße");
        row("\\ae{}ther", "æther");
        row("\\AE", "Æ");
        row("\\L\\'od\\'z", "Łódź");
        row("\\oe uvre", "œuvre");
        row("\\i", "ı");
        row("\\'\\i", "í");
        row("na\\\"{\\i}ve", "naïve");
        row("na\\\"\\i ve", "naïve");
        row("\\'{}", "´");
        row("\\~{}", "~");
        row("P\\'{o}lya and Szeg\\H{o}", "Pólya and Szegő");
    }
    void accents() { check(); }

    void math_data()
    {
        columns();
        row("$\\mu$P", "μP");
        row("$\\alpha$, $\\beta$ and $\\Omega$", "α, β and Ω");
        row("$\\Gamma\\Delta\\Theta\\Lambda\\Xi\\Pi\\Sigma\\Upsilon\\Phi\\Psi$", "ΓΔΘΛΞΠΣΥΦΨ");
        row("$\\varepsilon$-greedy", "ε-greedy");
        row("$\\epsilon$", "ϵ");
        row("$\\omega\\varphi\\vartheta$", "ωφϑ");
        row("$a \\le b \\leq c \\ge d \\geq e$", "a ≤ b ≤ c ≥ d ≥ e");
        row("$x \\neq y$", "x ≠ y");
        row("$3 \\times 3$", "3 × 3");
        row("$a \\cdot b$", "a · b");
        row("$0.5 \\pm 0.1$", "0.5 ± 0.1");
        row("$\\infty$", "∞");
        row("$x \\approx y \\sim z$", "x ≈ y ∼ z");
        row("$f: X \\to Y$", "f: X → Y");
        row("$\\rightarrow \\leftarrow \\Rightarrow$", "→ ← ⇒");
        row("$x \\in S$, $y \\notin T$", "x ∈ S, y ∉ T");
        row("$A \\subset B \\cup C \\cap D$", "A ⊂ B ∪ C ∩ D");
        row("$\\prod \\int \\partial \\nabla$", "∏ ∫ ∂ ∇");
        row("$\\ell_1$ regularization", "ℓ₁ regularization");
        row("$O(n \\log n)$", "O(n log n)");
        row("$n\\log n$", "n log n");
        row("$n^{3/2}\\log^2 n$", "n^(3/2) log² n");
        row("$\\exp(x)$", "exp(x)");
        row("$\\sin x + \\cos y$", "sin x + cos y");
        row("$\\arg\\max$", "arg max");
        row("$\\max_{i} x_i$", "maxᵢ xᵢ");
        row("$\\sum_i x_i$", "∑ᵢ xᵢ");
        row("$\\mathbb{R}^n$", "ℝⁿ");
        row("$\\mathbb R$", "ℝ");
        row("$\\mathbb{N}, \\mathbb{Z}, \\mathbb{Q}, \\mathbb{C}, \\mathbb{E}, \\mathbb{P}$",
            "ℕ, ℤ, ℚ, ℂ, 𝔼, ℙ");
        row("$\\mathbb{1}$", "𝟙");
        row("$\\mathcal{O}(n^2)$", "𝒪(n²)");
        row("$\\mathcal{L}$", "ℒ");
        row("$\\mathfrak{g}$", "𝔤");
        row("$1, \\ldots, n$", "1, …, n");
        row("$1, \\dots, n$ and $1 + \\cdots + n$", "1, …, n and 1 + … + n");
        row("$\\sqrt{2}$", "√2");
        row("$\\sqrt{n+1}$", "√(n+1)");
        row("$\\sqrt{d_k}$", "√dₖ");
        row("$\\sqrt[3]{x}$", "∛x");
        row("$\\sqrt[n]{x}$", "ⁿ√x");
        row("$\\frac{1}{2}$", "1/2");
        row("$\\frac12$", "1/2");
        row("$\\frac{a+b}{c}$", "(a+b)/c");
        row("$\\frac{1}{\\sqrt{d}}$", "1/√d");
        row("$\\hat{x}$", "x\u0302");
        row("$\\hat{\\theta}$", "θ\u0302");
        row("$\\bar{x}$", "x\u0304");
        row("$\\vec{v}$", "v\u20D7");
        row("$\\tilde{n}$", "ñ");
        row("$\\overline{AB}$", "A\u0305B\u0305");
        row("$a \\not= b$", "a ≠ b");
        row("$x \\not\\in A$", "x ∉ A");
        row("$\\left( x \\right)$", "( x )");
        row("$\\left. x \\right|$", "x |");
        row("$\\|x\\|$", "‖x‖");
    }
    void math() { check(); }

    void scripts_data()
    {
        columns();
        row("$x^2$", "x²");
        row("$x^{10}$", "x¹⁰");
        row("$n^{-1}$", "n⁻¹");
        row("$x_i$", "xᵢ");
        row("$x_{ij}$", "xᵢⱼ");
        row("$x_{i j}$", "xᵢⱼ");
        row("$x_{train}$", "x_train");
        row("$x_{\\text{max}}$", "x_max");
        row("$2^{\\alpha}$", "2^α");
        row("$x_\\alpha$", "x_α");
        row("$e^{-x/2}$", "e^(-x/2)");
        row("$x_{i,j}$", "x_(i,j)");
        row("$\\mathbb{R}^{n \\times m}$", "ℝ^(n × m)");
        row("$W^T$", "Wᵀ");
        row("$W^\\top$", "Wᵀ");
        row("$x^*$", "x*");
        row("$90^\\circ$", "90°");
        row("$f^\\prime$", "f′");
        row("$\\theta_{t+1}$", "θₜ₊₁");
        row("$x^{(k)}$", "x⁽ᵏ⁾");
        row("$10^{-3}$", "10⁻³");
        row("$a^b_c$", "aᵇ_c");
        row("$x^{}$", "x");
        row("$x^$", "x^");
        row("$e^{x^2}$", "e^x²");
        row("CO$_2$ emissions", "CO₂ emissions");
        row("4\\textsuperscript{th}", "4ᵗʰ");
        row("H\\textsubscript{2}O", "H₂O");
        // In text: "^" before a digit, letter or brace, "_" only before a brace.
        row("n^2 in text", "n² in text");
        row("x^{10} in text", "x¹⁰ in text");
        row("x_{ij} in text", "xᵢⱼ in text");
        row("snake_case_name and $x$", "snake_case_name and x");
        row("model_name ^ 2", "model_name ^ 2");
    }
    void scripts() { check(); }

    void markup_data()
    {
        columns();
        row("\\textbf{Bold} and \\emph{emph}", "Bold and emph");
        row("\\textit{a} \\texttt{b} \\textrm{c} \\textsc{d} \\textsf{e}", "a b c d e");
        row("{\\bf bold} {\\em text}", "bold text");
        row("\\underline{under}", "under");
        row("$\\mathrm{d}x$", "dx");
        row("$\\mathbf{x} + \\mathit{y} + \\boldsymbol{\\theta}$", "x + y + θ");
        row("$\\text{if } x > 0$", "if x > 0");
        row("$\\operatorname{softmax}(z)$", "softmax(z)");
        row("$\\operatorname*{argmax}_x$", "argmaxₓ");
        row("\\label{eq:1}Text", "Text");
        row("a\\hspace{1em}b", "ab");
        row("\\LaTeX{} is", "LaTeX is");
        row("$$E = mc^2$$", "E = mc²");
        row("\\(a^2\\) and \\[x_1\\]", "a² and x₁");
        row("$x$ and $y$", "x and y");
        row("$n$-gram", "n-gram");
        row("a \\$ b", "a $ b");
        row("$\\$$", "$");
        row("costs $5", "costs $5");
        // Paired in order as TeX would; only the odd one out stays a dollar sign.
        row("$5 and $10 and $", "5 and 10 and $");
        row("50\\% faster", "50% faster");
        row("R\\&D", "R&D");
        row("snake\\_case", "snake_case");
        row("\\#1 and \\{set\\}", "#1 and {set}");
        row("Fig.~1", "Fig. 1");
        row("pages 1--10", "pages 1–10");
        row("yes---no", "yes—no");
        row("``quoted''", "“quoted”");
        row("state-of-the-art", "state-of-the-art");
        row("1{,}000", "1,000");
        row("\\url{https://x.org/~a_b--c}", "https://x.org/~a_b--c");
        row("see https://github.com/a--b/~c.", "see https://github.com/a--b/~c.");
        row("a\\@. B\\/c\\-d", "a. Bcd");
        // Unknown macros stay as written.
        row("\\cite{foo} bar", "\\cite{foo} bar");
        row("\\foo{bar}", "\\foo{bar}");
        row("\\foo{a}{b}", "\\foo{a}{b}");
        row("\\foo bar", "\\foo bar");
        row("\\foo{\\alpha $x^2$}", "\\foo{α x²}");
        row("\\*", "\\*");
    }
    void markup() { check(); }

    void whitespace_data()
    {
        columns();
        row("line one\nline two", "line one line two");
        row("  many   spaces\t\tand\n\n tabs  ", "many spaces and tabs");
        row("a\\\\b", "a b");
        row("a\\ b", "a b");
        row("10\\,GB", "10 GB");
        row("a\\quad b", "a b");
        row("a \\label{x} b", "a b");
        row("a\r\nb", "a b");
    }
    void whitespace() { check(); }

    void preservesWhitespaceOnRequest()
    {
        QCOMPARE(TexToUnicode::convert(QStringLiteral("a\n  b\\\\c $x$"), TexToUnicode::Whitespace::Preserve),
            QStringLiteral("a\n  b\nc x"));
        const QString plain = QStringLiteral("two  spaces\n");
        QCOMPARE(TexToUnicode::convert(plain, TexToUnicode::Whitespace::Preserve), plain);
    }

    // Malformed input: never crash, never hang, keep the text.
    void hostile_data()
    {
        columns();
        QTest::newRow("empty") << QString() << QString();
        row("}", "}");
        row("a}b{c", "a}bc");
        row("}}}{{{", "}}}");
        row("{{{a", "a");
        row("\\", "\\");
        row("abc\\", "abc\\");
        row("\\\\\\", "\\");
        row("$", "$");
        row("$$", "$$");
        row("$x", "$x");
        row("\\textbf{unclosed", "unclosed");
        row("\\foo{", "\\foo{");
        row("\\mathbb{", "");
        row("\\frac{1}", "1/");
        row("\\sqrt", "√");
        row("\\sqrt[", "√[");
        row("x^", "x^");
        row("_", "_");
        row("$x^{$", "x");
        row("\\'", "´");
        row("\\\"", "¨");
        row("\\c", "¸");
        row("x_{a", "xₐ");
        row("^^^^", "^^^^");
        row("$^^^^$", "^(^(^^))"); // each caret is the argument of the one before
        row("\\left", "");
        row("\\url{never closed", "never closed");
        row("𝒪 \\'𝒪", "𝒪 𝒪\u0301");
        row("\\𝒪", "\\𝒪");
        row("$x^𝒪$", "x^𝒪");
    }
    void hostile() { check(); }

    void loneSurrogates()
    {
        const QString high(QChar(0xD800));
        QCOMPARE(TexToUnicode::convert(u'\\' + high), u'\\' + high);
        QCOMPARE(TexToUnicode::convert(QStringLiteral("$x^") + high + u'$'), QStringLiteral("x^") + high);
        QCOMPARE(TexToUnicode::convert(QString(QChar(0xDC00)) + u'{'), QString(QChar(0xDC00)));
    }

    void deepNesting()
    {
        constexpr int depth = 100000;
        const QString balanced = QString(depth, u'{') + u'x' + QString(depth, u'}');
        QCOMPARE(TexToUnicode::convert(balanced), QStringLiteral("x"));
        QCOMPARE(TexToUnicode::convert(QString(depth, u'{') + u'x'), QStringLiteral("x"));
        QCOMPARE(TexToUnicode::convert(QString(depth, u'}')), QString(depth, u'}'));

        // Rewriting macros nested far past the cap: the text survives and the work stays linear.
        QString hats;
        for (int i = 0; i < 20000; ++i)
            hats += u"\\hat{";
        hats += u'x' + QString(20000, u'}');
        const QString converted = TexToUnicode::convert(hats);
        QVERIFY(converted.startsWith(u'x'));
        QVERIFY(converted.size() < 100);

        QString roots;
        for (int i = 0; i < 20000; ++i)
            roots += u"\\sqrt[";
        QVERIFY(!TexToUnicode::convert(roots).isEmpty());

        QString scripts = QStringLiteral("$");
        for (int i = 0; i < 20000; ++i)
            scripts += u"x^{";
        QVERIFY(TexToUnicode::convert(scripts).startsWith(QStringLiteral("$x^(x^(x")));

        // The work stays linear however deep the nesting: a fixed number of steps per character (one
        // scan for $, at most two steps, at most 32 copies by nested rewrites), and twice the text is
        // twice the work. A rewrite of every level would copy 20 000 levels 20 000 times. The time it
        // takes is in the benchmarks (BM_TexToUnicodeDeepNesting).
        const auto nested = [](const QString &open, const QString &middle, const QString &close, int n) {
            return open.repeated(n) + middle + close.repeated(n);
        };
        const QList<std::pair<QString, QString>> shapes {{QStringLiteral("\\hat{"), QStringLiteral("}")},
            {QStringLiteral("\\sqrt["), QString()}, {QStringLiteral("x^{"), QStringLiteral("}")},
            {QStringLiteral("\\frac{"), QStringLiteral("}{y}")}, {QStringLiteral("{"), QStringLiteral("}")},
            {QStringLiteral("\\mathbb{"), QStringLiteral("}")}};
        for (const auto &[open, close] : shapes) {
            for (const QString &math : {QString(), QStringLiteral("$")}) {
                const QString small = math + nested(open, QStringLiteral("x"), close, 10000) + math;
                const QString large = math + nested(open, QStringLiteral("x"), close, 20000) + math;
                const qint64 smallWork = TexToUnicode::workFor(small);
                const qint64 largeWork = TexToUnicode::workFor(large);
                const QString what = QStringLiteral("%1…%2: %3 for %4 characters, %5 for %6")
                                         .arg(math + open, close)
                                         .arg(smallWork)
                                         .arg(small.size())
                                         .arg(largeWork)
                                         .arg(large.size());
                QVERIFY2(largeWork <= 35 * large.size(), qPrintable(what));
                QVERIFY2(largeWork <= 2 * smallWork + 64, qPrintable(what));
            }
        }
    }

    // Random soup of TeX fragments: must terminate and return sane text.
    void fuzz()
    {
        const QStringList pieces = {
            QStringLiteral("\\"),
            QStringLiteral("{"),
            QStringLiteral("}"),
            QStringLiteral("$"),
            QStringLiteral("$$"),
            QStringLiteral("^"),
            QStringLiteral("_"),
            QStringLiteral("~"),
            QStringLiteral("-"),
            QStringLiteral("'"),
            QStringLiteral("`"),
            QStringLiteral("a"),
            QStringLiteral("x"),
            QStringLiteral(" "),
            QStringLiteral("\n"),
            QStringLiteral("\\frac"),
            QStringLiteral("\\'"),
            QStringLiteral("\\sqrt["),
            QStringLiteral("["),
            QStringLiteral("]"),
            QStringLiteral("\\alpha"),
            QStringLiteral("\\textbf"),
            QStringLiteral("\\foo"),
            QStringLiteral("\\left"),
            QStringLiteral("\\url"),
            QStringLiteral("http://"),
            QStringLiteral("\\i"),
            QStringLiteral("\\mathbb"),
            QStringLiteral("\\("),
            QStringLiteral("\\)"),
            QStringLiteral("\\\\"),
            QStringLiteral("\\label"),
            QStringLiteral("\\overline"),
            QStringLiteral("\u00e9"),
            QStringLiteral("\U0001D4AA"),
        };
        QRandomGenerator random(20250915);
        for (int round = 0; round < 20000; ++round) {
            QString tex;
            const int length = random.bounded(1, 40);
            for (int i = 0; i < length; ++i)
                tex += pieces.at(random.bounded(qsizetype(pieces.size())));
            const QString out = TexToUnicode::convert(tex);
            QVERIFY2(out.size() <= 4 * tex.size() + 8, qPrintable(tex));
            QVERIFY2(!out.startsWith(u' ') && !out.endsWith(u' '), qPrintable(tex));
            QVERIFY2(!out.contains(u'\n') && !out.contains(QLatin1StringView("  ")), qPrintable(tex));
        }

        // And character by character, over everything TeX treats specially.
        const QString characters = QStringLiteral("\\{}$^_~-'`[]()*.,:;!@|\"=&%#aZ09 \n\u00e9");
        for (int round = 0; round < 20000; ++round) {
            QString tex;
            const int length = random.bounded(1, 60);
            for (int i = 0; i < length; ++i)
                tex += characters.at(random.bounded(qsizetype(characters.size())));
            const QString out = TexToUnicode::convert(tex);
            QVERIFY2(out.size() <= 4 * tex.size() + 8, qPrintable(tex));
            QVERIFY2(!out.contains(u'\n') && !out.contains(QLatin1StringView("  ")), qPrintable(tex));
        }
    }

    // Braces, dollars and whitespace are markup; the words between them must all survive.
    void keepsTheWords()
    {
        const QString alphabet = QStringLiteral("ab{} $\n");
        QRandomGenerator random(7);
        for (int round = 0; round < 5000; ++round) {
            QString tex;
            const int length = random.bounded(1, 30);
            for (int i = 0; i < length; ++i)
                tex += alphabet.at(random.bounded(qsizetype(alphabet.size())));
            QCOMPARE(lettersOf(TexToUnicode::convert(tex)), lettersOf(tex));
        }
    }

    // Most titles carry no TeX at all; those come back as the same shared string.
    void plainTextIsNotCopied()
    {
        const QString title = QStringLiteral("Attention is all you need: a state-of-the-art model_name (v2)");
        const QString converted = TexToUnicode::convert(title);
        QCOMPARE(converted, title);
        QCOMPARE(converted.constData(), title.constData());
    }

    void abstract()
    {
        const QString tex = QStringLiteral(
            "We study $\\mu$P for transformers\nwith $L$ layers and width $n$. "
            "Using Schr\\\"odinger-type bounds we show the loss is $\\mathcal{O}(n^{-1/2})$, i.e.\n"
            "$\\le 10^{-3}$ in 95\\% of runs~\\cite{yang2021}.");
        QCOMPARE(TexToUnicode::convert(tex),
            QStringLiteral("We study μP for transformers with L layers and width n. Using "
                           "Schrödinger-type bounds we show the loss is 𝒪(n^(-1/2)), i.e. "
                           "≤ 10⁻³ in 95% of runs \\cite{yang2021}."));
    }

    // Issue 15.14: rich-text views show real sub/superscripts and display math on its own line.
    void toHtml_data()
    {
        QTest::addColumn<QString>("tex");
        QTest::addColumn<QString>("html");
        QTest::newRow("display math")
            << QStringLiteral("with \\[ f(x)=\\sum_{i=1}^n a_i \\sigma_i(v_i^\\top x), \\] where")
            << QStringLiteral("with <br/>&#8195;&#8195; f(x)=∑<sub>i=1</sub><sup>n</sup> "
                              "a<sub>i</sub> σ<sub>i</sub>(v<sub>i</sub><sup>⊤</sup> x), "
                              "<br/> where");
        QTest::newRow("double dollars") << QStringLiteral("so $$x^2$$ holds")
                                        << QStringLiteral("so <br/>&#8195;&#8195;x<sup>2</sup><br/> holds");
        QTest::newRow("letter without a Unicode subscript")
            << QStringLiteral("$W_Q x_{train}$") << QStringLiteral("W<sub>Q</sub> x<sub>train</sub>");
        QTest::newRow("text is escaped")
            << QStringLiteral("$1 < p < 2$ and <b>x</b> & <img src=x>")
            << QStringLiteral("1 &lt; p &lt; 2 and &lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=x&gt;");
        QTest::newRow("plain") << QStringLiteral("A <plain> title")
                               << QStringLiteral("A &lt;plain&gt; title");
        QTest::newRow("markers in the source are dropped")
            << QStringLiteral("a\uE000b\uE004c $x$") << QStringLiteral("abc x");
        QTest::newRow("snake_case in text stays")
            << QStringLiteral("see my_var and $y$") << QStringLiteral("see my_var and y");
    }
    void toHtml()
    {
        QFETCH(QString, tex);
        QFETCH(QString, html);
        QCOMPARE(TexToUnicode::toHtml(tex), html);
        // The plain conversion of marker-free text never gains a marker.
        if (tex.contains(QChar(0xE000)))
            return;
        for (const QChar c : TexToUnicode::convert(tex))
            QVERIFY(c.unicode() < 0xE000 || c.unicode() > 0xE005);
    }

    void benchmark()
    {
        const QString tex = QStringLiteral(
            "We introduce $\\mu$P, a parametrization in which the optimal hyperparameters of Schr\\\"odinger "
            "networks with $L$ layers transfer across widths $n \\in \\{2^{8}, \\ldots, 2^{14}\\}$. "
            "The loss scales as $\\mathcal{O}(n^{-1})$ for $\\alpha \\le 1$, and the \\emph{learning rate} "
            "$\\eta_t = \\eta_0 / \\sqrt{t}$ is stable.\nCode: https://github.com/x/y.");
        QString result;
        QBENCHMARK
        {
            result = TexToUnicode::convert(tex);
        }
        QVERIFY(result.contains(QStringLiteral("μP")));
    }
};

QTEST_GUILESS_MAIN(TestTexToUnicode)
#include "test_textounicode.moc"
