// SPDX-License-Identifier: GPL-3.0-or-later
#include "storepasswords.h"

#include "store/libpqconnection.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace Lectern {

namespace {

// Every worker thread opens its own connection, so the table is read from any of them.
QMutex &lock()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QString> &table()
{
    static QHash<QString, QString> passwords;
    return passwords;
}

StorePasswords::KeyringReader &keyringReader()
{
    static StorePasswords::KeyringReader reader;
    return reader;
}

} // namespace

QString StorePasswords::keyOf(const StoreLocation &location)
{
    return StoreLocation::postgres(location.host(), location.port(), location.database(), location.user())
        .toString();
}

void StorePasswords::set(const StoreLocation &location, const QString &password)
{
    QMutexLocker locked(&lock());
    if (password.isEmpty())
        table().remove(keyOf(location));
    else
        table().insert(keyOf(location), password);
}

QString StorePasswords::find(const StoreLocation &location)
{
    if (!location.isPostgres())
        return {};
    QMutexLocker locked(&lock());
    return table().value(keyOf(location));
}

void StorePasswords::setKeyringReader(KeyringReader reader)
{
    keyringReader() = std::move(reader);
}

bool StorePasswords::loadFromKeyringWhenAsked(const StoreLocation &location)
{
    // Only when the server asked and libpq had nothing to give: a lab's timer job with ~/.pgpass, or a
    // server that is down, never waits for a desktop's keyring.
    if (!location.isPostgres() || !keyringReader() || !find(location).isEmpty() ||
        !serverWantsAPassword(location))
        return false;
    const QString password = keyringReader()(location);
    if (password.isEmpty())
        return false;
    set(location, password);
    return true;
}

} // namespace Lectern
