// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Lectern {

/// A member's note on a paper as shared with the group: every member reads it and may change it (schema
/// 16); only its author shares or withdraws it.
struct SharedNote
{
    QString arxivId;
    QString author; ///< the database role that shared it; empty on SQLite (one implicit member)
    QString lastEditor; ///< the member who saved the stored text; the author when no one else did
    QString text;
    int version = 0; ///< raised by every change: a save over an older version is a conflict
    QDateTime updatedAt;
    bool mine = false; ///< written by the signed-in member
};

/// A save of a shared note that found a newer version than the one the edit started from (another member,
/// or the same member from another window or machine, saved it meanwhile). Nothing was written: both texts
/// are here to merge.
struct NoteConflict
{
    QString arxivId;
    QString author; ///< whose shared note it is
    QString theirEditor; ///< who saved the stored text
    QString theirs; ///< the stored text
    int theirVersion = 0; ///< save the merge over this version
    QString yours; ///< the text that was not saved
};

/// What saving a member's state did: stored, with the shared note (if any) at @c noteVersion, or nothing
/// stored because of @c conflict.
struct StateSaved
{
    std::optional<NoteConflict> conflict;
    int noteVersion = 0;
};

} // namespace Lectern
