// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Lectern::ScoreComments {

/// The comments Lectern itself stores with a score it did not get from the model: a failed request, a
/// reply that left the paper out, the hybrid gate's ruling.
enum class Form {
    RequestFailedTwice, ///< %1: the error
    ReplyCutOffTwice,
    LeftOutTwice,
    TwoVerdictsTwice,
    ProviderBatchFailed, ///< %1: the error
    ProviderBatchNoResult,
    BatchRequestFailed, ///< %1: the error
    LeftOut,
    TwoVerdicts,
    HybridGateRanked, ///< %1 of %2: the rank; %3: the built-in scorer's own comment
};

/// The parts of the built-in scorer's comment, "Built-in scorer (no LLM): part; part." (builtinComment()).
enum class BuiltinPart {
    Topic, ///< %1: the topic's name; %2: the matched terms, each perhaps with titleMark()
    Against, ///< %1: the topic's Irrelevant terms found
    NoTopic,
    CrossListed, ///< %1: the primary category, or anotherArchive()
    LikeStarred,
    LikeStarredBecause, ///< %1: the strongest terms
    LikeDismissed,
    InLibrary, ///< %1: where it was imported from
    ClosestInLibrary, ///< %1: the paper; %2: the similarity
    ClosestOther, ///< %1: the paper; %2: the similarity
};

/// One part of the built-in scorer's comment, stored English like the forms above.
[[nodiscard]] QString builtinPart(BuiltinPart part, const QStringList &arguments = {});
/// The built-in scorer's comment made of @p parts.
[[nodiscard]] QString builtinComment(const QStringList &parts);
/// What follows a term matched in the title.
[[nodiscard]] QString titleMark();
/// A cross-list without its primary category.
[[nodiscard]] QString anotherArchive();

/// The comment as stored: English always, as the exported digest shows it (the reference format), so a
/// day scored in a German session exports like any other.
[[nodiscard]] QString stored(Form form, const QStringList &arguments = {});

/// @p comment in the user's language when it is one of the forms above or the built-in scorer's (what the
/// detail pane shows); any other comment (the model's own words) as it is.
[[nodiscard]] QString readable(const QString &comment);

} // namespace Lectern::ScoreComments
