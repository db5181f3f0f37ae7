// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Lectern {

class Settings;

/// One way the digest leaves Lectern after a run, as the profile's settings describe it (delivery/<name>/…).
/// Each member's profile holds their own channels and thresholds; all are off until enabled.
struct DeliveryChannel
{
    enum class Kind { Email, Slack, Matrix, Webhook };

    Kind kind = Kind::Email;
    bool enabled = false;
    int minRelevance = 8; ///< the channel's own, or the digest's threshold when the setting is 0
    int minNovelty = 7;
    int maxPapers = 20; ///< 0: all
    bool onlyWhenNew = true; ///< nothing is sent on a day without a paper over the thresholds

    // E-mail.
    QStringList to;
    QString from;
    QString server; ///< smtp://host:port or smtps://host:port
    QString user;
    bool requireTls = true;
    QString caFile;
    // Matrix.
    QUrl homeserver;
    QString room;

    /// "email", "slack", "matrix", "webhook": the settings' and the delivery log's name.
    [[nodiscard]] QString name() const { return name(kind); }
    [[nodiscard]] static QString name(Kind kind);
    /// "e-mail", "Slack", "Matrix", "JSON webhook": for messages.
    [[nodiscard]] QString label() const;
    /// Every channel, enabled or not, in a fixed order.
    [[nodiscard]] static QList<DeliveryChannel> fromSettings(const Settings &settings);
};

} // namespace Lectern
