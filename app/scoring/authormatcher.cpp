// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/authormatcher.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace Lectern {

namespace {

/// Drops "(MIT, Cambridge)" style affiliations, nested ones included; an unclosed "(" drops the rest.
QString withoutParentheses(const QString &name)
{
    if (!name.contains(u'('))
        return name;
    QString out;
    out.reserve(name.size());
    int depth = 0;
    for (const QChar c : name) {
        if (c == u'(') {
            ++depth;
            out += u' ';
        } else if (c == u')') {
            depth = qMax(0, depth - 1);
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

/// TeX spellings of accented names, as arXiv listings carry them: Jo\~ao, D\'{\i}az, \v{S}imon, \o.
QString withoutTex(QString s)
{
    if (s.contains(u'\\')) {
        // Accents spelled as letters (\v{s}, \c c) must go before braces do, or "\vs" looks like a command.
        static const QRegularExpression letterAccent(QStringLiteral(R"(\\[uvHckrdbt](?:(?=\{)|\s+))"));
        static const QRegularExpression ringA(QStringLiteral(R"(\\([aA])[aA](?![A-Za-z])\s*)"));
        static const QRegularExpression letters(
            QStringLiteral(R"(\\(ss|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])\s*)"));
        static const QRegularExpression symbolAccent(QStringLiteral(R"(\\['"^`~=.])"));
        static const QRegularExpression otherCommand(QStringLiteral(R"(\\[A-Za-z]+\s*|\\.)"));
        s.remove(letterAccent);
        s.replace(ringA, QStringLiteral("\\1"));
        s.replace(letters, QStringLiteral("\\1"));
        s.remove(symbolAccent);
        s.remove(otherCommand);
    }
    s.remove(u'{');
    s.remove(u'}');
    return s;
}

/// Letters that NFKD leaves whole (ø, ł, ß, ...), spelled as they are usually transliterated.
QLatin1StringView spelledOut(QChar c)
{
    struct Letter
    {
        char16_t letter;
        const char *spelling;
    };
    static constexpr Letter letters[] = {{u'\u00F8', "o"}, {u'\u00D8', "O"}, {u'\u0142', "l"},
        {u'\u0141', "L"}, {u'\u0111', "d"}, {u'\u0110', "D"}, {u'\u00F0', "d"}, {u'\u00D0', "D"},
        {u'\u0131', "i"}, {u'\u00DF', "ss"}, {u'\u00E6', "ae"}, {u'\u00C6', "AE"}, {u'\u0153', "oe"},
        {u'\u0152', "OE"}, {u'\u00FE', "th"}, {u'\u00DE', "TH"}};
    for (const Letter &l : letters) {
        if (c.unicode() == l.letter)
            return QLatin1StringView(l.spelling);
    }
    return {};
}

bool isHyphen(QChar c)
{
    switch (c.unicode()) {
    case u'-':
    case u'\u2010':
    case u'\u2011':
    case u'\u2012':
    case u'\u2013':
    case u'\u2014':
    case u'\u2212':
        return true;
    default:
        return false;
    }
}

/// Letters without accents; separators become spaces, hyphens "-", apostrophes, digits and markers (*, †)
/// go. Case is kept: initials are recognised by it.
QString foldedLetters(const QString &s)
{
    QString in = s;
    // Before NFKD, which would turn U+00B4 into a space and a combining accent.
    for (const char16_t apostrophe : {u'\'', u'\u2019', u'\u02BC', u'`', u'\u00B4'})
        in.remove(QChar(apostrophe));
    const QString decomposed = in.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (const QLatin1StringView spelling = spelledOut(c); !spelling.isEmpty())
            out += spelling;
        else if (c.isLetter() || c == u',')
            out += c;
        else if (isHyphen(c))
            out += u'-';
        else if (c.isSpace() || c == u'.' || c == u'_')
            out += u' ';
        // Combining marks, digits and other symbols are dropped.
    }
    return out;
}

bool isSuffix(const QString &word)
{
    static const QStringList suffixes {QStringLiteral("jr"), QStringLiteral("sr"), QStringLiteral("ii"),
        QStringLiteral("iii"), QStringLiteral("iv")};
    return suffixes.contains(word.trimmed().toCaseFolded());
}

bool isUpper(const QString &word)
{
    return std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.isUpper(); });
}

/// One given name against another: equal, or one is the other's initial.
bool compatible(const QString &a, const QString &b)
{
    if (a.size() == 1 || b.size() == 1)
        return a.front() == b.front();
    return a == b;
}

/// First given names must agree; further (middle) names may be missing on one side but not contradict.
bool givenNamesAgree(const QStringList &followed, const QStringList &author)
{
    if (followed.isEmpty())
        return true; // the user follows a surname only
    if (author.isEmpty())
        return false;
    if (!compatible(followed.front(), author.front()))
        return false;
    const QStringList &shorter = followed.size() <= author.size() ? followed : author;
    const QStringList &longer = followed.size() <= author.size() ? author : followed;
    qsizetype j = 1;
    for (qsizetype i = 1; i < shorter.size(); ++i) {
        while (j < longer.size() && !compatible(shorter[i], longer[j]))
            ++j;
        if (j == longer.size())
            return false;
        ++j;
    }
    return true;
}

} // namespace

AuthorMatcher::AuthorMatcher(const QStringList &followed)
{
    for (const QString &raw : followed) {
        const QString display = raw.trimmed();
        if (display.isEmpty() || std::any_of(m_names.cbegin(), m_names.cend(), [&](const Name &n) {
                return n.display == display;
            }))
            continue;
        auto name = parse(display);
        if (!name)
            continue;
        const int index = int(m_names.size());
        m_names << *name;
        m_bySurname[name->surname] << index;
        if (!name->surname2.isEmpty() && name->surname2 != name->surname)
            m_bySurname[name->surname2] << index;
    }
}

QStringList AuthorMatcher::followed() const
{
    QStringList out;
    out.reserve(m_names.size());
    for (const Name &n : m_names)
        out << n.display;
    return out;
}

QStringList AuthorMatcher::matches(const QStringList &paperAuthors, qint64 *comparisons) const
{
    if (m_names.isEmpty())
        return {};
    QList<bool> hit(m_names.size(), false);
    for (const QString &author : paperAuthors) {
        const auto a = parse(author);
        if (!a)
            continue;
        for (const QString *key : {&a->surname, &a->surname2}) {
            if (key->isEmpty())
                continue;
            const auto it = m_bySurname.constFind(*key);
            if (it == m_bySurname.cend())
                continue;
            for (const int index : *it) {
                if (hit[index])
                    continue;
                if (comparisons)
                    ++*comparisons;
                if (sameName(m_names[index], *a))
                    hit[index] = true;
            }
        }
    }
    QStringList out;
    for (qsizetype i = 0; i < m_names.size(); ++i) {
        if (hit[i])
            out << m_names[i].display;
    }
    return out;
}

bool AuthorMatcher::sameAuthor(const QString &followed, const QString &author)
{
    const auto f = parse(followed);
    const auto a = parse(author);
    return f && a && sameName(*f, *a);
}

std::optional<AuthorMatcher::Name> AuthorMatcher::parse(const QString &raw)
{
    const QString text = foldedLetters(withoutTex(withoutParentheses(raw)));

    // "Surname, Given[, Suffix]" -> "Given Surname"; "Surname, Jr." keeps the surname only.
    QStringList parts;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            parts << part;
    }
    if (parts.isEmpty())
        return std::nullopt;
    const QString ordered =
        (parts.size() >= 2 && !isSuffix(parts[1])) ? parts[1] + u' ' + parts[0] : parts[0];

    QStringList words;
    for (const QString &word : ordered.split(u' ', Qt::SkipEmptyParts)) {
        qsizetype from = 0;
        qsizetype to = word.size();
        while (from < to && word[from] == u'-')
            ++from;
        while (to > from && word[to - 1] == u'-')
            --to;
        if (to > from)
            words << word.mid(from, to - from);
    }
    while (words.size() > 2 && isSuffix(words.last()))
        words.removeLast();
    if (words.isEmpty())
        return std::nullopt;

    // "JP Dupont" spells two initials; in an all-capitals name ("JOSE DIAZ") short words are names.
    const bool allCapitals =
        std::none_of(ordered.cbegin(), ordered.cend(), [](QChar c) { return c.isLower(); });
    const auto givenTokens = [&](qsizetype count) {
        QStringList tokens;
        for (qsizetype i = 0; i < count; ++i) {
            for (const QString &part : words[i].split(u'-', Qt::SkipEmptyParts)) {
                if (!allCapitals && part.size() >= 2 && part.size() <= 3 && isUpper(part)) {
                    for (const QChar c : part)
                        tokens << QString(c.toCaseFolded());
                } else {
                    tokens << part.toCaseFolded();
                }
            }
        }
        return tokens;
    };
    const auto surnameKey = [](QString word) { return word.remove(u'-').toCaseFolded(); };

    Name name;
    name.display = raw.trimmed();
    const qsizetype n = words.size();
    name.surname = surnameKey(words[n - 1]);
    name.given = givenTokens(n - 1);
    if (n >= 3) {
        name.surname2 = surnameKey(words[n - 2]) + surnameKey(words[n - 1]);
        name.given2 = givenTokens(n - 2);
    }
    return name;
}

bool AuthorMatcher::sameName(const Name &followed, const Name &author)
{
    const std::array<std::pair<const QString *, const QStringList *>, 2> fs {
        {{&followed.surname, &followed.given}, {&followed.surname2, &followed.given2}}};
    const std::array<std::pair<const QString *, const QStringList *>, 2> as {
        {{&author.surname, &author.given}, {&author.surname2, &author.given2}}};
    for (size_t fi = 0; fi < fs.size(); ++fi) {
        for (size_t ai = 0; ai < as.size(); ++ai) {
            const auto &[fSurname, fGiven] = fs[fi];
            const auto &[aSurname, aGiven] = as[ai];
            if (fSurname->isEmpty() || *fSurname != *aSurname)
                continue;
            // A two-word surname reading needs given names on both sides, or "Li Wei" would match "Liwei".
            if ((fi == 1 || ai == 1) && (fGiven->isEmpty() || aGiven->isEmpty()))
                continue;
            if (givenNamesAgree(*fGiven, *aGiven))
                return true;
        }
    }
    return false;
}

} // namespace Lectern
