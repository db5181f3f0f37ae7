// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionbuskeyring.h"

#include <QStandardPaths>

namespace Lectern::Test {

namespace {

/// Starts @p process and returns the first line it prints (its bus address, its "ready").
Result<QByteArray> firstLine(QProcess &process, const QString &program, const QStringList &arguments)
{
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return Error {QStringLiteral("%1 did not start: %2").arg(program, process.errorString())};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000))
            return Error {QStringLiteral("%1 printed nothing: %2")
                              .arg(program, QString::fromLocal8Bit(process.readAllStandardError()))};
    }
    return process.readLine().trimmed();
}

} // namespace

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
    auto address = firstLine(*m_bus, daemon,
        {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
            QStringLiteral("--print-address=1")});
    if (!address)
        return Error {address.error()};
    qputenv("DBUS_SESSION_BUS_ADDRESS", *address);
    m_wallet = std::make_unique<QProcess>();
    auto ready = firstLine(*m_wallet, QStringLiteral(LECTERN_KWALLET_STANDIN), {});
    if (!ready)
        return Error {ready.error()};
    if (*ready != "ready")
        return Error {
            QStringLiteral("the wallet stand-in did not register: %1").arg(QString::fromUtf8(*ready))};
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
