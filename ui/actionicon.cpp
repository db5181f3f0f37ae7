// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionicon.h"

#include <QFile>

namespace ActionIcon {

QString fallbackPath(const QString &freedesktopName)
{
    return QStringLiteral(":/icons/actions/%1.svg").arg(freedesktopName);
}

QIcon named(const QString &freedesktopName)
{
    const QString path = fallbackPath(freedesktopName);
    Q_ASSERT_X(QFile::exists(path), "ActionIcon::named", "every action icon ships a fallback SVG");
    return QIcon::fromTheme(freedesktopName, QIcon(path));
}

} // namespace ActionIcon
