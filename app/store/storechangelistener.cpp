// SPDX-License-Identifier: GPL-3.0-or-later
#include "storechangelistener.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>

namespace Lectern {

Q_LOGGING_CATEGORY(lcStoreChanges, "lectern.store.changes")

namespace {

const QString kChannel = QStringLiteral("lectern");

} // namespace

std::optional<StoreChange> StoreChange::fromPayload(const QString &payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload.toUtf8()).object();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    StoreChange change;
    if (kind == QLatin1String("day_fetched"))
        change.kind = Kind::DayFetched;
    else if (kind == QLatin1String("day_scored"))
        change.kind = Kind::DayScored;
    else if (kind == QLatin1String("shared_note"))
        change.kind = Kind::SharedNote;
    else
        return std::nullopt;
    change.day = QDate::fromString(o.value(QStringLiteral("day")).toString(), Qt::ISODate);
    change.arxivId = o.value(QStringLiteral("paper")).toString();
    return change;
}

StoreChangeListener::StoreChangeListener(QObject *parent)
    : QObject(parent)
{ }

StoreChangeListener::~StoreChangeListener() = default;

Result<void> StoreChangeListener::listen(const StoreLocation &location)
{
    m_db.reset();
    if (!location.isPostgres())
        return {};
    auto opened = Database::open(location);
    if (!opened)
        return Error {opened.error()};
    QSqlDriver *driver = opened.value()->sql().driver();
    if (!driver->hasFeature(QSqlDriver::EventNotifications) || !driver->subscribeToNotification(kChannel))
        return Error {tr("Cannot listen for other clients' changes on %1: %2")
                          .arg(opened.value()->path(), driver->lastError().text())};
    connect(driver, &QSqlDriver::notification, this, &StoreChangeListener::notified);
    m_db = std::move(opened).value();
    return {};
}

void StoreChangeListener::notified(
    const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != kChannel)
        return;
    // This connection only listens, so every notification is another connection's doing.
    if (auto change = StoreChange::fromPayload(payload.toString()))
        Q_EMIT changed(*change);
    else
        qCWarning(lcStoreChanges) << "ignored a notification that is not Lectern's:" << payload.toString();
}

} // namespace Lectern
