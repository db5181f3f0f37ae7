// SPDX-License-Identifier: GPL-3.0-or-later
#include "backfilljob.h"

#include "arxiv/daystatusnote.h"
#include "arxiv/oaipmhparser.h"
#include "store/paperstore.h"

#include <QMap>
#include <QScopeGuard>
#include <QUrlQuery>

#include <algorithm>

namespace Lectern {

namespace {
// New papers from which a back-fill merges the search index's segments (about four busy days).
constexpr int kOptimizeIndexAfter = 1000;
} // namespace

namespace {

QString announceTypeOf(const OaiRecord &r, const QStringList &requested)
{
    const bool primaryRequested = requested.contains(r.paper.primaryCategory);
    if (r.updated.isValid())
        return primaryRequested ? QStringLiteral("replace") : QStringLiteral("replace-cross");
    return primaryRequested ? QStringLiteral("new") : QStringLiteral("cross");
}

} // namespace

BackfillJob::BackfillJob(BackfillRequest request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
{ }

QString BackfillJob::setFor(const QString &category)
{
    static const QStringList ownGroups = {QStringLiteral("cs"), QStringLiteral("math"),
        QStringLiteral("stat"), QStringLiteral("q-bio"), QStringLiteral("q-fin"), QStringLiteral("eess"),
        QStringLiteral("econ")};
    const qsizetype dot = category.indexOf(u'.');
    const QString archive = dot < 0 ? category : category.left(dot);
    const QString group = ownGroups.contains(archive) ? archive : QStringLiteral("physics");
    if (dot < 0)
        return group + u':' + archive;
    return group + u':' + archive + u':' + category.mid(dot + 1);
}

Result<QString> BackfillJob::run()
{
    const auto publish = qScopeGuard([this] { setResult(QVariant::fromValue(m_summary)); });
    const BackfillRequest &rq = m_request;
    if (!rq.from.isValid() || !rq.until.isValid() || rq.from > rq.until)
        return Error {tr("Back-fill needs a date range with from <= until.")};
    if (rq.until > rq.http.clock->nowUtc().toLocalTime().date())
        return Error {
            tr("Back-fill cannot reach into the future (until %1).").arg(rq.until.toString(Qt::ISODate))};
    auto opened = PaperStore::open(rq.databasePath);
    if (!opened)
        return Error {opened.error()};
    PaperStore &store = *opened.value();
    HttpOptions options = rq.http;
    // OAI-PMH flow control: the server answers 503 + Retry-After; wait it out several times.
    options.maxAttempts = std::max(options.maxAttempts, 7);
    HttpClient http(options, cancelFlag());
    http.onRetry = [this](const QString &note) { report(-1, -1, note); };

    QMap<QDate, std::pair<int, int>> perDay; // items, kept
    const int n = int(rq.categories.size());
    for (int k = 0; k < n; ++k) {
        const QString category = rq.categories.at(k);
        QString token;
        do {
            if (isCancelled())
                return Error {tr("Cancelled.")};
            QUrl url = rq.oaiBase;
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("verb"), QStringLiteral("ListRecords"));
            if (token.isEmpty()) {
                query.addQueryItem(QStringLiteral("metadataPrefix"), QStringLiteral("arXiv"));
                query.addQueryItem(QStringLiteral("set"), setFor(category));
                query.addQueryItem(QStringLiteral("from"), rq.from.toString(Qt::ISODate));
                query.addQueryItem(QStringLiteral("until"), rq.until.toString(Qt::ISODate));
            } else {
                // Continuation requests carry only the verb and the token.
                query.addQueryItem(
                    QStringLiteral("resumptionToken"), QString::fromLatin1(QUrl::toPercentEncoding(token)));
            }
            url.setQuery(query);
            HttpRequest req = HttpRequest::get(url);
            req.arxivGate = true;
            const HttpResponse resp = http.send(req);
            if (resp.cancelled)
                return Error {tr("Cancelled.")};
            if (!resp.ok())
                return Error {resp.error};
            auto page = OaiPmhParser::parse(resp.body);
            if (!page)
                return Error {QStringLiteral("%1: %2").arg(url.toDisplayString(), page.error())};
            if (page->errorCode == u"noRecordsMatch")
                break;
            if (!page->errorCode.isEmpty())
                return Error {
                    tr("OAI-PMH error %1 for %2: %3").arg(page->errorCode, category, page->errorMessage)};
            ++m_summary.pages;

            QList<Paper> batch;
            for (const OaiRecord &r : page->records) {
                if (r.deleted || !r.datestamp.isValid() || r.datestamp < rq.from || r.datestamp > rq.until)
                    continue;
                ++m_summary.records;
                Paper p = r.paper;
                p.announceType = announceTypeOf(r, rq.categories);
                perDay[r.datestamp].first++;
                if (rq.keepTypes.contains(p.announceType)) {
                    p.announced = r.datestamp;
                    perDay[r.datestamp].second++;
                    ++m_summary.stored;
                    batch << p;
                } else if (auto known = store.contains(p.arxivId); known && *known) {
                    batch << p;
                }
            }
            auto stored = store.upsertPapers(batch);
            if (!stored)
                return Error {stored.error()};
            for (PaperStore::Upsert u : *stored)
                m_summary.newPapers += u == PaperStore::Upsert::Inserted;
            token = page->resumptionToken;
            report(k, n,
                tr("%1: page %2, %3 records so far")
                    .arg(category)
                    .arg(m_summary.pages)
                    .arg(m_summary.records));
        } while (!token.isEmpty());
        report(k + 1, n, tr("%1 done").arg(category));
    }

    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
        auto existing = store.dayRun(it.key());
        if (!existing)
            return Error {existing.error()};
        const bool fromFeeds = existing->has_value() && (*existing)->source.startsWith(u"rss");
        if (fromFeeds && (*existing)->complete)
            continue; // a complete day from its own feeds is authoritative
        DayRun run = existing->value_or(DayRun());
        run.date = it.key();
        run.categories = rq.categories;
        if (fromFeeds) {
            // A partial feed day completed by OAI: the larger count of each total is the better estimate.
            run.totalArxiv = std::max(run.totalArxiv, it->first);
            run.totalScanned = std::max(run.totalScanned, it->second);
            run.source = QStringLiteral("rss+oai");
            run.statusNote = DayStatusNote::encode({{DayProblem::Code::CompletedByBackfill, {}}});
        } else {
            run.totalArxiv = it->first;
            run.totalScanned = it->second;
            run.source = QStringLiteral("oai");
            run.statusNote = DayStatusNote::encode({{DayProblem::Code::Backfilled, {}}});
        }
        run.complete = true;
        if (auto r = store.saveDayRun(run); !r)
            return Error {r.error()};
        m_summary.days << it.key();
    }
    // Each stored batch added a small segment to the search index; after months of them, merging keeps
    // searches reading one b-tree per term. Not worth it for a day or two.
    if (m_summary.newPapers >= kOptimizeIndexAfter) {
        if (auto r = store.optimizeSearchIndex(); !r)
            return Error {r.error()};
    }
    return tr("Back-filled %1 to %2: %3 records on %4 day(s), %5 new papers")
        .arg(rq.from.toString(Qt::ISODate), rq.until.toString(Qt::ISODate))
        .arg(m_summary.records)
        .arg(m_summary.days.size())
        .arg(m_summary.newPapers);
}

} // namespace Lectern
