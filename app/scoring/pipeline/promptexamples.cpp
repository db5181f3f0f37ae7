// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoring/pipeline/promptexamples.h"

#include "store/paperstore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Lectern {

Result<PromptExamples> PromptExamples::apply(
    PaperStore &store, const PromptTemplate &prompt, int count, const QDate &day)
{
    PromptExamples out {prompt};
    if (count <= 0)
        return out;
    auto examples = recent(store, count, day);
    if (!examples)
        return Error {examples.error()};
    out.prompt.setExamples(examples->first, examples->second);
    out.starred = int(examples->first.size());
    out.dismissed = int(examples->second.size());
    return out;
}

Result<std::pair<QStringList, QStringList>> PromptExamples::recent(
    PaperStore &store, int count, const QDate &day)
{
    std::pair<QStringList, QStringList> out;
    for (const bool starred : {true, false}) {
        QSqlQuery q(store.database().sql());
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT p.title FROM paper_state st JOIN papers p ON p.arxiv_id = st.arxiv_id "
                           "WHERE %1 AND st.arxiv_id NOT IN (SELECT arxiv_id FROM listings WHERE day = ?) "
                           "ORDER BY st.updated_at DESC, p.id DESC LIMIT ?")
                .arg(starred ? QStringLiteral("st.starred <> 0")
                             : QStringLiteral("st.dismissed <> 0 AND st.starred = 0")));
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(count);
        if (!q.exec())
            return Error {QCoreApplication::translate("Lectern::PromptExamples",
                "Cannot read starred and dismissed papers for the prompt's examples: %1")
                              .arg(q.lastError().text())};
        while (q.next())
            (starred ? out.first : out.second) << q.value(0).toString();
    }
    return out;
}

} // namespace Lectern
