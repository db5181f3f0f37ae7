// SPDX-License-Identifier: GPL-3.0-or-later
#include "externallinkopener.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QGuiApplication>

namespace Lectern::ExternalLinkOpener {

QString open(const QUrl &url)
{
    if (QDesktopServices::openUrl(url))
        return {};
    const QString link = url.toString(QUrl::FullyEncoded);
    QGuiApplication::clipboard()->setText(link);
    return QCoreApplication::translate(
        "ExternalLinkOpener", "No web browser could be started for %1; the link is on the clipboard.")
        .arg(link);
}

} // namespace Lectern::ExternalLinkOpener
