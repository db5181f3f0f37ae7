// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyringstore.h"

#include "store/storepasswords.h"

#include <QEventLoop>
#include <QHash>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Lectern {

namespace {

const QString kService = QStringLiteral("lectern");

KeyringBackend *&installedBackend()
{
    static KeyringBackend *backend = nullptr;
    return backend;
}

} // namespace

KeyringStore::KeyringStore(QObject *parent)
    : QObject(parent)
{ }

bool KeyringStore::isAvailable()
{
    return installedBackend() || QKeychain::isAvailable();
}

void KeyringStore::setBackend(KeyringBackend *backend)
{
    installedBackend() = backend;
}

void KeyringStore::readEntry(const QString &entry, std::function<void(const QString &, const QString &)> done)
{
    if (KeyringBackend *backend = installedBackend()) {
        // Answered later, as the system keyring does: callers never see their callback run inside the call.
        QTimer::singleShot(
            0, this, [text = backend->read(entry).value_or(QString()), done = std::move(done)] {
                done(text, QString());
            });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), QString());
        else if (read->error() == QKeychain::EntryNotFound)
            done(QString(), QString());
        else
            done(QString(), read->errorString());
    });
    job->start();
}

void KeyringStore::writeEntry(
    const QString &entry, const QString &text, std::function<void(const QString &)> done)
{
    if (KeyringBackend *backend = installedBackend()) {
        backend->write(entry, text);
        QTimer::singleShot(0, this, [done = std::move(done)] { done(QString()); });
        return;
    }
    QKeychain::Job *job = nullptr;
    if (text.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(kService, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(kService, this);
        write->setTextData(text);
        job = write;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            done(QString());
        else
            done(j->errorString());
    });
    job->start();
}

QString KeyringStore::readEntryNow(const QString &entry)
{
    if (KeyringBackend *backend = installedBackend())
        return backend->read(entry).value_or(QString());
    if (!QKeychain::isAvailable())
        return {};
    // qtkeychain's jobs answer through the event loop: wait for this one answer.
    KeyringStore store;
    QEventLoop loop;
    bool answered = false;
    QString text;
    store.readEntry(entry, [&](const QString &found, const QString &) {
        text = found;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    return text;
}

QString KeyringStore::entryFor(const QString &provider)
{
    return QStringLiteral("api-key/") + provider;
}

void KeyringStore::readKey(
    const QString &provider, std::function<void(const QString &, const QString &)> done)
{
    readEntry(entryFor(provider), [done = std::move(done)](const QString &key, const QString &error) {
        if (error.isEmpty())
            done(key, QString());
        else
            done(QString(), tr("The system keyring could not be read: %1").arg(error));
    });
}

void KeyringStore::writeKey(
    const QString &provider, const QString &key, std::function<void(const QString &)> done)
{
    writeEntry(entryFor(provider), key, [done = std::move(done)](const QString &error) {
        if (error.isEmpty())
            done(QString());
        else
            done(tr(
                "The key was not saved: no usable system keyring (%1). Set OPENAI_API_KEY, ANTHROPIC_API_KEY "
                "or LECTERN_API_KEY in the environment instead.")
                     .arg(error));
    });
}

QString KeyringStore::entryFor(const StoreLocation &location)
{
    return QStringLiteral("store-password/") + StorePasswords::keyOf(location);
}

void KeyringStore::writeStorePassword(
    const StoreLocation &location, const QString &password, std::function<void(const QString &)> done)
{
    writeEntry(entryFor(location), password, [done = std::move(done)](const QString &error) {
        if (error.isEmpty())
            done(QString());
        else
            done(tr("The password was not saved: no usable system keyring (%1). Put it in ~/.pgpass "
                    "(chmod 600) instead.")
                     .arg(error));
    });
}

void KeyringStore::loadStorePassword(const StoreLocation &location)
{
    // The window opens its store right after: it waits for the keyring's answer.
    if (const QString password = readStorePassword(location); !password.isEmpty())
        StorePasswords::set(location, password);
}

QString KeyringStore::readStorePassword(const StoreLocation &location)
{
    if (!location.isPostgres() || !isAvailable())
        return {};
    return readEntryNow(entryFor(location));
}

QString KeyringStore::entryFor(DeliverySecrets::Secret secret)
{
    return QStringLiteral("delivery/") + DeliverySecrets::keyName(secret);
}

void KeyringStore::writeDeliverySecret(
    DeliverySecrets::Secret secret, const QString &value, std::function<void(const QString &)> done)
{
    writeEntry(entryFor(secret), value, [done = std::move(done)](const QString &error) {
        if (error.isEmpty())
            done(QString());
        else
            done(tr("The secret was not saved: no usable system keyring (%1). Put it in the key file or the "
                    "environment instead.")
                     .arg(error));
    });
}

QString KeyringStore::readDeliverySecret(DeliverySecrets::Secret secret)
{
    return isAvailable() ? readEntryNow(entryFor(secret)) : QString();
}

DeliverySecrets::KeyringLookup KeyringStore::deliverySecrets()
{
    if (!isAvailable())
        return {};
    // Read once, on the calling thread, so that a delivery job on a worker thread only looks them up.
    QHash<int, QString> found;
    for (const auto secret : {DeliverySecrets::Secret::SmtpPassword, DeliverySecrets::Secret::MatrixToken,
             DeliverySecrets::Secret::SlackWebhookUrl, DeliverySecrets::Secret::WebhookUrl}) {
        if (const QString value = readEntryNow(entryFor(secret)); !value.isEmpty())
            found.insert(int(secret), value);
    }
    return [found](DeliverySecrets::Secret secret) { return found.value(int(secret)); };
}

} // namespace Lectern
