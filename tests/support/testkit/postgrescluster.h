// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>

#include <atomic>
#include <memory>
#include <thread>

namespace Lectern::Test {

/// A throwaway PostgreSQL server for one test binary: initdb into a temporary folder, listening on
/// 127.0.0.1 only, on a free port, with its socket in that folder and durability off (the data is thrown
/// away). PostgreSQL refuses to run as root, so when the tests run as root the server runs as "nobody".
/// A small shell holds the server and stops it when its stdin closes: when this object is destroyed, or
/// when the test process dies, however it dies — no server outlives its test.
class PostgresCluster final
{
public:
    PostgresCluster();
    /// A server whose data stays in @p keptFolder (created where missing) for the next run: initdb only
    /// when the folder holds no cluster yet, a clean stop, nothing removed (benchmarks reuse a generated
    /// library this way).
    explicit PostgresCluster(const QString &keptFolder);
    ~PostgresCluster();
    Q_DISABLE_COPY_MOVE(PostgresCluster)

    /// Starts the server (once). The error says why it cannot run here (no PostgreSQL installed, no
    /// unprivileged user, initdb failed…); the test then skips with it.
    [[nodiscard]] Result<void> start();
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] static QString host() { return QStringLiteral("127.0.0.1"); }

    /// Creates an empty database (a new name each call) and returns where it is, for the superuser.
    [[nodiscard]] Result<StoreLocation> createDatabase();
    /// The database @p name for the superuser, created when the server has none of that name yet.
    [[nodiscard]] Result<StoreLocation> database(const QString &name);
    /// Runs @p sql as the superuser "postgres" in @p database.
    [[nodiscard]] Result<void> execAsSuperuser(
        const QString &sql, const QString &database = QStringLiteral("postgres"));

    /// A new database set up as README's "Setting up a lab database" says: owned by the role lab_admin,
    /// who migrates it; the members alice and bob (of the group role lab_member) may read everything and
    /// write their own state. Returns where it is, for lab_admin (forRole() gives a member's).
    [[nodiscard]] Result<StoreLocation> createLabDatabase();
    /// Creates the login role @p role with @p password, owner of a new database (returned, for @p role),
    /// and makes the server ask that role for its password (scram-sha-256; everyone else stays trusted).
    [[nodiscard]] Result<StoreLocation> createPasswordRole(const QString &role, const QString &password);
    /// @p location as database role @p role (the server trusts its loopback clients: no password).
    [[nodiscard]] static StoreLocation forRole(const StoreLocation &location, const QString &role);

    /// Stops the running server (fast shutdown: every session ends, as when a lab's server restarts).
    [[nodiscard]] Result<void> stop();
    /// Starts the stopped server again, on the same port with the same databases.
    [[nodiscard]] Result<void> startAgain();

    /// Freezes every process of the server (SIGSTOP), as a server whose network went silent: connections
    /// stay open, nothing answers, nothing is closed.
    [[nodiscard]] Result<void> pause();
    /// Lets the frozen processes go on (SIGCONT).
    [[nodiscard]] Result<void> resume();

    /// The folder of initdb, pg_ctl and postgres (the newest installed major version), or empty.
    [[nodiscard]] static QString binDir();

private:
    Result<void> tryStart();
    /// Runs @p sql as the superuser in @p database: the first row's first value (null without rows).
    Result<QVariant> valueAsSuperuser(
        const QString &sql, const QString &database = QStringLiteral("postgres"));
    /// Runs pg_ctl with @p arguments as the server's user.
    Result<void> pgCtl(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_path; ///< the cluster's folder: m_dir's, or the kept one
    bool m_kept = false;
    std::unique_ptr<QProcess> m_holder;
    int m_port = 0;
    int m_databases = 0;
    bool m_labRoles = false;
    bool m_started = false;
    QList<qint64> m_paused; ///< the processes pause() froze
};

/// The server frozen (PostgresCluster::pause()) while a test checks that nothing waits for it. Should
/// something wait after all, a watchdog thread lets the server go after @p limitMs, so that the test fails
/// instead of hanging. Thawed at the latest when it goes.
class FrozenServer
{
public:
    explicit FrozenServer(PostgresCluster &cluster, int limitMs = 20000);
    ~FrozenServer();
    FrozenServer(const FrozenServer &) = delete;
    FrozenServer &operator=(const FrozenServer &) = delete;

    /// Whether pause() worked (its error otherwise).
    [[nodiscard]] const Result<void> &frozen() const { return m_frozen; }
    /// Whether the server runs again (thaw() or the watchdog).
    [[nodiscard]] bool thawed() const { return m_thawed; }
    /// Lets the server go on now (once; later calls do nothing).
    Result<void> thaw();

private:
    PostgresCluster &m_cluster;
    Result<void> m_frozen;
    std::atomic_bool m_thawed {false};
    std::thread m_watchdog;
};

} // namespace Lectern::Test
