// SPDX-License-Identifier: GPL-3.0-or-later
// LLM replies: the model's text, which an abstract in the prompt can steer.
#include "fuzzcheck.h"
#include "scoring/scorereplyparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Lectern;

namespace {

void checkScores(const ParsedScores &parsed, const QStringList &batch)
{
    QSet<QString> seen;
    for (const ScoredItem &item : parsed.items) {
        Fuzz::check(batch.contains(item.arxivId), "a score for a paper outside the batch");
        Fuzz::check(!seen.contains(item.arxivId), "two scores for one paper");
        seen.insert(item.arxivId);
        for (const auto &mark : {item.relevance, item.novelty})
            Fuzz::check(!mark || (*mark >= 1 && *mark <= 10), "a mark outside 1..10");
        Fuzz::check(item.relevance || item.novelty, "an item without any mark");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QStringList batch {
        QStringLiteral("2611.00001"), QStringLiteral("2611.00002"), QStringLiteral("hep-th/9901001")};
    const ScoreReplyParser parser(batch);
    checkScores(parser.parseText(Fuzz::text(data, size)), batch);
    const QJsonDocument doc = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    if (doc.isObject())
        checkScores(parser.parseJson(doc.object()), batch);
    else if (doc.isArray())
        checkScores(parser.parseJson(doc.array()), batch);
    return 0;
}
