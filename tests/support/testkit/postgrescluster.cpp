// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgrescluster.h"

#include "store/database.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <cerrno>
#include <chrono>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>
#include <utility>

namespace Lectern::Test {

namespace {

// Runs as the server's user: initdb, start, say "ready", wait for stdin to close, stop, remove the folder.
// A kept folder ($4 = keep): initdb only where no cluster is yet, a clean stop, the folder stays.
const char *const kHolderScript = R"sh(
set -u
bin=$1; dir=$2; options=$3; keep=${4:-}
if [ -n "$keep" ] && [ -f "$dir/data/PG_VERSION" ]; then
    :
elif ! "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    echo "initdb failed:"; cat "$dir/initdb.log"; exit 1
fi
if ! "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -s -o "$options" start; then
    echo "the server did not start:"; cat "$dir/server.log"; exit 1
fi
echo ready
# From here on nobody may be reading our output (the test process may be dead): a write must not kill us.
exec >/dev/null 2>&1
cat
if [ -n "$keep" ]; then
    "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 300 -s stop
else
    "$bin/pg_ctl" -D "$dir/data" -m immediate -w -s stop
    rm -rf "$dir"
fi
)sh";

/// The server's options: loopback only, its socket in its folder, durability off (thrown away anyway).
QString serverOptions(const QString &dir, int port)
{
    return QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=off -c synchronous_commit=off "
                          "-c full_page_writes=off")
        .arg(port)
        .arg(dir);
}

/// runuser, to run a program as "nobody" when the tests run as root; empty when not found.
QString runuserProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("runuser"),
        {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin"),
            QStringLiteral("/bin")});
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PostgresCluster::PostgresCluster()
    : m_path(m_dir.path())
{ }

PostgresCluster::PostgresCluster(const QString &keptFolder)
    : m_path(QDir(keptFolder).absolutePath())
    , m_kept(true)
{
    m_dir.remove(); // unused
}

PostgresCluster::~PostgresCluster()
{
    (void)resume(); // a frozen server would not stop
    if (!m_holder)
        return;
    m_holder->closeWriteChannel(); // the holder stops the server
    if (!m_holder->waitForFinished(60000))
        m_holder->kill();
}

QString PostgresCluster::binDir()
{
    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(),
        [&](const QString &a, const QString &b) { return numeric.compare(a, b) > 0; });
    for (const QString &v : versions) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
        if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable() &&
            QFileInfo(bin + QStringLiteral("/pg_ctl")).isExecutable())
            return bin;
    }
    return {};
}

Result<void> PostgresCluster::start()
{
    if (m_started)
        return {};
    // A port taken between the probe and the server's bind is the one race left: try another.
    Result<void> r = tryStart();
    for (int attempt = 1; !r && attempt < 3 && r.error().contains(QStringLiteral("Address already in use"));
         ++attempt)
        r = tryStart();
    if (!r)
        qWarning("PostgreSQL tests cannot run: %s", qPrintable(r.error()));
    m_started = r.ok();
    return r;
}

Result<void> PostgresCluster::tryStart()
{
    m_holder.reset();
    const QString bin = binDir();
    if (bin.isEmpty())
        return Error {QStringLiteral("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
                                     "packaging/install-deps.sh installs it")};
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error {QStringLiteral("Qt's PostgreSQL driver is missing (libqt6sql6-psql)")};
    if (!m_kept && !m_dir.isValid())
        return Error {QStringLiteral("no temporary folder: %1").arg(m_dir.errorString())};
    if (m_kept && !QDir().mkpath(m_path))
        return Error {QStringLiteral("cannot create %1").arg(m_path)};

    QString program = QStringLiteral("/bin/sh");
    QStringList arguments {QStringLiteral("-c"), QString::fromUtf8(kHolderScript), QStringLiteral("sh")};
    if (::geteuid() == 0) {
        // PostgreSQL will not run as root: the server runs as nobody, in a folder nobody owns.
        const passwd *nobody = ::getpwnam("nobody");
        const QString runuser = runuserProgram();
        if (!nobody || runuser.isEmpty())
            return Error {
                QStringLiteral("the tests run as root and there is no user \"nobody\" or no runuser to "
                               "start PostgreSQL as")};
        if (::chown(QFile::encodeName(m_path).constData(), nobody->pw_uid, nobody->pw_gid) != 0)
            return Error {QStringLiteral("cannot hand %1 to nobody").arg(m_path)};
        arguments.prepend(program);
        arguments =
            QStringList {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--")} + arguments;
        program = runuser;
    }
    m_port = freeLoopbackPort();
    if (m_port == 0)
        return Error {QStringLiteral("no free port on 127.0.0.1")};
    arguments << bin << m_path << serverOptions(m_path, m_port);
    if (m_kept)
        arguments << QStringLiteral("keep");

    m_holder = std::make_unique<QProcess>();
    m_holder->setProcessChannelMode(QProcess::MergedChannels);
    m_holder->start(program, arguments);
    if (!m_holder->waitForStarted(10000))
        return Error {QStringLiteral("cannot run %1: %2").arg(program, m_holder->errorString())};
    // initdb and the start take a few seconds; the minute is for a loaded machine.
    QByteArray said;
    while (!said.contains("ready\n")) {
        if (!m_holder->waitForReadyRead(60000)) {
            said += m_holder->readAll();
            m_holder->waitForFinished(5000);
            return Error {
                QStringLiteral("PostgreSQL did not start: %1").arg(QString::fromLocal8Bit(said).trimmed())};
        }
        said += m_holder->readAll();
    }
    return {};
}

Result<void> PostgresCluster::pgCtl(const QStringList &arguments)
{
    QString program = binDir() + QStringLiteral("/pg_ctl");
    QStringList all = QStringList {QStringLiteral("-D"), m_path + QStringLiteral("/data")} + arguments;
    if (::geteuid() == 0) {
        all =
            QStringList {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), program} + all;
        program = runuserProgram();
    }
    QProcess ctl;
    ctl.setProcessChannelMode(QProcess::MergedChannels);
    ctl.start(program, all);
    if (!ctl.waitForFinished(120000) || ctl.exitStatus() != QProcess::NormalExit || ctl.exitCode() != 0)
        return Error {QStringLiteral("pg_ctl %1 failed: %2")
                          .arg(arguments.join(u' '), QString::fromLocal8Bit(ctl.readAll()).trimmed())};
    return {};
}

Result<void> PostgresCluster::stop()
{
    if (!m_started)
        return Error {QStringLiteral("the server is not running")};
    return pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-s"),
        QStringLiteral("stop")});
}

Result<void> PostgresCluster::startAgain()
{
    if (!m_started)
        return Error {QStringLiteral("the server was never started")};
    return pgCtl({QStringLiteral("-l"), m_path + QStringLiteral("/server.log"), QStringLiteral("-w"),
        QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-s"), QStringLiteral("-o"),
        serverOptions(m_path, m_port), QStringLiteral("start")});
}

Result<void> PostgresCluster::pause()
{
    if (!m_started)
        return Error {QStringLiteral("the server is not running")};
    // The postmaster's pid is the first line of postmaster.pid; its children (one per session, and the
    // server's helpers) name it as their parent in /proc.
    QFile pidFile(m_path + QStringLiteral("/data/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("cannot read %1").arg(pidFile.fileName())};
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
    if (postmaster <= 0)
        return Error {QStringLiteral("no pid in %1").arg(pidFile.fileName())};
    QList<qint64> processes {postmaster};
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (name) state ppid …": the name may hold spaces, so read after its closing parenthesis.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == postmaster)
            processes << pid;
    }
    for (const qint64 pid : processes) {
        if (::kill(pid_t(pid), SIGSTOP) != 0) {
            // A session that ended since the listing (a client just closed its connection) needs no stop.
            if (errno == ESRCH)
                continue;
            return Error {QStringLiteral("cannot stop process %1").arg(pid)};
        }
        m_paused << pid;
    }
    return {};
}

Result<void> PostgresCluster::resume()
{
    for (const qint64 pid : std::exchange(m_paused, {}))
        ::kill(pid_t(pid), SIGCONT);
    return {};
}

FrozenServer::FrozenServer(PostgresCluster &cluster, int limitMs)
    : m_cluster(cluster)
    , m_frozen(cluster.pause())
{
    m_watchdog = std::thread([this, limitMs] {
        for (int waited = 0; waited < limitMs && !m_thawed; waited += 100)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        (void)thaw();
    });
}

FrozenServer::~FrozenServer()
{
    (void)thaw();
    m_watchdog.join();
}

Result<void> FrozenServer::thaw()
{
    if (m_thawed.exchange(true))
        return {};
    return m_cluster.resume();
}

Result<void> PostgresCluster::execAsSuperuser(const QString &sql, const QString &database)
{
    auto r = valueAsSuperuser(sql, database);
    if (!r)
        return Error {r.error()};
    return {};
}

Result<QVariant> PostgresCluster::valueAsSuperuser(const QString &sql, const QString &database)
{
    static int counter = 0;
    const QString name = QStringLiteral("lectern-test-cluster-%1").arg(++counter);
    QString error;
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host());
        db.setPort(m_port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                error = q.lastError().text();
            else if (q.isSelect() && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        return Error {QStringLiteral("%1 failed: %2").arg(sql, error)};
    return value;
}

Result<StoreLocation> PostgresCluster::createDatabase()
{
    if (auto r = start(); !r)
        return Error {r.error()};
    const QString name = QStringLiteral("lectern_test_%1").arg(++m_databases);
    if (auto r = execAsSuperuser(QStringLiteral("CREATE DATABASE %1").arg(name)); !r)
        return Error {r.error()};
    return StoreLocation::postgres(host(), m_port, name, QStringLiteral("postgres"));
}

Result<StoreLocation> PostgresCluster::database(const QString &name)
{
    if (auto r = start(); !r)
        return Error {r.error()};
    // CREATE DATABASE has no IF NOT EXISTS: ask the catalog first.
    auto exists = valueAsSuperuser(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '%1')").arg(name));
    if (!exists)
        return Error {exists.error()};
    if (!exists->toBool()) {
        if (auto r = execAsSuperuser(QStringLiteral("CREATE DATABASE %1").arg(name)); !r)
            return Error {r.error()};
    }
    return StoreLocation::postgres(host(), m_port, name, QStringLiteral("postgres"));
}

Result<StoreLocation> PostgresCluster::createLabDatabase()
{
    if (!m_labRoles) {
        for (const char *sql : {"CREATE ROLE lab_admin LOGIN", "CREATE ROLE lab_member NOLOGIN",
                 "CREATE ROLE alice LOGIN IN ROLE lab_member", "CREATE ROLE bob LOGIN IN ROLE lab_member"}) {
            if (auto r = execAsSuperuser(QString::fromLatin1(sql)); !r)
                return Error {r.error()};
        }
        m_labRoles = true;
    }
    auto created = createDatabase();
    if (!created)
        return created;
    const QString name = created->database();
    if (auto r = execAsSuperuser(QStringLiteral("ALTER DATABASE %1 OWNER TO lab_admin").arg(name)); !r)
        return Error {r.error()};
    if (auto r = execAsSuperuser(QStringLiteral("ALTER SCHEMA public OWNER TO lab_admin"), name); !r)
        return Error {r.error()};
    const StoreLocation lab = forRole(*created, QStringLiteral("lab_admin"));
    // The admin's first start creates the schema; then the members' privileges.
    auto db = Database::open(lab);
    if (!db)
        return Error {db.error()};
    for (const char *sql : {"GRANT SELECT ON ALL TABLES IN SCHEMA public TO lab_member",
             "GRANT INSERT, UPDATE, DELETE ON paper_state, paper_tags, shared_notes TO lab_member",
             "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO lab_member"}) {
        QSqlQuery q(db.value()->sql());
        if (!q.exec(QString::fromLatin1(sql)))
            return Error {
                QStringLiteral("%1 failed: %2").arg(QString::fromLatin1(sql), q.lastError().text())};
    }
    return lab;
}

StoreLocation PostgresCluster::forRole(const StoreLocation &location, const QString &role)
{
    return StoreLocation::postgres(
        location.host(), location.port(), location.database(), role, location.sslMode());
}

Result<StoreLocation> PostgresCluster::createPasswordRole(const QString &role, const QString &password)
{
    auto created = createDatabase();
    if (!created)
        return created;
    QString quoted = password;
    quoted.replace(u'\'', QStringLiteral("''"));
    for (const QString &sql : {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, quoted),
             QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(created->database(), role)}) {
        if (auto r = execAsSuperuser(sql); !r)
            return Error {r.error()};
    }
    if (auto r =
            execAsSuperuser(QStringLiteral("ALTER SCHEMA public OWNER TO %1").arg(role), created->database());
        !r)
        return Error {r.error()};
    // The first matching line of pg_hba.conf wins: this role's comes before initdb's "trust" lines.
    QFile hba(m_path + QStringLiteral("/data/pg_hba.conf"));
    if (!hba.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("cannot read %1").arg(hba.fileName())};
    const QByteArray rules = "host all " + role.toUtf8() + " 127.0.0.1/32 scram-sha-256\n" + hba.readAll();
    hba.close();
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(rules) != rules.size())
        return Error {QStringLiteral("cannot write %1").arg(hba.fileName())};
    hba.close();
    if (auto r = execAsSuperuser(QStringLiteral("SELECT pg_reload_conf()")); !r)
        return Error {r.error()};
    // The server reloads on its signal: wait until it asks the role for its password.
    const StoreLocation location = forRole(*created, role);
    for (int attempt = 0; attempt < 200; ++attempt) {
        const QString name = QStringLiteral("lectern-test-hba-%1").arg(attempt);
        bool refused = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(host());
            db.setPort(m_port);
            db.setUserName(role);
            db.setDatabaseName(location.database());
            db.setConnectOptions(QStringLiteral("passfile=/nonexistent"));
            refused = !db.open();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (refused)
            return location;
        QThread::msleep(25);
    }
    return Error {QStringLiteral("the server did not start asking %1 for a password").arg(role)};
}

} // namespace Lectern::Test
