// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Lectern {

/// API keys in the system keyring (Secret Service, KWallet, …) through qtkeychain. Keys never go to the
/// settings file, the database, logs or command lines. Without a keyring the calls fail with a message
/// saying so; nothing falls back to plain text.
class KeyringStore final : public QObject
{
    Q_OBJECT
public:
    explicit KeyringStore(QObject *parent = nullptr);

    /// Whether a secure backend is reachable on this desktop.
    [[nodiscard]] static bool isAvailable();
    /// The keyring entry name for a provider ("openai", "anthropic", "local").
    [[nodiscard]] static QString entryFor(const QString &provider);

    /// Callbacks run on this object's thread. @p done gets the key (empty if none) or an error.
    void readKey(const QString &provider, std::function<void(const QString &key, const QString &error)> done);
    void writeKey(
        const QString &provider, const QString &key, std::function<void(const QString &error)> done);

    /// The keyring entry name of a PostgreSQL store's password
    /// ("store-password/postgresql://alice@host/lab").
    [[nodiscard]] static QString entryFor(const StoreLocation &location);
    /// Stores (empty: removes) the password of the PostgreSQL store @p location; @p done gets an error or
    /// an empty string.
    void writeStorePassword(const StoreLocation &location, const QString &password,
        std::function<void(const QString &error)> done);
    /// Reads the password of the PostgreSQL store @p location from the keyring, waiting for the answer,
    /// and hands it to StorePasswords (memory only) for every connection of this process. Nothing happens
    /// for SQLite, without a keyring, or without an entry (libpq's password file then serves).
    static void loadStorePassword(const StoreLocation &location);
};

} // namespace Lectern
