// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/deliverysecrets.h"
#include "store/storelocation.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Lectern {

/// Where KeyringStore keeps its entries instead of the system keyring: the tests' memory (a headless test
/// has no Secret Service). Synchronous; one for the whole process.
class KeyringBackend
{
public:
    virtual ~KeyringBackend() = default;
    /// The entry's text, or nothing when there is no such entry.
    [[nodiscard]] virtual std::optional<QString> read(const QString &entry) = 0;
    /// Stores @p text under @p entry; an empty @p text removes the entry.
    virtual void write(const QString &entry, const QString &text) = 0;
};

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
    /// Puts every entry in @p backend instead of the system keyring (null: the system keyring again). The
    /// caller keeps @p backend alive while it is installed.
    static void setBackend(KeyringBackend *backend);
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
    /// The store password of @p location kept in the keyring, read now (the command line's
    /// StorePasswords::KeyringReader); empty without a keyring or an entry.
    [[nodiscard]] static QString readStorePassword(const StoreLocation &location);

    /// The keyring entry name of a delivery secret ("delivery/smtp-password").
    [[nodiscard]] static QString entryFor(DeliverySecrets::Secret secret);
    /// Stores (empty: removes) a delivery secret; @p done gets an error or an empty string.
    void writeDeliverySecret(
        DeliverySecrets::Secret secret, const QString &value, std::function<void(const QString &error)> done);
    /// One delivery secret as stored in the keyring, read at once (waiting for the answer); empty without a
    /// keyring or an entry.
    [[nodiscard]] static QString readDeliverySecret(DeliverySecrets::Secret secret);
    /// Every delivery secret in the keyring now, read at once, as the lookup a DeliveryRequest takes; none
    /// without a keyring.
    [[nodiscard]] static DeliverySecrets::KeyringLookup deliverySecrets();

private:
    /// One entry, from the backend or the system keyring: @p done gets its text (empty when there is none)
    /// or the keyring's error.
    void readEntry(const QString &entry, std::function<void(const QString &text, const QString &error)> done);
    void writeEntry(
        const QString &entry, const QString &text, std::function<void(const QString &error)> done);
    /// readEntry(), waiting for the answer (the event loop runs meanwhile).
    static QString readEntryNow(const QString &entry);
};

} // namespace Lectern
