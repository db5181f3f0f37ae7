// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmproviders.h"

#include "config/settings.h"
#include "net/safeurl.h"
#include "scoring/anthropicprovider.h"
#include "scoring/llmcommon.h"
#include "scoring/openaiprovider.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Lectern {

namespace {

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString keyHint(LlmKind kind)
{
    const QStringList vars = ApiKeySource::environmentVariables(kind);
    return QCoreApplication::translate(
        "Lectern::LlmProviders", "store one in Settings or set %1 in the environment")
        .arg(vars.join(QCoreApplication::translate("Lectern::LlmProviders", " or ")));
}

std::unique_ptr<ScoringProvider> build(const LlmConfig &config)
{
    if (config.kind == LlmKind::Anthropic)
        return std::make_unique<AnthropicProvider>(config);
    return std::make_unique<OpenAiProvider>(config);
}

/// One made-up paper and a short prompt in the reference's JSON-lines form: enough to see whether the
/// server answers in a form Lectern reads.
RenderedPrompt samplePrompt()
{
    RenderedPrompt p;
    p.system = QStringLiteral("You rate research papers for one reader. Answer only in the form asked for.");
    p.instructions = QStringLiteral("Rate the paper below for relevance to the topic \"iterative solvers for "
                                    "sparse linear systems\" and for "
                                    "novelty, each a whole number from 1 to 10. Answer with one JSON object "
                                    "on one line and nothing else:\n"
                                    "{\"ARXIVID\":\"<the paper's id>\",\"COMMENT\":\"<a few "
                                    "words>\",\"RELEVANCE\":<1-10>,\"NOVELTY\":<1-10>}");
    p.papers =
        QStringLiteral("<paper id=\"0001.00001\">\nTitle: A restarted Krylov method with adaptive deflation\n"
                       "Abstract: We propose a deflation rule for restarted GMRES and test it on ten sparse "
                       "systems from fluid dynamics.\n</paper>");
    p.hash = QStringLiteral("connection-test");
    return p;
}

Paper samplePaper()
{
    Paper paper;
    paper.arxivId = QStringLiteral("0001.00001");
    paper.title = QStringLiteral("A restarted Krylov method with adaptive deflation");
    return paper;
}

} // namespace

bool isReasoningModel(const QString &model)
{
    QString m = model.trimmed().toLower();
    if (const qsizetype slash = m.lastIndexOf(u'/'); slash >= 0)
        m = m.mid(slash + 1);
    static const QRegularExpression oSeries(QStringLiteral("^o[1-9](-|$)"));
    if (oSeries.match(m).hasMatch())
        return true;
    return m.startsWith(u"gpt-5") && !m.contains(u"chat");
}

QString effectiveReasoningEffort(LlmKind kind, const QString &model, const QString &setting)
{
    if (kind != LlmKind::OpenAi || !isReasoningModel(model))
        return {};
    return setting.trimmed().toLower();
}

Result<LlmConfig> llmConfigFromSettings(const Settings &settings, const ApiKeySource &keys)
{
    const QString name = settings.string(Keys::ScoringProvider);
    const std::optional<LlmKind> kind = parseLlmKind(name);
    if (!kind)
        return Error {QCoreApplication::translate(
            "Lectern::LlmProviders", "The scoring provider \"%1\" is not an LLM provider")
                          .arg(name)};
    return llmConfigFromSettings(settings, keys, *kind);
}

Result<LlmConfig> llmConfigFromSettings(const Settings &settings, const ApiKeySource &keys, LlmKind kind)
{
    LlmConfig c;
    c.kind = kind;
    switch (kind) {
    case LlmKind::OpenAi:
        c.baseUrl = settings.url(Keys::OpenAiBase);
        c.model = settings.string(Keys::OpenAiModel);
        break;
    case LlmKind::Anthropic:
        c.baseUrl = settings.url(Keys::AnthropicBase);
        c.model = settings.string(Keys::AnthropicModel);
        break;
    case LlmKind::Local:
        c.baseUrl = settings.url(Keys::LocalBase);
        c.model = settings.string(Keys::LocalModel);
        break;
    }
    c.structuredOutput = settings.flag(Keys::ScoringStructuredOutput);
    c.reasoningEffort =
        effectiveReasoningEffort(c.kind, c.model, settings.string(Keys::ScoringReasoningEffort));
    c.http = llmHttpOptions();
    const ApiKeySource::Key key = keys.find(c.kind);
    if (!key.problem.isEmpty())
        return Error {key.problem};
    c.apiKey = key.value;
    if (c.apiKey.isEmpty() && c.kind != LlmKind::Local)
        return Error {QCoreApplication::translate("Lectern::LlmProviders", "No API key for %1: %2")
                          .arg(llmKindLabel(c.kind), keyHint(c.kind))};
    return c;
}

Result<std::unique_ptr<ScoringProvider>> makeLlmProvider(const LlmConfig &config)
{
    const QString who = llmKindLabel(config.kind);
    if (config.model.trimmed().isEmpty())
        return Error {
            QCoreApplication::translate("Lectern::LlmProviders", "No model is set for %1").arg(who)};
    const QString scheme = config.baseUrl.scheme();
    if (!config.baseUrl.isValid() || config.baseUrl.host().isEmpty() ||
        (scheme != u"http" && scheme != u"https"))
        return Error {QCoreApplication::translate(
            "Lectern::LlmProviders", "The base URL \"%1\" for %2 is not an http(s) address")
                          .arg(SafeUrl::forDisplay(config.baseUrl), who)};
    if (config.apiKey.isEmpty() && config.kind != LlmKind::Local)
        return Error {QCoreApplication::translate("Lectern::LlmProviders", "No API key for %1: %2")
                          .arg(who, keyHint(config.kind))};
    if (!config.apiKey.isEmpty() && !ApiKeySource::isUsable(config.apiKey))
        return Error {QCoreApplication::translate(
            "Lectern::LlmProviders", "The API key for %1 contains spaces or characters that cannot be sent")
                          .arg(who)};
    // A vendor key must not cross the network in clear text; a local server on the LAN may use http.
    if (!config.apiKey.isEmpty() && config.kind != LlmKind::Local && scheme == u"http" &&
        !isLoopback(config.baseUrl))
        return Error {QCoreApplication::translate("Lectern::LlmProviders",
            "The base URL for %1 uses http: the API key would travel unencrypted; use https")
                          .arg(who)};
    return build(config);
}

Result<std::unique_ptr<ScoringProvider>> makeLlmProvider(const QString &kind, const QUrl &baseUrl,
    const QString &model, const QString &apiKey, bool structuredOutput, const QString &reasoningEffort,
    const HttpOptions &http)
{
    const std::optional<LlmKind> k = parseLlmKind(kind);
    if (!k)
        return Error {QCoreApplication::translate(
            "Lectern::LlmProviders", "Unknown LLM provider \"%1\": expected openai, anthropic or local")
                          .arg(kind)};
    LlmConfig c;
    c.kind = *k;
    c.baseUrl = baseUrl;
    c.model = model;
    c.apiKey = apiKey.trimmed();
    c.structuredOutput = structuredOutput;
    c.reasoningEffort = effectiveReasoningEffort(*k, model, reasoningEffort);
    c.http = http;
    return makeLlmProvider(c);
}

ConnectionTestResult testConnection(const LlmConfig &config, bool scoreSample, const std::atomic_bool *cancel)
{
    ConnectionTestResult out;
    QElapsedTimer clock;
    clock.start();
    auto provider = makeLlmProvider(config);
    if (!provider) {
        out.message = provider.error();
        return out;
    }
    const QString who = llmKindLabel(config.kind);
    const QString where = SafeUrl::forDisplay(config.baseUrl);

    // Listing models costs nothing and checks the address and the key.
    LlmConfig quick = config;
    quick.http.maxAttempts = std::min(quick.http.maxAttempts, 2);
    quick.http.timeoutMs = std::min(quick.http.timeoutMs, 20000);
    HttpRequest list;
    list.url = Llm::endpoint(config.baseUrl, u"models");
    if (config.kind == LlmKind::Anthropic) {
        list.url.setQuery(QStringLiteral("limit=1000"));
        list.headers = AnthropicProvider(config).headers();
    } else {
        list.headers = OpenAiProvider(config).headers();
    }
    BatchResult scratch;
    const HttpResponse listed = Llm::send(list, quick, cancel, scratch);
    bool listAnswered = false;
    if (listed.ok()) {
        const QJsonDocument doc = QJsonDocument::fromJson(listed.body);
        for (const QJsonValue &m : doc.object().value(QStringLiteral("data")).toArray()) {
            const QString id = m.toObject().value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                continue;
            out.models << id;
            // Aliases: "claude-haiku-4-5" for "claude-haiku-4-5-20251001", "llama3.1" for "llama3.1:latest".
            if (id == config.model || id.startsWith(config.model + u'-') ||
                id.startsWith(config.model + u':'))
                out.modelListed = true;
        }
        listAnswered = doc.isObject();
    } else if (listed.cancelled) {
        out.message = QStringLiteral("Cancelled");
        return out;
    } else if (!(listed.status == 404 && config.kind == LlmKind::Local && scoreSample)) {
        // Some local servers have no model list; scoring the sample still tells whether they work.
        Llm::setFailure(scratch, listed, config);
        out.message = scratch.error;
        out.elapsedMs = clock.elapsed();
        return out;
    }

    QString listing;
    if (!listAnswered)
        listing = QStringLiteral("%1 at %2 answered but lists no models.").arg(who, where);
    else if (out.modelListed)
        listing = QCoreApplication::translate(
            "Lectern::LlmProviders", "Connected to %1 at %2; model \"%3\" is available.")
                      .arg(who, where, config.model);
    else
        listing = QCoreApplication::translate("Lectern::LlmProviders",
            "Connected to %1 at %2, but it does not list model \"%3\" among its %4 models.")
                      .arg(who, where, config.model)
                      .arg(out.models.size());

    if (!scoreSample) {
        out.ok = listAnswered;
        out.message = listing;
        out.elapsedMs = clock.elapsed();
        return out;
    }

    const BatchResult sample = provider.value()->scoreBatch({samplePaper()}, samplePrompt(), cancel);
    out.sampleUsage = sample.usage;
    out.sampleScored =
        sample.items.size() == 1 && sample.items.first().relevance && sample.items.first().novelty;
    out.elapsedMs = clock.elapsed();
    if (!sample.error.isEmpty()) {
        out.message = listing + u' ' +
            QCoreApplication::translate("Lectern::LlmProviders", "Scoring a sample paper failed: %1")
                .arg(sample.error);
        return out;
    }
    if (!out.sampleScored) {
        out.message = listing + u' ' +
            QStringLiteral("A sample paper came back without valid scores%1.")
                .arg(config.structuredOutput ? QStringLiteral("; try turning structured output off")
                                             : QString());
        return out;
    }
    out.ok = true;
    out.message = listing + u' ' +
        QStringLiteral("A sample paper was scored (%1 prompt and %2 completion tokens).")
            .arg(sample.usage.promptTokens)
            .arg(sample.usage.completionTokens);
    return out;
}

} // namespace Lectern
