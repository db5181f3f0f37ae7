// SPDX-License-Identifier: GPL-3.0-or-later
#include "storebackend.h"

#include "config/settings.h"
#include "fixtures.h"
#include "profilebuilder.h"

#include <QTest>

namespace Lectern::Test {

StoreBackend::StoreBackend()
{
    const QByteArray wanted = qgetenv("LECTERN_TEST_STORE");
    if (wanted == "postgres")
        m_cluster = std::make_unique<PostgresCluster>();
    else if (!wanted.isEmpty() && wanted != "sqlite")
        qFatal("LECTERN_TEST_STORE must be sqlite or postgres, not %s", wanted.constData());
}

StoreBackend::~StoreBackend() = default;

Result<void> StoreBackend::start()
{
    return m_cluster ? m_cluster->start() : Result<void>();
}

QString StoreBackend::storeFor(const TempProfileDir &dir)
{
    if (!m_cluster)
        return dir.databasePath();
    const auto known = m_databaseOfDir.constFind(dir.path());
    if (known != m_databaseOfDir.constEnd())
        return *known;
    auto location = m_cluster->createDatabase();
    if (!location)
        qFatal("cannot create a PostgreSQL test database: %s", qPrintable(location.error()));
    m_databaseOfDir.insert(dir.path(), location->toString());
    return location->toString();
}

ProfileBuilder &StoreBackend::configure(ProfileBuilder &builder, const TempProfileDir &dir)
{
    if (!m_cluster)
        return builder;
    const StoreLocation location = StoreLocation::parse(storeFor(dir));
    return builder.withSetting(Keys::StoreBackend, QStringLiteral("postgres"))
        .withSetting(Keys::StoreHost, location.host())
        .withSetting(Keys::StorePort, location.port())
        .withSetting(Keys::StoreDatabase, location.database())
        .withSetting(Keys::StoreUser, location.user());
}

} // namespace Lectern::Test
