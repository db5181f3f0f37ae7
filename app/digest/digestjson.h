// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace Lectern {

/// Digests as JSON for scripts: every field Lectern keeps, nothing rendered.
///
///     {"format": "lectern-digest", "version": 1, "selection": {...},
///      "days": [{"date", "run": {every DayRun field}, "totals": {"arxiv", "scanned", "relevant"},
///                "cost": {"prompt", "completion", "total"},
///                "papers": [{"rank", "authorMatch", "matchedAuthors",
///                            "paper": {every Paper field, "versionedId", "absUrl", "pdfUrl"},
///                            "score": null | {every Score field},
///                            "state": {every PaperState field}}]}]}
///
/// Dates are ISO 8601 ("2026-03-17"), times ISO 8601 in UTC or null; a missing relevance/novelty, or a
/// cost split that is not known, is null. "totals.relevant" is the number of papers listed; the run's
/// own stored count is "run.totalRelevant". TeX is kept as arXiv wrote it.
class DigestJson final
{
public:
    DigestJson() = delete;

    /// @p selection describes what was exported (dates, filter); it is copied as given.
    [[nodiscard]] static QByteArray write(const QList<Digest> &digests, const QJsonObject &selection = {});
    [[nodiscard]] static QJsonObject day(const Digest &digest);
    [[nodiscard]] static QJsonObject entry(const DigestEntry &entry, int rank);
};

} // namespace Lectern
