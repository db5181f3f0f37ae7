// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include "config/settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Lectern {

Profile Profile::inDirectory(const QString &dir)
{
    const QString abs = QDir(dir).absolutePath();
    Profile p;
    p.m_custom = true;
    p.m_settingsPath = abs + QStringLiteral("/lectern.ini");
    p.m_databasePath = abs + QStringLiteral("/lectern.db");
    p.m_store = p.m_databasePath;
    p.m_promptsDir = abs + QStringLiteral("/prompts");
    return p;
}

Profile Profile::resolve(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return inDirectory(explicitDir);
    const QString env = qEnvironmentVariable("LECTERN_PROFILE");
    if (!env.isEmpty())
        return inDirectory(env);
    Profile p;
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    p.m_settingsPath = config + QStringLiteral("/lectern/lectern.ini");
    p.m_databasePath = data + QStringLiteral("/lectern/lectern.db");
    p.m_store = p.m_databasePath;
    p.m_promptsDir = data + QStringLiteral("/lectern/prompts");
    return p;
}

StoreLocation Profile::storeFor(const Settings &settings) const
{
    if (settings.string(Keys::StoreBackend) != u"postgres")
        return StoreLocation::sqliteFile(m_databasePath);
    return postgresStoreFor(settings);
}

StoreLocation Profile::postgresStoreFor(const Settings &settings)
{
    return StoreLocation::postgres(settings.string(Keys::StoreHost), settings.integer(Keys::StorePort),
        settings.string(Keys::StoreDatabase), settings.string(Keys::StoreUser),
        settings.string(Keys::StoreSslMode));
}

QString Profile::describe() const
{
    return QStringLiteral("settings %1, database %2, prompts %3").arg(m_settingsPath, m_store, m_promptsDir);
}

Result<void> Profile::ensureExists() const
{
    for (const QString &dir :
        {QFileInfo(m_settingsPath).absolutePath(), QFileInfo(m_databasePath).absolutePath(), m_promptsDir}) {
        if (!QDir().mkpath(dir))
            return Error {QCoreApplication::translate(
                "Lectern::Profile", "Cannot create the profile folder %1 (check permissions and free space).")
                              .arg(dir)};
    }
    return {};
}

} // namespace Lectern
