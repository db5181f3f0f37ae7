// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// OpenAI's Files and Batches endpoints over loopback, for provider-batch tests (the CLI's `score --batch`
// and `batch` commands, the window's Score as Provider Batch).

#include <testkit/loopbackhttpserver.h>

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Lectern::Test {

/// A stand-in for OpenAI's Files and Batches endpoints: keeps the uploaded JSONL, reports the state the
/// test sets, and answers each request with a verdict for every paper in it (except the ids in leaveOut).
class OpenAiBatchStandIn final
{
public:
    /// Routes /v1/files, /v1/batches and the first four batches' endpoints of @p server to this stand-in.
    explicit OpenAiBatchStandIn(LoopbackHttpServer &server);
    Q_DISABLE_COPY_MOVE(OpenAiBatchStandIn) // the routes hold this

    QList<QList<QJsonObject>> uploads; ///< per batch, its request lines
    QStringList states; ///< per batch, what GET /v1/batches/{id} says
    QStringList leaveOut; ///< ids the "model" does not answer
    int cancels = 0;

    /// The arXiv ids of the paper blocks in one request line of the uploaded JSONL.
    [[nodiscard]] static QStringList paperIds(const QJsonObject &line);

private:
    static LoopbackHttpServer::Response json(const QJsonObject &o);
    [[nodiscard]] QJsonObject batch(int n) const;
    [[nodiscard]] LoopbackHttpServer::Response output(int n) const;
};

} // namespace Lectern::Test
