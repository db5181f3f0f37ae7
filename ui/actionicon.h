// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

// An icon for an action: the desktop's icon theme when it has one, else the SVG Lectern ships under
// resources/icons/actions/ (outside KDE/GNOME the theme is often empty and toolbars would be blank).
namespace ActionIcon {
QIcon named(const QString &freedesktopName);
// Resource path of the shipped fallback, for tests.
QString fallbackPath(const QString &freedesktopName);
} // namespace ActionIcon
