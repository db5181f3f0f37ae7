// SPDX-License-Identifier: GPL-3.0-or-later
#include "bibreader.h"

#include <QRegularExpression>

namespace Lectern::Test {

QList<BibEntry> readBibTeX(const QString &text, QString *error)
{
    QList<BibEntry> out;
    qsizetype i = 0;
    const auto fail = [&](const QString &why) {
        *error = QStringLiteral("at %1: %2").arg(i).arg(why);
        return out;
    };
    const auto skipSpace = [&] {
        while (i < text.size() && text[i].isSpace())
            ++i;
    };
    error->clear();
    while (true) {
        skipSpace();
        if (i >= text.size())
            return out;
        if (text[i] != u'@')
            return fail(QStringLiteral("expected @"));
        BibEntry e;
        const qsizetype open = text.indexOf(u'{', i);
        const qsizetype comma = text.indexOf(u',', open);
        if (open < 0 || comma < 0)
            return fail(QStringLiteral("no key"));
        e.type = text.mid(i + 1, open - i - 1).toLower();
        e.key = text.mid(open + 1, comma - open - 1);
        static const QRegularExpression keyChars(QStringLiteral(R"(^[A-Za-z0-9:._/-]+$)"));
        if (!keyChars.match(e.key).hasMatch())
            return fail(QStringLiteral("bad key \"%1\"").arg(e.key));
        i = comma + 1;
        while (true) {
            skipSpace();
            if (i < text.size() && text[i] == u'}') {
                ++i;
                break;
            }
            const qsizetype eq = text.indexOf(u'=', i);
            if (eq < 0)
                return fail(QStringLiteral("no ="));
            const QString name = text.mid(i, eq - i).trimmed().toLower();
            i = eq + 1;
            skipSpace();
            if (i >= text.size() || text[i] != u'{')
                return fail(QStringLiteral("value of %1 is not braced").arg(name));
            int depth = 0;
            const qsizetype start = i + 1;
            for (; i < text.size(); ++i) {
                if (text[i] == u'{')
                    ++depth;
                else if (text[i] == u'}' && --depth == 0)
                    break;
            }
            if (depth != 0)
                return fail(QStringLiteral("unbalanced braces in %1").arg(name));
            if (e.fields.contains(name))
                return fail(QStringLiteral("field %1 twice").arg(name));
            e.fields.insert(name, text.mid(start, i - start));
            ++i;
            skipSpace();
            if (i < text.size() && text[i] == u',')
                ++i;
        }
        out << e;
    }
}

QString unescapeBibTeX(const QString &value)
{
    QString out = value;
    const QList<std::pair<QString, QString>> words {
        {QStringLiteral("\\textbraceleft{}"), QStringLiteral("{")},
        {QStringLiteral("\\textbraceright{}"), QStringLiteral("}")},
        {QStringLiteral("\\textasciitilde{}"), QStringLiteral("~")},
        {QStringLiteral("\\textasciicircum{}"), QStringLiteral("^")},
        {QStringLiteral("\\textbackslash{}"), QStringLiteral("\x01")}, // restored last
    };
    for (const auto &[from, to] : words)
        out.replace(from, to);
    static const QRegularExpression simple(QStringLiteral(R"(\\([&%$#_]))"));
    out.replace(simple, QStringLiteral("\\1"));
    out.replace(u'\x01', u'\\');
    return out;
}

QStringList RisRecord::values(const QString &tag) const
{
    QStringList out;
    for (const auto &[t, v] : lines) {
        if (t == tag)
            out << v;
    }
    return out;
}

QList<RisRecord> readRis(const QString &text, QString *error)
{
    QList<RisRecord> out;
    error->clear();
    if (!text.endsWith(QStringLiteral("\r\n"))) {
        *error = QStringLiteral("the file does not end with CR LF");
        return out;
    }
    static const QRegularExpression lineRe(QStringLiteral(R"(^([A-Z][A-Z0-9])  - (.*)$)"));
    const QStringList lines = text.chopped(2).split(QStringLiteral("\r\n"));
    std::optional<RisRecord> current;
    for (const QString &line : lines) {
        if (line.isEmpty() && !current)
            continue;
        if (line.contains(u'\n') || line.contains(u'\r')) {
            *error = QStringLiteral("bare line break in \"%1\"").arg(line);
            return out;
        }
        const auto m = lineRe.match(line);
        if (!m.hasMatch()) {
            *error = QStringLiteral("not a RIS line: \"%1\"").arg(line);
            return out;
        }
        const QString tag = m.captured(1);
        if (tag == u"TY") {
            if (current) {
                *error = QStringLiteral("TY inside a record");
                return out;
            }
            current.emplace();
        } else if (!current) {
            *error = QStringLiteral("%1 outside a record").arg(tag);
            return out;
        }
        if (tag == u"ER") {
            out << *current;
            current.reset();
            continue;
        }
        current->lines << std::pair {tag, m.captured(2)};
    }
    if (current)
        *error = QStringLiteral("last record has no ER");
    return out;
}

} // namespace Lectern::Test
