// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Lectern {

/// An arXiv identifier split into id and version. Accepts new-style ("2509.13332", "0704.0001v2"),
/// old-style ("hep-th/9901001", "math.GT/0309136v1"), "arXiv:"-prefixed ids, OAI identifiers
/// ("oai:arXiv.org:2509.13332v1") and abs/pdf/html URLs on arxiv.org or export.arxiv.org.
struct ArxivId
{
    QString id; ///< without version
    int version = 0; ///< 0: no version given

    [[nodiscard]] static std::optional<ArxivId> parse(const QString &text);
    /// Whether @p id is an id as Lectern stores it (Paper::arxivId): exactly "2509.13332" or
    /// "hep-th/9901001", nothing around it, no version. Every id from a feed, a server, a model or the
    /// command line passes parse(); the store refuses any other.
    [[nodiscard]] static bool isCanonical(const QString &id);
    [[nodiscard]] QString toString() const { return version > 0 ? id + u'v' + QString::number(version) : id; }
};

} // namespace Lectern
