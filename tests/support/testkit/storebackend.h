// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <testkit/postgrescluster.h>

#include <QHash>
#include <QString>

#include <memory>

namespace Lectern::Test {

class ProfileBuilder;
class TempProfileDir;

/// The store backend a test binary runs against: SQLite files (the default) or, when the environment has
/// LECTERN_TEST_STORE=postgres, databases on a PostgreSQL cluster of the binary's own. CTest registers the
/// store tests once for each (lectern_add_store_test in tests/CMakeLists.txt), so one source tests both.
class StoreBackend final
{
public:
    StoreBackend();
    ~StoreBackend();

    [[nodiscard]] bool isPostgres() const { return m_cluster != nullptr; }
    /// In initTestCase: starts the cluster for PostgreSQL. An error says why the backend cannot run
    /// here; the test skips with it (QSKIP in initTestCase counts as a skip in CTest).
    [[nodiscard]] Result<void> start();
    /// The store of one test function, as the location PaperStore::open takes: a file in @p dir, or a
    /// new, empty database on the cluster (a postgresql:// location) made at the first call for @p dir.
    /// The test stops when it cannot be made.
    [[nodiscard]] QString storeFor(const TempProfileDir &dir);
    /// Points the profile @p builder fills at storeFor(@p dir) (the store/ settings; none for SQLite, whose
    /// file is the profile's own), so that the builder and the binary open that store.
    ProfileBuilder &configure(ProfileBuilder &builder, const TempProfileDir &dir);
    /// The cluster (PostgreSQL only).
    [[nodiscard]] PostgresCluster *cluster() { return m_cluster.get(); }

private:
    std::unique_ptr<PostgresCluster> m_cluster;
    QHash<QString, QString> m_databaseOfDir;
};

} // namespace Lectern::Test
