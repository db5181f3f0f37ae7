// SPDX-License-Identifier: GPL-3.0-or-later
#include "storepasswords.h"

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

} // namespace Lectern
