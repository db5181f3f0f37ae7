// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/libraryreference.h"

#include <QRegularExpression>

namespace Lectern {

QString LibraryReference::key() const
{
    if (arxivId)
        return QStringLiteral("arxiv:") + arxivId->id;
    if (!doi.trimmed().isEmpty())
        return QStringLiteral("doi:") + doi.trimmed().toLower();
    // Words only, so that the same book from BibTeX ({The} Book) and from Zotero (The Book) is one item.
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"));
    const QString words = title.toLower().replace(nonWord, QStringLiteral(" ")).simplified();
    if (words.isEmpty())
        return {};
    return QStringLiteral("title:%1|%2").arg(words).arg(year);
}

} // namespace Lectern
