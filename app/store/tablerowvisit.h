// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paperrecord.h"
#include "util/result.h"

#include <QDate>

#include <functional>

namespace Lectern {

class PaperStore;

/// The lean rows of PaperStore::tableRowsForRange() one at a time, as the store gives them (by day, newest
/// first; by row id backwards within a day), to @p row, which returns false to stop there (not an error): a
/// reader comparing them with rows it holds need not hold a second set. @p expected, when given, first
/// learns about how many rows will come. Defined beside tableRowsForRange(), which is made of it.
[[nodiscard]] Result<void> visitTableRows(PaperStore &store, const QDate &from, const QDate &to,
    const std::function<bool(PaperRecord &&)> &row, const std::function<void(qsizetype)> &expected = {});

} // namespace Lectern
