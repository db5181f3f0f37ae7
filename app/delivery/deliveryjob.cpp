// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/deliveryjob.h"

#include "config/settings.h"
#include "delivery/deliverylog.h"
#include "delivery/digestmessages.h"
#include "delivery/mailsender.h"
#include "delivery/webhooksender.h"
#include "store/paperstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QUuid>

namespace Lectern {

namespace {

QString shortHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

DeliverySecrets::Secret urlSecret(DeliveryChannel::Kind kind)
{
    return kind == DeliveryChannel::Kind::Slack ? DeliverySecrets::Secret::SlackWebhookUrl
                                                : DeliverySecrets::Secret::WebhookUrl;
}

/// The domain of the sender's address, for the Message-ID.
QString messageIdDomain(const QString &from)
{
    const qsizetype at = from.lastIndexOf(u'@');
    return at >= 0 ? from.mid(at + 1) : QStringLiteral("lectern.invalid");
}

} // namespace

DeliveryRequest DeliveryRequest::fromSettings(const Settings &settings, const QString &store)
{
    DeliveryRequest request;
    request.store = store;
    request.channels = DeliveryChannel::fromSettings(settings);
    request.digest = DigestSettings::fromSettings(settings);
    request.keyFile = keyFileFor(settings);
    request.http.userAgent = HttpClient::userAgentFor(settings.string(Keys::ArxivContact));
    request.http.timeoutMs = 30000;
    return request;
}

QString DeliveryRequest::keyFileFor(const Settings &settings)
{
    const QString set = settings.string(Keys::DeliveryKeyFile).trimmed();
    if (!set.isEmpty())
        return set;
    return QFileInfo(settings.fileName()).absolutePath() + QStringLiteral("/delivery-secrets");
}

QStringList DeliverySummary::failedChannels() const
{
    QStringList failed;
    for (const ChannelDelivery &c : channels) {
        if (c.state == ChannelDelivery::State::Failed)
            failed << c.label;
    }
    return failed;
}

DeliveryJob::DeliveryJob(DeliveryRequest request)
    : m_request(std::move(request))
{ }

QString DeliveryJob::target(const DeliveryChannel &channel, const QString &webhookUrl)
{
    switch (channel.kind) {
    case DeliveryChannel::Kind::Email: {
        QStringList to;
        for (const QString &address : channel.to)
            to << address.toLower();
        to.sort();
        return to.join(u',');
    }
    case DeliveryChannel::Kind::Matrix:
        return channel.room + u' ' + channel.homeserver.host();
    case DeliveryChannel::Kind::Slack:
    case DeliveryChannel::Kind::Webhook:
        // The URL is the secret: only a hash of it.
        return webhookUrl.isEmpty() ? QString() : QStringLiteral("url-sha256:") + shortHash(webhookUrl);
    }
    return {};
}

Result<QString> DeliveryJob::run()
{
    auto opened = PaperStore::open(m_request.store);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    QDate day = m_request.day;
    if (!day.isValid()) {
        auto latest = store.latestDay();
        if (!latest)
            return Error {latest.error()};
        if (!latest->has_value())
            return Error {QCoreApplication::translate(
                "Lectern::DeliveryJob", "Nothing to deliver: the database has no day yet")};
        day = **latest;
    }
    const DeliverySecrets secrets(m_request.keyFile, m_request.keyring);
    DeliverySummary summary;
    summary.day = day;
    QList<DeliveryChannel> enabled;
    for (const DeliveryChannel &c : m_request.channels) {
        if (c.enabled)
            enabled << c;
    }
    for (const DeliveryChannel &channel : enabled) {
        if (isCancelled())
            break;
        report(int(summary.channels.size()), int(enabled.size()),
            QCoreApplication::translate("Lectern::DeliveryJob", "Delivering %1 by %2…")
                .arg(day.toString(Qt::ISODate), channel.label()));
        summary.channels << deliver(channel, store, day, secrets);
        setResult(QVariant::fromValue(summary));
    }
    setResult(QVariant::fromValue(summary));
    if (isCancelled())
        return Error {QCoreApplication::translate("Lectern::DeliveryJob", "Cancelled.")};
    if (enabled.isEmpty())
        return QCoreApplication::translate("Lectern::DeliveryJob",
            "No delivery channel is enabled (delivery/email/enabled, delivery/slack/enabled, "
            "delivery/matrix/enabled, delivery/webhook/enabled).");
    QStringList lines;
    for (const ChannelDelivery &c : summary.channels)
        lines << c.message;
    const QStringList failed = summary.failedChannels();
    if (!failed.isEmpty())
        return Error {lines.join(u'\n')};
    return lines.join(u'\n');
}

ChannelDelivery DeliveryJob::deliver(
    const DeliveryChannel &channel, PaperStore &store, const QDate &day, const DeliverySecrets &secrets)
{
    ChannelDelivery result;
    result.channel = channel.name();
    result.label = channel.label();
    const auto failed = [&](const QString &why) {
        result.state = ChannelDelivery::State::Failed;
        result.message =
            QCoreApplication::translate("Lectern::DeliveryJob", "%1: failed: %2").arg(result.label, why);
        return result;
    };

    // The secret first: without it nothing can be sent, and the webhook's target is its hash.
    DeliverySecrets::Found secret;
    switch (channel.kind) {
    case DeliveryChannel::Kind::Email:
        if (!channel.user.isEmpty())
            secret = secrets.find(DeliverySecrets::Secret::SmtpPassword);
        break;
    case DeliveryChannel::Kind::Matrix:
        secret = secrets.find(DeliverySecrets::Secret::MatrixToken);
        break;
    case DeliveryChannel::Kind::Slack:
    case DeliveryChannel::Kind::Webhook:
        secret = secrets.find(urlSecret(channel.kind));
        break;
    }
    const bool needsSecret = channel.kind != DeliveryChannel::Kind::Email || !channel.user.isEmpty();
    if (needsSecret && secret.value.isEmpty()) {
        const DeliverySecrets::Secret which = channel.kind == DeliveryChannel::Kind::Email
            ? DeliverySecrets::Secret::SmtpPassword
            : channel.kind == DeliveryChannel::Kind::Matrix ? DeliverySecrets::Secret::MatrixToken
                                                            : urlSecret(channel.kind);
        if (!secret.problem.isEmpty())
            return failed(secret.problem);
        return failed(QCoreApplication::translate(
            "Lectern::DeliveryJob", "no %1 (put %1 in the key file %2, or set %3)")
                          .arg(DeliverySecrets::keyName(which), secrets.keyFile(),
                              DeliverySecrets::environmentVariable(which)));
    }
    result.target = target(channel, secret.value);
    if (channel.kind == DeliveryChannel::Kind::Email && channel.to.isEmpty())
        return failed(
            QCoreApplication::translate("Lectern::DeliveryJob", "no recipient (delivery/email/to)"));
    if (channel.kind == DeliveryChannel::Kind::Matrix && channel.room.isEmpty())
        return failed(QCoreApplication::translate("Lectern::DeliveryJob", "no room (delivery/matrix/room)"));
    const QString where = channel.kind == DeliveryChannel::Kind::Email ? channel.to.join(QStringLiteral(", "))
        : channel.kind == DeliveryChannel::Kind::Matrix
        ? QCoreApplication::translate("Lectern::DeliveryJob", "%1 on %2")
              .arg(channel.room, channel.homeserver.host())
        : WebhookSender::secretUrlForDisplay(QUrl(secret.value));

    DeliveryLog log(store.database(), *m_request.http.clock);
    if (!m_request.test) {
        auto done = log.wasDelivered(day, result.channel, result.target);
        if (!done)
            return failed(done.error());
        if (*done) {
            result.state = ChannelDelivery::State::AlreadySent;
            result.message =
                QCoreApplication::translate("Lectern::DeliveryJob", "%1: %2 was already sent to %3")
                    .arg(result.label, day.toString(Qt::ISODate), where);
            return result;
        }
    }

    DigestSettings settings = m_request.digest;
    settings.minRelevance = channel.minRelevance;
    settings.minNovelty = channel.minNovelty;
    auto loaded = DigestLoader::day(store, day, settings);
    if (!loaded)
        return failed(loaded.error());
    const Digest digest = DigestMessages::trimmed(loaded.value(), channel.maxPapers);
    result.papers = int(digest.entries.size());
    if (digest.entries.isEmpty() && channel.onlyWhenNew && !m_request.test) {
        result.state = ChannelDelivery::State::NothingToSend;
        result.message = QCoreApplication::translate(
            "Lectern::DeliveryJob", "%1: nothing to send, no paper of %2 over relevance %3 and novelty %4")
                             .arg(result.label, day.toString(Qt::ISODate))
                             .arg(channel.minRelevance)
                             .arg(channel.minNovelty);
        return result;
    }
    if (m_request.dryRun) {
        result.state = ChannelDelivery::State::WouldSend;
        result.message =
            QCoreApplication::translate("Lectern::DeliveryJob", "%1: would send %2 papers of %3 to %4")
                .arg(result.label)
                .arg(result.papers)
                .arg(day.toString(Qt::ISODate), where);
        return result;
    }

    QString subject = DigestMessages::subject(digest, channel.minRelevance, channel.minNovelty);
    if (m_request.test)
        subject.prepend(QStringLiteral("Test: "));
    Result<void> sent;
    switch (channel.kind) {
    case DeliveryChannel::Kind::Email: {
        MailServer server;
        server.url = channel.server;
        server.user = channel.user;
        server.password = secret.value;
        server.requireTls = channel.requireTls;
        server.caFile = channel.caFile;
        server.connectTimeoutMs = m_request.mailConnectTimeoutMs;
        server.timeoutMs = m_request.mailTimeoutMs;
        MailMessage message;
        message.from = channel.from;
        message.to = channel.to;
        message.subject = subject;
        message.text = DigestMessages::emailText(digest);
        message.html = DigestMessages::emailHtml(digest);
        message.date = m_request.http.clock->nowUtc();
        message.messageId =
            QStringLiteral("lectern.%1.%2@%3")
                .arg(day.toString(Qt::ISODate), QUuid::createUuid().toString(QUuid::WithoutBraces),
                    messageIdDomain(channel.from));
        sent = MailSender(cancelFlag()).send(server, message);
        break;
    }
    case DeliveryChannel::Kind::Slack: {
        QString text = DigestMessages::slackText(digest, channel.minRelevance, channel.minNovelty);
        if (m_request.test)
            text.prepend(QStringLiteral("Test: "));
        sent = WebhookSender(m_request.http, cancelFlag()).sendSlack(QUrl(secret.value), text);
        break;
    }
    case DeliveryChannel::Kind::Matrix: {
        QString text = DigestMessages::matrixText(digest, channel.minRelevance, channel.minNovelty);
        QString html = DigestMessages::matrixHtml(digest, channel.minRelevance, channel.minNovelty);
        if (m_request.test) {
            text.prepend(QStringLiteral("Test: "));
            html.prepend(QStringLiteral("<p>Test</p>"));
        }
        // One transaction id per day, room and content: a retry, or a run that died before recording
        // the delivery, posts nothing new. A test message gets a fresh one each time.
        const QString txnId = m_request.test
            ? QStringLiteral("lectern-test-") + QUuid::createUuid().toString(QUuid::Id128)
            : QStringLiteral("lectern-%1-%2").arg(day.toString(Qt::ISODate), shortHash(channel.room + text));
        sent = WebhookSender(m_request.http, cancelFlag())
                   .sendMatrix(channel.homeserver, channel.room, secret.value, txnId, text, html);
        break;
    }
    case DeliveryChannel::Kind::Webhook:
        sent =
            WebhookSender(m_request.http, cancelFlag())
                .sendJson(QUrl(secret.value),
                    DigestMessages::json(digest, result.channel, channel.minRelevance, channel.minNovelty));
        break;
    }
    if (!sent)
        return failed(sent.error());
    if (!m_request.test) {
        if (auto recorded = log.record(day, result.channel, result.target, result.papers); !recorded)
            return failed(QCoreApplication::translate(
                "Lectern::DeliveryJob", "sent, but not recorded (it may be sent again): %1")
                              .arg(recorded.error()));
    }
    result.state = ChannelDelivery::State::Sent;
    result.message =
        QCoreApplication::translate("Lectern::DeliveryJob", "%1: sent %2 papers of %3 to %4%5")
            .arg(result.label)
            .arg(result.papers)
            .arg(day.toString(Qt::ISODate), where,
                m_request.test ? QCoreApplication::translate("Lectern::DeliveryJob", " (test)") : QString());
    return result;
}

} // namespace Lectern
