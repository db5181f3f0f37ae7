// SPDX-License-Identifier: GPL-3.0-or-later
#include "storechangelistener.h"

#include "store/listeningconnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace Lectern {

Q_LOGGING_CATEGORY(lcStoreChanges, "lectern.store.changes")

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
    else if (kind == QLatin1String("member_state"))
        change.kind = Kind::MemberState;
    else
        return std::nullopt;
    change.day = QDate::fromString(o.value(QStringLiteral("day")).toString(), Qt::ISODate);
    change.arxivId = o.value(QStringLiteral("paper")).toString();
    return change;
}

StoreChangeListener::StoreChangeListener(QObject *parent)
    : QObject(parent)
    , m_checkTimer(new QTimer(this))
    , m_random(QRandomGenerator::global()->generate())
{
    setObjectName(QStringLiteral("storeChangeListener"));
    m_scheduler = [this](int ms, std::function<void()> attempt) {
        QTimer::singleShot(ms, this, std::move(attempt));
    };
    connect(m_checkTimer, &QTimer::timeout, this, &StoreChangeListener::checkConnection);
}

StoreChangeListener::~StoreChangeListener()
{
    if (!m_thread)
        return;
    // The connection closes on its own thread; a check under way ends within its answer timeout.
    QMetaObject::invokeMethod(m_connection, &ListeningConnection::close, Qt::QueuedConnection);
    m_thread->quit();
    if (!m_thread->wait(m_answerTimeout + 15000)) {
        // Stuck in a connect to a silent server (libpq's connect_timeout ends it): let it end on its own.
        qCWarning(lcStoreChanges) << "the listening connection's thread is still busy; left to finish";
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    }
}

QList<int> StoreChangeListener::reconnectDelays()
{
    return {1000, 2000, 4000, 8000, 16000, 30000};
}

int StoreChangeListener::withJitter(int base, QRandomGenerator &random)
{
    return base + int(random.bounded(base / 4 + 1));
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

void StoreChangeListener::startThread()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("lectern-store-listener"));
    m_connection = new ListeningConnection;
    m_connection->moveToThread(m_thread);
    // Deleted on its thread, as the thread ends: its connection was opened there.
    connect(m_thread, &QThread::finished, m_connection, &QObject::deleteLater);
    connect(m_connection, &ListeningConnection::opened, this, &StoreChangeListener::opened);
    connect(m_connection, &ListeningConnection::openFailed, this, &StoreChangeListener::openFailed);
    connect(m_connection, &ListeningConnection::alive, this, [this] {
        m_checking = false;
        Q_EMIT connectionChecked();
    });
    connect(m_connection, &ListeningConnection::lost, this, &StoreChangeListener::lost);
    connect(m_connection, &ListeningConnection::notified, this, &StoreChangeListener::notified);
    m_thread->start();
}

void StoreChangeListener::listen(const StoreLocation &location)
{
    m_location = location;
    m_listening = false;
    m_reconnecting = false;
    m_checking = false;
    m_attempts = 0;
    if (!location.isPostgres())
        return;
    startThread();
    m_opening = true;
    QMetaObject::invokeMethod(m_connection, [c = m_connection, location] { c->open(location); });
    setCheckInterval(m_checkInterval);
}

void StoreChangeListener::opened()
{
    m_opening = false;
    m_listening = true;
    if (!m_reconnecting) {
        Q_EMIT listening();
        return;
    }
    m_reconnecting = false;
    m_attempts = 0;
    Q_EMIT reconnected();
}

void StoreChangeListener::openFailed(const QString &reason)
{
    m_opening = false;
    if (!m_reconnecting) {
        Q_EMIT cannotListen(reason);
        return;
    }
    ++m_attempts;
    qCInfo(lcStoreChanges) << "reconnecting failed, attempt" << m_attempts << ":" << reason;
    Q_EMIT reconnectFailed(reason);
    scheduleAttempt();
}

void StoreChangeListener::checkConnection()
{
    if (!m_listening || m_checking)
        return;
    m_checking = true;
    QMetaObject::invokeMethod(
        m_connection, [c = m_connection, timeout = m_answerTimeout] { c->check(timeout); });
}

void StoreChangeListener::lost(const QString &reason)
{
    m_checking = false;
    m_listening = false;
    m_reconnecting = true;
    m_attempts = 0;
    qCWarning(lcStoreChanges) << "lost the listening connection:" << reason;
    Q_EMIT connectionLost(reason);
    scheduleAttempt();
}

void StoreChangeListener::scheduleAttempt()
{
    const QList<int> delays = reconnectDelays();
    const int base = delays.at(std::min<qsizetype>(m_attempts, delays.size() - 1));
    m_scheduler(withJitter(base, m_random), [this] { attemptReconnect(); });
}

void StoreChangeListener::attemptReconnect()
{
    if (!m_reconnecting || m_listening || m_opening)
        return;
    m_opening = true;
    QMetaObject::invokeMethod(m_connection, [c = m_connection, location = m_location] { c->open(location); });
}

void StoreChangeListener::notified(const QString &payload)
{
    // The listening connection only listens, so every notification is another connection's doing (the
    // member's own state may be this process's other connections': a client compares before it shows).
    if (auto change = StoreChange::fromPayload(payload))
        Q_EMIT changed(*change);
    else
        qCWarning(lcStoreChanges) << "ignored a notification that is not Lectern's:" << payload;
}

} // namespace Lectern
