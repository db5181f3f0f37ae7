// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Lectern {

/// Opens web links in the desktop's browser. Without one (a bare X session, a broken xdg-open) it says
/// so instead of failing silently on stderr, and puts the link on the clipboard to paste elsewhere.
namespace ExternalLinkOpener {
/// Empty when the browser took the link; otherwise the message to show the user.
[[nodiscard]] QString open(const QUrl &url);
} // namespace ExternalLinkOpener

} // namespace Lectern
