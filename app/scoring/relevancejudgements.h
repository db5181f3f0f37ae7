// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QSet>
#include <QString>

namespace Lectern {

/// The papers a judge selected on a day (an LLM's digest, the user's own picks): the truth that
/// `lectern eval` measures a scorer against.
///
/// Read from a Lectern digest in Markdown (every paper it lists was selected) or from JSON: an array of
/// arXiv ids, or an object whose "relevant" array holds ids or objects with an "id" (the format of the
/// labelled real days). Versions ("2511.01234v2") count as the paper.
struct RelevanceJudgements
{
    QSet<QString> relevant; ///< arXiv ids without version

    [[nodiscard]] static Result<RelevanceJudgements> read(const QString &path);
    [[nodiscard]] static Result<RelevanceJudgements> fromJson(const QByteArray &json);
    [[nodiscard]] static RelevanceJudgements fromDigestMarkdown(const QString &markdown);
};

} // namespace Lectern
