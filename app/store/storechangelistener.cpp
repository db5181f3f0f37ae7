// SPDX-License-Identifier: GPL-3.0-or-later
#include "storechangelistener.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

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
    , m_checkTimer(new QTimer(this))
{
    m_scheduler = [this](int ms, std::function<void()> attempt) {
        QTimer::singleShot(ms, this, std::move(attempt));
    };
    connect(m_checkTimer, &QTimer::timeout, this, &StoreChangeListener::checkConnection);
}

StoreChangeListener::~StoreChangeListener() = default;

QList<int> StoreChangeListener::reconnectDelays()
{
    return {1000, 2000, 4000, 8000, 16000, 30000};
}

void StoreChangeListener::setScheduler(Scheduler scheduler)
{
    m_scheduler = std::move(scheduler);
}

void StoreChangeListener::setCheckInterval(int ms)
{
    m_checkInterval = ms;
    m_checkTimer->stop();
    if (m_checkInterval > 0 && m_location.isPostgres())
        m_checkTimer->start(m_checkInterval);
}

Result<void> StoreChangeListener::listen(const StoreLocation &location)
{
    m_db.reset();
    m_location = location;
    m_reconnecting = false;
    m_attempts = 0;
    if (!location.isPostgres())
        return {};
    if (auto connected = connectAndListen(); !connected)
        return connected;
    setCheckInterval(m_checkInterval);
    return {};
}

Result<void> StoreChangeListener::connectAndListen()
{
    auto opened = Database::open(m_location);
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

bool StoreChangeListener::checkConnection()
{
    if (!m_db)
        return false;
    QSqlQuery q(m_db->sql());
    if (q.exec(QStringLiteral("SELECT 1"))) {
        q.finish();
        // Notices that came in while libpq waited for this answer are queued in libpq, and the driver reads
        // its queue only when the socket has more: let it look now.
        QMetaObject::invokeMethod(m_db->sql().driver(), "_q_handleNotification", Qt::QueuedConnection);
        return true;
    }
    const QString reason = q.lastError().text();
    q = QSqlQuery();
    m_db.reset();
    m_reconnecting = true;
    m_attempts = 0;
    qCWarning(lcStoreChanges) << "lost the listening connection:" << reason;
    Q_EMIT connectionLost(reason);
    scheduleAttempt();
    return false;
}

void StoreChangeListener::scheduleAttempt()
{
    const QList<int> delays = reconnectDelays();
    const int wait = delays.at(std::min<qsizetype>(m_attempts, delays.size() - 1));
    m_scheduler(wait, [this] { attemptReconnect(); });
}

void StoreChangeListener::attemptReconnect()
{
    if (!m_reconnecting || m_db)
        return;
    if (auto connected = connectAndListen(); !connected) {
        ++m_attempts;
        qCInfo(lcStoreChanges) << "reconnecting failed, attempt" << m_attempts << ":" << connected.error();
        scheduleAttempt();
        return;
    }
    m_reconnecting = false;
    m_attempts = 0;
    Q_EMIT reconnected();
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
