// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QAnyStringView>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <memory>

namespace Lectern {

enum class SettingType { String, StringList, Int, Double, Bool, Url, Choice };

/// One known setting: key, type, real default, and what it is for. The registry is the single place
/// that names a setting; nothing reads a key that is not in it.
struct SettingSpec
{
    QString key;
    SettingType type;
    QVariant defaultValue;
    QString description; ///< English, as the command line prints it
    QStringList choices; ///< for Choice
    double minimum = 0;
    double maximum = 0; ///< for Int/Double; min == max means unbounded
    const char *descriptionSource = nullptr; ///< the untranslated text (a static string), for the window
    const char *descriptionArg = nullptr; ///< its %1 (a delivery channel's name), translated too

    /// The description in the user's language (tooltips and hints of the Settings dialog).
    [[nodiscard]] QString displayDescription() const;
};

namespace Keys {
inline constexpr QLatin1StringView ArxivCategories {"arxiv/categories"};
inline constexpr QLatin1StringView ArxivAnnounceTypes {"arxiv/announceTypes"};
inline constexpr QLatin1StringView ArxivRssBase {"arxiv/rssBase"};
inline constexpr QLatin1StringView ArxivApiBase {"arxiv/apiBase"};
inline constexpr QLatin1StringView ArxivOaiBase {"arxiv/oaiBase"};
inline constexpr QLatin1StringView ArxivContact {"arxiv/contact"};
inline constexpr QLatin1StringView ArxivMinIntervalMs {"arxiv/minIntervalMs"};
inline constexpr QLatin1StringView ArxivRetryBaseMs {"arxiv/retryBaseMs"};
inline constexpr QLatin1StringView ScoringProvider {"scoring/provider"};
inline constexpr QLatin1StringView ScoringRelevanceThreshold {"scoring/relevanceThreshold"};
inline constexpr QLatin1StringView ScoringNoveltyThreshold {"scoring/noveltyThreshold"};
inline constexpr QLatin1StringView ScoringBatchSize {"scoring/batchSize"};
inline constexpr QLatin1StringView ScoringParallel {"scoring/parallel"};
inline constexpr QLatin1StringView ScoringDailyBudget {"scoring/dailyBudget"};
inline constexpr QLatin1StringView ScoringReasoningEffort {"scoring/reasoningEffort"};
inline constexpr QLatin1StringView ScoringStructuredOutput {"scoring/structuredOutput"};
inline constexpr QLatin1StringView ScoringMinHIndex {"scoring/minHIndex"};
inline constexpr QLatin1StringView ScoringTitleFilter {"scoring/titleFilter"};
inline constexpr QLatin1StringView ScoringTitleBatchSize {"scoring/titleBatchSize"};
inline constexpr QLatin1StringView ScoringExamples {"scoring/examples"};
inline constexpr QLatin1StringView ScoringExampleCount {"scoring/exampleCount"};
inline constexpr QLatin1StringView ScoringMode {"scoring/mode"};
inline constexpr QLatin1StringView ScoringHybridRecall {"scoring/hybridRecall"};
inline constexpr QLatin1StringView ScoringHybridMaxShare {"scoring/hybridMaxShare"};
inline constexpr QLatin1StringView ScoringHybridSample {"scoring/hybridSample"};
inline constexpr QLatin1StringView TopicsFollowedAuthors {"topics/followedAuthors"};
inline constexpr QLatin1StringView OpenAiBase {"openai/baseUrl"};
inline constexpr QLatin1StringView OpenAiModel {"openai/model"};
inline constexpr QLatin1StringView AnthropicBase {"anthropic/baseUrl"};
inline constexpr QLatin1StringView AnthropicModel {"anthropic/model"};
inline constexpr QLatin1StringView LocalBase {"local/baseUrl"};
inline constexpr QLatin1StringView LocalModel {"local/model"};
inline constexpr QLatin1StringView SemanticScholarBase {"semanticScholar/baseUrl"};
inline constexpr QLatin1StringView DigestPageSize {"digest/pageSize"};
inline constexpr QLatin1StringView DigestAuthor {"digest/author"};
inline constexpr QLatin1StringView UiMarkReadAfterMs {"ui/markReadAfterMs"};
inline constexpr QLatin1StringView UiAutoRunAtStart {"ui/autoRunAtStart"};
inline constexpr QLatin1StringView UiNotify {"ui/notify"};
inline constexpr QLatin1StringView UiFirstRunDone {"ui/firstRunDone"};
inline constexpr QLatin1StringView UiExportFolder {"ui/exportFolder"};
inline constexpr QLatin1StringView StoreBackend {"store/backend"};
inline constexpr QLatin1StringView StoreHost {"store/host"};
inline constexpr QLatin1StringView StorePort {"store/port"};
inline constexpr QLatin1StringView StoreDatabase {"store/database"};
inline constexpr QLatin1StringView StoreUser {"store/user"};
inline constexpr QLatin1StringView StoreSslMode {"store/sslMode"};
// The digest delivered after a run (app/delivery). Each channel: delivery/<channel>/enabled, minRelevance,
// minNovelty, maxPapers, onlyWhenNew; its secrets never here (DeliverySecrets).
inline constexpr QLatin1StringView DeliveryKeyFile {"delivery/keyFile"};
inline constexpr QLatin1StringView DeliveryEmailTo {"delivery/email/to"};
inline constexpr QLatin1StringView DeliveryEmailFrom {"delivery/email/from"};
inline constexpr QLatin1StringView DeliveryEmailServer {"delivery/email/server"};
inline constexpr QLatin1StringView DeliveryEmailUser {"delivery/email/user"};
inline constexpr QLatin1StringView DeliveryEmailRequireTls {"delivery/email/requireTls"};
inline constexpr QLatin1StringView DeliveryEmailCaFile {"delivery/email/caFile"};
inline constexpr QLatin1StringView DeliveryMatrixHomeserver {"delivery/matrix/homeserver"};
inline constexpr QLatin1StringView DeliveryMatrixRoom {"delivery/matrix/room"};
} // namespace Keys

/// Typed access to the profile's settings file (INI, through QSettings). Values the user broke by hand
/// fall back to their defaults and are reported by problems(), never silently rewritten: the first change
/// written to a file that had problems keeps the user's version as <file>.bak.
class Settings final
{
public:
    explicit Settings(const QString &iniPath);
    Q_DISABLE_COPY_MOVE(Settings)

    [[nodiscard]] static const QList<SettingSpec> &registry();
    [[nodiscard]] static const SettingSpec *find(QAnyStringView key);

    /// The typed value, or the default when unset or unreadable.
    [[nodiscard]] QVariant value(QAnyStringView key) const;
    [[nodiscard]] QString string(QAnyStringView key) const { return value(key).toString(); }
    [[nodiscard]] QStringList stringList(QAnyStringView key) const { return value(key).toStringList(); }
    [[nodiscard]] int integer(QAnyStringView key) const { return value(key).toInt(); }
    [[nodiscard]] double real(QAnyStringView key) const { return value(key).toDouble(); }
    [[nodiscard]] bool flag(QAnyStringView key) const { return value(key).toBool(); }
    [[nodiscard]] QUrl url(QAnyStringView key) const { return value(key).toUrl(); }

    /// The value as the user writes it (lists joined by ", ").
    [[nodiscard]] QString text(QAnyStringView key) const;
    [[nodiscard]] bool isSet(QAnyStringView key) const;

    /// Validates @p text for the key's type and stores it. Unknown keys and bad values are refused with a
    /// message that says what is expected.
    Result<void> setText(QAnyStringView key, const QString &text);
    Result<void> setValue(QAnyStringView key, const QVariant &value);
    Result<void> reset(QAnyStringView key);

    /// Problems found in the file: unreadable file, values that are not of their setting's type, unknown
    /// keys.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] QString fileName() const { return m_settings->fileName(); }

    /// Parses @p text for @p spec; the error says what was expected.
    [[nodiscard]] static Result<QVariant> parse(const SettingSpec &spec, const QString &text);
    [[nodiscard]] static QString format(const SettingSpec &spec, const QVariant &value);
    /// "a, b,,c" as a list setting reads it: items trimmed, empty ones dropped.
    [[nodiscard]] static QStringList splitList(const QString &text);

private:
    [[nodiscard]] Result<void> checkReadable() const;
    Result<void> sync();

    std::unique_ptr<QSettings> m_settings;
    bool m_hadProblems = false; ///< the file had problems when read: the first write keeps it as <file>.bak
};

} // namespace Lectern
