// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Lectern {

struct ArxivCategory
{
    QString code; ///< "cs.LG"
    QString name; ///< "Machine Learning"
};

/// arXiv's subject categories (its published taxonomy), for pickers and validation.
[[nodiscard]] const QList<ArxivCategory> &arxivCategories();
[[nodiscard]] bool isKnownArxivCategory(const QString &code);

} // namespace Lectern
