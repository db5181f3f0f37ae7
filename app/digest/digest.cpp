// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digest.h"

namespace Lectern {

namespace {

QLatin1StringView systemHeading()
{
    return QLatin1StringView("## System Prompt");
}

QLatin1StringView userHeading()
{
    return QLatin1StringView("## User Prompt");
}

QStringList linesOf(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    return text.split(u'\n');
}

/// Joins lines [from, to) without the blank lines at either end; indentation inside is kept.
QString joinTrimmed(const QStringList &lines, qsizetype from, qsizetype to)
{
    while (from < to && lines[from].trimmed().isEmpty())
        ++from;
    while (to > from && lines[to - 1].trimmed().isEmpty())
        --to;
    return lines.mid(from, to - from).join(u'\n');
}

QString trimmedPart(const QString &text)
{
    const QStringList lines = linesOf(text);
    return joinTrimmed(lines, 0, lines.size());
}

} // namespace

QString StoredPrompt::toText() const
{
    QStringList parts;
    if (const QString s = trimmedPart(system); !s.isEmpty())
        parts << systemHeading() + QStringLiteral("\n\n") + s;
    if (const QString u = trimmedPart(user); !u.isEmpty())
        parts << userHeading() + QStringLiteral("\n\n") + u;
    return parts.join(QStringLiteral("\n\n"));
}

StoredPrompt StoredPrompt::fromText(const QString &text)
{
    const QStringList lines = linesOf(text);
    const qsizetype n = lines.size();
    qsizetype first = 0;
    while (first < n && lines[first].trimmed().isEmpty())
        ++first;

    StoredPrompt out;
    if (first < n && lines[first].trimmed() == systemHeading()) {
        qsizetype user = first + 1;
        while (user < n && lines[user].trimmed() != userHeading())
            ++user;
        out.system = joinTrimmed(lines, first + 1, user);
        if (user < n)
            out.user = joinTrimmed(lines, user + 1, n);
    } else if (first < n && lines[first].trimmed() == userHeading()) {
        out.user = joinTrimmed(lines, first + 1, n);
    } else {
        out.user = joinTrimmed(lines, first, n);
    }
    return out;
}

} // namespace Lectern
