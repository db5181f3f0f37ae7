// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariant>

namespace Lectern {

/// What a text view's loadResource answers for anything it must not load (every URL but qrc:).
class BlockedResource final
{
public:
    /// A resource that holds nothing, yet counts as loaded. An empty QVariant would not do: QTextDocument
    /// then decodes data: URLs itself, and for an image that is not decodable it reads the file named by
    /// the image's source directly (QImage::load), past loadResource. A blank one-pixel image stops both.
    [[nodiscard]] static QVariant nothing(int type);
};

} // namespace Lectern
