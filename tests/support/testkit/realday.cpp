// SPDX-License-Identifier: GPL-3.0-or-later
#include "realday.h"

#include "scoring/builtinscorer.h"
#include "store/paperstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <vector>

namespace Lectern::Test {

QString sharedDataDir()
{
    return QStringLiteral(LECTERN_SHARED_DATA);
}

QJsonDocument readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()) : QJsonDocument();
}

RealDay loadRealDay(const QString &day)
{
    RealDay out;
    const QDir dir(sharedDataDir());
    out.day = QDate::fromString(day, Qt::ISODate);
    const QJsonArray papers = readJson(dir.filePath(QStringLiteral("realdays/%1.json").arg(day))).array();
    for (const QJsonValue &v : papers) {
        const QJsonObject o = v.toObject();
        Paper p;
        p.arxivId = o.value(QStringLiteral("id")).toString();
        p.title = o.value(QStringLiteral("title")).toString();
        p.abstract = o.value(QStringLiteral("abstract")).toString();
        for (const QJsonValue &a : o.value(QStringLiteral("authors")).toArray())
            p.authors << a.toString();
        for (const QJsonValue &c : o.value(QStringLiteral("categories")).toArray())
            p.categories << c.toString();
        p.primaryCategory = o.value(QStringLiteral("primary_category")).toString();
        p.announced = out.day;
        p.announceType = p.primaryCategory == u"cs.LG" || p.primaryCategory == u"cs.AI"
            ? QStringLiteral("new")
            : QStringLiteral("cross");
        out.papers << p;
    }
    const QJsonArray relevant = readJson(dir.filePath(QStringLiteral("realdays/%1.labels.json").arg(day)))
                                    .object()
                                    .value(QStringLiteral("relevant"))
                                    .toArray();
    for (const QJsonValue &v : relevant)
        out.relevant.insert(v.toObject().value(QStringLiteral("id")).toString());
    QFile topics(dir.filePath(QStringLiteral("topics-reference.md")));
    if (topics.open(QIODevice::ReadOnly))
        out.topics = ResearchTopics::parse(QString::fromUtf8(topics.readAll()));
    return out;
}

RankingEvaluation evaluateFromStore(
    const QString &databasePath, const RealDay &day, const QList<Paper> &measured)
{
    auto store = PaperStore::open(databasePath);
    if (!store)
        return {};
    auto inputs = BuiltinModel::inputsFromStore(*store.value(), day.topics);
    if (!inputs)
        return {};
    const auto model = BuiltinModel::build(*inputs);
    std::vector<double> scores;
    std::vector<bool> relevant;
    for (const Paper &p : measured) {
        scores.push_back(model->assess(p).rankScore);
        relevant.push_back(day.relevant.contains(p.arxivId));
    }
    return RankingEvaluation::of(scores, relevant);
}

bool storeDay(const QString &databasePath, const RealDay &day, const QList<Paper> &trained)
{
    auto store = PaperStore::open(databasePath);
    if (!store || !store.value()->upsertPapers(day.papers).ok())
        return false;
    const QDateTime at(day.day, QTime(12, 0), QTimeZone::UTC);
    for (const Paper &p : trained) {
        Score s;
        s.arxivId = p.arxivId;
        const bool selected = day.relevant.contains(p.arxivId);
        s.relevance = selected ? 9 : 3;
        s.novelty = selected ? 8 : 3;
        s.model = QStringLiteral("reference-llm");
        s.promptHash = QStringLiteral("reference");
        s.scoredAt = at;
        if (!store.value()->addScore(s).ok())
            return false;
    }
    return true;
}

std::pair<QList<Paper>, QList<Paper>> halves(const RealDay &day, std::optional<quint32> seed)
{
    std::pair<QList<Paper>, QList<Paper>> out;
    QList<Paper> papers = day.papers;
    if (seed) {
        QRandomGenerator rng(*seed);
        std::shuffle(papers.begin(), papers.end(), rng);
        const qsizetype half = papers.size() / 2;
        return {papers.first(half), papers.sliced(half)};
    }
    for (const Paper &p : papers)
        ((p.arxivId.back().digitValue() % 2 == 0) ? out.first : out.second) << p;
    return out;
}

} // namespace Lectern::Test
