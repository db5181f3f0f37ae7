// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmbatchapi.h"

#include "net/safeurl.h"
#include "scoring/anthropicprovider.h"
#include "scoring/llmcommon.h"
#include "scoring/llmproviders.h"
#include "scoring/openaiprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

namespace Lectern {

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

/// Ids go into URL paths: accept only the plain kind, whatever the server or the caller sends.
bool isSafeId(const QString &id, int maxLength = 128)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return !id.isEmpty() && id.size() <= maxLength && re.match(id).hasMatch();
}

Result<void> checkRequests(const QList<LlmBatchRequest> &requests)
{
    if (requests.isEmpty())
        return Error {QStringLiteral("A provider batch needs at least one request")};
    QSet<QString> seen;
    for (const LlmBatchRequest &r : requests) {
        if (!isSafeId(r.customId, 64))
            return Error {QStringLiteral("The request name \"%1\" is not 1 to 64 letters, digits, '-' or '_'")
                              .arg(r.customId)};
        if (seen.contains(r.customId))
            return Error {
                QStringLiteral("The request name \"%1\" appears twice in the batch").arg(r.customId)};
        seen.insert(r.customId);
    }
    return {};
}

/// One call to a batch endpoint with the provider's retry rules.
HttpResponse call(const LlmConfig &config, const QByteArray &method, const QUrl &url, const Headers &headers,
    const QByteArray &body, const std::atomic_bool *cancel, qint64 maxBytes = 0)
{
    HttpRequest request;
    request.url = url;
    request.method = method;
    request.headers = headers;
    request.body = body;
    LlmConfig c = config;
    if (maxBytes > 0)
        c.http.maxBytes = std::max(c.http.maxBytes, maxBytes);
    BatchResult scratch;
    return Llm::send(request, c, cancel, scratch);
}

Result<QJsonObject> jsonReply(const HttpResponse &response, const LlmConfig &config)
{
    if (!response.ok()) {
        BatchResult failed;
        Llm::setFailure(failed, response, config);
        return Error {failed.error};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error {QStringLiteral("The reply from %1 is not a JSON object (%2)")
                          .arg(SafeUrl::forDisplay(response.url), pe.errorString())};
    return doc.object();
}

/// JSON Lines: one object per non-empty line; lines that are not objects are counted, not guessed at.
QList<QJsonObject> jsonLines(const QByteArray &data, int &unreadable)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : data.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            out << doc.object();
        else
            ++unreadable;
    }
    return out;
}

QString errorMessage(const QJsonValue &error)
{
    const QJsonObject o = error.toObject();
    QString message = o.value(QStringLiteral("message")).toString();
    if (message.isEmpty()) // Anthropic nests the error object: {"type":"error","error":{...}}
        message = o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    return Llm::sanitised(message, QString());
}

constexpr qint64 ResultsMaxBytes = 512ll * 1024 * 1024;

class OpenAiBatchApi final : public LlmBatchApi
{
public:
    explicit OpenAiBatchApi(const LlmConfig &config)
        : m_config(config)
        , m_provider(config)
    { }

    Result<QString> submit(const QList<LlmBatchRequest> &requests, const std::atomic_bool *cancel) override
    {
        if (auto ok = checkRequests(requests); !ok)
            return Error {ok.error()};
        QByteArray lines;
        for (const LlmBatchRequest &r : requests) {
            const QJsonObject line {{QStringLiteral("custom_id"), r.customId},
                {QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                {QStringLiteral("body"), m_provider.requestBody(r.papers, r.prompt)}};
            lines += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        }

        // The file upload is multipart/form-data: a "purpose" field and the JSONL file.
        const QByteArray boundary = QByteArrayLiteral("lectern-") +
            QByteArray::number(QRandomGenerator::global()->generate64(), 16) +
            QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        QByteArray form;
        form += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n";
        form += "--" + boundary +
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lectern-batch.jsonl\"\r\n"
            "Content-Type: application/jsonl\r\n\r\n";
        form += lines;
        form += "\r\n--" + boundary + "--\r\n";
        Headers headers = authHeaders();
        headers.append({QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("multipart/form-data; boundary=") + boundary});
        const auto file = jsonReply(call(m_config, "POST", url(u"files"), headers, form, cancel), m_config);
        if (!file)
            return Error {QStringLiteral("Uploading the batch failed: %1").arg(file.error())};
        const QString fileId = file->value(QStringLiteral("id")).toString();
        if (!isSafeId(fileId))
            return Error {QStringLiteral("The upload was answered without a usable file id")};

        const QJsonObject create {{QStringLiteral("input_file_id"), fileId},
            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
            {QStringLiteral("completion_window"), QStringLiteral("24h")}};
        const auto batch = jsonReply(call(m_config, "POST", url(u"batches"), m_provider.headers(),
                                         QJsonDocument(create).toJson(QJsonDocument::Compact), cancel),
            m_config);
        if (!batch)
            return Error {QStringLiteral("Creating the batch failed: %1").arg(batch.error())};
        const QString id = batch->value(QStringLiteral("id")).toString();
        if (!isSafeId(id))
            return Error {QStringLiteral("The batch was created without a usable id")};
        return id;
    }

    Result<LlmBatchStatus> status(const QString &batchId, const std::atomic_bool *cancel) override
    {
        const auto batch = fetch(batchId, cancel);
        if (!batch)
            return Error {batch.error()};
        LlmBatchStatus s;
        s.id = batchId;
        s.state = batch->value(QStringLiteral("status")).toString();
        const QJsonObject counts = batch->value(QStringLiteral("request_counts")).toObject();
        s.total = counts.value(QStringLiteral("total")).toInt();
        s.succeeded = counts.value(QStringLiteral("completed")).toInt();
        s.failedRequests = counts.value(QStringLiteral("failed")).toInt();
        static const QStringList finalStates {QStringLiteral("completed"), QStringLiteral("failed"),
            QStringLiteral("expired"), QStringLiteral("cancelled")};
        s.ended = finalStates.contains(s.state);
        // An expired or cancelled batch may still hold the results that were done in time.
        s.failed = s.state == u"failed" ||
            (s.ended && s.state != u"completed" &&
                batch->value(QStringLiteral("output_file_id")).toString().isEmpty());
        const QJsonArray errors =
            batch->value(QStringLiteral("errors")).toObject().value(QStringLiteral("data")).toArray();
        if (!errors.isEmpty())
            s.error = errorMessage(errors.first());
        else if (s.failed)
            s.error = QStringLiteral("The batch ended as %1").arg(s.state);
        return s;
    }

    Result<QHash<QString, BatchResult>> results(const QString &batchId,
        const QHash<QString, QList<Paper>> &papers, const std::atomic_bool *cancel) override
    {
        const auto batch = fetch(batchId, cancel);
        if (!batch)
            return Error {batch.error()};
        QHash<QString, BatchResult> out;
        int unreadable = 0;
        for (const char *key : {"output_file_id", "error_file_id"}) {
            const QString fileId = batch->value(QLatin1StringView(key)).toString();
            if (fileId.isEmpty())
                continue;
            if (!isSafeId(fileId))
                return Error {QStringLiteral("The batch names an unusable file id")};
            const HttpResponse file = call(m_config, "GET", url(QString(u"files/" + fileId + u"/content")),
                authHeaders(), {}, cancel, ResultsMaxBytes);
            if (!file.ok()) {
                BatchResult failed;
                Llm::setFailure(failed, file, m_config);
                return Error {QStringLiteral("Downloading the batch results failed: %1").arg(failed.error)};
            }
            for (const QJsonObject &line : jsonLines(file.body, unreadable)) {
                const QString id = line.value(QStringLiteral("custom_id")).toString();
                if (!papers.contains(id) || out.contains(id))
                    continue; // not asked for, or already answered: trust the first
                BatchResult r;
                r.model = m_config.model;
                const QJsonObject response = line.value(QStringLiteral("response")).toObject();
                const int statusCode = response.value(QStringLiteral("status_code")).toInt();
                if (statusCode == 200) {
                    OpenAiProvider::readCompletion(
                        response.value(QStringLiteral("body")).toObject(), papers.value(id), r);
                } else if (line.value(QStringLiteral("error")).isObject()) {
                    r.error = errorMessage(line.value(QStringLiteral("error")));
                } else {
                    r.error = QStringLiteral("HTTP %1: %2")
                                  .arg(statusCode)
                                  .arg(errorMessage(response.value(QStringLiteral("body"))
                                                        .toObject()
                                                        .value(QStringLiteral("error"))));
                }
                out.insert(id, r);
            }
        }
        if (unreadable > 0 && !out.isEmpty())
            out.begin()->warnings
                << QStringLiteral("%1 lines of the batch results could not be read").arg(unreadable);
        return out;
    }

    Result<void> cancelBatch(const QString &batchId, const std::atomic_bool *cancel) override
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        const auto r = jsonReply(call(m_config, "POST", url(QString(u"batches/" + batchId + u"/cancel")),
                                     m_provider.headers(), QByteArrayLiteral("{}"), cancel),
            m_config);
        if (!r)
            return Error {r.error()};
        return {};
    }

private:
    [[nodiscard]] QUrl url(QStringView path) const { return Llm::endpoint(m_config.baseUrl, path); }

    /// The provider's headers without its JSON content type.
    [[nodiscard]] Headers authHeaders() const
    {
        Headers h = m_provider.headers();
        h.removeIf([](const auto &p) { return p.first.compare("Content-Type", Qt::CaseInsensitive) == 0; });
        return h;
    }

    Result<QJsonObject> fetch(const QString &batchId, const std::atomic_bool *cancel)
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        return jsonReply(
            call(m_config, "GET", url(QString(u"batches/" + batchId)), authHeaders(), {}, cancel), m_config);
    }

    LlmConfig m_config;
    OpenAiProvider m_provider;
};

class AnthropicBatchApi final : public LlmBatchApi
{
public:
    explicit AnthropicBatchApi(const LlmConfig &config)
        : m_config(config)
        , m_provider(config)
    { }

    Result<QString> submit(const QList<LlmBatchRequest> &requests, const std::atomic_bool *cancel) override
    {
        if (auto ok = checkRequests(requests); !ok)
            return Error {ok.error()};
        QJsonArray list;
        for (const LlmBatchRequest &r : requests)
            list.append(QJsonObject {{QStringLiteral("custom_id"), r.customId},
                {QStringLiteral("params"), m_provider.requestBody(r.papers, r.prompt)}});
        const auto batch = jsonReply(call(m_config, "POST", url(u"messages/batches"), m_provider.headers(),
                                         QJsonDocument(QJsonObject {{QStringLiteral("requests"), list}})
                                             .toJson(QJsonDocument::Compact),
                                         cancel),
            m_config);
        if (!batch)
            return Error {QStringLiteral("Creating the batch failed: %1").arg(batch.error())};
        const QString id = batch->value(QStringLiteral("id")).toString();
        if (!isSafeId(id))
            return Error {QStringLiteral("The batch was created without a usable id")};
        return id;
    }

    Result<LlmBatchStatus> status(const QString &batchId, const std::atomic_bool *cancel) override
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        const auto batch = jsonReply(call(m_config, "GET", url(QString(u"messages/batches/" + batchId)),
                                         m_provider.headers(), {}, cancel),
            m_config);
        if (!batch)
            return Error {batch.error()};
        LlmBatchStatus s;
        s.id = batchId;
        s.state = batch->value(QStringLiteral("processing_status")).toString();
        const QJsonObject counts = batch->value(QStringLiteral("request_counts")).toObject();
        s.succeeded = counts.value(QStringLiteral("succeeded")).toInt();
        s.failedRequests = counts.value(QStringLiteral("errored")).toInt() +
            counts.value(QStringLiteral("canceled")).toInt() +
            counts.value(QStringLiteral("expired")).toInt();
        s.total = s.succeeded + s.failedRequests + counts.value(QStringLiteral("processing")).toInt();
        s.ended = s.state == u"ended";
        s.failed = s.ended && s.succeeded == 0 && s.total > 0;
        if (s.failed)
            s.error = QStringLiteral("No request of the batch succeeded");
        return s;
    }

    Result<QHash<QString, BatchResult>> results(const QString &batchId,
        const QHash<QString, QList<Paper>> &papers, const std::atomic_bool *cancel) override
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        // The results address is built here rather than taken from the reply's results_url: the key must
        // not follow a link to another host.
        const HttpResponse file =
            call(m_config, "GET", url(QString(u"messages/batches/" + batchId + u"/results")),
                m_provider.headers(), {}, cancel, ResultsMaxBytes);
        if (!file.ok()) {
            BatchResult failed;
            Llm::setFailure(failed, file, m_config);
            return Error {QStringLiteral("Downloading the batch results failed: %1").arg(failed.error)};
        }
        QHash<QString, BatchResult> out;
        int unreadable = 0;
        for (const QJsonObject &line : jsonLines(file.body, unreadable)) {
            const QString id = line.value(QStringLiteral("custom_id")).toString();
            if (!papers.contains(id) || out.contains(id))
                continue;
            BatchResult r;
            r.model = m_config.model;
            const QJsonObject result = line.value(QStringLiteral("result")).toObject();
            const QString type = result.value(QStringLiteral("type")).toString();
            if (type == u"succeeded")
                AnthropicProvider::readMessage(
                    result.value(QStringLiteral("message")).toObject(), papers.value(id), r);
            else if (type == u"errored")
                r.error = errorMessage(result.value(QStringLiteral("error")));
            else
                r.error = QStringLiteral("The request ended as %1")
                              .arg(type.isEmpty() ? QStringLiteral("unknown") : type);
            out.insert(id, r);
        }
        if (unreadable > 0 && !out.isEmpty())
            out.begin()->warnings
                << QStringLiteral("%1 lines of the batch results could not be read").arg(unreadable);
        return out;
    }

    Result<void> cancelBatch(const QString &batchId, const std::atomic_bool *cancel) override
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        const auto r =
            jsonReply(call(m_config, "POST", url(QString(u"messages/batches/" + batchId + u"/cancel")),
                          m_provider.headers(), {}, cancel),
                m_config);
        if (!r)
            return Error {r.error()};
        return {};
    }

private:
    [[nodiscard]] QUrl url(QStringView path) const { return Llm::endpoint(m_config.baseUrl, path); }

    LlmConfig m_config;
    AnthropicProvider m_provider;
};

} // namespace

Result<std::unique_ptr<LlmBatchApi>> makeLlmBatchApi(const LlmConfig &config)
{
    // The same checks as for direct scoring: a model, an http(s) address, a key that may travel.
    if (auto provider = makeLlmProvider(config); !provider)
        return Error {provider.error()};
    switch (config.kind) {
    case LlmKind::OpenAi:
        return std::unique_ptr<LlmBatchApi>(std::make_unique<OpenAiBatchApi>(config));
    case LlmKind::Anthropic:
        return std::unique_ptr<LlmBatchApi>(std::make_unique<AnthropicBatchApi>(config));
    case LlmKind::Local:
        break;
    }
    return Error {QStringLiteral("Local servers have no batch interface; score them directly")};
}

} // namespace Lectern
