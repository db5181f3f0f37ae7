// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lectern {

/// One arXiv paper as announced. Title and abstract are kept exactly as arXiv wrote them (TeX included):
/// exports need the original; display converts with TexToUnicode.
struct Paper
{
    QString arxivId; ///< without version: "2509.13332" or "hep-th/9901001"
    int version = 1;
    QString title;
    QStringList authors;
    QString abstract;
    QStringList categories; ///< all of them, primary first
    QString primaryCategory;
    QString announceType; ///< new | cross | replace | replace-cross (from the feed that listed it)
    QDate announced; ///< announcement day of the listing
    QString comments;
    QString journalRef;
    QString doi;

    [[nodiscard]] QString versionedId() const { return arxivId + u'v' + QString::number(version); }
    [[nodiscard]] QString absUrl() const { return QStringLiteral("https://arxiv.org/abs/") + arxivId; }
    [[nodiscard]] QString pdfUrl() const { return QStringLiteral("https://arxiv.org/pdf/") + versionedId(); }
    [[nodiscard]] QString htmlUrl() const
    {
        return QStringLiteral("https://arxiv.org/html/") + versionedId();
    }
    /// Metadata equality: what a second store of the same paper must not change.
    bool operator==(const Paper &) const = default;
};

} // namespace Lectern
