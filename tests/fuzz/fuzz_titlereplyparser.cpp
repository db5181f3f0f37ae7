// SPDX-License-Identifier: GPL-3.0-or-later
// Title pre-filter replies: the model's list of ids to keep.
#include "domain/paper.h"
#include "fuzzcheck.h"
#include "scoring/titlereplyparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Lectern;

namespace {

void checkVerdict(const ParsedTitleVerdict &v, const QList<Paper> &batch)
{
    QSet<QString> ids;
    for (const Paper &p : batch)
        ids.insert(p.arxivId);
    QSet<QString> seen;
    for (const QString &id : v.keep) {
        Fuzz::check(ids.contains(id), "a kept id outside the batch");
        Fuzz::check(!seen.contains(id), "an id kept twice");
        seen.insert(id);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QList<Paper> batch = [] {
        QList<Paper> papers;
        for (const char *id : {"2611.00001", "2611.00002", "math.GT/0309136"}) {
            Paper p;
            p.arxivId = QString::fromLatin1(id);
            p.title = QStringLiteral("Title of ") + p.arxivId;
            papers << p;
        }
        return papers;
    }();
    const TitleReplyParser parser(batch);
    checkVerdict(parser.parseText(Fuzz::text(data, size)), batch);
    const QJsonDocument doc = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    if (doc.isObject())
        checkVerdict(parser.parseJson(doc.object()), batch);
    else if (doc.isArray())
        checkVerdict(parser.parseJson(doc.array()), batch);
    return 0;
}
