// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/titlereplyparser.h"

#include "scoring/scorereplyparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Lectern {

namespace {

/// The id list of a reply: {"keep": [...]} or a bare array; null when neither.
std::optional<QJsonArray> idList(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().trimmed().compare(QLatin1StringView("keep"), Qt::CaseInsensitive) == 0 &&
            it.value().isArray())
            return it.value().toArray();
    }
    return std::nullopt;
}

std::optional<QJsonValue> parsed(QStringView text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return std::nullopt;
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace

TitleReplyParser::TitleReplyParser(const QList<Paper> &batch)
{
    for (const Paper &p : batch) {
        m_order << p.arxivId;
        const QString n = ScoreReplyParser::normaliseId(p.arxivId);
        m_ids.insert(n.isEmpty() ? p.arxivId : n, p.arxivId);
    }
}

ParsedTitleVerdict TitleReplyParser::parseText(const QString &reply) const
{
    const QString text = reply.trimmed();
    if (auto whole = parsed(text))
        return parseJson(*whole);
    // Fences or chatter around the answer: the widest span from the first bracket of a kind to the last.
    for (const auto &[open, close] : {std::pair {u'{', u'}'}, std::pair {u'[', u']'}}) {
        const qsizetype from = text.indexOf(open);
        const qsizetype to = text.lastIndexOf(close);
        if (from < 0 || to <= from)
            continue;
        if (auto inner = parsed(QStringView(text).mid(from, to - from + 1))) {
            ParsedTitleVerdict v = parseJson(*inner);
            if (v.found)
                return v;
        }
    }
    return {};
}

ParsedTitleVerdict TitleReplyParser::parseJson(const QJsonValue &value) const
{
    ParsedTitleVerdict v;
    const std::optional<QJsonArray> list = idList(value);
    if (!list)
        return v;
    v.found = true;
    QSet<QString> kept;
    for (const QJsonValue &entry : *list) {
        QString id;
        if (entry.isString()) {
            const QString n = ScoreReplyParser::normaliseId(entry.toString());
            id = m_ids.value(n.isEmpty() ? entry.toString().trimmed() : n);
        }
        if (id.isEmpty()) {
            if (v.warnings.size() < MaxWarnings)
                v.warnings << QCoreApplication::translate("Lectern::TitleReplyParser",
                    "The title pre-filter kept \"%1\", which was not in the batch.")
                                  .arg((entry.isString() ? entry.toString()
                                                         : QCoreApplication::translate(
                                                               "Lectern::TitleReplyParser", "a non-id"))
                                           .simplified()
                                           .left(40));
            continue;
        }
        kept.insert(id);
    }
    // A list of nothing but ids from elsewhere answers another question: no verdict on this batch.
    if (kept.isEmpty() && !list->isEmpty()) {
        v.found = false;
        return v;
    }
    for (const QString &id : m_order) {
        if (kept.contains(id))
            v.keep << id;
    }
    return v;
}

} // namespace Lectern
