// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real arXiv day with an LLM's verdicts, read at run time from ../shared/data beside the source tree
// (never copied into the repository), and the measuring protocol of its README.
#include "domain/paper.h"
#include "scoring/rankingevaluation.h"
#include "scoring/researchtopics.h"

#include <QJsonDocument>
#include <QSet>

#include <optional>
#include <utility>

namespace Lectern::Test {

struct RealDay
{
    QDate day;
    QList<Paper> papers;
    QSet<QString> relevant; ///< the reference digest's selected papers
    ResearchTopics topics;

    [[nodiscard]] bool isLoaded() const { return !papers.isEmpty() && !relevant.isEmpty(); }
};

/// ../shared/data beside the repository (LECTERN_SHARED_DATA).
QString sharedDataDir();

/// The JSON document at @p path; a null document when it is missing or unreadable.
QJsonDocument readJson(const QString &path);

/// The day's papers, the reference verdicts and topics; not loaded (isLoaded()) when the data is absent.
RealDay loadRealDay(const QString &day = QStringLiteral("2025-11-04"));

/// The built-in scorer's ranking of @p measured, built from the store at @p databasePath, evaluated
/// against the day's verdicts.
RankingEvaluation evaluateFromStore(
    const QString &databasePath, const RealDay &day, const QList<Paper> &measured);

/// A store at @p databasePath holding the day, with a language model's verdicts on @p trained (the
/// reference's: selected papers 9/8, the others 3/3), as a scoring run would have left them.
bool storeDay(const QString &databasePath, const RealDay &day, const QList<Paper> &trained);

/// The day split in two: by the parity of the id's last digit, or at random with @p seed.
std::pair<QList<Paper>, QList<Paper>> halves(const RealDay &day, std::optional<quint32> seed = std::nullopt);

} // namespace Lectern::Test
