// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyringstore.h"

#include "store/storepasswords.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace Lectern {

namespace {
const QString kService = QStringLiteral("lectern");
}

KeyringStore::KeyringStore(QObject *parent)
    : QObject(parent)
{ }

bool KeyringStore::isAvailable()
{
    return QKeychain::isAvailable();
}

QString KeyringStore::entryFor(const QString &provider)
{
    return QStringLiteral("api-key/") + provider;
}

void KeyringStore::readKey(
    const QString &provider, std::function<void(const QString &, const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryFor(provider));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), QString());
        else if (read->error() == QKeychain::EntryNotFound)
            done(QString(), QString());
        else
            done(QString(), tr("The system keyring could not be read: %1").arg(read->errorString()));
    });
    job->start();
}

void KeyringStore::writeKey(
    const QString &provider, const QString &key, std::function<void(const QString &)> done)
{
    QKeychain::Job *job = nullptr;
    if (key.isEmpty()) {
        auto *del = new QKeychain::DeletePasswordJob(kService, this);
        job = del;
    } else {
        auto *write = new QKeychain::WritePasswordJob(kService, this);
        write->setTextData(key);
        job = write;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryFor(provider));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            done(QString());
        else
            done(tr(
                "The key was not saved: no usable system keyring (%1). Set OPENAI_API_KEY, ANTHROPIC_API_KEY "
                "or LECTERN_API_KEY in the environment instead.")
                     .arg(j->errorString()));
    });
    job->start();
}

QString KeyringStore::entryFor(const StoreLocation &location)
{
    return QStringLiteral("store-password/") + StorePasswords::keyOf(location);
}

void KeyringStore::writeStorePassword(
    const StoreLocation &location, const QString &password, std::function<void(const QString &)> done)
{
    QKeychain::Job *job = nullptr;
    if (password.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(kService, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(kService, this);
        write->setTextData(password);
        job = write;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryFor(location));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            done(QString());
        else
            done(tr("The password was not saved: no usable system keyring (%1). Put it in ~/.pgpass "
                    "(chmod 600) instead.")
                     .arg(j->errorString()));
    });
    job->start();
}

void KeyringStore::loadStorePassword(const StoreLocation &location)
{
    if (!location.isPostgres() || !isAvailable())
        return;
    // The window opens its store right after: it waits for the keyring's one answer (qtkeychain's jobs
    // answer through the event loop).
    QEventLoop loop;
    bool answered = false;
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryFor(location));
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&loop, &answered, location](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError)
            StorePasswords::set(location, read->textData());
        answered = true;
        loop.quit();
    });
    job->start();
    if (!answered)
        loop.exec();
}

} // namespace Lectern
