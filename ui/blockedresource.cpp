// SPDX-License-Identifier: GPL-3.0-or-later
#include "blockedresource.h"

#include <QByteArray>
#include <QImage>
#include <QTextDocument>

namespace Lectern {

QVariant BlockedResource::nothing(int type)
{
    if (type == QTextDocument::ImageResource) {
        QImage blank(1, 1, QImage::Format_ARGB32);
        blank.fill(Qt::transparent);
        return blank;
    }
    return QByteArray();
}

} // namespace Lectern
