// SPDX-License-Identifier: GPL-3.0-or-later
// A KWallet daemon for the tests: the org.kde.KWallet D-Bus interface as KDE's kwalletd6 offers it on the
// session bus (service org.kde.kwalletd6, object /modules/kwalletd6), with the calls qtkeychain makes —
// networkWallet, open, entryType, readPassword/readEntry, writePassword/writeEntry, removeEntry — kept in
// memory. Run on a private session bus (testkit/sessionbuskeyring.h), it lets the tests drive the real
// qtkeychain over real D-Bus, where a headless machine has no wallet. Prints "ready" once registered.
#include <QCoreApplication>
#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusError>
#include <QHash>
#include <QObject>

#include <cstdio>

namespace {

// KWallet::Wallet::EntryType.
enum EntryType { Unknown = 0, Password = 1, Stream = 2 };

struct Entry
{
    EntryType type = Unknown;
    QByteArray value;
};

class Wallet final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    QHash<QString, Entry> entries; ///< by folder + '\n' + key
    int nextHandle = 1;
};

class KWalletAdaptor final : public QDBusAbstractAdaptor
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.KWallet")
public:
    explicit KWalletAdaptor(Wallet *wallet)
        : QDBusAbstractAdaptor(wallet)
        , m_wallet(wallet)
    { }

public Q_SLOTS:
    QString networkWallet() { return QStringLiteral("kdewallet"); }
    QString localWallet() { return QStringLiteral("kdewallet"); }
    bool isEnabled() { return true; }
    int open(const QString &wallet, qlonglong wId, const QString &appid)
    {
        Q_UNUSED(wId)
        Q_UNUSED(appid)
        return wallet == u"kdewallet" ? m_wallet->nextHandle++ : -1;
    }
    int entryType(int handle, const QString &folder, const QString &key, const QString &appid)
    {
        Q_UNUSED(handle)
        Q_UNUSED(appid)
        return m_wallet->entries.value(folder + u'\n' + key).type;
    }
    QString readPassword(int handle, const QString &folder, const QString &key, const QString &appid)
    {
        Q_UNUSED(handle)
        Q_UNUSED(appid)
        return QString::fromUtf8(m_wallet->entries.value(folder + u'\n' + key).value);
    }
    QByteArray readEntry(int handle, const QString &folder, const QString &key, const QString &appid)
    {
        Q_UNUSED(handle)
        Q_UNUSED(appid)
        return m_wallet->entries.value(folder + u'\n' + key).value;
    }
    int writePassword(
        int handle, const QString &folder, const QString &key, const QString &value, const QString &appid)
    {
        Q_UNUSED(handle)
        Q_UNUSED(appid)
        m_wallet->entries.insert(folder + u'\n' + key, Entry {Password, value.toUtf8()});
        return 0;
    }
    int writeEntry(
        int handle, const QString &folder, const QString &key, const QByteArray &value, const QString &appid)
    {
        Q_UNUSED(handle)
        Q_UNUSED(appid)
        m_wallet->entries.insert(folder + u'\n' + key, Entry {Stream, value});
        return 0;
    }
    int removeEntry(int handle, const QString &folder, const QString &key, const QString &appid)
    {
        Q_UNUSED(handle)
        Q_UNUSED(appid)
        return m_wallet->entries.remove(folder + u'\n' + key) ? 0 : -1;
    }

private:
    Wallet *m_wallet;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Wallet wallet;
    new KWalletAdaptor(&wallet);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.registerObject(QStringLiteral("/modules/kwalletd6"), &wallet) ||
        !bus.registerService(QStringLiteral("org.kde.kwalletd6"))) {
        std::fprintf(stderr, "kwalletstandin: cannot register on the session bus: %s\n",
            qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}

#include "kwalletstandin.moc"
