// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace Lectern {

/// Columns of the paper table.
enum PaperColumn {
    StarColumn,
    RelevanceColumn,
    NoveltyColumn,
    TotalColumn,
    TitleColumn,
    AuthorsColumn,
    CategoriesColumn,
    AnnounceTypeColumn,
    TagsColumn,
    NoteColumn,
    ReadColumn,
    PaperColumnCount
};

/// Roles shared by Lectern's models. SortRole gives raw values (numbers, not display text) so that
/// proxies sort numerically; unscored papers sort below every score.
enum PaperRole {
    SortRole = Qt::UserRole,
    ArxivIdRole,
    ScoredRole,
    StarredRole,
    ReadRole,
    DismissedRole,
    RelevanceRole,
    NoveltyRole,
    DateRole,
    TagsRole, ///< QStringList
    AuthorsRole, ///< QStringList, as arXiv wrote them
    CategoriesRole, ///< QStringList
    LocalScoreRole, ///< bool: the marks are the built-in scorer's (lectern-local), not a language model's
    RowIdRole, ///< qint64: the paper's row in the store (PaperRecord::rowId), what the search index returns
};

} // namespace Lectern
