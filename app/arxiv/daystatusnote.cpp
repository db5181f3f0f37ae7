// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxiv/daystatusnote.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace Lectern::DayStatusNote {

namespace {

struct Wording
{
    DayProblem::Code code;
    const char *key; // stored; never changes once released
    const char *text; // the English text, translated in context Lectern::DayStatusNote
};

constexpr std::array kWordings {
    Wording {DayProblem::Code::FeedFailed, "feedFailed",
        QT_TRANSLATE_NOOP("Lectern::DayStatusNote", "%1 failed (%2)")},
    Wording {DayProblem::Code::FeedNotTried, "feedNotTried",
        QT_TRANSLATE_NOOP("Lectern::DayStatusNote", "%1 not tried")},
    Wording {DayProblem::Code::FeedRepeats, "feedRepeats",
        QT_TRANSLATE_NOOP("Lectern::DayStatusNote", "%1 repeats the items of %2 (a stale cache?)")},
    Wording {DayProblem::Code::DatesDiffer, "datesDiffer",
        QT_TRANSLATE_NOOP("Lectern::DayStatusNote", "the feeds carry different dates")},
    Wording {DayProblem::Code::DatedOtherwise, "datedOtherwise",
        QT_TRANSLATE_NOOP("Lectern::DayStatusNote",
            "the feeds are dated %1, not %2 (RSS only carries the latest announcement)")},
    Wording {DayProblem::Code::EmptyFeeds, "emptyFeeds",
        QT_TRANSLATE_NOOP("Lectern::DayStatusNote", "%1 feed(s) were empty while others were not")},
    Wording {DayProblem::Code::CompletedByBackfill, "completedByBackfill",
        QT_TRANSLATE_NOOP(
            "Lectern::DayStatusNote", "Completed by a back-fill from OAI-PMH datestamps (approximate).")},
    Wording {DayProblem::Code::Backfilled, "backfilled",
        QT_TRANSLATE_NOOP(
            "Lectern::DayStatusNote", "Back-filled from OAI-PMH datestamps; approximates the announcement.")},
};

const Wording *wordingOf(DayProblem::Code code)
{
    for (const Wording &w : kWordings)
        if (w.code == code)
            return &w;
    return nullptr;
}

const Wording *wordingOf(QStringView key)
{
    for (const Wording &w : kWordings)
        if (key == QLatin1StringView(w.key))
            return &w;
    return nullptr;
}

// All at once, so that an argument holding "%2" (a server's message) is not filled in again.
QString fill(const QString &text, const QStringList &args)
{
    switch (args.size()) {
    case 0:
        return text;
    case 1:
        return text.arg(args.at(0));
    default:
        return text.arg(args.at(0), args.at(1));
    }
}

// A note of codes is a JSON array of {"code": …, "args": […]}; anything else is a note in plain text.
// Unknown codes (a newer Lectern's) come back as their key and arguments rather than being lost.
template<typename Describe> QString render(const QString &stored, Describe describe)
{
    if (!stored.startsWith(u'['))
        return stored;
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8());
    if (!doc.isArray())
        return stored;
    QStringList parts;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        if (!o.value(u"code").isString())
            return stored;
        QStringList args;
        for (const QJsonValue &a : o.value(u"args").toArray())
            args << a.toString();
        const QString key = o.value(u"code").toString();
        if (const Wording *w = wordingOf(key))
            parts << fill(describe(*w), args);
        else
            parts << (args.isEmpty() ? key
                                     : key + QStringLiteral(" (") + args.join(QStringLiteral(", ")) + u')');
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

QString encode(const QList<DayProblem> &problems)
{
    if (problems.isEmpty())
        return {};
    QJsonArray out;
    for (const DayProblem &p : problems) {
        const Wording *w = wordingOf(p.code);
        Q_ASSERT(w);
        out.append(QJsonObject {
            {QStringLiteral("code"), QString::fromLatin1(w->key)},
            {QStringLiteral("args"), QJsonArray::fromStringList(p.args)},
        });
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QList<DayProblem> decode(const QString &stored)
{
    QList<DayProblem> out;
    if (!stored.startsWith(u'['))
        return out;
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8());
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const Wording *w = wordingOf(o.value(u"code").toString());
        if (!w)
            return {};
        QStringList args;
        for (const QJsonValue &a : o.value(u"args").toArray())
            args << a.toString();
        out << DayProblem {w->code, args};
    }
    return out;
}

QString describe(const DayProblem &problem)
{
    const Wording *w = wordingOf(problem.code);
    Q_ASSERT(w);
    return fill(QCoreApplication::translate("Lectern::DayStatusNote", w->text), problem.args);
}

QString display(const QString &stored)
{
    return render(stored,
        [](const Wording &w) { return QCoreApplication::translate("Lectern::DayStatusNote", w.text); });
}

QString english(const QString &stored)
{
    return render(stored, [](const Wording &w) { return QString::fromUtf8(w.text); });
}

} // namespace Lectern::DayStatusNote
