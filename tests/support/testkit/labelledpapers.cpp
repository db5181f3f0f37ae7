// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelledpapers.h"

#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Lectern::Test {

QList<LabelledPaper> labelledPapers(const QDate &day)
{
    QList<LabelledPaper> out;
    const QJsonArray papers = QJsonDocument::fromJson(fixture(QStringLiteral("scoring/labelled.json")))
                                  .object()
                                  .value(QStringLiteral("papers"))
                                  .toArray();
    for (const QJsonValue &v : papers) {
        const QJsonObject o = v.toObject();
        Paper p = makePaper(o.value(QStringLiteral("id")).toString(), 1, day);
        p.title = o.value(QStringLiteral("title")).toString();
        p.abstract = o.value(QStringLiteral("abstract")).toString();
        out << LabelledPaper {p, o.value(QStringLiteral("label")).toString()};
    }
    return out;
}

QList<Paper> withLabel(const QList<LabelledPaper> &all, const QString &label)
{
    QList<Paper> out;
    for (const LabelledPaper &l : all) {
        if (l.label == label)
            out << l.paper;
    }
    return out;
}

QList<Paper> papersOf(const QList<LabelledPaper> &all)
{
    QList<Paper> out;
    for (const LabelledPaper &l : all)
        out << l.paper;
    return out;
}

} // namespace Lectern::Test
