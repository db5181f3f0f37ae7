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

/// The comment as stored: English always, as the exported digest shows it (the reference format), so a
/// day scored in a German session exports like any other.
[[nodiscard]] QString stored(Form form, const QStringList &arguments = {});

/// @p comment in the user's language when it is one of the forms above (what the detail pane shows);
/// any other comment (the model's own words) as it is.
[[nodiscard]] QString readable(const QString &comment);

} // namespace Lectern::ScoreComments
