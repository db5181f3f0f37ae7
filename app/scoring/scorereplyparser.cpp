// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorereplyparser.h"

#include "domain/arxivid.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Lectern {

namespace {

enum class Field { None, Id, Relevance, Novelty, Comment };

/// A key as models vary it (ARXIVID, arxiv_id, ArXiv-Id): lower case, letters and digits only.
QString squashed(const QString &key)
{
    QString k;
    k.reserve(key.size());
    for (const QChar c : key) {
        if (c.isLetterOrNumber())
            k += c.toLower();
    }
    return k;
}

/// Accepted names per field, the most specific first: an entry with both "arxiv_id" and an ordinal "id"
/// is matched by the former.
const QList<QStringList> &fieldNames()
{
    static const QList<QStringList> names {{},
        {QStringLiteral("arxivid"), QStringLiteral("paperid"), QStringLiteral("arxiv"), QStringLiteral("id")},
        {QStringLiteral("relevance")}, {QStringLiteral("novelty")},
        {QStringLiteral("comment"), QStringLiteral("comments"), QStringLiteral("reason"),
            QStringLiteral("rationale")}};
    return names;
}

QJsonValue fieldValue(const QJsonObject &o, Field f)
{
    const QStringList &names = fieldNames().at(int(f));
    QJsonValue found(QJsonValue::Undefined);
    qsizetype rank = names.size();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const qsizetype r = names.indexOf(squashed(it.key()));
        if (r >= 0 && r < rank) {
            rank = r;
            found = it.value();
        }
    }
    return found;
}

/// A short, printable rendering of a value the model sent, for a warning.
QString shown(const QJsonValue &v)
{
    QString s;
    if (v.isString())
        s = u'"' + v.toString() + u'"';
    else if (v.isUndefined())
        s = QStringLiteral("missing");
    else if (v.isArray())
        s = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    else if (v.isObject())
        s = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    else
        s = QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    for (QChar &c : s) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    return s.size() > 40 ? s.left(39) + u'…' : s;
}

std::optional<int> wholeInRange(double d)
{
    if (!std::isfinite(d) || d != std::floor(d) || d < 1 || d > 10)
        return std::nullopt;
    return int(d);
}

std::optional<int> scoreFrom(const QJsonValue &v)
{
    if (v.isDouble())
        return wholeInRange(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return wholeInRange(d);
    }
    return std::nullopt;
}

QString cleanComment(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    QString s = v.toString();
    for (QChar &c : s) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u' ';
    }
    s = s.simplified();
    if (s.size() > ScoreReplyParser::MaxCommentChars) {
        qsizetype cut = ScoreReplyParser::MaxCommentChars - 1;
        if (s.at(cut - 1).isHighSurrogate())
            --cut;
        s = s.left(cut).trimmed() + u'…';
    }
    return s;
}

/// Gathers the objects that look like one paper's entry, depth first in document order.
void collect(const QJsonValue &v, const QHash<QString, QString> &ids, QList<QJsonObject> &out, int depth)
{
    if (depth > 8)
        return;
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collect(e, ids, out, depth + 1);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    // An entry is an object with a score, or with an id and nothing nested; an object with an id and
    // nested values is a wrapper ({"id": "reply-1", "scores": [...]}). An entry without an id is reported,
    // never matched by guess.
    const bool hasScore =
        !fieldValue(o, Field::Relevance).isUndefined() || !fieldValue(o, Field::Novelty).isUndefined();
    const bool nested = std::any_of(
        o.begin(), o.end(), [](const QJsonValueConstRef &e) { return e.isArray() || e.isObject(); });
    if (hasScore || (!fieldValue(o, Field::Id).isUndefined() && !nested)) {
        out << o;
        return;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        // {"2611.00001": {"RELEVANCE": 8, ...}}: the key is the id.
        if (it.value().isObject() && ids.contains(ScoreReplyParser::normaliseId(it.key()))) {
            QJsonObject entry = it.value().toObject();
            if (fieldValue(entry, Field::Id).isUndefined()) {
                entry.insert(QStringLiteral("ARXIVID"), it.key());
                out << entry;
                continue;
            }
        }
        collect(it.value(), ids, out, depth + 1);
    }
}

/// The end (exclusive) of the bracketed span opening at @p from, skipping brackets inside JSON strings;
/// -1 when it does not close. @p budget bounds the total work on hostile input; @p examined counts it.
qsizetype spanEnd(const QString &text, qsizetype from, qint64 &budget, qint64 &examined)
{
    QList<QChar> stack;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = from; i < text.size(); ++i) {
        ++examined;
        if (--budget < 0)
            return -1;
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"') {
            inString = true;
        } else if (c == u'{' || c == u'[') {
            stack << (c == u'{' ? u'}' : u']');
        } else if (c == u'}' || c == u']') {
            if (stack.isEmpty() || stack.last() != c)
                return -1;
            stack.removeLast();
            if (stack.isEmpty())
                return i + 1;
        }
    }
    return -1;
}

class Warnings
{
public:
    explicit Warnings(QStringList &out)
        : m_out(out)
    { }
    void add(const QString &w)
    {
        if (m_out.size() < ScoreReplyParser::MaxWarnings)
            m_out << w;
        else
            ++m_dropped;
    }
    void finish()
    {
        if (m_dropped > 0)
            m_out << QStringLiteral("… and %1 more problems in the reply").arg(m_dropped);
        m_dropped = 0;
    }

private:
    QStringList &m_out;
    int m_dropped = 0;
};

} // namespace

ScoreReplyParser::ScoreReplyParser(const QList<Paper> &batch)
{
    for (const Paper &p : batch) {
        m_order << p.arxivId;
        const QString n = normaliseId(p.arxivId);
        m_ids.insert(n.isEmpty() ? p.arxivId : n, p.arxivId);
    }
}

ScoreReplyParser::ScoreReplyParser(const QStringList &batchIds)
{
    for (const QString &id : batchIds) {
        m_order << id;
        const QString n = normaliseId(id);
        m_ids.insert(n.isEmpty() ? id : n, id);
    }
}

QString ScoreReplyParser::normaliseId(const QString &text)
{
    // Models wrap ids in brackets, quotes or trailing punctuation; the id itself has none of these.
    static const QString wrapping = QStringLiteral(" \t\r\n[](){}<>\"'`*.,;:");
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && wrapping.contains(text.at(b)))
        ++b;
    while (e > b && wrapping.contains(text.at(e - 1)))
        --e;
    const auto parsed = ArxivId::parse(text.mid(b, e - b));
    return parsed ? parsed->id : QString();
}

QString ScoreReplyParser::idFromValue(const QJsonValue &value) const
{
    if (value.isString()) {
        const QString n = normaliseId(value.toString());
        if (m_ids.contains(n))
            return m_ids.value(n);
        // An id the batch holds under a form ArxivId does not know (tests, future schemes): exact match only.
        const QString t = value.toString().trimmed();
        return m_ids.contains(t) ? m_ids.value(t) : QString();
    }
    if (value.isDouble()) {
        // 2611.10010 written as a bare number loses its trailing zero; accept it only when exactly one
        // id of the batch fits.
        QString found;
        for (const int decimals : {4, 5}) {
            const QString n = QString::number(value.toDouble(), 'f', decimals);
            if (m_ids.contains(n)) {
                if (!found.isEmpty() && found != m_ids.value(n))
                    return {};
                found = m_ids.value(n);
            }
        }
        return found;
    }
    return {};
}

ParsedScores ScoreReplyParser::parseJson(const QJsonValue &value) const
{
    QList<QJsonObject> entries;
    collect(value, m_ids, entries, 0);
    return resolve(entries, value.isObject() || value.isArray());
}

ParsedScores ScoreReplyParser::parseText(const QString &reply) const
{
    QString text = reply;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QList<QJsonObject> entries;
    bool foundJson = false;
    QJsonParseError error;
    qint64 scanned = text.size();
    const QJsonDocument whole = QJsonDocument::fromJson(text.trimmed().toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && !whole.isNull()) {
        collect(whole.isArray() ? QJsonValue(whole.array()) : QJsonValue(whole.object()), m_ids, entries, 0);
        ParsedScores out = resolve(entries, true);
        out.scanned = scanned;
        return out;
    }

    // Chatter, fences, JSONL or a truncated reply: try every bracketed span in order; where one does not
    // parse (a cut-off array), look inside it for complete objects.
    qint64 budget = 64 * qint64(text.size()) + 4096;
    for (qsizetype i = 0; i < text.size() && budget > 0; ++i) {
        ++scanned;
        const QChar c = text.at(i);
        if (c != u'{' && c != u'[')
            continue;
        const qsizetype end = spanEnd(text, i, budget, scanned);
        if (end < 0)
            continue;
        scanned += end - i;
        const QJsonDocument doc = QJsonDocument::fromJson(QStringView(text).mid(i, end - i).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || doc.isNull())
            continue;
        foundJson = true;
        collect(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), m_ids, entries, 0);
        i = end - 1;
    }
    ParsedScores out = resolve(entries, foundJson);
    out.scanned = scanned;
    return out;
}

ParsedScores ScoreReplyParser::resolve(const QList<QJsonObject> &entries, bool foundJson) const
{
    struct Verdict
    {
        ScoredItem item;
        int valid = 0;
    };
    ParsedScores out;
    out.foundJson = foundJson;
    Warnings warn(out.warnings);
    QHash<QString, Verdict> chosen;
    QSet<QString> conflicting;
    int withoutId = 0;

    for (const QJsonObject &o : entries) {
        const QJsonValue idValue = fieldValue(o, Field::Id);
        const QString id = idFromValue(idValue);
        if (id.isEmpty()) {
            if (idValue.isUndefined() || idValue.isNull())
                ++withoutId;
            else
                warn.add(QCoreApplication::translate(
                    "Lectern::ScoreReplyParser", "Ignored a score for %1, which is not a paper of this batch")
                             .arg(shown(idValue)));
            continue;
        }
        Verdict v;
        v.item.arxivId = id;
        const QJsonValue rel = fieldValue(o, Field::Relevance);
        const QJsonValue nov = fieldValue(o, Field::Novelty);
        v.item.relevance = scoreFrom(rel);
        v.item.novelty = scoreFrom(nov);
        v.item.comment = cleanComment(fieldValue(o, Field::Comment));
        v.valid = int(v.item.relevance.has_value()) + int(v.item.novelty.has_value());

        const auto existing = chosen.constFind(id);
        if (existing != chosen.constEnd()) {
            // Two different complete verdicts (which the paper's own text can provoke): neither is kept,
            // the paper is asked again on its own.
            if (v.valid == 2 && existing->valid == 2 &&
                (v.item.relevance != existing->item.relevance || v.item.novelty != existing->item.novelty)) {
                if (!conflicting.contains(id))
                    warn.add(QCoreApplication::translate("Lectern::ScoreReplyParser",
                        "%1 got two different verdicts; it is asked again on its own")
                                 .arg(id));
                conflicting.insert(id);
                continue;
            }
            // The first complete answer wins; a later one only replaces an earlier partial one.
            if (v.valid > existing->valid && existing->valid < 2) {
                warn.add(QCoreApplication::translate("Lectern::ScoreReplyParser",
                    "%1 was scored more than once; the first complete answer was kept")
                             .arg(id));
                chosen.insert(id, v);
            } else {
                warn.add(QCoreApplication::translate(
                    "Lectern::ScoreReplyParser", "%1 was scored more than once; the first answer was kept")
                             .arg(id));
            }
            continue;
        }
        if (!v.item.relevance)
            warn.add(QCoreApplication::translate("Lectern::ScoreReplyParser",
                "Relevance of %1 is %2, not a whole number from 1 to 10; left unscored")
                         .arg(id, shown(rel)));
        if (!v.item.novelty)
            warn.add(QCoreApplication::translate("Lectern::ScoreReplyParser",
                "Novelty of %1 is %2, not a whole number from 1 to 10; left unscored")
                         .arg(id, shown(nov)));
        chosen.insert(id, v);
    }
    if (withoutId > 0)
        warn.add(
            QCoreApplication::translate("Lectern::ScoreReplyParser", "Ignored %1 entries without an arXiv id")
                .arg(withoutId));
    warn.finish();

    for (const QString &id : m_order) {
        if (conflicting.contains(id)) {
            if (!out.conflicting.contains(id))
                out.conflicting << id;
            continue;
        }
        auto it = chosen.find(id);
        if (it != chosen.end() && it->valid > 0) {
            out.items << it->item;
            it->valid = 0; // a paper listed twice in the batch is still answered once
        }
    }
    return out;
}

} // namespace Lectern
