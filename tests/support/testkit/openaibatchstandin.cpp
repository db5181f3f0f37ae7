// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaibatchstandin.h"

#include "llmtestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Lectern::Test {

OpenAiBatchStandIn::OpenAiBatchStandIn(LoopbackHttpServer &server)
{
    using Req = LoopbackHttpServer::Request;
    server.route("/v1/files", [this](const Req &req) {
        // The JSONL part of the multipart form: the lines that parse as objects.
        QList<QJsonObject> lines;
        for (const QByteArray &line : req.body.split('\n')) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed());
            if (doc.isObject())
                lines << doc.object();
        }
        uploads << lines;
        return json(QJsonObject {{QStringLiteral("id"), QStringLiteral("file-in-%1").arg(uploads.size())},
            {QStringLiteral("object"), QStringLiteral("file")},
            {QStringLiteral("purpose"), QStringLiteral("batch")}});
    });
    server.route("/v1/batches", [this](const Req &) {
        states << QStringLiteral("validating");
        return json(batch(int(states.size())));
    });
    for (int n = 1; n <= 4; ++n) {
        const QByteArray path = "/v1/batches/batch_standin" + QByteArray::number(n);
        server.route(path, [this, n](const Req &) { return json(batch(n)); });
        server.route(path + "/cancel", [this, n](const Req &) {
            ++cancels;
            states[n - 1] = QStringLiteral("cancelled");
            return json(batch(n));
        });
        server.route("/v1/files/file-out-" + QByteArray::number(n) + "/content",
            [this, n](const Req &) { return output(n); });
    }
}

QStringList OpenAiBatchStandIn::paperIds(const QJsonObject &line)
{
    QString user;
    for (const QJsonValue &m :
        line.value(QStringLiteral("body")).toObject().value(QStringLiteral("messages")).toArray()) {
        const QJsonValue content = m.toObject().value(QStringLiteral("content"));
        if (content.isString())
            user += content.toString();
        for (const QJsonValue &part : content.toArray())
            user += part.toObject().value(QStringLiteral("text")).toString();
    }
    QStringList ids;
    // Only arXiv ids: the instructions show the block format with a placeholder id.
    static const QRegularExpression idRe(QStringLiteral("<paper id=\"(\\d{4}\\.\\d{4,5})\""));
    for (auto it = idRe.globalMatch(user); it.hasNext();)
        ids << it.next().captured(1);
    return ids;
}

LoopbackHttpServer::Response OpenAiBatchStandIn::json(const QJsonObject &o)
{
    LoopbackHttpServer::Response r;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

QJsonObject OpenAiBatchStandIn::batch(int n) const
{
    const QString state = states.value(n - 1);
    const int total = int(uploads.value(n - 1).size());
    const bool done = state == u"completed";
    QJsonObject o {{QStringLiteral("id"), QStringLiteral("batch_standin%1").arg(n)},
        {QStringLiteral("object"), QStringLiteral("batch")}, {QStringLiteral("status"), state},
        {QStringLiteral("input_file_id"), QStringLiteral("file-in-%1").arg(n)},
        {QStringLiteral("request_counts"),
            QJsonObject {{QStringLiteral("total"), total}, {QStringLiteral("completed"), done ? total : 0},
                {QStringLiteral("failed"), 0}}}};
    if (done)
        o.insert(QStringLiteral("output_file_id"), QStringLiteral("file-out-%1").arg(n));
    return o;
}

LoopbackHttpServer::Response OpenAiBatchStandIn::output(int n) const
{
    QByteArray body;
    for (const QJsonObject &line : uploads.value(n - 1)) {
        QJsonArray papers;
        int i = 0;
        for (const QString &id : paperIds(line)) {
            ++i;
            if (leaveOut.contains(id))
                continue;
            papers.append(QJsonObject {{QStringLiteral("ARXIVID"), id},
                {QStringLiteral("COMMENT"), QStringLiteral("batch verdict")},
                {QStringLiteral("RELEVANCE"), 1 + (i * 3) % 10},
                {QStringLiteral("NOVELTY"), 1 + (i * 7) % 10}});
        }
        const QJsonObject content {{QStringLiteral("papers"), papers}};
        const QJsonObject completion = chatCompletion(QStringLiteral("chatcmpl-batch"),
            QStringLiteral("gpt-5-mini-2025-08-07"), compactJson(content), 1000, 200);
        const QJsonObject out {{QStringLiteral("id"), QStringLiteral("batch_req_x")},
            {QStringLiteral("custom_id"), line.value(QStringLiteral("custom_id"))},
            {QStringLiteral("response"),
                QJsonObject {{QStringLiteral("status_code"), 200}, {QStringLiteral("body"), completion}}},
            {QStringLiteral("error"), QJsonValue::Null}};
        body += QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n';
    }
    LoopbackHttpServer::Response r;
    r.body = body;
    return r;
}

} // namespace Lectern::Test
