// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lectern {

/// What the user did with a paper. Lives apart from the paper so that a new arXiv version never touches it.
struct PaperState
{
    /// The tag `lectern import` gives the papers of the user's own library: positives for the built-in
    /// scorer and "already known" for its novelty, like starred papers, but told apart from stars.
    static constexpr QLatin1StringView ImportedTag {"imported"};

    QString arxivId;
    bool starred = false;
    bool read = false;
    bool dismissed = false;
    QStringList tags; ///< sorted, unique
    QString note;
    QDateTime updatedAt;
    /// The note is shared with the group (schema 15): published beside the member's own copy.
    bool noteShared = false;
    /// The shared note's version this state was read at (0 when not shared): saving a changed note over
    /// a newer version is a conflict, not an overwrite.
    int noteVersion = 0;

    bool operator==(const PaperState &) const = default;

    [[nodiscard]] bool isDefault() const
    {
        return !starred && !read && !dismissed && tags.isEmpty() && note.isEmpty();
    }
};

} // namespace Lectern
