// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared pieces of the LLM provider tests: a batch, a prompt whose parts are easy to find in a request
// body, fast HTTP options, and canned replies from tests/fixtures/llm/.

#include "net/httpclient.h"
#include "scoring/scoringprovider.h"
#include "support/fixtures.h"
#include "support/loopbackhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Lectern::Test {

/// Never sent anywhere but to the loopback stand-in; tests check it appears in the auth header only.
inline const QString FakeKey = QStringLiteral("sk-test-LecternFakeKey1234567890");

inline QList<Paper> batchOf(int n)
{
    QList<Paper> papers;
    for (int i = 1; i <= n; ++i)
        papers << makePaper(QStringLiteral("2611.%1").arg(i, 5, 10, QChar(u'0')));
    return papers;
}

inline RenderedPrompt testPrompt()
{
    RenderedPrompt p;
    p.system = QStringLiteral("SYSTEM: you screen papers for one researcher.");
    p.instructions = QStringLiteral("STATIC INSTRUCTIONS: rubrics and topics, the same for every batch.");
    p.papers =
        QStringLiteral("<paper id=\"2611.00001\">First</paper>\n<paper id=\"2611.00002\">Second</paper>\n"
                       "<paper id=\"2611.00003\">Third</paper>");
    p.hash = QStringLiteral("0123456789abcdef");
    return p;
}

inline HttpOptions fastHttp()
{
    HttpOptions o;
    o.initialBackoffMs = 30;
    o.maxBackoffMs = 200;
    o.timeoutMs = 5000;
    o.maxAttempts = 3;
    return o;
}

inline LoopbackHttpServer::Response reply(
    int status, const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    LoopbackHttpServer::Response r;
    r.status = status;
    r.body = body;
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    r.headers = std::move(headers);
    return r;
}

inline LoopbackHttpServer::Response fixtureReply(
    int status, const char *path, QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    return reply(status, fixture(QString::fromLatin1(path)), std::move(headers));
}

inline QJsonObject bodyOf(const LoopbackHttpServer::Request &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

/// "id:rel:nov" per item, unscored values as '-'.
inline QString summary(const BatchResult &r)
{
    QStringList parts;
    for (const ScoredItem &i : r.items) {
        parts << QStringLiteral("%1:%2:%3")
                     .arg(i.arxivId, i.relevance ? QString::number(*i.relevance) : QStringLiteral("-"),
                         i.novelty ? QString::number(*i.novelty) : QStringLiteral("-"));
    }
    return parts.join(u' ');
}

inline bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list) {
        if (s.contains(needle))
            return true;
    }
    return false;
}

} // namespace Lectern::Test
