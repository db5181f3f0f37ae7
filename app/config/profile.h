// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace Lectern {

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
    [[nodiscard]] bool isCustom() const { return m_custom; }
    /// Human-readable summary for --help, logs and the About dialog.
    [[nodiscard]] QString describe() const;

    /// Creates the folders. Fails with a readable message when they cannot be created.
    [[nodiscard]] Result<void> ensureExists() const;

private:
    QString m_settingsPath;
    QString m_databasePath;
    QString m_promptsDir;
    bool m_custom = false;
};

} // namespace Lectern
