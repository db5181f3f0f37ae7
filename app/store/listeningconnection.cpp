// SPDX-License-Identifier: GPL-3.0-or-later
#include "listeningconnection.h"

#include "store/database.h"
#include "store/libpqconnection.h"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <libpq-fe.h>
#include <poll.h>

namespace Lectern {

namespace {

const QString kChannel = QStringLiteral("lectern");

} // namespace

ListeningConnection::ListeningConnection(QObject *parent)
    : QObject(parent)
{ }

ListeningConnection::~ListeningConnection() = default;

void ListeningConnection::open(const StoreLocation &location)
{
    m_db.reset();
    auto connected = Database::open(location);
    if (!connected) {
        Q_EMIT openFailed(connected.error());
        return;
    }
    QSqlDriver *driver = connected.value()->sql().driver();
    // The member's own channel (schema 17, a random name of hers since 19) carries her private state
    // changed by her other clients.
    QSqlQuery member(connected.value()->sql());
    if (!member.exec(QStringLiteral("SELECT lectern_own_channel()")) || !member.next()) {
        Q_EMIT openFailed(tr("Cannot listen for other clients' changes on %1: %2")
                              .arg(connected.value()->path(), member.lastError().text()));
        return;
    }
    m_memberChannel = member.value(0).toString();
    member = QSqlQuery();
    if (!driver->hasFeature(QSqlDriver::EventNotifications) || !driver->subscribeToNotification(kChannel) ||
        !driver->subscribeToNotification(m_memberChannel)) {
        Q_EMIT openFailed(tr("Cannot listen for other clients' changes on %1: %2")
                              .arg(connected.value()->path(), driver->lastError().text()));
        return;
    }
    connect(driver, &QSqlDriver::notification, this, &ListeningConnection::driverNotified);
    m_db = std::move(connected).value();
    Q_EMIT opened();
}

void ListeningConnection::check(int answerTimeoutMs)
{
    if (!m_db) {
        Q_EMIT lost(tr("not connected"));
        return;
    }
    if (const QString failure = askForAnswer(answerTimeoutMs); !failure.isEmpty()) {
        m_db.reset();
        Q_EMIT lost(failure);
        return;
    }
    // Notices that came in with this answer are queued in libpq, and the driver reads its queue only when
    // the socket has more: let it look now.
    QMetaObject::invokeMethod(m_db->sql().driver(), "_q_handleNotification", Qt::QueuedConnection);
    Q_EMIT alive();
}

void ListeningConnection::close()
{
    m_db.reset();
}

QString ListeningConnection::askForAnswer(int timeoutMs)
{
    PGconn *conn = libpqConnection(m_db->sql());
    if (!conn)
        return tr("the driver gives no PostgreSQL connection");
    if (PQsendQuery(conn, "SELECT 1") != 1)
        return libpqError(conn);
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (PQisBusy(conn)) {
            pollfd fd {PQsocket(conn), POLLIN, 0};
            const int ready = ::poll(&fd, 1, int(deadline.remainingTime()));
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready == 0)
                return tr("the server did not answer within %1 s").arg(timeoutMs / 1000.0);
            if (ready < 0 || PQconsumeInput(conn) != 1)
                return libpqError(conn);
        }
        PGresult *result = PQgetResult(conn);
        if (!result)
            return {};
        const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
        PQclear(result);
        if (!ok)
            return libpqError(conn);
    }
}

void ListeningConnection::driverNotified(
    const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name == kChannel || name == m_memberChannel)
        Q_EMIT notified(payload.toString());
}

} // namespace Lectern
