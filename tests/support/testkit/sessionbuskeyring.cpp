// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionbuskeyring.h"

#include <QStandardPaths>

namespace Lectern::Test {

SessionBusKeyring::SessionBusKeyring() = default;

SessionBusKeyring::~SessionBusKeyring()
{
    stopWallet();
    if (m_bus) {
        m_bus->kill();
        m_bus->waitForFinished(5000);
    }
}

Result<void> SessionBusKeyring::start()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        return Error {QStringLiteral("dbus-daemon is not installed")};
    m_bus = std::make_unique<QProcess>();
    m_bus->setProcessChannelMode(QProcess::SeparateChannels);
    m_bus->start(daemon,
        {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
            QStringLiteral("--print-address=1")});
    if (!m_bus->waitForStarted(10000))
        return Error {QStringLiteral("dbus-daemon did not start: %1").arg(m_bus->errorString())};
    while (!m_bus->canReadLine()) {
        if (!m_bus->waitForReadyRead(10000))
            return Error {QStringLiteral("dbus-daemon printed no address: %1")
                              .arg(QString::fromLocal8Bit(m_bus->readAllStandardError()))};
    }
    const QByteArray address = m_bus->readLine().trimmed();
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);

    m_wallet = std::make_unique<QProcess>();
    m_wallet->start(QStringLiteral(LECTERN_KWALLET_STANDIN), {});
    if (!m_wallet->waitForStarted(10000))
        return Error {QStringLiteral("the wallet stand-in did not start: %1").arg(m_wallet->errorString())};
    while (!m_wallet->canReadLine()) {
        if (!m_wallet->waitForReadyRead(10000))
            return Error {QStringLiteral("the wallet stand-in did not register: %1")
                              .arg(QString::fromLocal8Bit(m_wallet->readAllStandardError()))};
    }
    if (m_wallet->readLine().trimmed() != "ready")
        return Error {QStringLiteral("the wallet stand-in said something else than ready")};
    return {};
}

void SessionBusKeyring::stopWallet()
{
    if (m_wallet) {
        m_wallet->kill();
        m_wallet->waitForFinished(5000);
        m_wallet.reset();
    }
}

} // namespace Lectern::Test
