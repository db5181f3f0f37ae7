// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <optional>

namespace Lectern {

class Database;

/// The author_hindex table (schema 7): Semantic Scholar h-indices by normalised author name.
class AuthorHIndexCache final
{
public:
    explicit AuthorHIndexCache(Database &db);

    /// The entries of @p names fetched at or after @p notBefore; an entry's value is empty when
    /// Semantic Scholar gave no h-index.
    [[nodiscard]] Result<QHash<QString, std::optional<int>>> lookup(
        const QStringList &names, const QDateTime &notBefore);
    /// Adds or refreshes entries, in one transaction.
    Result<void> store(const QHash<QString, std::optional<int>> &entries, const QDateTime &fetchedAt);

private:
    Database &m_db;
};

} // namespace Lectern
