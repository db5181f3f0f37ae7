// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Lectern {

/// Tool tips that show text exactly as it is. Qt has no plain-text tool tip: QToolTip guesses rich text
/// with Qt::mightBeRichText, so a title such as "Bounds for $1 < p < 2$" loses its middle and a title
/// holding <img src="/dev/zero"> makes the tool tip read a local file. Text from a feed, a model, a server
/// or a file reaches setToolTip or Qt::ToolTipRole only through here.
class PlainToolTip final
{
public:
    /// `text` itself when Qt would show it as plain text anyway; otherwise rich text that displays exactly
    /// `text` (line breaks kept), with nothing in it read as markup, a link or an image.
    [[nodiscard]] static QString of(const QString &text);
};

} // namespace Lectern
