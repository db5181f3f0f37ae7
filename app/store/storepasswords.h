// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"

#include <QString>

#include <functional>

namespace Lectern {

/// Passwords of PostgreSQL stores, held in this process's memory only. The window puts here the one it
/// read from the system keyring, and every connection to that store (one per thread) hands it to libpq
/// (QSqlDatabase::setPassword). It is never written to a file, a log, a message or a command line. A
/// store without one here gets its password from libpq itself: PGPASSFILE or ~/.pgpass.
class StorePasswords final
{
public:
    /// Remembers @p password for @p location (its server, port, database and user); empty forgets it.
    static void set(const StoreLocation &location, const QString &password);
    /// The password remembered for @p location, or an empty string.
    [[nodiscard]] static QString find(const StoreLocation &location);
    /// What a password belongs to: the location without its TLS mode ("postgresql://alice@host:5432/lab"),
    /// also the name of its keyring entry.
    [[nodiscard]] static QString keyOf(const StoreLocation &location);

    /// How this process reads a store's password from the system keyring (the command line): main()
    /// installs it, since the keyring lives in the UI layer. Returns an empty string when it has none.
    using KeyringReader = std::function<QString(const StoreLocation &)>;
    static void setKeyringReader(KeyringReader reader);
    /// For a command line whose store could not be opened: when the server asks for a password libpq has
    /// none for (no ~/.pgpass entry), reads it from the keyring and remembers it. True when the store is
    /// worth opening again.
    [[nodiscard]] static bool loadFromKeyringWhenAsked(const StoreLocation &location);
};

} // namespace Lectern
