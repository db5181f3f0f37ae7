// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/deliverychannel.h"

#include "config/settings.h"

#include <QCoreApplication>

namespace Lectern {

QString DeliveryChannel::name(Kind kind)
{
    switch (kind) {
    case Kind::Email:
        return QStringLiteral("email");
    case Kind::Slack:
        return QStringLiteral("slack");
    case Kind::Matrix:
        return QStringLiteral("matrix");
    case Kind::Webhook:
        return QStringLiteral("webhook");
    }
    return {};
}

QString DeliveryChannel::label() const
{
    switch (kind) {
    case Kind::Email:
        return QCoreApplication::translate("Lectern::DeliveryChannel", "e-mail");
    case Kind::Slack:
        return QStringLiteral("Slack");
    case Kind::Matrix:
        return QStringLiteral("Matrix");
    case Kind::Webhook:
        return QCoreApplication::translate("Lectern::DeliveryChannel", "JSON webhook");
    }
    return {};
}

QList<DeliveryChannel> DeliveryChannel::fromSettings(const Settings &settings)
{
    QList<DeliveryChannel> channels;
    for (const Kind kind : {Kind::Email, Kind::Slack, Kind::Matrix, Kind::Webhook}) {
        DeliveryChannel c;
        c.kind = kind;
        const QString prefix = QStringLiteral("delivery/%1/").arg(name(kind));
        c.enabled = settings.flag(prefix + u"enabled");
        const int relevance = settings.integer(prefix + u"minRelevance");
        const int novelty = settings.integer(prefix + u"minNovelty");
        c.minRelevance = relevance > 0 ? relevance : settings.integer(Keys::ScoringRelevanceThreshold);
        c.minNovelty = novelty > 0 ? novelty : settings.integer(Keys::ScoringNoveltyThreshold);
        c.maxPapers = settings.integer(prefix + u"maxPapers");
        c.onlyWhenNew = settings.flag(prefix + u"onlyWhenNew");
        if (kind == Kind::Email) {
            c.to = settings.stringList(Keys::DeliveryEmailTo);
            c.from = settings.string(Keys::DeliveryEmailFrom).trimmed();
            c.server = settings.string(Keys::DeliveryEmailServer).trimmed();
            c.user = settings.string(Keys::DeliveryEmailUser).trimmed();
            c.requireTls = settings.flag(Keys::DeliveryEmailRequireTls);
            c.caFile = settings.string(Keys::DeliveryEmailCaFile).trimmed();
        } else if (kind == Kind::Matrix) {
            c.homeserver = settings.url(Keys::DeliveryMatrixHomeserver);
            c.room = settings.string(Keys::DeliveryMatrixRoom).trimmed();
        }
        channels << c;
    }
    return channels;
}

} // namespace Lectern
