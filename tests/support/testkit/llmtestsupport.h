// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared pieces of the LLM provider tests: a batch, a prompt whose parts are easy to find in a request
// body, fast HTTP options, and canned replies from tests/fixtures/llm/.

#include "net/httpclient.h"
#include "scoring/scoringprovider.h"

// The provider tests also use the fixtures and QJsonDocument through this header.
#include <testkit/fixtures.h>
#include <testkit/loopbackhttpserver.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace Lectern::Test {

/// Never sent anywhere but to the loopback stand-in; tests check it appears in the auth header only.
inline const QString FakeKey = QStringLiteral("sk-test-LecternFakeKey1234567890");

/// @p n made-up papers 2611.00001, 2611.00002, ...
QList<Paper> batchOf(int n);

/// A prompt whose system text, static instructions and paper blocks are easy to find in a request body.
RenderedPrompt testPrompt();

/// Short backoffs and timeouts, so that a retry test does not wait for production's minutes.
HttpOptions fastHttp();

/// A JSON reply with @p status and @p body.
LoopbackHttpServer::Response reply(
    int status, const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers = {});

/// A JSON reply whose body is tests/fixtures/@p path.
LoopbackHttpServer::Response fixtureReply(
    int status, const char *path, QList<std::pair<QByteArray, QByteArray>> headers = {});

/// A Chat Completions answer (object "chat.completion", one choice that stopped) whose message is
/// @p content, with the usage @p promptTokens + @p completionTokens.
QJsonObject chatCompletion(const QString &id, const QJsonValue &model, const QString &content,
    qint64 promptTokens, qint64 completionTokens);

/// @p object as compact JSON text (a message's content).
QString compactJson(const QJsonObject &object);

/// The request body as a JSON object.
QJsonObject bodyOf(const LoopbackHttpServer::Request &r);

/// "id:rel:nov" per item, unscored values as '-'.
QString summary(const BatchResult &r);

/// Whether any string of @p list contains @p needle.
bool anyContains(const QStringList &list, const QString &needle);

} // namespace Lectern::Test
