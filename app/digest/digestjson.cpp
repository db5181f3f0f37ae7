// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/digestjson.h"

#include "arxiv/daystatusnote.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Lectern {

namespace {

QJsonValue date(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optional(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject paper(const Paper &p)
{
    return QJsonObject {
        {QStringLiteral("arxivId"), p.arxivId},
        {QStringLiteral("version"), p.version},
        {QStringLiteral("versionedId"), p.versionedId()},
        {QStringLiteral("title"), p.title},
        {QStringLiteral("authors"), QJsonArray::fromStringList(p.authors)},
        {QStringLiteral("abstract"), p.abstract},
        {QStringLiteral("categories"), QJsonArray::fromStringList(p.categories)},
        {QStringLiteral("primaryCategory"), p.primaryCategory},
        {QStringLiteral("announceType"), p.announceType},
        {QStringLiteral("announced"), date(p.announced)},
        {QStringLiteral("comments"), p.comments},
        {QStringLiteral("journalRef"), p.journalRef},
        {QStringLiteral("doi"), p.doi},
        {QStringLiteral("absUrl"), p.absUrl()},
        {QStringLiteral("pdfUrl"), p.pdfUrl()},
    };
}

QJsonValue score(const std::optional<Score> &s)
{
    if (!s)
        return QJsonValue(QJsonValue::Null);
    QJsonObject o {
        {QStringLiteral("arxivId"), s->arxivId},
        {QStringLiteral("version"), s->version},
        {QStringLiteral("relevance"), optional(s->relevance)},
        {QStringLiteral("novelty"), optional(s->novelty)},
        {QStringLiteral("comment"), s->comment},
        {QStringLiteral("model"), s->model},
        {QStringLiteral("promptHash"), s->promptHash},
        {QStringLiteral("promptTokens"), s->promptTokens},
        {QStringLiteral("completionTokens"), s->completionTokens},
        {QStringLiteral("cost"), s->cost},
        {QStringLiteral("scoredAt"), time(s->scoredAt)},
    };
    if (s->isLocal()) // never to be read as a language model's verdict
        o.insert(QStringLiteral("scoredBy"), QString(Score::LocalLabel));
    return o;
}

QJsonObject state(const PaperState &s)
{
    return QJsonObject {
        {QStringLiteral("arxivId"), s.arxivId},
        {QStringLiteral("starred"), s.starred},
        {QStringLiteral("read"), s.read},
        {QStringLiteral("dismissed"), s.dismissed},
        {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)},
        {QStringLiteral("note"), s.note},
        {QStringLiteral("updatedAt"), time(s.updatedAt)},
    };
}

QJsonObject run(const DayRun &r)
{
    return QJsonObject {
        {QStringLiteral("date"), date(r.date)},
        {QStringLiteral("categories"), QJsonArray::fromStringList(r.categories)},
        {QStringLiteral("totalArxiv"), r.totalArxiv},
        {QStringLiteral("totalScanned"), r.totalScanned},
        {QStringLiteral("totalRelevant"), r.totalRelevant},
        {QStringLiteral("promptTokens"), r.promptTokens},
        {QStringLiteral("completionTokens"), r.completionTokens},
        {QStringLiteral("cost"), r.cost},
        {QStringLiteral("model"), r.model},
        {QStringLiteral("promptText"), r.promptText},
        {QStringLiteral("source"), r.source},
        {QStringLiteral("complete"), r.complete},
        {QStringLiteral("statusNote"), DayStatusNote::english(r.statusNote)}, // read by scripts: English
        {QStringLiteral("updatedAt"), time(r.updatedAt)},
    };
}

} // namespace

QJsonObject DigestJson::entry(const DigestEntry &e, int rank)
{
    return QJsonObject {
        {QStringLiteral("rank"), rank},
        {QStringLiteral("authorMatch"), e.authorMatch},
        {QStringLiteral("matchedAuthors"), QJsonArray::fromStringList(e.matchedAuthors)},
        {QStringLiteral("paper"), paper(e.paper)},
        {QStringLiteral("score"), score(e.score)},
        {QStringLiteral("state"), state(e.state)},
    };
}

QJsonObject DigestJson::day(const Digest &d)
{
    QJsonArray papers;
    for (qsizetype i = 0; i < d.entries.size(); ++i)
        papers.append(entry(d.entries[i], int(i + 1)));
    QJsonObject out {
        {QStringLiteral("date"), date(d.run.date)},
        {QStringLiteral("run"), run(d.run)},
        {QStringLiteral("totals"),
            QJsonObject {
                {QStringLiteral("arxiv"), d.run.totalArxiv},
                {QStringLiteral("scanned"), d.run.totalScanned},
                {QStringLiteral("relevant"), d.relevantCount()},
                {QStringLiteral("shown"), int(d.entries.size())},
                {QStringLiteral("selection"), d.shownSelection},
            }},
        {QStringLiteral("cost"),
            QJsonObject {
                {QStringLiteral("prompt"), optional(d.promptCost)},
                {QStringLiteral("completion"), optional(d.completionCost)},
                {QStringLiteral("total"), d.totalCost()},
            }},
        {QStringLiteral("papers"), papers},
    };
    if (const std::optional<GateReport> &g = d.gate) {
        const auto optionalRecall = [](const std::optional<double> &x) {
            return x ? QJsonValue(*x) : QJsonValue(QJsonValue::Null);
        };
        out.insert(QStringLiteral("hybrid"),
            QJsonObject {
                {QStringLiteral("model"), g->model},
                {QStringLiteral("ranked"), g->ranked},
                {QStringLiteral("gate"), g->gate},
                {QStringLiteral("gateShare"), g->gateShare()},
                {QStringLiteral("sample"), g->sample},
                {QStringLiteral("llmSeen"), g->llmSeen},
                {QStringLiteral("gateRelevant"), g->gateRelevant},
                {QStringLiteral("sampleRelevant"), g->sampleRelevant},
                {QStringLiteral("sampleJudged"), g->sampleJudged},
                {QStringLiteral("estimatedRecall"), optionalRecall(g->recall)},
                {QStringLiteral("recallLowerBound"), optionalRecall(g->recallLowerBound())},
                {QStringLiteral("heldOutRecall"), optionalRecall(g->heldOutRecall)},
                {QStringLiteral("expectedRelevant"), optionalRecall(g->expectedRelevant)},
                {QStringLiteral("expectedRecall"), optionalRecall(g->expectedRecall)},
            });
    }
    return out;
}

QByteArray DigestJson::write(const QList<Digest> &digests, const QJsonObject &selection)
{
    QJsonArray days;
    for (const Digest &d : digests)
        days.append(day(d));
    const QJsonObject root {
        {QStringLiteral("format"), QStringLiteral("lectern-digest")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("selection"), selection},
        {QStringLiteral("days"), days},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Lectern
