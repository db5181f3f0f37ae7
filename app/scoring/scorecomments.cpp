// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/scorecomments.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>

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

} // namespace

QString stored(Form form, const QStringList &arguments)
{
    return substitute(QString::fromUtf8(kForms.at(std::size_t(form))), arguments);
}

QString readable(const QString &comment)
{
    if (!comment.startsWith(u"Not "))
        return comment;
    static const auto matchers = [] {
        std::array<QRegularExpression, kForms.size()> out;
        for (std::size_t i = 0; i < kForms.size(); ++i)
            out[i] = matcherOf(kForms[i]);
        return out;
    }();
    for (std::size_t i = 0; i < kForms.size(); ++i) {
        const QRegularExpressionMatch m = matchers[i].match(comment);
        if (m.hasMatch()) {
            QStringList arguments = m.capturedTexts();
            arguments.removeFirst();
            return substitute(QCoreApplication::translate(kContext, kForms[i]), arguments);
        }
    }
    return comment;
}

} // namespace Lectern::ScoreComments
