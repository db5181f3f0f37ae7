// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QMainWindow;
class QSplitter;

namespace Lectern {

class Profile;
class ReaderView;

/// The window's layout (geometry, docks, splitters, the table's columns) in window-state.ini beside the
/// profile's settings file: layout is not a user setting, but it belongs to the profile.
class WindowStateFile final
{
public:
    WindowStateFile(const Profile &profile, QMainWindow &window, QSplitter &central, ReaderView &reader);

    /// Restores the saved layout; a window without one gets a default size.
    void restore() const;
    void save() const;

private:
    QString path() const;

    const Profile &m_profile;
    QMainWindow &m_window;
    QSplitter &m_central;
    ReaderView &m_reader;
};

} // namespace Lectern
