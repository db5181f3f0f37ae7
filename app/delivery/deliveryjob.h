// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/deliverychannel.h"
#include "delivery/deliverysecrets.h"
#include "digest/digestloader.h"
#include "jobs/job.h"
#include "net/httpclient.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Lectern {

/// What to deliver, and how.
struct DeliveryRequest
{
    QString store; ///< the store location (a file path or a postgresql:// URI)
    QDate day; ///< invalid: the latest stored day
    QList<DeliveryChannel> channels; ///< the disabled ones are left out
    DigestSettings digest; ///< followed authors and prices; the thresholds are each channel's
    QString keyFile;
    DeliverySecrets::KeyringLookup keyring; ///< the keyring's secrets, read last (DeliverySecrets::find)
    bool dryRun = false; ///< say what would go where, send nothing, record nothing
    /// "Send test" in Settings: the day goes out even when delivered or empty, marked as a test in its
    /// subject, and is not recorded.
    bool test = false;
    HttpOptions http; ///< webhooks (clock and sleeper: tests pass a manual clock)
    int mailConnectTimeoutMs = 15000;
    int mailTimeoutMs = 120000;

    /// The channels, thresholds and key file @p settings name, for @p store.
    [[nodiscard]] static DeliveryRequest fromSettings(const Settings &settings, const QString &store);
    /// delivery/keyFile, or delivery-secrets beside the settings file.
    [[nodiscard]] static QString keyFileFor(const Settings &settings);
};

/// How one channel fared.
struct ChannelDelivery
{
    enum class State { Sent, AlreadySent, NothingToSend, WouldSend, Failed };
    QString channel; ///< "email"…
    QString label; ///< "e-mail"…
    QString target; ///< where it went, without a secret (the delivery log's key)
    State state = State::Failed;
    int papers = 0;
    QString message;
};

struct DeliverySummary
{
    QDate day;
    QList<ChannelDelivery> channels;

    [[nodiscard]] QStringList failedChannels() const;
};

/// Sends a stored day's digest by every enabled channel, each with its own thresholds and number of
/// papers; records each delivery (DeliveryLog) so that running again sends nothing twice. A channel that
/// fails does not stop the others, and nothing of the day's papers or scores is touched: the job only
/// reads the store and writes its log. The job fails (naming the channels) when a channel failed.
class DeliveryJob final : public Job
{
    Q_OBJECT
public:
    explicit DeliveryJob(DeliveryRequest request);

    /// Where a channel goes, as recorded and shown: never the password, token or webhook URL.
    [[nodiscard]] static QString target(const DeliveryChannel &channel, const QString &webhookUrl = {});

protected:
    Result<QString> run() override;

private:
    ChannelDelivery deliver(const DeliveryChannel &channel, class PaperStore &store, const QDate &day,
        const DeliverySecrets &secrets);

    DeliveryRequest m_request;
};

} // namespace Lectern

Q_DECLARE_METATYPE(Lectern::DeliverySummary)
