// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QProcess>

#include <memory>

namespace Lectern::Test {

/// A private D-Bus session bus (dbus-daemon) with a KWallet daemon on it (kwalletstandin), for tests that
/// drive the system keyring through qtkeychain over real D-Bus. start() points this process's session bus
/// at it (DBUS_SESSION_BUS_ADDRESS): call it before anything in the process talks to D-Bus, since Qt and
/// qtkeychain connect (and pick their backend) once.
class SessionBusKeyring final
{
public:
    SessionBusKeyring();
    ~SessionBusKeyring();

    /// An error says why it cannot run here (no dbus-daemon): the test skips with it.
    [[nodiscard]] Result<void> start();
    /// Stops the wallet (the bus stays): the keyring becomes unreachable, as when kwalletd is not running.
    void stopWallet();

private:
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_wallet;
};

} // namespace Lectern::Test
