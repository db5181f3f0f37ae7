// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/titleverdict.h"

#include <QCoreApplication>
#include <QSet>

namespace Lectern {

TitleVerdict TitleVerdict::judge(const QList<Paper> &batch, const BatchResult &reply, const QString &model,
    const QString &titleHash, double cost, const QDateTime &now)
{
    TitleVerdict out;
    QSet<QString> keep;
    if (!reply.error.isEmpty()) {
        out.failedOpen = true;
        out.warning = QCoreApplication::translate("Lectern::TitleVerdict",
            "The title pre-filter's reply for %1 papers was unusable (%2); they all go "
            "on to abstract scoring.")
                          .arg(batch.size())
                          .arg(reply.error.left(200));
        for (const Paper &p : batch)
            keep.insert(p.arxivId);
    } else {
        for (const ScoredItem &item : reply.items)
            keep.insert(item.arxivId);
    }
    for (const Paper &p : batch) {
        if (keep.contains(p.arxivId)) {
            out.kept << p;
            continue;
        }
        Score s =
            Score::unmarked(p.arxivId, p.version, QString(Score::TitleDropComment), model, titleHash, now);
        s.promptTokens = reply.usage.promptTokens / batch.size();
        s.completionTokens = reply.usage.completionTokens / batch.size();
        s.cost = cost / double(batch.size());
        out.dropRows << s;
    }
    return out;
}

} // namespace Lectern
