// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The synthetic labelled papers of tests/fixtures/scoring/labelled.json, shared by the scoring tests.
#include "domain/paper.h"

#include <QDate>
#include <QList>

namespace Lectern::Test {

struct LabelledPaper
{
    Paper paper;
    QString label;
};

/// Every labelled paper, announced on @p day.
QList<LabelledPaper> labelledPapers(const QDate &day = QDate(2026, 11, 23));

/// The papers of @p all that carry @p label.
QList<Paper> withLabel(const QList<LabelledPaper> &all, const QString &label);

/// The papers of @p all, labels left out.
QList<Paper> papersOf(const QList<LabelledPaper> &all);

} // namespace Lectern::Test
