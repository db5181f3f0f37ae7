// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scorecomments.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <functional>

namespace Lectern::ScoreComments {

namespace {

constexpr const char *kContext = "Lectern::ScoreComments";

// In Form's order. QT_TRANSLATE_NOOP marks them for lupdate; readable() translates them when shown.
constexpr std::array kForms = {
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Not scored: the request failed twice (%1)."),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Not scored: the reply was cut off twice before this paper."),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Not scored: the model's reply left this paper out twice."),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments",
        "Not scored: the model gave two different verdicts, also when asked again."),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Not scored: the provider batch failed (%1)."),
    QT_TRANSLATE_NOOP(
        "Lectern::ScoreComments", "Not scored: the provider batch returned no result for this request."),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Not scored: the batch request failed (%1)."),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Not scored: the model's reply left this paper out."),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Not scored: the model gave two different verdicts."),
    QT_TRANSLATE_NOOP(
        "Lectern::ScoreComments", "Not sent to the LLM: the hybrid gate ranked it %1 of %2. %3"),
};

// In BuiltinPart's order.
constexpr std::array kBuiltinParts = {
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "topic \"%1\": %2"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "against: %1"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "no topic keyword found"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "cross-listed from %1"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "like papers you starred"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "like papers you starred (%1)"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "like papers you dismissed"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "already known: in your library (imported from %1)"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "closest paper in your library: %1 (similarity %2)"),
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "closest other paper: %1 (similarity %2)"),
};
constexpr const char *kBuiltinPrefix =
    QT_TRANSLATE_NOOP("Lectern::ScoreComments", "Built-in scorer (no LLM): ");
constexpr const char *kTitleMark = QT_TRANSLATE_NOOP("Lectern::ScoreComments", " (title)");
constexpr const char *kAnotherArchive = QT_TRANSLATE_NOOP("Lectern::ScoreComments", "another archive");
/// Between the parts of the built-in scorer's comment (a topic's name holding it only leaves that part
/// untranslated).
constexpr QLatin1StringView kPartSeparator("; ");

QString translated(const char *source)
{
    return QCoreApplication::translate(kContext, source);
}

// %1…%9 replaced in one pass, so an argument that itself holds "%2" (an error text) stays as it is.
QString substitute(const QString &pattern, const QStringList &arguments)
{
    static const QRegularExpression marker(QStringLiteral("%([1-9])"));
    QString out;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : marker.globalMatch(pattern)) {
        out += pattern.mid(from, m.capturedStart() - from);
        out += arguments.value(m.captured(1).toInt() - 1);
        from = m.capturedEnd();
    }
    return out + pattern.mid(from);
}

QRegularExpression matcherOf(const char *form)
{
    QString re = QRegularExpression::escape(QString::fromUtf8(form));
    // escape() writes "%1" as "\%1".
    static const QRegularExpression marker(QStringLiteral("\\\\%[1-9]"));
    re.replace(marker, QStringLiteral("(.*?)"));
    return QRegularExpression(
        QStringLiteral("\\A") + re + QStringLiteral("\\z"), QRegularExpression::DotMatchesEverythingOption);
}

template<std::size_t N> std::array<QRegularExpression, N> matchersOf(const std::array<const char *, N> &forms)
{
    std::array<QRegularExpression, N> out;
    for (std::size_t i = 0; i < N; ++i)
        out[i] = matcherOf(forms[i]);
    return out;
}

/// @p comment's form among @p forms (matched by @p matchers), read back into the user's language, each
/// argument passed through @p argument; empty when it is none of them.
template<std::size_t N>
QString readBack(const QString &comment, const std::array<const char *, N> &forms,
    const std::array<QRegularExpression, N> &matchers,
    const std::function<QString(std::size_t form, qsizetype argument, const QString &)> &argument)
{
    for (std::size_t i = 0; i < N; ++i) {
        const QRegularExpressionMatch m = matchers[i].match(comment);
        if (m.hasMatch()) {
            QStringList arguments = m.capturedTexts();
            arguments.removeFirst();
            for (qsizetype a = 0; a < arguments.size(); ++a)
                arguments[a] = argument(i, a, arguments.at(a));
            return substitute(translated(forms[i]), arguments);
        }
    }
    return {};
}

QString readableBuiltin(const QString &comment)
{
    QString body = comment.mid(qstrlen(kBuiltinPrefix));
    if (body.endsWith(u'.'))
        body.chop(1);
    static const auto matchers = matchersOf(kBuiltinParts);
    QStringList parts = body.split(kPartSeparator);
    for (QString &part : parts) {
        const QString read = readBack(
            part, kBuiltinParts, matchers, [](std::size_t form, qsizetype argument, const QString &text) {
                if (BuiltinPart(form) == BuiltinPart::Topic && argument == 1) {
                    QString terms = text;
                    return terms.replace(QString::fromUtf8(kTitleMark), translated(kTitleMark));
                }
                if (BuiltinPart(form) == BuiltinPart::CrossListed &&
                    text == QString::fromUtf8(kAnotherArchive))
                    return translated(kAnotherArchive);
                return text;
            });
        if (!read.isEmpty())
            part = read;
    }
    return translated(kBuiltinPrefix) + parts.join(kPartSeparator) + u'.';
}

} // namespace

QString builtinPart(BuiltinPart part, const QStringList &arguments)
{
    return substitute(QString::fromUtf8(kBuiltinParts.at(std::size_t(part))), arguments);
}

QString builtinComment(const QStringList &parts)
{
    return QString::fromUtf8(kBuiltinPrefix) + parts.join(kPartSeparator) + u'.';
}

QString titleMark()
{
    return QString::fromUtf8(kTitleMark);
}

QString anotherArchive()
{
    return QString::fromUtf8(kAnotherArchive);
}

QString stored(Form form, const QStringList &arguments)
{
    return substitute(QString::fromUtf8(kForms.at(std::size_t(form))), arguments);
}

QString readable(const QString &comment)
{
    if (comment.startsWith(QString::fromUtf8(kBuiltinPrefix)))
        return readableBuiltin(comment);
    if (!comment.startsWith(u"Not "))
        return comment;
    static const auto matchers = matchersOf(kForms);
    const QString read =
        readBack(comment, kForms, matchers, [](std::size_t form, qsizetype argument, const QString &text) {
            // The gate's comment ends with the built-in scorer's own.
            return Form(form) == Form::HybridGateRanked && argument == 2 ? readable(text) : text;
        });
    return read.isEmpty() ? comment : read;
}

} // namespace Lectern::ScoreComments
