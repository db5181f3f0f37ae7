// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace Lectern {

namespace {

SettingSpec spec(QLatin1StringView key, SettingType type, QVariant def, const char *description,
    QStringList choices = {}, double min = 0, double max = 0)
{
    return SettingSpec {QString(key), type, std::move(def), QString::fromUtf8(description),
        std::move(choices), min, max, description, nullptr};
}

/// The same five settings for each delivery channel, each off by default.
QList<SettingSpec> withDeliveryChannels(QList<SettingSpec> specs)
{
    using T = SettingType;
    const std::pair<const char *, const char *> channels[] = {
        {"email", QT_TRANSLATE_NOOP("Lectern::Settings", "e-mail")}, {"slack", "Slack"}, {"matrix", "Matrix"},
        {"webhook", QT_TRANSLATE_NOOP("Lectern::Settings", "the JSON webhook")}};
    for (const auto &channel : channels) {
        const char *label = channel.second;
        const QString key = QStringLiteral("delivery/%1/").arg(QLatin1StringView(channel.first));
        const auto channelSpec = [&](const char *suffix, SettingType type, QVariant def,
                                     const char *description, double min, double max) {
            return SettingSpec {key + QLatin1StringView(suffix), type, std::move(def),
                QString::fromUtf8(description).arg(QString::fromUtf8(label)), {}, min, max, description,
                label};
        };
        specs << channelSpec("enabled", T::Bool, false,
            QT_TRANSLATE_NOOP("Lectern::Settings", "send the digest by %1 after each run"), 0, 0);
        specs << channelSpec("minRelevance", T::Int, 0,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "%1: minimum relevance of the papers sent (0: scoring/relevanceThreshold)"),
            0, 10);
        specs << channelSpec("minNovelty", T::Int, 0,
            QT_TRANSLATE_NOOP(
                "Lectern::Settings", "%1: minimum novelty of the papers sent (0: scoring/noveltyThreshold)"),
            0, 10);
        specs << channelSpec("maxPapers", T::Int, 20,
            QT_TRANSLATE_NOOP("Lectern::Settings", "%1: most papers sent, the best first (0: all)"), 0, 1000);
        specs << channelSpec("onlyWhenNew", T::Bool, true,
            QT_TRANSLATE_NOOP(
                "Lectern::Settings", "%1: send nothing on a day without a paper over the thresholds"),
            0, 0);
    }
    return specs;
}

} // namespace

QString SettingSpec::displayDescription() const
{
    if (!descriptionSource)
        return description;
    const QString text = QCoreApplication::translate("Lectern::Settings", descriptionSource);
    return descriptionArg ? text.arg(QCoreApplication::translate("Lectern::Settings", descriptionArg)) : text;
}

const QList<SettingSpec> &Settings::registry()
{
    using T = SettingType;
    static const QList<SettingSpec> specs = withDeliveryChannels({
        spec(Keys::ArxivCategories, T::StringList,
            QStringList {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")},
            QT_TRANSLATE_NOOP("Lectern::Settings", "arXiv categories fetched every morning, one feed each")),
        spec(Keys::ArxivAnnounceTypes, T::StringList,
            QStringList {QStringLiteral("new"), QStringLiteral("cross")},
            QT_TRANSLATE_NOOP(
                "Lectern::Settings", "announce types kept for scoring (new, cross, replace, replace-cross)")),
        spec(Keys::ArxivRssBase, T::Url, QUrl(QStringLiteral("https://rss.arxiv.org/rss")),
            QT_TRANSLATE_NOOP("Lectern::Settings", "arXiv RSS feed base; the category is appended")),
        spec(Keys::ArxivApiBase, T::Url, QUrl(QStringLiteral("https://export.arxiv.org/api/query")),
            QT_TRANSLATE_NOOP("Lectern::Settings", "arXiv API query endpoint (look-ups by id)")),
        spec(Keys::ArxivOaiBase, T::Url, QUrl(QStringLiteral("https://oaipmh.arxiv.org/oai")),
            QT_TRANSLATE_NOOP("Lectern::Settings", "arXiv OAI-PMH endpoint (back-fill of past days)")),
        spec(Keys::ArxivContact, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings", "contact e-mail sent in the User-Agent to arXiv")),
        spec(Keys::ArxivMinIntervalMs, T::Int, 3000,
            QT_TRANSLATE_NOOP("Lectern::Settings", "minimum milliseconds between two requests to arXiv"), {},
            0, 600000),
        spec(Keys::ArxivRetryBaseMs, T::Int, 30000,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "milliseconds to wait before retrying a failed arXiv request (doubled each retry)"),
            {}, 0, 600000),
        spec(Keys::ScoringProvider, T::Choice, QStringLiteral("builtin"),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "who scores papers: builtin (no key needed), openai, anthropic, or local (OpenAI-compatible "
                "server)"),
            {QStringLiteral("builtin"), QStringLiteral("openai"), QStringLiteral("anthropic"),
                QStringLiteral("local")}),
        spec(Keys::ScoringMode, T::Choice, QStringLiteral("llm"),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "llm: the provider scores every paper; hybrid: the built-in scorer ranks the day and the "
                "provider scores only the papers it cannot rule out (plus a small daily sample); builtin: "
                "lectern-local scores every paper. With scoring/provider builtin every mode is builtin"),
            {QStringLiteral("llm"), QStringLiteral("hybrid"), QStringLiteral("builtin")}),
        spec(Keys::ScoringHybridRecall, T::Double, 0.95,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "hybrid: share of the papers the LLM would select that the gate should hold, by the built-in "
                "scorer's calibrated probabilities (by held-out labels without them)"),
            {}, 0.5, 0.999),
        spec(Keys::ScoringHybridMaxShare, T::Int, 30,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "hybrid: most percent of the day the gate sends to the LLM (the random sample comes on top)"),
            {}, 5, 100),
        spec(Keys::ScoringHybridSample, T::Int, 4,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "hybrid: percent of the papers outside the gate sent as a random sample to measure what the "
                "gate "
                "misses (at least 5 papers)"),
            {}, 0, 50),
        spec(Keys::ScoringRelevanceThreshold, T::Int, 8,
            QT_TRANSLATE_NOOP("Lectern::Settings", "minimum relevance for the digest"), {}, 1, 10),
        spec(Keys::ScoringNoveltyThreshold, T::Int, 7,
            QT_TRANSLATE_NOOP("Lectern::Settings", "minimum novelty for the digest"), {}, 1, 10),
        spec(Keys::ScoringBatchSize, T::Int, 20,
            QT_TRANSLATE_NOOP("Lectern::Settings", "papers per scoring request"), {}, 1, 200),
        spec(Keys::ScoringParallel, T::Int, 4,
            QT_TRANSLATE_NOOP("Lectern::Settings", "scoring requests in flight at once"), {}, 1, 32),
        spec(Keys::ScoringDailyBudget, T::Double, 1.0,
            QT_TRANSLATE_NOOP("Lectern::Settings", "most USD spent on scoring per day (0: no limit)"), {}, 0,
            1000),
        spec(Keys::ScoringReasoningEffort, T::Choice, QStringLiteral("minimal"),
            QT_TRANSLATE_NOOP("Lectern::Settings", "reasoning effort asked of reasoning models"),
            {QStringLiteral("minimal"), QStringLiteral("low"), QStringLiteral("medium"),
                QStringLiteral("high")}),
        spec(Keys::ScoringStructuredOutput, T::Bool, true,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "ask the provider for schema-constrained JSON (turn off for servers that lack it)")),
        spec(Keys::ScoringMinHIndex, T::Int, 0,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "send only papers with an author of at least this h-index (Semantic Scholar; 0: off)"),
            {}, 0, 1000),
        spec(Keys::ScoringTitleFilter, T::Bool, false,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "before abstract scoring, let the model drop papers whose titles are clearly off topic (LLM "
                "providers only)")),
        spec(Keys::ScoringTitleBatchSize, T::Int, 100,
            QT_TRANSLATE_NOOP("Lectern::Settings", "titles per title pre-filter request"), {}, 10, 500),
        spec(Keys::ScoringExamples, T::Bool, false,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "add the titles of recently starred and dismissed papers to the prompt as examples")),
        spec(Keys::ScoringExampleCount, T::Int, 5,
            QT_TRANSLATE_NOOP("Lectern::Settings", "starred and dismissed papers each, as prompt examples"),
            {}, 1, 20),
        spec(Keys::TopicsFollowedAuthors, T::StringList, QStringList(),
            QT_TRANSLATE_NOOP("Lectern::Settings", "authors whose papers always come first in the digest")),
        spec(Keys::OpenAiBase, T::Url, QUrl(QStringLiteral("https://api.openai.com/v1")),
            QT_TRANSLATE_NOOP("Lectern::Settings", "OpenAI API base URL")),
        spec(Keys::OpenAiModel, T::String, QStringLiteral("gpt-5-mini"),
            QT_TRANSLATE_NOOP("Lectern::Settings", "OpenAI model")),
        spec(Keys::AnthropicBase, T::Url, QUrl(QStringLiteral("https://api.anthropic.com/v1")),
            QT_TRANSLATE_NOOP("Lectern::Settings", "Anthropic API base URL")),
        spec(Keys::AnthropicModel, T::String, QStringLiteral("claude-haiku-4-5"),
            QT_TRANSLATE_NOOP("Lectern::Settings", "Anthropic model")),
        spec(Keys::LocalBase, T::Url, QUrl(QStringLiteral("http://localhost:11434/v1")),
            QT_TRANSLATE_NOOP(
                "Lectern::Settings", "OpenAI-compatible local server (Ollama, llama.cpp, vLLM)")),
        spec(Keys::LocalModel, T::String, QStringLiteral("llama3.1"),
            QT_TRANSLATE_NOOP("Lectern::Settings", "model name on the local server")),
        spec(Keys::SemanticScholarBase, T::Url,
            QUrl(QStringLiteral("https://api.semanticscholar.org/graph/v1")),
            QT_TRANSLATE_NOOP("Lectern::Settings", "Semantic Scholar Graph API base (author h-index)")),
        spec(Keys::DigestPageSize, T::Choice, QStringLiteral("A4"),
            QT_TRANSLATE_NOOP("Lectern::Settings", "page size of PDF digests"),
            {QStringLiteral("A4"), QStringLiteral("Letter")}),
        spec(Keys::DigestAuthor, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "author named in exported digests (PDF and HTML metadata); empty: the login name")),
        spec(Keys::UiMarkReadAfterMs, T::Int, 2000,
            QT_TRANSLATE_NOOP("Lectern::Settings", "mark a paper read after showing it this long (0: never)"),
            {}, 0, 60000),
        spec(Keys::UiAutoRunAtStart, T::Bool, false,
            QT_TRANSLATE_NOOP(
                "Lectern::Settings", "fetch and score at start-up when today's run is missing")),
        spec(Keys::UiNotify, T::Bool, true,
            QT_TRANSLATE_NOOP("Lectern::Settings", "notify (tray message) when a background run finishes")),
        spec(Keys::UiFirstRunDone, T::Bool, false,
            QT_TRANSLATE_NOOP("Lectern::Settings", "the first-run assistant has been completed or skipped")),
        spec(Keys::UiExportFolder, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "folder the export dialog proposes (the last one used; empty: Documents)")),
        // The store. No password here: libpq reads PGPASSFILE or ~/.pgpass; empty fields and port 0 leave
        // the value to libpq's environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGSERVICE, PGSSLMODE).
        spec(Keys::StoreBackend, T::Choice, QStringLiteral("sqlite"),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "where papers, scores and your state are kept: sqlite (a file in the profile) or postgres (a "
                "PostgreSQL server, e.g. the lab's)"),
            {QStringLiteral("sqlite"), QStringLiteral("postgres")}),
        spec(Keys::StoreHost, T::String, QString(),
            QT_TRANSLATE_NOOP(
                "Lectern::Settings", "PostgreSQL server host (empty: PGHOST or the local socket)")),
        spec(Keys::StorePort, T::Int, 0,
            QT_TRANSLATE_NOOP("Lectern::Settings", "PostgreSQL server port (0: PGPORT or 5432)"), {}, 0,
            65535),
        spec(Keys::StoreDatabase, T::String, QString(),
            QT_TRANSLATE_NOOP(
                "Lectern::Settings", "PostgreSQL database (empty: PGDATABASE or the user name)")),
        spec(Keys::StoreUser, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings", "PostgreSQL user (empty: PGUSER or the login name)")),
        spec(Keys::StoreSslMode, T::Choice, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "TLS to the PostgreSQL server, as libpq's sslmode (empty: PGSSLMODE or prefer)"),
            {QString(), QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")}),
        // The digest delivered after a run. No secret here: the SMTP password, the Matrix token and the
        // webhook URLs (which hold tokens) come from the key file, the environment or the keyring.
        spec(Keys::DeliveryKeyFile, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "file with the delivery secrets (smtp-password, matrix-token, slack-webhook-url, "
                "webhook-url; "
                "readable by you only); empty: delivery-secrets beside the settings file")),
        spec(Keys::DeliveryEmailTo, T::StringList, QStringList(),
            QT_TRANSLATE_NOOP("Lectern::Settings", "e-mail: addresses the digest goes to")),
        spec(Keys::DeliveryEmailFrom, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings", "e-mail: sender address")),
        spec(Keys::DeliveryEmailServer, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "e-mail: SMTP server, smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)")),
        spec(Keys::DeliveryEmailUser, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "e-mail: SMTP user name (empty: no authentication); the password is a secret")),
        spec(Keys::DeliveryEmailRequireTls, T::Bool, true,
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "e-mail: require TLS (off is allowed for a server on this machine only)")),
        spec(Keys::DeliveryEmailCaFile, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings",
                "e-mail: CA certificate file for a server with its own certificate (empty: the system's)")),
        spec(Keys::DeliveryMatrixHomeserver, T::Url, QUrl(QStringLiteral("https://matrix.org")),
            QT_TRANSLATE_NOOP("Lectern::Settings", "Matrix: homeserver base URL")),
        spec(Keys::DeliveryMatrixRoom, T::String, QString(),
            QT_TRANSLATE_NOOP("Lectern::Settings", "Matrix: room id (!abc:example.org)")),
    });
    return specs;
}

const SettingSpec *Settings::find(QAnyStringView key)
{
    for (const SettingSpec &s : registry()) {
        if (QAnyStringView::compare(s.key, key) == 0)
            return &s;
    }
    return nullptr;
}

Settings::Settings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_hadProblems(!problems().isEmpty())
{ }

QStringList Settings::splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

Result<QVariant> Settings::parse(const SettingSpec &spec, const QString &raw)
{
    const QString text = raw.trimmed();
    auto bad = [&](const QString &why) {
        return Error {QCoreApplication::translate("Lectern::Settings", "Invalid value \"%1\" for %2: %3")
                          .arg(raw, spec.key, why)};
    };
    switch (spec.type) {
    case SettingType::String:
        return QVariant(text);
    case SettingType::StringList:
        return QVariant(splitList(text));
    case SettingType::Int: {
        bool ok = false;
        const int v = text.toInt(&ok);
        if (!ok)
            return bad(QCoreApplication::translate("Lectern::Settings", "expected a whole number"));
        if (spec.minimum != spec.maximum && (v < spec.minimum || v > spec.maximum))
            return bad(QCoreApplication::translate("Lectern::Settings", "expected %1 to %2")
                           .arg(spec.minimum)
                           .arg(spec.maximum));
        return QVariant(v);
    }
    case SettingType::Double: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok)
            return bad(QCoreApplication::translate("Lectern::Settings", "expected a number"));
        if (spec.minimum != spec.maximum && (v < spec.minimum || v > spec.maximum))
            return bad(QCoreApplication::translate("Lectern::Settings", "expected %1 to %2")
                           .arg(spec.minimum)
                           .arg(spec.maximum));
        return QVariant(v);
    }
    case SettingType::Bool: {
        const QString l = text.toLower();
        if (l == u"true" || l == u"1" || l == u"yes" || l == u"on")
            return QVariant(true);
        if (l == u"false" || l == u"0" || l == u"no" || l == u"off")
            return QVariant(false);
        return bad(QCoreApplication::translate("Lectern::Settings", "expected true or false"));
    }
    case SettingType::Url: {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
            return bad(
                QCoreApplication::translate("Lectern::Settings", "expected an http:// or https:// URL"));
        return QVariant(url);
    }
    case SettingType::Choice:
        if (!spec.choices.contains(text))
            return bad(QCoreApplication::translate("Lectern::Settings", "expected one of: %1")
                           .arg(spec.choices.join(QStringLiteral(", "))));
        return QVariant(text);
    }
    return bad(QCoreApplication::translate("Lectern::Settings", "unknown type"));
}

QString Settings::format(const SettingSpec &spec, const QVariant &value)
{
    switch (spec.type) {
    case SettingType::StringList:
        return value.toStringList().join(QStringLiteral(", "));
    case SettingType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case SettingType::Url:
        return value.toUrl().toString();
    default:
        return value.toString();
    }
}

QVariant Settings::value(QAnyStringView key) const
{
    const SettingSpec *s = find(key);
    Q_ASSERT_X(s, "Settings::value", "unknown setting key");
    if (!s)
        return {};
    if (!m_settings->contains(s->key))
        return s->defaultValue;
    // Stored as text (what the user would type), so the file stays readable and hand-editable.
    const QVariant raw = m_settings->value(s->key);
    const QString text =
        raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(u',') : raw.toString();
    auto parsed = parse(*s, text);
    return parsed ? *parsed : s->defaultValue;
}

QString Settings::text(QAnyStringView key) const
{
    const SettingSpec *s = find(key);
    return s ? format(*s, value(key)) : QString();
}

bool Settings::isSet(QAnyStringView key) const
{
    const SettingSpec *s = find(key);
    return s && m_settings->contains(s->key);
}

Result<void> Settings::setText(QAnyStringView key, const QString &text)
{
    const SettingSpec *s = find(key);
    if (!s)
        return Error {QCoreApplication::translate(
            "Lectern::Settings", "Unknown setting \"%1\". `lectern config list` shows them all.")
                          .arg(key.toString())};
    auto parsed = parse(*s, text);
    if (!parsed)
        return Error {parsed.error()};
    // Checked before the change: QSettings would write its pending change when it goes away.
    if (auto r = checkReadable(); !r)
        return r;
    m_settings->setValue(s->key, format(*s, *parsed));
    return sync();
}

Result<void> Settings::setValue(QAnyStringView key, const QVariant &value)
{
    const SettingSpec *s = find(key);
    if (!s)
        return Error {
            QCoreApplication::translate("Lectern::Settings", "Unknown setting \"%1\".").arg(key.toString())};
    return setText(key, format(*s, value));
}

Result<void> Settings::reset(QAnyStringView key)
{
    const SettingSpec *s = find(key);
    if (!s)
        return Error {
            QCoreApplication::translate("Lectern::Settings", "Unknown setting \"%1\".").arg(key.toString())};
    if (auto r = checkReadable(); !r)
        return r;
    m_settings->remove(s->key);
    return sync();
}

Result<void> Settings::checkReadable() const
{
    if (m_settings->status() == QSettings::FormatError)
        return Error {QCoreApplication::translate("Lectern::Settings",
            "The settings file %1 could not be read; it was left as it is. Fix or remove it.")
                          .arg(m_settings->fileName())};
    return {};
}

Result<void> Settings::sync()
{
    if (auto r = checkReadable(); !r)
        return r;
    // QSettings rewrites the whole file: keep the user's hand-edited (and broken) version beside it.
    if (m_hadProblems && QFileInfo::exists(m_settings->fileName())) {
        const QString backup = m_settings->fileName() + QStringLiteral(".bak");
        QFile::remove(backup);
        if (!QFile::copy(m_settings->fileName(), backup))
            return Error {QCoreApplication::translate("Lectern::Settings",
                "Cannot keep a copy of the settings file %1 as %2 before changing it "
                "(check permissions and free space); nothing was changed.")
                              .arg(m_settings->fileName(), backup)};
        m_hadProblems = false;
    }
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error {QCoreApplication::translate(
            "Lectern::Settings", "Cannot write the settings file %1 (check permissions and free space).")
                          .arg(m_settings->fileName())};
    return {};
}

QStringList Settings::problems() const
{
    QStringList out;
    if (m_settings->status() == QSettings::FormatError)
        out << QCoreApplication::translate(
            "Lectern::Settings", "The settings file %1 could not be read; defaults are used.")
                   .arg(m_settings->fileName());
    const QFileInfo info(m_settings->fileName());
    if (info.exists() && !info.isReadable())
        out << QCoreApplication::translate(
            "Lectern::Settings", "The settings file %1 is not readable; defaults are used.")
                   .arg(m_settings->fileName());
    for (const QString &key : m_settings->allKeys()) {
        const SettingSpec *s = find(key);
        if (!s) {
            out << QCoreApplication::translate(
                "Lectern::Settings", "Unknown setting \"%1\" in %2 is ignored.")
                       .arg(key, m_settings->fileName());
            continue;
        }
        const QVariant raw = m_settings->value(key);
        const QString text =
            raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(u',') : raw.toString();
        if (auto parsed = parse(*s, text); !parsed)
            out << parsed.error() +
                    QCoreApplication::translate("Lectern::Settings", " (in %1; the default, %2, is used)")
                        .arg(m_settings->fileName(), format(*s, s->defaultValue));
    }
    return out;
}

} // namespace Lectern
