// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmbatchapi.h"

#include "net/safeurl.h"
#include "scoring/anthropicprovider.h"
#include "scoring/llmcommon.h"
#include "scoring/llmproviders.h"
#include "scoring/openaiprovider.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <functional>

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
            return Error {QCoreApplication::translate(
                "Lectern::LlmBatchApi", "The request name \"%1\" is not 1 to 64 letters, digits, '-' or '_'")
                              .arg(r.customId)};
        if (seen.contains(r.customId))
            return Error {QCoreApplication::translate(
                "Lectern::LlmBatchApi", "The request name \"%1\" appears twice in the batch")
                              .arg(r.customId)};
        seen.insert(r.customId);
    }
    return {};
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

/// What both providers' batch interfaces share: calls with the LLM retry rule and readable failures,
/// safe ids in paths, the results read as JSON Lines by custom id, cancelling. The subclasses supply the
/// paths, the request format and how one result line reads.
class HttpBatchApi : public LlmBatchApi
{
public:
    Result<void> cancelBatch(const QString &batchId, const std::atomic_bool *cancel) override
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        const auto r = json("POST", cancelPath(batchId), m_headers, cancelBody(), cancel);
        if (!r)
            return Error {r.error()};
        return {};
    }

protected:
    /// One result line's verdicts; the line's custom id is known to be one asked for.
    using LineReader =
        std::function<void(const QJsonObject &line, const QList<Paper> &papers, BatchResult &r)>;

    HttpBatchApi(LlmConfig config, std::unique_ptr<LlmProvider> provider)
        : m_config(std::move(config))
        , m_provider(std::move(provider))
        , m_headers(m_provider->headers())
    { }

    /// The requests, checked, each with its custom id and the body its provider would send directly.
    Result<QList<std::pair<QString, QJsonObject>>> bodies(const QList<LlmBatchRequest> &requests) const
    {
        if (auto ok = checkRequests(requests); !ok)
            return Error {ok.error()};
        QList<std::pair<QString, QJsonObject>> out;
        for (const LlmBatchRequest &r : requests)
            out.append({r.customId, m_provider->requestBody(r.papers, r.prompt)});
        return out;
    }

    /// The id of the batch a create call answered with.
    static Result<QString> createdId(const Result<QJsonObject> &batch)
    {
        if (!batch)
            return Error {QCoreApplication::translate("Lectern::LlmBatchApi", "Creating the batch failed: %1")
                              .arg(batch.error())};
        const QString id = batch->value(QStringLiteral("id")).toString();
        if (!isSafeId(id))
            return Error {QCoreApplication::translate(
                "Lectern::LlmBatchApi", "The batch was created without a usable id")};
        return id;
    }

    [[nodiscard]] virtual QString cancelPath(const QString &batchId) const = 0;
    [[nodiscard]] virtual QByteArray cancelBody() const { return {}; }

    [[nodiscard]] QUrl url(QStringView path) const { return Llm::endpoint(m_config.baseUrl, path); }

    /// One call to a batch endpoint with the provider's retry rules.
    HttpResponse call(const QByteArray &method, QStringView path, const Headers &headers,
        const QByteArray &body, const std::atomic_bool *cancel, qint64 maxBytes = 0) const
    {
        HttpRequest request;
        request.url = url(path);
        request.method = method;
        request.headers = headers;
        request.body = body;
        LlmConfig c = m_config;
        if (maxBytes > 0)
            c.http.maxBytes = std::max(c.http.maxBytes, maxBytes);
        BatchResult scratch;
        return Llm::send(request, c, cancel, scratch);
    }

    Result<QJsonObject> json(const QByteArray &method, QStringView path, const Headers &headers,
        const QByteArray &body, const std::atomic_bool *cancel) const
    {
        const HttpResponse response = call(method, path, headers, body, cancel);
        if (!response.ok())
            return Error {failure(response)};
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(response.body, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            return Error {QCoreApplication::translate(
                "Lectern::LlmBatchApi", "The reply from %1 is not a JSON object (%2)")
                              .arg(SafeUrl::forDisplay(response.url), pe.errorString())};
        return doc.object();
    }

    /// A results file, however large a batch's results may be.
    Result<QByteArray> download(
        QStringView path, const Headers &headers, const std::atomic_bool *cancel) const
    {
        const HttpResponse file = call("GET", path, headers, {}, cancel, ResultsMaxBytes);
        if (!file.ok())
            return Error {QCoreApplication::translate(
                "Lectern::LlmBatchApi", "Downloading the batch results failed: %1")
                              .arg(failure(file))};
        return file.body;
    }

    /// Adds the results of @p data (JSON Lines) to @p out: only custom ids asked for, the first answer of
    /// each; lines that are not objects are counted in @p unreadable, not guessed at.
    void readResults(const QByteArray &data, const QHash<QString, QList<Paper>> &papers,
        const LineReader &read, QHash<QString, BatchResult> &out, int &unreadable) const
    {
        for (const QByteArray &text : data.split('\n')) {
            if (text.trimmed().isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(text);
            if (!doc.isObject()) {
                ++unreadable;
                continue;
            }
            const QJsonObject line = doc.object();
            const QString id = line.value(QStringLiteral("custom_id")).toString();
            if (!papers.contains(id) || out.contains(id))
                continue; // not asked for, or already answered: trust the first
            BatchResult r;
            r.model = m_config.model;
            read(line, papers.value(id), r);
            sanitise(r);
            out.insert(id, r);
        }
    }

    /// The line readers know no key: what they took from the server is cleaned of this connection's
    /// key and base URL secrets here.
    void sanitise(BatchResult &r) const
    {
        r.error = Llm::withoutSecrets(r.error, m_config);
        r.model = Llm::withoutSecrets(r.model, m_config);
        for (QString &w : r.warnings)
            w = Llm::withoutSecrets(w, m_config);
    }

    static void noteUnreadable(QHash<QString, BatchResult> &out, int unreadable)
    {
        if (unreadable > 0 && !out.isEmpty())
            out.begin()->warnings
                << QStringLiteral("%1 lines of the batch results could not be read").arg(unreadable);
    }

    LlmConfig m_config;
    std::unique_ptr<LlmProvider> m_provider; ///< builds the requests as it would send them directly
    Headers m_headers; ///< the provider's, JSON content type included

private:
    [[nodiscard]] QString failure(const HttpResponse &response) const
    {
        BatchResult failed;
        Llm::setFailure(failed, response, m_config);
        return failed.error;
    }
};

class OpenAiBatchApi final : public HttpBatchApi
{
public:
    explicit OpenAiBatchApi(const LlmConfig &config)
        : HttpBatchApi(config, std::make_unique<OpenAiProvider>(config))
    { }

    Result<QString> submit(const QList<LlmBatchRequest> &requests, const std::atomic_bool *cancel) override
    {
        const auto bodies = this->bodies(requests);
        if (!bodies)
            return Error {bodies.error()};
        QByteArray lines;
        for (const auto &[customId, body] : *bodies) {
            const QJsonObject line {{QStringLiteral("custom_id"), customId},
                {QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                {QStringLiteral("body"), body}};
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
        const auto file = json("POST", u"files", headers, form, cancel);
        if (!file)
            return Error {
                QCoreApplication::translate("Lectern::LlmBatchApi", "Uploading the batch failed: %1")
                    .arg(file.error())};
        const QString fileId = file->value(QStringLiteral("id")).toString();
        if (!isSafeId(fileId))
            return Error {QCoreApplication::translate(
                "Lectern::LlmBatchApi", "The upload was answered without a usable file id")};

        const QJsonObject create {{QStringLiteral("input_file_id"), fileId},
            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
            {QStringLiteral("completion_window"), QStringLiteral("24h")}};
        return createdId(json(
            "POST", u"batches", m_headers, QJsonDocument(create).toJson(QJsonDocument::Compact), cancel));
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
            s.error = Llm::withoutSecrets(errorMessage(errors.first()), m_config);
        else if (s.failed)
            s.error =
                QCoreApplication::translate("Lectern::LlmBatchApi", "The batch ended as %1").arg(s.state);
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
                return Error {QCoreApplication::translate(
                    "Lectern::LlmBatchApi", "The batch names an unusable file id")};
            const auto file = download(QString(u"files/" + fileId + u"/content"), authHeaders(), cancel);
            if (!file)
                return Error {file.error()};
            readResults(*file, papers, readLine, out, unreadable);
        }
        noteUnreadable(out, unreadable);
        return out;
    }

protected:
    QString cancelPath(const QString &batchId) const override { return u"batches/" + batchId + u"/cancel"; }
    QByteArray cancelBody() const override { return QByteArrayLiteral("{}"); }

private:
    static void readLine(const QJsonObject &line, const QList<Paper> &papers, BatchResult &r)
    {
        const QJsonObject response = line.value(QStringLiteral("response")).toObject();
        const int statusCode = response.value(QStringLiteral("status_code")).toInt();
        if (statusCode == 200) {
            OpenAiProvider::readCompletion(response.value(QStringLiteral("body")).toObject(), papers, r);
        } else if (line.value(QStringLiteral("error")).isObject()) {
            r.error = errorMessage(line.value(QStringLiteral("error")));
        } else {
            r.error =
                QStringLiteral("HTTP %1: %2")
                    .arg(statusCode)
                    .arg(errorMessage(
                        response.value(QStringLiteral("body")).toObject().value(QStringLiteral("error"))));
        }
    }

    /// The provider's headers without its JSON content type.
    [[nodiscard]] Headers authHeaders() const
    {
        Headers h = m_headers;
        h.removeIf([](const auto &p) { return p.first.compare("Content-Type", Qt::CaseInsensitive) == 0; });
        return h;
    }

    Result<QJsonObject> fetch(const QString &batchId, const std::atomic_bool *cancel)
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        return json("GET", QString(u"batches/" + batchId), authHeaders(), {}, cancel);
    }
};

class AnthropicBatchApi final : public HttpBatchApi
{
public:
    explicit AnthropicBatchApi(const LlmConfig &config)
        : HttpBatchApi(config, std::make_unique<AnthropicProvider>(config))
    { }

    Result<QString> submit(const QList<LlmBatchRequest> &requests, const std::atomic_bool *cancel) override
    {
        const auto bodies = this->bodies(requests);
        if (!bodies)
            return Error {bodies.error()};
        QJsonArray list;
        for (const auto &[customId, body] : *bodies)
            list.append(
                QJsonObject {{QStringLiteral("custom_id"), customId}, {QStringLiteral("params"), body}});
        return createdId(json("POST", u"messages/batches", m_headers,
            QJsonDocument(QJsonObject {{QStringLiteral("requests"), list}}).toJson(QJsonDocument::Compact),
            cancel));
    }

    Result<LlmBatchStatus> status(const QString &batchId, const std::atomic_bool *cancel) override
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        const auto batch = json("GET", QString(u"messages/batches/" + batchId), m_headers, {}, cancel);
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
            s.error =
                QCoreApplication::translate("Lectern::LlmBatchApi", "No request of the batch succeeded");
        return s;
    }

    Result<QHash<QString, BatchResult>> results(const QString &batchId,
        const QHash<QString, QList<Paper>> &papers, const std::atomic_bool *cancel) override
    {
        if (!isSafeId(batchId))
            return Error {QStringLiteral("\"%1\" is not a batch id").arg(batchId)};
        // The results address is built here rather than taken from the reply's results_url: the key must
        // not follow a link to another host.
        const auto file = download(QString(u"messages/batches/" + batchId + u"/results"), m_headers, cancel);
        if (!file)
            return Error {file.error()};
        QHash<QString, BatchResult> out;
        int unreadable = 0;
        readResults(*file, papers, readLine, out, unreadable);
        noteUnreadable(out, unreadable);
        return out;
    }

protected:
    QString cancelPath(const QString &batchId) const override
    {
        return u"messages/batches/" + batchId + u"/cancel";
    }

private:
    static void readLine(const QJsonObject &line, const QList<Paper> &papers, BatchResult &r)
    {
        const QJsonObject result = line.value(QStringLiteral("result")).toObject();
        const QString type = result.value(QStringLiteral("type")).toString();
        if (type == u"succeeded")
            AnthropicProvider::readMessage(result.value(QStringLiteral("message")).toObject(), papers, r);
        else if (type == u"errored")
            r.error = errorMessage(result.value(QStringLiteral("error")));
        else
            r.error = QCoreApplication::translate("Lectern::LlmBatchApi", "The request ended as %1")
                          .arg(type.isEmpty() ? QStringLiteral("unknown") : type);
    }
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
    return Error {QCoreApplication::translate(
        "Lectern::LlmBatchApi", "Local servers have no batch interface; score them directly")};
}

} // namespace Lectern
