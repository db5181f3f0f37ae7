// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowstatefile.h"

#include "config/profile.h"
#include "readerview.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QTableView>

namespace Lectern {

WindowStateFile::WindowStateFile(
    const Profile &profile, QMainWindow &window, QSplitter &central, ReaderView &reader)
    : m_profile(profile)
    , m_window(window)
    , m_central(central)
    , m_reader(reader)
{ }

QString WindowStateFile::path() const
{
    QString path = m_profile.settingsPath();
    path.replace(QStringLiteral("lectern.ini"), QStringLiteral("window-state.ini"));
    return path;
}

void WindowStateFile::restore() const
{
    QSettings state(path(), QSettings::IniFormat);
    if (!m_window.restoreGeometry(state.value(QStringLiteral("geometry")).toByteArray()))
        m_window.resize(1280, 800);
    m_window.restoreState(state.value(QStringLiteral("windowState")).toByteArray());
    m_central.restoreState(state.value(QStringLiteral("mainSplitter")).toByteArray());
    m_reader.restoreSplit(state.value(QStringLiteral("readerSplitter")).toByteArray());
    m_reader.table()->horizontalHeader()->restoreState(
        state.value(QStringLiteral("tableHeader")).toByteArray());
}

void WindowStateFile::save() const
{
    QSettings state(path(), QSettings::IniFormat);
    state.setValue(QStringLiteral("geometry"), m_window.saveGeometry());
    state.setValue(QStringLiteral("windowState"), m_window.saveState());
    state.setValue(QStringLiteral("mainSplitter"), m_central.saveState());
    state.setValue(QStringLiteral("readerSplitter"), m_reader.saveState());
    state.setValue(QStringLiteral("tableHeader"), m_reader.table()->horizontalHeader()->saveState());
}

} // namespace Lectern
