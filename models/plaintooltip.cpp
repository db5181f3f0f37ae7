// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintooltip.h"

#include <QTextDocument>

namespace Lectern {

QString PlainToolTip::of(const QString &text)
{
    // QToolTip decides with this very function, so text it passes is shown as typed; wrapping only the rest
    // keeps ordinary tool tips as they were.
    if (!Qt::mightBeRichText(text))
        return text;
    // The explicit paragraph makes the rich-text path certain, so the escaping is what QToolTip renders;
    // pre-wrap keeps the line breaks and runs of spaces that plain text would have shown.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() +
        QStringLiteral("</p>");
}

} // namespace Lectern
