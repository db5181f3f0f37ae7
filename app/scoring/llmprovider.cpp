// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/llmprovider.h"

#include "net/safeurl.h"
#include "scoring/llmcommon.h"
#include "scoring/scorereplyparser.h"
#include "scoring/titlereplyparser.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Lectern {

LlmProvider::LlmProvider(LlmConfig config, QString path, QString replyKind, int capRounds)
    : m_config(std::move(config))
    , m_path(std::move(path))
    , m_replyKind(std::move(replyKind))
    , m_capRounds(capRounds)
{ }

BatchResult LlmProvider::scoreBatch(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel)
{
    return send(papers, prompt, cancel, Purpose::Scores);
}

BatchResult LlmProvider::filterTitles(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel)
{
    return send(papers, prompt, cancel, Purpose::TitleFilter);
}

bool LlmProvider::adaptTo(const HttpResponse &, const QJsonObject &, int, BatchResult &)
{
    return false;
}

int LlmProvider::withinOutputCap(int tokens) const
{
    return m_outputCap > 0 ? std::min(tokens, m_outputCap) : tokens;
}

BatchResult LlmProvider::send(
    const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel, Purpose purpose)
{
    BatchResult result;
    result.model = m_config.model;
    if (papers.isEmpty())
        return result;
    HttpRequest request;
    request.url = Llm::endpoint(m_config.baseUrl, m_path);
    request.method = QByteArrayLiteral("POST");
    for (int round = 0;; ++round) {
        if (cancel && *cancel) {
            result.error = QStringLiteral("Cancelled");
            return result;
        }
        const QJsonObject body = requestBody(papers, prompt, purpose);
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers = headers();
        const HttpResponse response = Llm::send(request, m_config, cancel, result);
        if (response.ok()) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(response.body, &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                result.error =
                    QCoreApplication::translate("Lectern::LlmProvider", "The reply from %1 is not a %2 (%3).")
                        .arg(SafeUrl::forDisplay(request.url), m_replyKind, pe.errorString());
                return result;
            }
            readReply(doc.object(), papers, result, purpose);
            // The reply's readers know no key: what they quote from it is cleaned of this connection's
            // key and base URL secrets here.
            result.error = Llm::withoutSecrets(result.error, m_config);
            result.model = Llm::withoutSecrets(result.model, m_config);
            for (QString &w : result.warnings)
                w = Llm::withoutSecrets(w, m_config);
            qCDebug(lcLlm) << "batch of" << papers.size() << "scored" << result.items.size() << "with"
                           << result.usage.promptTokens << "+" << result.usage.completionTokens << "tokens";
            return result;
        }
        // Asked for more output than the model can give: once more within its limit.
        const int sent = body.value(QStringLiteral("max_completion_tokens"))
                             .toInt(body.value(QStringLiteral("max_tokens")).toInt());
        if (const auto cap = Llm::outputLimitFrom(response); cap && *cap < sent && round < m_capRounds) {
            m_outputCap = *cap;
            result.warnings << QStringLiteral(
                "The model gives at most %1 output tokens; sent again within that limit")
                                   .arg(*cap);
            continue;
        }
        if (adaptTo(response, body, round, result))
            continue;
        Llm::setFailure(result, response, m_config);
        if (!response.cancelled)
            qCWarning(lcLlm).noquote() << result.error;
        return result;
    }
}

void LlmProvider::setServerError(BatchResult &result, const QString &message)
{
    result.error =
        QCoreApplication::translate("Lectern::LlmProvider", "The server answered with an error: %1")
            .arg(Llm::sanitised(message, QString()));
}

void LlmProvider::noteMissingUsage(BatchResult &result)
{
    result.warnings << QStringLiteral(
        "The reply reports no token usage; this batch's tokens and cost are unknown");
}

void LlmProvider::noteTruncated(BatchResult &result)
{
    result.truncated = true;
    result.warnings << QStringLiteral(
        "The reply was cut off at the output limit; papers it did not reach are missing");
}

bool LlmProvider::noteRefusal(BatchResult &result, const QString &why, bool nothingElse)
{
    result.warnings << QCoreApplication::translate("Lectern::LlmProvider", "The model refused: %1").arg(why);
    if (!nothingElse)
        return false;
    result.error =
        QCoreApplication::translate("Lectern::LlmProvider", "The model refused to score this batch: %1")
            .arg(why);
    return true;
}

void LlmProvider::readVerdicts(const QList<Paper> &papers, Purpose purpose, const QString &text,
    const QJsonArray &structured, BatchResult &result)
{
    if (purpose == Purpose::TitleFilter) {
        const TitleReplyParser parser(papers);
        const ParsedTitleVerdict verdict =
            structured.isEmpty() ? parser.parseText(text) : parser.parseJson(structured.first());
        result.warnings += verdict.warnings;
        if (result.truncated) {
            result.error = QCoreApplication::translate(
                "Lectern::LlmProvider", "The title pre-filter's reply was cut off.");
        } else if (!verdict.found) {
            result.error = QCoreApplication::translate(
                "Lectern::LlmProvider", "The title pre-filter's reply holds no list of ids: \"%1\"")
                               .arg(Llm::sanitised(text, QString(), 120));
        } else {
            for (const QString &id : verdict.keep)
                result.items << ScoredItem {id, std::nullopt, std::nullopt, QString()};
        }
        return;
    }
    const ScoreReplyParser parser(papers);
    const ParsedScores parsed = structured.isEmpty() ? parser.parseText(text) : parser.parseJson(structured);
    result.items = parsed.items;
    result.conflicting = parsed.conflicting;
    result.warnings += parsed.warnings;
    if (!parsed.foundJson && !result.truncated) {
        result.error = text.trimmed().isEmpty()
            ? QCoreApplication::translate("Lectern::LlmProvider", "The reply is empty.")
            : QCoreApplication::translate("Lectern::LlmProvider", "The reply holds no scores in JSON: \"%1\"")
                  .arg(Llm::sanitised(text, QString(), 120));
    }
}

} // namespace Lectern
