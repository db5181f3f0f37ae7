// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storelocation.h"
#include "util/result.h"

#include <QString>

namespace Lectern {

class Settings;

/// Where one research persona's state lives: settings file, database, the user's prompt copies.
/// By default the XDG locations (QStandardPaths); with --profile DIR or LECTERN_PROFILE everything goes
/// into DIR, so tests, personas and shared machines stay apart.
class Profile final
{
public:
    /// @p explicitDir from --profile wins, then $LECTERN_PROFILE, then the XDG defaults.
    [[nodiscard]] static Profile resolve(const QString &explicitDir = {});
    [[nodiscard]] static Profile inDirectory(const QString &dir);

    [[nodiscard]] QString settingsPath() const { return m_settingsPath; }
    [[nodiscard]] QString databasePath() const { return m_databasePath; }
    [[nodiscard]] QString promptsDir() const { return m_promptsDir; }
    /// The store @p settings name (store/backend and the other store/ keys): this profile's SQLite file,
    /// or a PostgreSQL database (fields left empty are libpq's to fill from PG* variables; no password).
    [[nodiscard]] StoreLocation storeFor(const Settings &settings) const;
    /// The PostgreSQL database the store/ settings describe, whatever store/backend says (`lectern db copy
    /// --to postgres` before switching).
    [[nodiscard]] static StoreLocation postgresStoreFor(const Settings &settings);
    /// The store every connection of this process opens, as text (a file path or a postgresql:// URI):
    /// the SQLite file until useStore() names another.
    [[nodiscard]] QString store() const { return m_store; }
    [[nodiscard]] bool usesPostgres() const { return StoreLocation::parse(m_store).isPostgres(); }
    void useStore(const StoreLocation &location) { m_store = location.toString(); }
    /// useStore() for this session only (`lectern --store URI` opening the window): the settings' store
    /// does not replace it, and the settings are not changed.
    void useStoreForSession(const StoreLocation &location)
    {
        useStore(location);
        m_sessionStore = true;
    }
    [[nodiscard]] bool hasSessionStore() const { return m_sessionStore; }
    [[nodiscard]] bool isCustom() const { return m_custom; }
    /// Human-readable summary for --help, logs and the About dialog.
    [[nodiscard]] QString describe() const;

    /// Creates the folders. Fails with a readable message when they cannot be created.
    [[nodiscard]] Result<void> ensureExists() const;

private:
    QString m_settingsPath;
    QString m_databasePath;
    QString m_promptsDir;
    QString m_store;
    bool m_custom = false;
    bool m_sessionStore = false;
};

} // namespace Lectern
