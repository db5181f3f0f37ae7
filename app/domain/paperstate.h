// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lectern {

/// What the user did with a paper. Lives apart from the paper so that a new arXiv version never touches it.
struct PaperState
{
    QString arxivId;
    bool starred = false;
    bool read = false;
    bool dismissed = false;
    QStringList tags; ///< sorted, unique
    QString note;
    QDateTime updatedAt;

    [[nodiscard]] bool isDefault() const
    {
        return !starred && !read && !dismissed && tags.isEmpty() && note.isEmpty();
    }
};

} // namespace Lectern
